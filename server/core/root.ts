// The root router: every feature's procedures under one API. Paths are the public API (`overview.get`,
// `alerts.admin.jobs`, …) and stay as they are; each feature owns its router (server/<feature>/router.ts).
// The dashboard's reads are loaded with this module; every other feature's router is loaded on its first call
// (tRPC's lazy): a public page then never loads the editors', the mailer's or the feed reader's code.
import { lazy } from "@trpc/server";
import { deadlinesRouter, overviewRouter, sourcesRouter, supportRouter, tariffsRouter } from "@/server/dashboard/router";
import { marketRouter } from "@/server/market/router";
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
  marketData: lazy(() => import("@/server/market/router").then((m) => m.marketDataRouter)),
  // records (editing), conflicts, audit log
  edit: lazy(() => import("@/server/records/router").then((m) => m.editRouter)),
  conflicts: lazy(() => import("@/server/records/router").then((m) => m.conflictsRouter)),
  audit: lazy(() => import("@/server/records/router").then((m) => m.auditRouter)),
  records: lazy(() => import("@/server/records/router").then((m) => m.recordsRouter)),
  // users
  admin: lazy(() => import("@/server/users/router").then((m) => m.adminRouter)),
  // alerts and the calendar feed's tokens
  alerts: lazy(() => import("@/server/alerts/router").then((m) => m.alertsRouter)),
  feedTokens: lazy(() => import("@/server/calendar/router").then((m) => m.feedTokensRouter)),
  // status screens
  screens: lazy(() => import("@/server/screens/router").then((m) => m.screensRouter)),
  // news: articles, review, feeds
  articles: lazy(() => import("@/server/news/ingest/router").then((m) => m.articlesRouter)),
  review: lazy(() => import("@/server/news/review/router").then((m) => m.reviewRouter)),
  feeds: lazy(() => import("@/server/news/feeds/router").then((m) => m.feedsRouter)),
  // products: HTS lines, their coverage and duty
  products: lazy(() => import("@/server/products/router").then((m) => m.productsRouter)),
});

export type AppRouter = typeof appRouter;

/** Every lazy router loaded, so `appRouter._def.procedures` lists them all (tests and tools that walk the API). */
export async function loadAllRouters(): Promise<typeof appRouter> {
  for (let pending = Object.values(appRouter._def.lazy); pending.length > 0; pending = Object.values(appRouter._def.lazy)) {
    await Promise.all(pending.map((loader) => loader.load()));
  }
  return appRouter;
}

/** Server-side caller: pages, REST handlers and tests call procedures through this. */
export const createCaller = createCallerFactory(appRouter);
