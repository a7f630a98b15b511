// Runs the declared jobs with node-cron: validates each zone first (node-cron accepts a bad one silently and fails
// later), never overlaps a job with itself, records every run in job_runs (last start, finish, error, result) and
// logs failures without stopping the schedule.
import cron, { type ScheduledTask } from "node-cron";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobRuns } from "@/db/schema";
import type { AlertsConfig } from "@/server/core/config";
import { ingestConfigFromEnv, type IngestConfig } from "@/server/core/config";
import { isValidTimeZone } from "@/server/core/time";
import { JOBS, type JobDefinition } from "./index";

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
export async function runJob(job: JobDefinition, deps: { db: Db; config: AlertsConfig; ingest?: IngestConfig }, now: Date): Promise<{ ok: boolean; result?: unknown; error?: string }> {
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

/** Next scheduled instants of each job (for the dashboard), computed from its expression and zone. */
export function nextRuns(jobs: readonly JobDefinition[] = JOBS): { name: string; cron: string; timeZone: string; description: string; next: Date | null }[] {
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

export type RunningJobs = { tasks: ScheduledTask[]; stop: () => Promise<void> };

export function startJobs(deps: { db: Db; config: AlertsConfig; ingest?: IngestConfig }, jobs: readonly JobDefinition[] = JOBS): RunningJobs {
  validateJobs(jobs);
  const tasks = jobs.map((job) =>
    cron.schedule(job.cron, async (ctx) => void (await runJob(job, deps, ctx.date ?? new Date())), {
      timezone: job.timeZone,
      name: job.name,
      noOverlap: true,
    }),
  );
  // Jobs that catch up after downtime run once now, in the background (the web process must not wait for them).
  const startup = setTimeout(() => {
    for (const job of jobs) if (job.runOnStart) void runJob(job, deps, new Date());
  }, 0);
  return {
    tasks,
    stop: async () => {
      clearTimeout(startup);
      for (const t of tasks) await t.destroy();
    },
  };
}
