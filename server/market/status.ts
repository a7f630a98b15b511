// What the market-data panel and `npm run market -- status` show: the provider, the last stored close, the job's
// last run (job_runs "market-close", with the discrepancies its result reported) and its next scheduled run.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobRuns } from "@/db/schema";
import type { AlertsConfig, IngestConfig, MarketConfig } from "@/server/core/config";
import { nextRuns, runJob } from "@/server/core/jobs";
import { MARKET_JOB, marketCloseJob } from "./jobs";
import type { MarketCloseResult } from "./job";
import { providerName } from "./providers";
import { KOSPI_SERIES, KOSPI_SYMBOL } from "./rules";
import { lastObservation, type Discrepancy } from "./store";

export async function marketStatus(db: Db, config: MarketConfig) {
  const [last, [run]] = await Promise.all([lastObservation(db, KOSPI_SERIES), db.select().from(jobRuns).where(eq(jobRuns.name, MARKET_JOB))]);
  const result = (run?.lastResult ?? null) as { discrepancies?: Discrepancy[]; appended?: unknown[]; status?: string } | null;
  return {
    provider: providerName(config),
    baseUrl: config.baseUrl ?? null,
    symbol: KOSPI_SYMBOL,
    series: KOSPI_SERIES,
    moveEventPct: config.moveEventPct,
    last,
    lastRun: run
      ? { startedAt: run.lastStartedAt, finishedAt: run.lastFinishedAt, error: run.lastError, status: result?.status ?? null, appended: result?.appended?.length ?? 0 }
      : null,
    nextRun: nextRuns([marketCloseJob])[0]?.next ?? null,
    discrepancies: Array.isArray(result?.discrepancies) ? result.discrepancies.slice(0, 20) : [],
  };
}

/**
 * One run of the market-close job now, recorded in job_runs like a scheduled run (the panel's "Fetch now"): the
 * result, or the clear error (a MarketDataError names the provider and what was wrong; nothing was written).
 */
export async function fetchMarketNow(db: Db, ingest: IngestConfig, now: Date, runner: string): Promise<{ ok: true; result: MarketCloseResult } | { ok: false; error: string }> {
  // The market job reads only db, ingest and now; the alerts configuration is needed for the runner's name alone.
  const run = await runJob(marketCloseJob, { db, config: { workerId: runner } as AlertsConfig, ingest }, now);
  return run.ok ? { ok: true, result: run.result as MarketCloseResult } : { ok: false, error: run.error ?? "The market-data run failed" };
}
