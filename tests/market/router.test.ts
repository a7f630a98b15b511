// The marketData router through createCaller (PGlite, and PostgreSQL with TEST_DATABASE_URL) on the real seed:
// signed-in readers see the status (provider, last close, last and next run, discrepancies); only editors may fetch
// now, and a manual run is recorded in job_runs like a scheduled one. The process runs with MARKET_PROVIDER=none
// (the router reads the environment); the provider path goes through the same service with a local Yahoo server.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MARKET_PROVIDER = "none";
});

import { eq } from "drizzle-orm";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import type { SessionUser } from "@/server/core/session-user";
import type { IngestConfig } from "@/server/core/config";
import { fetchMarketNow, marketStatus } from "@/server/market/status";
import { callerAs } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { startYahooServer, type YahooServer } from "./yahoo-server";

const editor: SessionUser = { id: "u-market-editor", email: "editor@example.org", name: "Eddie", role: "editor" };
const viewer: SessionUser = { id: "u-market-viewer", email: "viewer@example.org", name: "Vic", role: "viewer" };
const now = new Date("2026-08-28T07:10:00Z"); // Friday 16:10 KST, the day after the seed's last close

describe.each(testDatabases())("marketData router on $name", ({ name }) => {
  let tdb: TestDatabase;
  let yahoo: YahooServer;
  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    yahoo = await startYahooServer([
      { date: "2026-08-26", close: 6800 },
      { date: "2026-08-27", close: 6912.37 },
      { date: "2026-08-28", close: 6950.25 },
    ]);
  }, 60_000);
  afterAll(async () => {
    await yahoo?.close();
    await tdb?.close();
  });
  const api = (user: SessionUser | null) => callerAs(tdb.db, user, { now: () => now });

  it("status for a signed-in reader: provider none, the seed's last close, never run, next run at 16:00 or 18:00 Seoul", async () => {
    const s = await api(viewer).marketData.status();
    expect(s).toMatchObject({ provider: "none", symbol: "^KS11", series: "kospi", last: { date: "2026-08-27", close: 6912.37 }, lastRun: null, discrepancies: [] });
    const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Seoul", hour: "2-digit", hourCycle: "h23" }).format(s.nextRun!));
    expect([16, 18]).toContain(hour);
    await expect(api(null).marketData.status()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("fetchNow: editors only; with no provider the run is a recorded no-op", async () => {
    await expect(api(viewer).marketData.fetchNow()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const run = await api(editor).marketData.fetchNow();
    expect(run).toMatchObject({ ok: true, result: { status: "disabled", appended: [] } });
    const [row] = await tdb.db.select().from(t.jobRuns).where(eq(t.jobRuns.name, "market-close"));
    expect(row).toMatchObject({ runner: "manual:u-market-editor", lastError: null });
  });

  it("a manual run against the provider appends Friday, reports the disagreement; the status shows both; a failure shows the error", async () => {
    const config: IngestConfig = { fetch: { allowPrivate: [], maxBytes: 1, timeoutMs: 1000, maxRedirects: 0 }, market: { provider: "yahoo", baseUrl: yahoo.url, moveEventPct: 2 } };
    const run = await fetchMarketNow(tdb.db, config, now, "manual:test");
    expect(run.ok && run.result.appended.map((a) => a.date)).toEqual(["2026-08-28"]);
    let s = await marketStatus(tdb.db, config.market);
    expect(s).toMatchObject({ provider: "Yahoo Finance", last: { date: "2026-08-28", close: 6950.25 }, lastRun: { error: null, status: "fetched", appended: 1 } });
    expect(s.discrepancies).toEqual([{ date: "2026-08-26", stored: 6808.21, received: 6800 }]);

    yahoo.respond = (_q, res) => (res.writeHead(200, { "content-type": "application/json" }), res.end('{"chart":{"result":[{"meta":{}}],"error":null}}'));
    const failed = await fetchMarketNow(tdb.db, config, new Date("2026-08-31T07:10:00Z"), "manual:test");
    expect(failed).toEqual({ ok: false, error: expect.stringMatching(/^Market data from Yahoo Finance: /) });
    s = await marketStatus(tdb.db, config.market);
    expect(s.lastRun?.error).toMatch(/^Market data from Yahoo Finance: /);
    expect(s.last?.date).toBe("2026-08-28");
  });
});
