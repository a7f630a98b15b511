import { adminRouter } from "./routers/admin";
import { articlesRouter } from "./routers/articles";
import { feedsRouter } from "./routers/feeds";
import { marketDataRouter } from "./routers/market-data";
import { reviewRouter } from "./routers/review";
import { alertsRouter } from "./routers/alerts";
import { auditRouter, conflictsRouter, editRouter, recordsRouter } from "./routers/edit";
import { feedTokensRouter } from "./routers/feed-tokens";
import { screensRouter } from "./routers/screens";
import { createCallerFactory, createTRPCRouter } from "./trpc";
import {
  deadlinesRouter,
  marketRouter,
  overviewRouter,
  sourcesRouter,
  supportRouter,
  tariffsRouter,
} from "./routers/read";

export const appRouter = createTRPCRouter({
  overview: overviewRouter,
  tariffs: tariffsRouter,
  deadlines: deadlinesRouter,
  market: marketRouter,
  support: supportRouter,
  sources: sourcesRouter,
  admin: adminRouter,
  edit: editRouter,
  conflicts: conflictsRouter,
  audit: auditRouter,
  records: recordsRouter,
  alerts: alertsRouter,
  feedTokens: feedTokensRouter,
  screens: screensRouter,
  articles: articlesRouter,
  review: reviewRouter,
  feeds: feedsRouter,
  marketData: marketDataRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller: pages, REST handlers and tests call procedures through this. */
export const createCaller = createCallerFactory(appRouter);
