// Market data: the series' charts, rows and event reactions for readers (`market`); the provider's status for
// signed-in readers and a manual run of the market-close job for editors (`marketData`). Thin: validate, call a service.
import { asOfFrom, createTRPCRouter, editorProcedure, protectedProcedure, readProcedure } from "@/server/core/trpc";
import { chartInput, reactionsInput, seriesRangeInput } from "./schemas";
import { getSeriesChart } from "./chart";
import { eventReactions, seriesRows } from "./series";
import { fetchMarketNow, marketStatus } from "./status";

export const marketRouter = createTRPCRouter({
  chart: readProcedure
    .input(chartInput)
    .query(({ ctx, input }) => getSeriesChart(ctx.db, input.key, asOfFrom(ctx, input).at, input)),
  rows: readProcedure
    .input(seriesRangeInput)
    .query(({ ctx, input }) => seriesRows(ctx.db, input.key, asOfFrom(ctx, input).at, input)),
  reactions: readProcedure
    .input(reactionsInput)
    .query(({ ctx, input }) => eventReactions(ctx.db, input.key, asOfFrom(ctx, input).at, { limit: input.limit })),
});

export const marketDataRouter = createTRPCRouter({
  status: protectedProcedure.query(({ ctx }) => marketStatus(ctx.db, ctx.config.ingest.market)),
  fetchNow: editorProcedure.mutation(({ ctx }) => fetchMarketNow(ctx.db, ctx.config.ingest, ctx.now(), `manual:${ctx.user.id}`)),
});
