// The root router: every feature's procedures under one API. Paths are the public API (`overview.get`,
// `alerts.admin.jobs`, …) and stay as they are; each feature owns its router (server/<feature>/router.ts).
import { alertsRouter } from "@/server/alerts/router";
import { feedTokensRouter } from "@/server/calendar/router";
import { deadlinesRouter, overviewRouter, sourcesRouter, supportRouter, tariffsRouter } from "@/server/dashboard/router";
import { marketDataRouter, marketRouter } from "@/server/market/router";
import { feedsRouter } from "@/server/news/feeds/router";
import { articlesRouter } from "@/server/news/ingest/router";
import { reviewRouter } from "@/server/news/review/router";
import { auditRouter, conflictsRouter, editRouter, recordsRouter } from "@/server/records/router";
import { screensRouter } from "@/server/screens/router";
import { adminRouter } from "@/server/users/router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  // dashboard (reads)
  overview: overviewRouter,
  tariffs: tariffsRouter,
  deadlines: deadlinesRouter,
  support: supportRouter,
  sources: sourcesRouter,
  // market data
  market: marketRouter,
  marketData: marketDataRouter,
  // records (editing), conflicts, audit log
  edit: editRouter,
  conflicts: conflictsRouter,
  audit: auditRouter,
  records: recordsRouter,
  // users
  admin: adminRouter,
  // alerts and the calendar feed's tokens
  alerts: alertsRouter,
  feedTokens: feedTokensRouter,
  // status screens
  screens: screensRouter,
  // news: articles, review, feeds
  articles: articlesRouter,
  review: reviewRouter,
  feeds: feedsRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller: pages, REST handlers and tests call procedures through this. */
export const createCaller = createCallerFactory(appRouter);
