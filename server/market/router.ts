// Market data: the provider's status for signed-in readers, a manual run of the market-close job for editors.
import { ingestConfigFromEnv } from "@/server/core/config";
import { fetchMarketNow, marketStatus } from "./status";
import { createTRPCRouter, editorProcedure, protectedProcedure } from "../core/trpc";

export const marketDataRouter = createTRPCRouter({
  status: protectedProcedure.query(({ ctx }) => marketStatus(ctx.db, ingestConfigFromEnv().market)),
  fetchNow: editorProcedure.mutation(({ ctx }) => fetchMarketNow(ctx.db, ingestConfigFromEnv(), ctx.now(), `manual:${ctx.user.id}`)),
});
