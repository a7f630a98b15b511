// News's scheduled job (listed with the others in jobs/index.ts).
import type { JobDefinition } from "@/server/core/jobs";
import { pollDueFeeds } from "./feeds/poll";

export const newsJobs = [
  {
    name: "feeds-poll",
    cron: "*/5 * * * *",
    timeZone: "UTC",
    description: "Polls the RSS/Atom feeds whose next check has come (conditional requests, backoff on errors); new items matching a feed's keywords are ingested and their facts queued for review.",
    handler: ({ db, ingest, now }) => pollDueFeeds(db, ingest, now),
  },
] as const satisfies readonly JobDefinition[];
