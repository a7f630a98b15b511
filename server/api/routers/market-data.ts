// Market data: provider status, fetch now, CSV import of closes (helper E) — in progress.
import { createTRPCRouter } from "../trpc";

export const marketDataRouter = createTRPCRouter({});
