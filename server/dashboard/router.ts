// The dashboard's read procedures (overview, tariffs, deadlines, support, sources): thin — validate input, resolve
// asOf, call a service.
import { AS_OF_ZONE } from "@/server/core/constants";
import { startOfDay } from "@/server/core/time";
import { asOfFrom, asOfInput, createTRPCRouter, readProcedure } from "@/server/core/trpc";
import { CHART_START } from "./constants";
import { listDeadlines } from "./deadlines";
import { getOverview } from "./overview";
import { budgetsInput, deadlinesInput, figuresInput, sectorInput, sourcesInput, tariffStepsInput } from "./schemas";
import { listSources } from "./sources";
import { listBudgets, listFigures } from "./support";
import { getSectorDetail } from "./sector";
import { getTariffBoard } from "./tariffs";
import { getTariffSteps } from "./tariff-steps";

export const overviewRouter = createTRPCRouter({
  get: readProcedure.input(asOfInput).query(({ ctx, input }) => getOverview(ctx.db, asOfFrom(ctx, input).at)),
});

export const tariffsRouter = createTRPCRouter({
  board: readProcedure.input(asOfInput).query(({ ctx, input }) => getTariffBoard(ctx.db, asOfFrom(ctx, input).at)),
  steps: readProcedure
    .input(tariffStepsInput)
    .query(({ ctx, input }) =>
      getTariffSteps(ctx.db, asOfFrom(ctx, input).at, startOfDay(input.from ?? CHART_START, AS_OF_ZONE), input),
    ),
  sector: readProcedure
    .input(sectorInput)
    .query(({ ctx, input }) =>
      getSectorDetail(ctx.db, input.sector, asOfFrom(ctx, input).at, startOfDay(input.from ?? CHART_START, AS_OF_ZONE), input),
    ),
});

export const deadlinesRouter = createTRPCRouter({
  list: readProcedure
    .input(deadlinesInput)
    .query(({ ctx, input }) =>
      listDeadlines(ctx.db, asOfFrom(ctx, input).at, { sector: input.sector, limit: input.limit, chains: input.chains }),
    ),
});

export const supportRouter = createTRPCRouter({
  budgets: readProcedure
    .input(budgetsInput)
    .query(({ ctx, input }) => listBudgets(ctx.db, asOfFrom(ctx, input).at, input.sector, input.limit)),
  figures: readProcedure
    .input(figuresInput)
    .query(({ ctx, input }) => listFigures(ctx.db, asOfFrom(ctx, input).at, input.kind, input.limit)),
});

export const sourcesRouter = createTRPCRouter({
  list: readProcedure.input(sourcesInput).query(({ ctx, input }) => listSources(ctx.db, asOfFrom(ctx, input).at, input)),
});
