// Market data: the series' charts, rows and event reactions for readers (`market`); the provider's status for
// signed-in readers and a manual run of the market-close job for editors (`marketData`). Thin: validate, call a service.
import { z } from "zod";
import { isoDate } from "@/server/core/schemas";
import { asOfFrom, asOfInput, createTRPCRouter, editorProcedure, protectedProcedure, readProcedure } from "@/server/core/trpc";
import { eventReactions, getSeriesChart, MAX_CHART_POINTS, seriesRows } from "./series";
import { fetchMarketNow, marketStatus } from "./status";

export const seriesKey = z.string().regex(/^[a-z0-9_-]{1,40}$/, "must be a series key such as kospi");

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

export const marketDataRouter = createTRPCRouter({
  status: protectedProcedure.query(({ ctx }) => marketStatus(ctx.db, ctx.config.ingest.market)),
  fetchNow: editorProcedure.mutation(({ ctx }) => fetchMarketNow(ctx.db, ctx.config.ingest, ctx.now(), `manual:${ctx.user.id}`)),
});
