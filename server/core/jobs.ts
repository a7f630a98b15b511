// Scheduled jobs as data. Each feature declares its own (server/<feature>/jobs.ts); jobs/index.ts lists them all and
// jobs/runner.ts schedules them. A handler gets the database, the configuration and `now` (the instant the run was
// scheduled for), never the wall clock; every run is recorded in job_runs (last start, finish, error, result).
import cron from "node-cron";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobRuns } from "@/db/schema";
import { ingestConfigFromEnv, type AlertsConfig, type IngestConfig } from "./config";
import { isValidTimeZone } from "./time";

export type JobContext = { db: Db; config: AlertsConfig; ingest: IngestConfig; now: Date };

export type JobDefinition = {
  name: string;
  /** node-cron expression (minute resolution), read in `timeZone`. */
  cron: string;
  timeZone: string;
  description: string;
  handler: (ctx: JobContext) => Promise<unknown>;
  /** Also run once when the runner starts (catching up after downtime instead of waiting for the next slot). */
  runOnStart?: boolean;
};

export type JobDeps = { db: Db; config: AlertsConfig; ingest?: IngestConfig };

/** node-cron accepts a bad zone silently and fails later: every job is checked before anything is scheduled. */
export function validateJobs(jobs: readonly JobDefinition[]): void {
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`Job "${job.name}" is declared twice`);
    names.add(job.name);
    if (!isValidTimeZone(job.timeZone)) throw new Error(`Job "${job.name}": "${job.timeZone}" is not an IANA time zone`);
    if (!cron.validate(job.cron)) throw new Error(`Job "${job.name}": "${job.cron}" is not a valid cron expression`);
  }
}

/** Runs one job now (or at `now`), recording the run. Never throws: a failure is logged and kept in job_runs. */
export async function runJob(job: JobDefinition, deps: JobDeps, now: Date): Promise<{ ok: boolean; result?: unknown; error?: string }> {
  const started = new Date();
  await deps.db
    .insert(jobRuns)
    .values({ name: job.name, lastStartedAt: started, runner: deps.config.workerId })
    .onConflictDoUpdate({ target: jobRuns.name, set: { lastStartedAt: started, runner: deps.config.workerId } })
    .catch(() => undefined);
  try {
    const result = await job.handler({ ...deps, ingest: deps.ingest ?? ingestConfigFromEnv(), now });
    await deps.db
      .update(jobRuns)
      .set({ lastFinishedAt: new Date(), lastError: null, lastResult: sql`${JSON.stringify(result ?? null)}::jsonb` })
      .where(sql`${jobRuns.name} = ${job.name}`);
    return { ok: true, result };
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    console.error(`[jobs] ${job.name} failed:`, error);
    await deps.db
      .update(jobRuns)
      .set({ lastFinishedAt: new Date(), lastError: message.slice(0, 2000) })
      .where(sql`${jobRuns.name} = ${job.name}`)
      .catch(() => undefined);
    return { ok: false, error: message };
  }
}

export type JobSchedule = { name: string; cron: string; timeZone: string; description: string; next: Date | null };

/** Next scheduled instants of each job (for the dashboard), computed from its expression and zone. */
export function nextRuns(jobs: readonly JobDefinition[]): JobSchedule[] {
  return jobs.map((job) => {
    const task = cron.createTask(job.cron, () => undefined, { timezone: job.timeZone, name: `preview-${job.name}` });
    try {
      // getNextRun() is null for a task that was never started; getNextRuns() reads the expression itself.
      return { name: job.name, cron: job.cron, timeZone: job.timeZone, description: job.description, next: task.getNextRuns(1)[0] ?? null };
    } finally {
      void task.destroy();
    }
  });
}

/** Each job as the admin page shows it: its schedule and next run with the last run recorded in job_runs. */
export async function jobStatus(db: Db, jobs: readonly JobDefinition[]) {
  const runs = await db.select().from(jobRuns);
  return nextRuns(jobs).map((job) => {
    const run = runs.find((r) => r.name === job.name);
    return {
      ...job,
      lastStartedAt: run?.lastStartedAt ?? null,
      lastFinishedAt: run?.lastFinishedAt ?? null,
      lastError: run?.lastError ?? null,
      lastResult: (run?.lastResult ?? null) as unknown,
      runner: run?.runner ?? null,
    };
  });
}
