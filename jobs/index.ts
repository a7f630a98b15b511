// Scheduled jobs, declared as data: name, cron expression (node-cron, minute resolution), the zone the expression is
// read in, what it does. Handlers get the database, the alert configuration and `now` (the instant the run was
// scheduled for), never the wall clock. Run by jobs/runner.ts: inside the web process on the embedded database, or
// by `npm run worker` with DATABASE_URL (any number of workers: every step is deduplicated in the database).
import type { Db } from "@/db/client";
import type { AlertsConfig } from "@/server/core/config";
import { composeDigests } from "@/server/alerts/digest";
import { deliverEmails } from "@/server/alerts/deliver";
import { runTick } from "@/server/alerts/tick";
import { pollDueFeeds } from "@/server/news/feeds/poll";
import type { IngestConfig } from "@/server/core/config";
import { runMarketClose } from "@/server/market/job";

export type JobContext = { db: Db; config: AlertsConfig; ingest: IngestConfig; now: Date };

export type JobDefinition = {
  name: string;
  cron: string;
  timeZone: string;
  description: string;
  handler: (ctx: JobContext) => Promise<unknown>;
  /** Also run once when the runner starts (catching up after downtime instead of waiting for the next slot). */
  runOnStart?: boolean;
};

export const JOBS = [
  {
    name: "alerts-scan",
    cron: "* * * * *",
    timeZone: "UTC",
    description: "Plans the reminders and notices due now (late ones after downtime), gathers them into emails, sends the outbox.",
    handler: ({ db, config, now }) => runTick(db, config, now, { digests: false }),
  },
  {
    // Every quarter hour, so that 08:00 in any zone (all UTC offsets are whole quarter hours) is met on time.
    name: "alerts-digest",
    cron: "0,15,30,45 * * * *",
    timeZone: "UTC",
    description: "Sends the daily digest to everyone whose 08:00 local time has come (due in 14 days, changes, missed).",
    handler: async ({ db, config, now }) => ({ digests: await composeDigests(db, config, now), deliver: await deliverEmails(db, config, now) }),
  },
  {
    name: "alerts-retry",
    cron: "*/2 * * * *",
    timeZone: "UTC",
    description: "Retries failed deliveries whose backoff has passed and takes over emails a dead worker left leased.",
    handler: ({ db, config, now }) => deliverEmails(db, config, now),
  },
  {
    name: "feeds-poll",
    cron: "*/5 * * * *",
    timeZone: "UTC",
    description: "Polls the RSS/Atom feeds whose next check has come (conditional requests, backoff on errors); new items matching a feed's keywords are ingested and their facts queued for review.",
    handler: ({ db, ingest, now }) => pollDueFeeds(db, ingest, now),
  },
  {
    // KRX closes at 15:30 Seoul time; by 16:00 the day's close is published; 18:00 catches a provider running late
    // (a run with the day already stored asks nothing). Weekdays only; holidays give no bar.
    name: "market-close",
    cron: "0 16,18 * * 1-5",
    timeZone: "Asia/Seoul",
    description: "Fetches the KOSPI's final closes from the market-data provider after the KRX close (again at 18:00 if late) and appends the missing days (idempotent, catch-up after downtime); a move beyond the threshold is recorded as a market event and alerts subscribed to KOSPI moves go out.",
    handler: ({ db, ingest, now }) => runMarketClose(db, ingest, now),
    // Down at 16:00 and 18:00? Catch up at start (a run with every final close stored asks the provider nothing).
    runOnStart: true,
  },
] as const satisfies readonly JobDefinition[];

export type JobName = (typeof JOBS)[number]["name"];
