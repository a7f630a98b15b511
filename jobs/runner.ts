// Runs the declared jobs with node-cron: validates each zone first (node-cron accepts a bad one silently and fails
// later), never overlaps a job with itself, records every run in job_runs (server/core/jobs.ts runJob) and logs
// failures without stopping the schedule.
import cron, { type ScheduledTask } from "node-cron";
import { nextRuns as schedulesOf, runJob, validateJobs, type JobDefinition, type JobDeps } from "@/server/core/jobs";
import { JOBS } from "./index";

export { runJob, validateJobs };

/** Next scheduled instants of each job (all declared jobs unless told). */
export const nextRuns = (jobs: readonly JobDefinition[] = JOBS) => schedulesOf(jobs);

export type RunningJobs = { tasks: ScheduledTask[]; stop: () => Promise<void> };

export function startJobs(deps: JobDeps, jobs: readonly JobDefinition[] = JOBS): RunningJobs {
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
