// Read procedures: thin — validate input, resolve asOf, call a service.
import { z } from "zod";
import { AS_OF_ZONE, SECTORS } from "@/server/core/constants";
import { isIsoDate, startOfDay } from "@/server/core/time";
import { listDeadlines } from "./deadlines";
import { eventReactions, getSeriesChart, MAX_CHART_POINTS, seriesRows } from "@/server/market/series";
import { getOverview } from "./overview";
import { listSources } from "./sources";
import { listBudgets, listFigures } from "./support";
import { getSectorDetail, getTariffBoard, getTariffSteps } from "./tariffs";
import { FIGURE_KINDS } from "@/server/core/constants";
import { asOfFrom, asOfInput, createTRPCRouter, readProcedure } from "../core/trpc";

export const isoDate = z.string().refine(isIsoDate, "must be a calendar date YYYY-MM-DD");
export const seriesKey = z.string().regex(/^[a-z0-9_-]{1,40}$/, "must be a series key such as kospi");
/** Charts start before the first tracked event so the step from the old rate is visible. */
export const CHART_START = "2025-01-01";

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

const rangeInput = asOfInput
  .extend({ key: seriesKey.default("kospi"), from: isoDate.optional(), to: isoDate.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "must not be after to", path: ["from"] });

export const marketRouter = createTRPCRouter({
  chart: readProcedure
    .input(rangeInput.extend({ maxPoints: z.number().int().min(10).max(MAX_CHART_POINTS).optional() }))
    .query(({ ctx, input }) => getSeriesChart(ctx.db, input.key, asOfFrom(ctx, input).at, input)),
  rows: readProcedure
    .input(rangeInput)
    .query(({ ctx, input }) => seriesRows(ctx.db, input.key, asOfFrom(ctx, input).at, input)),
  reactions: readProcedure
    .input(asOfInput.extend({ key: seriesKey.default("kospi"), limit: z.number().int().min(1).max(500).optional() }))
    .query(({ ctx, input }) => eventReactions(ctx.db, input.key, asOfFrom(ctx, input).at, { limit: input.limit })),
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
