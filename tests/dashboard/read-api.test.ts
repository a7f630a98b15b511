// The tRPC read procedures through createCaller against the real seed, on PGlite and (with TEST_DATABASE_URL)
// PostgreSQL 15: point-in-time answers, countdowns, chains, reactions, conflicts and bad input.
import { TRPCError } from "@trpc/server";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/db/seed";
import * as t from "@/db/schema";
import { callerAs, type Caller } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const NOW = new Date("2026-11-23T03:00:00Z");

describe.each(testDatabases())("read API on $name", ({ name }) => {
  let tdb: TestDatabase;
  let api: Caller;

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    api = callerAs(tdb.db, null, { now: NOW });
  });
  afterAll(() => tdb?.close());

  const counts = async () => {
    const c = async (table: Parameters<typeof tdb.db.select>[0] extends never ? never : any) =>
      (await tdb.db.select({ n: count() }).from(table))[0]!.n;
    return {
      measures: await c(t.tariffMeasures),
      deadlines: await c(t.deadlines),
      events: await c(t.events),
      observations: await c(t.observations),
      sources: await c(t.sources),
      citations: await c(t.citations),
      claims: await c(t.conflictClaims),
    };
  };

  it("seeds the real data once: 38 events (30 of the CSV, 8 of April–December 2026), 500 KOSPI days, and a second run changes nothing", async () => {
    const first = await counts();
    expect(first.events).toBe(38);
    expect(first.observations).toBe(500);
    expect(first.sources).toBeGreaterThanOrEqual(50);
    expect(await seedDatabase(tdb.db)).toBe(false);
    // Even a forced re-run (checksum cleared) inserts no duplicates.
    await tdb.db.delete(t.seedRuns);
    expect(await seedDatabase(tdb.db)).toBe(true);
    expect(await counts()).toEqual(first);
  });

  it("as of 2025-07-08: next deadline is 1 August 2025 00:01 New York, 23 whole days away", async () => {
    const o = await api.overview.get({ asOf: "2025-07-08" });
    expect(o.at.toISOString()).toBe("2025-07-08T14:59:59.999Z");
    expect(o.nextDeadline?.deadlineKey).toBe("reciprocal-kr-aug1");
    expect(o.nextDeadline?.dueAt.toISOString()).toBe("2025-08-01T04:01:00.000Z");
    expect(o.nextDeadline?.dueZone).toBe("America/New_York");
    expect(o.nextDeadline?.countdown).toMatchObject({ days: 23, hours: 13, minutes: 1, past: false });
  });

  it("as of 2025-07-08: tariffs in force by sector, with the announced 25% pending", async () => {
    const o = await api.overview.get({ asOf: "2025-07-08" });
    const rate = (s: string) => o.tariffs.find((x) => x.sector === s)?.inForce?.ratePct;
    expect(rate("autos")).toBe(25);
    expect(rate("auto_parts")).toBe(25);
    expect(rate("steel_aluminium")).toBe(50);
    expect(rate("all_goods")).toBe(10);
    const all = o.tariffs.find((x) => x.sector === "all_goods")!;
    expect(all.pending.map((p) => [p.ratePct, p.status, p.effectiveAt?.toISOString()])).toEqual([
      [25, "announced", "2025-08-01T04:01:00.000Z"],
    ]);
    // Copper was only announced on 30 July: unknown on 8 July.
    expect(o.tariffs.some((x) => x.sector === "copper")).toBe(false);
    expect(all.sources.length).toBeGreaterThan(0);
  });

  it("as of 2025-07-08: market, support, trade balance and the $55.7bn / $55.6bn conflict", async () => {
    const o = await api.overview.get({ asOf: "2025-07-08" });
    expect(o.market).toMatchObject({ index: "KOSPI", date: "2025-07-08", close: 3114.95, previousClose: 3059.47 });
    expect(o.market!.changePct!).toBeCloseTo(1.8134, 3);
    expect(o.support.committedKrw).toBe(28.8e12);
    expect(o.support.proposedKrw).toBe(0);
    expect(o.support.committedUsd).toBeCloseTo(28.8e12 / 1500, 0);
    expect(o.tradeBalance?.value).toBe(55.7e9);
    const [conflict] = o.tradeBalance!.conflicts;
    expect(new Set(conflict!.claims.map((c) => c.value))).toEqual(new Set([55.7e9, 55.6e9]));
    expect((await api.sources.list({ asOf: "2025-07-08" })).conflicts.filter((c) => c.status === "open")).toHaveLength(2);
  });

  it("the July 9 → August 1 chain starts at the April 9 country rate", async () => {
    const { chains, past } = await api.deadlines.list({ asOf: "2025-07-08" });
    expect(chains.map((c) => c.map((d) => `${d.deadlineKey}:${d.status}`))).toEqual([
      [
        "reciprocal-kr-effective-apr9:postponed",
        "pause-end-jul9:postponed",
        "reciprocal-kr-aug1:upcoming",
      ],
    ]);
    expect(past.find((d) => d.deadlineKey === "pause-end-jul9")?.postponedToKey).toBe("reciprocal-kr-aug1");
  });

  it("answers only what was known then: on 2025-07-06 the July 9 deadline was still ahead", async () => {
    const o = await api.overview.get({ asOf: "2025-07-06" });
    expect(o.nextDeadline?.deadlineKey).toBe("pause-end-jul9");
    // The chain so far had one link (April 9 → July 9); August 1 was not yet known.
    const { chains } = await api.deadlines.list({ asOf: "2025-07-06" });
    expect(chains.map((c) => c.map((d) => `${d.deadlineKey}:${d.status}`))).toEqual([
      ["reciprocal-kr-effective-apr9:postponed", "pause-end-jul9:upcoming"],
    ]);
  });

  it("a retroactive change counts only once published: autos 25% on 2025-11-15, 15% from 1 Nov on 2025-12-10", async () => {
    const before = await api.tariffs.sector({ sector: "autos", asOf: "2025-11-15" });
    expect(before.inForce?.ratePct).toBe(25);
    const after = await api.tariffs.sector({ sector: "autos", asOf: "2025-12-10" });
    expect(after.inForce?.ratePct).toBe(15);
    expect(after.inForce?.effectiveAt?.toISOString()).toBe("2025-11-01T04:01:00.000Z");
    expect(after.steps.map((s) => s.ratePct)).toEqual([0, 25, 15]);
    expect(after.versions.length).toBeGreaterThan(before.versions.length);
  });

  it("as of 2025-04-08: the 25% vs 26% annex conflict and the country rate due the next day", async () => {
    const o = await api.overview.get({ asOf: "2025-04-08" });
    expect(o.nextDeadline?.deadlineKey).toBe("reciprocal-kr-effective-apr9");
    const all = o.tariffs.find((x) => x.sector === "all_goods")!;
    expect(all.inForce?.ratePct).toBe(10);
    expect(all.conflicts.map((c) => c.key)).toEqual(["reciprocal-kr-rate-apr2025"]);
    expect(new Set(all.conflicts[0]!.claims.map((c) => c.value))).toEqual(new Set([25, 26]));
    // The trade-balance conflict needs the July article: not yet.
    expect(o.tradeBalance?.conflicts).toEqual([]);
  });

  it("a scheduled rate counts from its effective instant: on 9 April (Seoul) the 25% country rate applied", async () => {
    // 9 Apr 23:59 KST is 10:59 in New York: the 25% started at 00:01 there; the pause came that afternoon.
    const o = await api.overview.get({ asOf: "2025-04-09" });
    const all = o.tariffs.find((x) => x.sector === "all_goods")!;
    expect(all.inForce).toMatchObject({ measureKey: "reciprocal-kr-25-apr", ratePct: 25, status: "announced" });
    const next = await api.overview.get({ asOf: "2025-04-10" });
    expect(next.tariffs.find((x) => x.sector === "all_goods")?.inForce?.ratePct).toBe(10);
  });

  it("a retroactive change meets the market when it was published, not when it took effect", async () => {
    const reactions = await api.market.reactions({ asOf: "2025-12-31" });
    const cut = reactions.find((r) => r.eventKey === "2025-11-01-autos-15")!;
    expect(cut.occurredAt.toISOString().slice(0, 10)).toBe("2025-11-01");
    expect(cut.reaction?.date).toBe("2025-12-04");
  });

  it("before the story: KORUS 0% for autos, no support, KOSPI up to the last trading day", async () => {
    const o = await api.overview.get({ asOf: "2025-03-01" });
    expect(o.tariffs.find((x) => x.sector === "autos")?.inForce?.ratePct).toBe(0);
    expect(o.support.items).toEqual([]);
    expect(o.market?.date).toBe("2025-02-28");
  });

  it("countdowns across the 8 March 2026 DST change count real elapsed time", async () => {
    const { upcoming } = await api.deadlines.list({ asOf: "2026-03-01T12:00:00-05:00" });
    const expiry = upcoming.find((d) => d.deadlineKey === "auto-offset-expiry")!;
    // 2026-03-01 12:00 EST → 2026-04-30 23:59 EDT: 60 d 11 h 59 m on the wall clock, 60 d 10 h 59 m elapsed.
    expect(expiry.countdown).toMatchObject({ days: 60, hours: 10, minutes: 59 });
  });

  it("event reactions: the 7 April crash and Liberation Day meeting the next Seoul session", async () => {
    const reactions = await api.market.reactions({ asOf: "2025-12-31" });
    const crash = reactions.find((r) => r.eventKey === "2025-04-07-kospi-crash")!;
    expect(crash.reaction?.date).toBe("2025-04-07");
    expect(crash.reaction!.dayPct!).toBeCloseTo(-5.57, 2);
    const liberation = reactions.find((r) => r.eventKey === "2025-04-02-liberation-day")!;
    expect(liberation.reaction?.date).toBe("2025-04-03");
    // A window that had not closed by the as-of date is left empty, not guessed.
    const early = await api.market.reactions({ asOf: "2025-04-08" });
    const crashThen = early.find((r) => r.eventKey === "2025-04-07-kospi-crash")!;
    expect(crashThen.reaction?.window1Pct).not.toBeNull();
    expect(crashThen.reaction?.window5Pct).toBeNull();
  });

  it("chart data is bounded; export rows are full resolution and filtered by date", async () => {
    const chart = await api.market.chart({ key: "kospi", maxPoints: 50 });
    expect(chart.total).toBe(500);
    expect(chart.points.length).toBeLessThanOrEqual(50);
    expect(chart.points.at(-1)?.close).toBe(6912.37);
    const rows = await api.market.rows({ key: "kospi", from: "2025-04-03", to: "2025-04-09" });
    expect(rows.map((r) => r.date)).toEqual(["2025-04-03", "2025-04-04", "2025-04-07", "2025-04-08", "2025-04-09"]);
    const asOf = await api.market.rows({ key: "kospi", asOf: "2025-04-06" });
    expect(asOf.at(-1)?.date).toBe("2025-04-04");
  });

  it("sources page: sources known by the date, their statements and the conflicts", async () => {
    const then = await api.sources.list({ asOf: "2025-04-08", limit: 200 });
    const now = await api.sources.list({ limit: 200 });
    expect(then.total).toBe(then.sources.length);
    expect(then.sources.length).toBeLessThan(now.sources.length);
    // A page is 40 sources by default, newest first.
    const first = await api.sources.list({});
    expect(first.sources).toHaveLength(40);
    expect(first.sources.map((s) => s.key)).toEqual(now.sources.slice(0, 40).map((s) => s.key));
    const dates = first.sources.map((s) => s.publishedOn).filter((d): d is string => d !== null);
    expect(dates.length).toBeGreaterThan(30);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(then.sources.some((s) => s.key === "article-003")).toBe(false);
    const article = now.sources.find((s) => s.key === "article-003")!;
    expect(article.statements.some((s) => s.value === 55.6e9)).toBe(true);
    expect(now.conflicts.map((c) => c.key).sort()).toEqual(
      ["reciprocal-kr-rate-apr2025", "s301-korea-tier-2026", "sec122-rate-2026", "trade-balance-2024"].sort(),
    );
  });

  it("budgets: proposed becomes passed at the Assembly vote", async () => {
    const april = await api.support.budgets({ asOf: "2025-04-10" });
    const supp = (s: typeof april) => s.items.find((b) => b.budgetKey === "supplementary-budget-2025-1");
    expect(supp(april)).toMatchObject({ status: "proposed", amount: 10e12 });
    const may = await api.support.budgets({ asOf: "2025-05-02" });
    expect(supp(may)).toMatchObject({ status: "passed", amount: 13.8e12 });
    expect(may.committedKrw).toBe(13.8e12 + 15e12);
  });

  it("rejects bad input with typed errors naming the problem", async () => {
    await expect(api.overview.get({ asOf: "2025-13-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("asOf"),
    });
    await expect(api.tariffs.sector({ sector: "bananas" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.overview.get({ asOf: "x".repeat(41) })).rejects.toBeInstanceOf(TRPCError);
    await expect(api.market.chart({ key: "nosuch" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.market.rows({ key: "kospi", from: "2025-02-30" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
