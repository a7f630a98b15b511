// Market data's scheduled job (listed with the others in jobs/index.ts).
import type { JobDefinition } from "@/server/core/jobs";
import { runMarketClose } from "./job";

export const MARKET_JOB = "market-close";

export const marketCloseJob = {
  // KRX closes at 15:30 Seoul time; by 16:00 the day's close is published; 18:00 catches a provider running late
  // (a run with the day already stored asks nothing). Weekdays only; holidays give no bar.
  name: MARKET_JOB,
  cron: "0 16,18 * * 1-5",
  timeZone: "Asia/Seoul",
  description: "Fetches the KOSPI's final closes from the market-data provider after the KRX close (again at 18:00 if late) and appends the missing days (idempotent, catch-up after downtime); a move beyond the threshold is recorded as a market event and alerts subscribed to KOSPI moves go out.",
  handler: ({ db, ingest, now }) => runMarketClose(db, ingest, now),
  // Down at 16:00 and 18:00? Catch up at start (a run with every final close stored asks the provider nothing).
  runOnStart: true,
} as const satisfies JobDefinition;

export const marketJobs = [marketCloseJob] as const;
