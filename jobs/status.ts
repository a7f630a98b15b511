// Each declared job as the admin page shows it: its schedule and next run (from the expression and zone) with the
// last run recorded in job_runs (start, finish, error, result, which process).
import type { Db } from "@/db/client";
import { jobRuns } from "@/db/schema";
import { nextRuns } from "./runner";

export async function jobStatus(db: Db) {
  const runs = await db.select().from(jobRuns);
  return nextRuns().map((job) => {
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
