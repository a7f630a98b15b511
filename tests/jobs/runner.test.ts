// The job runner: a job marked runOnStart runs once when the runner starts (catching up after downtime) and is
// recorded in job_runs; one without it waits for its slot; stop() before the start-up run cancels it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import type { AlertsConfig } from "@/server/core/config";
import type { IngestConfig } from "@/server/core/config";
import { JOBS, type JobDefinition } from "@/jobs/index";
import { startJobs, validateJobs } from "@/jobs/runner";
import { openTestDatabase, type TestDatabase } from "@/tests/helpers/databases";

const config = { workerId: "runner-test" } as AlertsConfig;
const ingest: IngestConfig = {
  fetch: { allowPrivate: [], maxBytes: 1, timeoutMs: 1, maxRedirects: 0 },
  market: { provider: "none", moveEventPct: 2 },
};

describe("job runner", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase("pglite");
  });
  afterAll(() => tdb?.close());

  it("the declared jobs are valid; the market job catches up at start", () => {
    expect(() => validateJobs(JOBS)).not.toThrow();
    expect(JOBS.filter((j: JobDefinition) => j.runOnStart).map((j) => j.name)).toEqual(["market-close"]);
  });

  it("runOnStart runs once at start and is recorded; the others wait for their slot", async () => {
    const calls: string[] = [];
    const job = (name: string, runOnStart: boolean): JobDefinition => ({
      name,
      cron: "0 0 1 1 *", // once a year: never during the test
      timeZone: "UTC",
      description: name,
      runOnStart,
      handler: async ({ now }) => {
        calls.push(name);
        return { at: now.toISOString() };
      },
    });
    const running = startJobs({ db: tdb.db, config, ingest }, [job("catch-up", true), job("slot-only", false)]);
    try {
      await expect.poll(() => calls, { timeout: 5000 }).toEqual(["catch-up"]);
      await expect
        .poll(async () => (await tdb.db.select().from(t.jobRuns).where(eq(t.jobRuns.name, "catch-up")))[0]?.lastFinishedAt ?? null, { timeout: 5000 })
        .toBeInstanceOf(Date);
      expect((await tdb.db.select().from(t.jobRuns).where(eq(t.jobRuns.name, "slot-only")))).toEqual([]);
    } finally {
      await running.stop();
    }
  });

  it("stopped before the start-up run: it never runs", async () => {
    const calls: string[] = [];
    const running = startJobs({ db: tdb.db, config, ingest }, [
      { name: "cancelled", cron: "0 0 1 1 *", timeZone: "UTC", description: "", runOnStart: true, handler: async () => void calls.push("x") },
    ]);
    await running.stop();
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).toEqual([]);
  });
});
