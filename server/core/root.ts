import { adminRouter } from "../users/router";
import { articlesRouter } from "../news/ingest/router";
import { feedsRouter } from "../news/feeds/router";
import { marketDataRouter } from "../market/router";
import { reviewRouter } from "../news/review/router";
import { alertsRouter } from "../alerts/router";
import { auditRouter, conflictsRouter, editRouter, recordsRouter } from "../records/router";
import { feedTokensRouter } from "../calendar/router";
import { screensRouter } from "../screens/router";
import { createCallerFactory, createTRPCRouter } from "./trpc";
import {
  deadlinesRouter,
  marketRouter,
  overviewRouter,
  sourcesRouter,
  supportRouter,
  tariffsRouter,
} from "../dashboard/router";

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
