// The dashboard's read procedures (overview, tariffs, deadlines, support, sources): thin — validate input, resolve
// asOf, call a service.
import { z } from "zod";
import { AS_OF_ZONE, FIGURE_KINDS, SECTORS } from "@/server/core/constants";
import { isoDate } from "@/server/core/schemas";
import { startOfDay } from "@/server/core/time";
import { asOfFrom, asOfInput, createTRPCRouter, readProcedure } from "@/server/core/trpc";
import { CHART_START } from "./constants";
import { listDeadlines } from "./deadlines";
import { getOverview } from "./overview";
import { listSources } from "./sources";
import { listBudgets, listFigures } from "./support";
import { getSectorDetail, getTariffBoard, getTariffSteps } from "./tariffs";


export const overviewRouter = createTRPCRouter({
  get: readProcedure.input(asOfInput).query(({ ctx, input }) => getOverview(ctx.db, asOfFrom(ctx, input).at)),
});

export const tariffsRouter = createTRPCRouter({
  board: readProcedure.input(asOfInput).query(({ ctx, input }) => getTariffBoard(ctx.db, asOfFrom(ctx, input).at)),
  steps: readProcedure
    .input(asOfInput.extend({ from: isoDate.optional() }))
    .query(({ ctx, input }) =>
      getTariffSteps(ctx.db, asOfFrom(ctx, input).at, startOfDay(input.from ?? CHART_START, AS_OF_ZONE)),
    ),
  sector: readProcedure
    .input(asOfInput.extend({ sector: z.enum(SECTORS), from: isoDate.optional() }))
    .query(({ ctx, input }) =>
      getSectorDetail(ctx.db, input.sector, asOfFrom(ctx, input).at, startOfDay(input.from ?? CHART_START, AS_OF_ZONE)),
    ),
});

export const deadlinesRouter = createTRPCRouter({
  list: readProcedure
    .input(asOfInput.extend({ sector: z.enum(SECTORS).optional(), limit: z.number().int().min(1).max(200).optional() }))
    .query(({ ctx, input }) =>
      listDeadlines(ctx.db, asOfFrom(ctx, input).at, { sector: input.sector, limit: input.limit }),
    ),
});

export const supportRouter = createTRPCRouter({
  budgets: readProcedure
    .input(asOfInput.extend({ sector: z.enum(SECTORS).optional() }))
    .query(({ ctx, input }) => listBudgets(ctx.db, asOfFrom(ctx, input).at, input.sector)),
  figures: readProcedure
    .input(asOfInput.extend({ kind: z.enum(FIGURE_KINDS).optional() }))
    .query(({ ctx, input }) => listFigures(ctx.db, asOfFrom(ctx, input).at, input.kind)),
});

export const sourcesRouter = createTRPCRouter({
  list: readProcedure.input(asOfInput).query(({ ctx, input }) => listSources(ctx.db, asOfFrom(ctx, input).at)),
});
