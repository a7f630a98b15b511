// The market-close job on the real seed (KOSPI to 2026-08-27), PGlite and PostgreSQL, against a local server in
// Yahoo's chart format: catch-up after downtime appends only the new trading days (known from the run's instant),
// today's bar only after 16:00 Seoul, a second run appends nothing, a stored close the provider disagrees with is
// reported and kept, a large move becomes a market event and the KOSPI-move alert is planned, and a provider
// answering garbage writes nothing and leaves a clear error in job_runs.
import { and, count, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import type { AlertsConfig } from "@/server/core/config";
import { planAlerts } from "@/server/alerts/plan";
import { subscribe } from "@/server/alerts/subscriptions";
import { addDays } from "@/server/core/time";
import type { IngestConfig } from "@/server/core/config";
import { runMarketClose } from "@/server/market/job";
import { subscribeInput } from "@/server/alerts/schemas";
import { JOBS } from "@/jobs/index";
import { runJob } from "@/server/core/jobs";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { startYahooServer, type FakeBar, type YahooServer } from "./yahoo-server";

const d = (iso: string) => new Date(iso);
const HOLIDAYS = new Set(["2026-09-24", "2026-09-25", "2026-10-05", "2026-10-09"]);
/** 2026-11-23 (Monday): the day the index falls 4.2%. */
const BIG_DAY = "2026-11-23";
const BIG_CLOSE = 6000;

/** Weekday bars 2026-08-20..2026-11-23 except KRX holidays: the seed's closes where the seed has the day, then a walk. */
function providerBars(seed: Map<string, number>): FakeBar[] {
  const bars: FakeBar[] = [];
  let close = 6912.37;
  for (let day = "2026-08-20"; day <= BIG_DAY; day = addDays(day, 1)) {
    const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (wd === 0 || wd === 6 || HOLIDAYS.has(day)) continue;
    if (seed.has(day)) close = seed.get(day)!;
    else if (day === BIG_DAY) close = BIG_CLOSE;
    else close = Math.round((close * (1 + ((bars.length % 5) - 2) * 0.004)) * 100) / 100; // moves within ±0.8%
    bars.push({ date: day, open: close, high: close + 10, low: close - 10, close, volume: 300_000 + bars.length });
  }
  return bars;
}

describe.each(testDatabases())("market-close job on $name", ({ name }) => {
  let tdb: TestDatabase;
  let yahoo: YahooServer;
  let config: IngestConfig;
  let seriesId: number;
  let previousOfBig = 0;
  const alertsConfig = { workerId: "test-market" } as AlertsConfig;

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    seriesId = (await tdb.db.select().from(t.series).where(eq(t.series.key, "kospi")))[0]!.id;
    const seed = new Map((await tdb.db.select().from(t.observations).where(and(eq(t.observations.seriesId, seriesId), gt(t.observations.date, "2026-08-01")))).map((o) => [o.date, o.close]));
    const bars = providerBars(seed);
    // The provider disagrees with one stored close.
    const wrong = bars.find((b) => b.date === "2026-08-26")!;
    wrong.close = 6800;
    previousOfBig = bars[bars.length - 2]!.close!;
    yahoo = await startYahooServer(bars);
    config = {
      fetch: { allowPrivate: [], maxBytes: 1, timeoutMs: 1000, maxRedirects: 0 },
      market: { provider: "yahoo", baseUrl: yahoo.url, moveEventPct: 3 },
    };
  }, 60_000);
  afterAll(async () => {
    await yahoo?.close();
    await tdb?.close();
  });

  const stored = async () =>
    (await tdb.db.select({ n: count() }).from(t.observations).where(eq(t.observations.seriesId, seriesId)))[0]!.n;
  const row = async (date: string) =>
    (await tdb.db.select().from(t.observations).where(and(eq(t.observations.seriesId, seriesId), eq(t.observations.date, date))))[0];

  it("provider none → nothing asked, nothing written", async () => {
    const before = await stored();
    const result = await runMarketClose(tdb.db, { ...config, market: { ...config.market, provider: "none" } }, d("2026-11-23T07:05:00Z"));
    expect(result).toMatchObject({ status: "disabled", provider: "none", appended: [] });
    expect(yahoo.requests).toHaveLength(0);
    expect(await stored()).toBe(before);
  });

  it("catch-up before 16:00 Seoul: every missed trading day to Friday, not today's unfinished bar; the disagreeing close reported, kept", async () => {
    const before = await stored();
    const now = d("2026-11-23T06:00:00Z"); // Monday 15:00 KST
    const result = await runMarketClose(tdb.db, config, now);
    expect(yahoo.requests).toHaveLength(1);
    expect(result).toMatchObject({ status: "fetched", provider: "Yahoo Finance", from: "2026-08-20", to: "2026-11-23" });
    const dates = result.appended.map((a) => a.date);
    expect(dates[0]).toBe("2026-08-28");
    expect(dates.at(-1)).toBe("2026-11-20");
    expect(dates).not.toContain(BIG_DAY);
    for (const h of HOLIDAYS) expect(dates).not.toContain(h);
    expect(dates.some((x) => [0, 6].includes(new Date(`${x}T00:00:00Z`).getUTCDay()))).toBe(false);
    expect(await stored()).toBe(before + dates.length);
    // The first appended day moves against the seed's last close.
    expect(result.appended[0]!.previousClose).toBe(6912.37);
    // Known from the run's instant; the catch-up moves are small: no event.
    expect((await row("2026-11-20"))!.knownAt).toEqual(now);
    expect(result.events).toEqual([]);
    expect(result.discrepancies).toEqual([{ date: "2026-08-26", stored: 6808.21, received: 6800 }]);
    expect((await row("2026-08-26"))!.close).toBe(6808.21);
  });

  it("after 16:00 Seoul the day's close is appended; its 4% fall is a market event and the KOSPI-move alert is planned", async () => {
    const email = "kospi-watch@example.org";
    await subscribe(
      tdb.db,
      alertsConfig,
      subscribeInput.parse({ email, timeZone: "Asia/Seoul", language: "en", subscription: { scope: "sector", scopeValue: "steel_aluminium", offsets: "1d", marketMovePct: 3 } }),
      d("2026-11-23T00:00:00Z"),
      { confirmed: true },
    );
    // A subscriber to any move beyond 0.5%: the catch-up closes appended at 15:00 today for August..November are
    // history, not moves to announce; only the last few trading days' are.
    const eager = "kospi-eager@example.org";
    await subscribe(
      tdb.db,
      alertsConfig,
      subscribeInput.parse({ email: eager, timeZone: "Asia/Seoul", language: "en", subscription: { scope: "sector", scopeValue: "autos", offsets: "1d", marketMovePct: 0.5 } }),
      d("2026-11-23T00:00:00Z"),
      { confirmed: true },
    );
    const now = d("2026-11-23T07:05:00Z"); // 16:05 KST
    const result = await runMarketClose(tdb.db, config, now);
    const pct = ((BIG_CLOSE - previousOfBig) / previousOfBig) * 100;
    expect(pct).toBeLessThan(-3);
    expect(result.appended).toEqual([{ date: BIG_DAY, close: BIG_CLOSE, previousClose: previousOfBig, pct }]);
    expect(result.events).toEqual([`kospi-move-${BIG_DAY}`]);
    const [event] = await tdb.db.select().from(t.events).where(eq(t.events.eventKey, `kospi-move-${BIG_DAY}`));
    expect(event).toMatchObject({
      category: "market",
      title: `KOSPI fell ${Math.abs(pct).toFixed(1)}% to 6,000.00`,
      titleKo: `코스피 ${Math.abs(pct).toFixed(1)}% 하락, 6,000.00 마감`,
      occurredAt: d("2026-11-23T06:30:00Z"),
      occurredZone: "Asia/Seoul",
      precision: "day",
      knownAt: now,
    });

    // The alert planner's next pass sees the new close through its known_at.
    await planAlerts(tdb.db, d("2026-11-23T07:06:00Z"));
    const [sub] = await tdb.db.select().from(t.alertSubscribers).where(eq(t.alertSubscribers.email, email));
    const notices = await tdb.db.select().from(t.alertNotifications).where(and(eq(t.alertNotifications.subscriberId, sub!.id), eq(t.alertNotifications.kind, "market_move")));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.dedupeKey).toMatch(new RegExp(`:kospi:${BIG_DAY}$`));
    expect(notices[0]!.detail).toMatchObject({ date: BIG_DAY, close: BIG_CLOSE });
    const [eagerSub] = await tdb.db.select().from(t.alertSubscribers).where(eq(t.alertSubscribers.email, eager));
    const eagerDates = (await tdb.db.select().from(t.alertNotifications).where(and(eq(t.alertNotifications.subscriberId, eagerSub!.id), eq(t.alertNotifications.kind, "market_move")))).map((n) => (n.detail as { date: string }).date);
    expect(eagerDates).toContain(BIG_DAY);
    expect(eagerDates.filter((date) => date < "2026-11-18")).toEqual([]);
  });

  it("a second run appends nothing: up to date without asking; a forced window re-reads and still appends nothing", async () => {
    const before = await stored();
    const requests = yahoo.requests.length;
    const again = await runMarketClose(tdb.db, config, d("2026-11-23T09:00:00Z"));
    expect(again).toMatchObject({ status: "up-to-date", appended: [] });
    expect(yahoo.requests).toHaveLength(requests);
    const forced = await runMarketClose(tdb.db, config, d("2026-11-23T09:00:00Z"), { from: "2026-08-20" });
    expect(forced).toMatchObject({ status: "fetched", appended: [], events: [] });
    expect(forced.discrepancies.map((x) => x.date)).toEqual(["2026-08-26"]);
    expect(await stored()).toBe(before);
    expect(await tdb.db.select({ n: count() }).from(t.events).where(eq(t.events.eventKey, `kospi-move-${BIG_DAY}`))).toEqual([{ n: 1 }]);
  });

  it("garbage from the provider through the job runner: nothing written, the clear error in job_runs; one bad bar spoils the batch", async () => {
    const job = JOBS.find((j) => j.name === "market-close")!;
    yahoo.bars.push({ date: "2026-11-24", close: 6050 }, { date: "2026-11-25", close: 6100 });
    const before = await stored();
    const now = d("2026-11-25T07:30:00Z");

    yahoo.respond = (_q, res) => (res.writeHead(200, { "content-type": "text/html" }), res.end("<html><body>Oops</body></html>"));
    let run = await runJob(job, { db: tdb.db, config: alertsConfig, ingest: config }, now);
    expect(run).toMatchObject({ ok: false, error: "Market data from Yahoo Finance: the answer is not JSON (an HTML page?)" });
    let [status] = await tdb.db.select().from(t.jobRuns).where(eq(t.jobRuns.name, "market-close"));
    expect(status!.lastError).toBe("Market data from Yahoo Finance: the answer is not JSON (an HTML page?)");

    // Valid shape, but one day with a negative close: the whole answer is refused, the good day is not written.
    yahoo.respond = null;
    yahoo.bars.at(-1)!.close = -6100;
    yahoo.bars.at(-1)!.low = -6200;
    run = await runJob(job, { db: tdb.db, config: alertsConfig, ingest: config }, now);
    expect(run.ok).toBe(false);
    expect(run.error).toMatch(/^Market data from Yahoo Finance: invalid bars \(1\): 2026-11-25: .*close must be greater than 0/);
    expect(await stored()).toBe(before);
    expect(await row("2026-11-24")).toBeUndefined();

    // Fixed: the next run catches both days up and clears the error.
    yahoo.bars.at(-1)!.close = 6100;
    yahoo.bars.at(-1)!.low = 6090;
    run = await runJob(job, { db: tdb.db, config: alertsConfig, ingest: config }, now);
    expect(run.ok).toBe(true);
    expect((run.result as { appended: { date: string }[] }).appended.map((a) => a.date)).toEqual(["2026-11-24", "2026-11-25"]);
    [status] = await tdb.db.select().from(t.jobRuns).where(eq(t.jobRuns.name, "market-close"));
    expect(status!.lastError).toBeNull();
    expect(await stored()).toBe(before + 2);
  });
});
