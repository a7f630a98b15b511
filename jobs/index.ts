// Every scheduled job, from the features that declare them (server/<feature>/jobs.ts). Run by jobs/runner.ts: inside
// the web process on the embedded database, or by `npm run worker` with DATABASE_URL (any number of workers: every
// step is deduplicated in the database).
import { alertJobs } from "@/server/alerts/jobs";
import type { JobDefinition } from "@/server/core/jobs";
import { marketJobs } from "@/server/market/jobs";
import { newsJobs } from "@/server/news/jobs";

export type { JobContext, JobDefinition } from "@/server/core/jobs";

export const JOBS = [...alertJobs, ...newsJobs, ...marketJobs] as const satisfies readonly JobDefinition[];

export type JobName = (typeof JOBS)[number]["name"];
