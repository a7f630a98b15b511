// Every answer bounded by design (issue 13): each tRPC query and REST endpoint has a cap in the table of docs/api.md,
// and at 100× the seed the dashboard's, the market's and the REST exports' answers stay within their caps — windowed,
// paged or downsampled — while still agreeing with the pure rules they stand for. The lists of the edit pages, the
// conflicts and the admin pages: bounds-lists.test.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pageData } from "@/bench/measure";
import { FORCE_STATUSES, SECTORS, AS_OF_ZONE } from "@/server/core/constants";
import { loadAllRouters } from "@/server/core/root";
import { startOfDay } from "@/server/core/time";
import { MAX_FEED_EVENTS } from "@/server/calendar/constants";
import { CHART_START, MAX_CHAINS, MAX_DEADLINES, MAX_TARIFF_STEPS } from "@/server/dashboard/constants";
import { measureInForce, rateSteps } from "@/server/dashboard/tariff-rules";
import { measuresAsOf } from "@/server/dashboard/tariffs";
import { DEFAULT_REACTION_EVENTS, MAX_CHART_POINTS, MAX_REACTION_EVENTS } from "@/server/market/constants";
import { downsampleOhlc } from "@/server/market/reaction-rules";
import { seriesRows } from "@/server/market/series";
import { deadlineUid } from "@/server/calendar/ics-rules";
import { MAX_CSV_ROWS } from "@/server/rest/constants";
import { createCalendarFeedHandler } from "@/server/rest/ics";
import { createRestHandlers } from "@/server/rest/v1";
import { callerAs, errorOf, type Caller } from "@/tests/helpers/api";
import { pageThrough } from "@/tests/helpers/bounds";
import { testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { openHundredfold } from "@/tests/helpers/hundredfold";

// Lazy routers (server/core/root.ts) list their procedures once loaded.
const appRouter = await loadAllRouters();

// The 100× set holds ~1,900 measures and ~1,800 deadlines, under the real cap (10,000): a cap below them exercises
// the refusal and the narrowing the same way.
vi.mock("@/server/rest/constants", () => ({ MAX_CSV_ROWS: 1_000 }));

const ROOT = path.resolve(__dirname, "../..");
const NOW = new Date("2026-11-23T03:00:00Z");

/** The caps table of docs/api.md: the section under "## Bounds". */
function capsTable(): string {
  const doc = readFileSync(path.join(ROOT, "docs/api.md"), "utf8");
  const start = doc.indexOf("\n## Bounds");
  expect(start, 'docs/api.md has a "## Bounds" section').toBeGreaterThan(0);
  const end = doc.indexOf("\n## ", start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

function routeFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    return statSync(path.join(ROOT, rel)).isDirectory() ? routeFiles(rel) : name === "route.ts" ? [rel] : [];
  });
}

describe("every answer has a documented cap", () => {
  const queries = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
    .filter(([, p]) => p._def.type === "query")
    .map(([name]) => name);

  it("each tRPC query is in the caps table of docs/api.md", () => {
    const table = capsTable();
    expect(queries.length).toBeGreaterThan(40);
    expect(queries.filter((name) => !table.includes(`\`${name}\``))).toEqual([]);
  });

  it("each route under app/api is in the caps table (dynamic segments from their first [ on)", () => {
    const table = capsTable();
    const urls = routeFiles("app/api").map((f) => `/${f.replace(/\/route\.ts$/, "").replace(/\[.*$/, "")}`.replace(/^\/app/, ""));
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((url) => !table.includes(url))).toEqual([]);
  });
});

describe.each(testDatabases())("at 100× the seed on $name", ({ name }) => {
  let tdb: TestDatabase;
  let api: Caller;
  beforeAll(async () => {
    tdb = await openHundredfold(name);
    api = callerAs(tdb.db, "viewer", { now: NOW });
  });
  afterAll(() => tdb?.close());

  it("tariffs.steps: at most MAX_TARIFF_STEPS a sector, each point the rate the rules put in force then", async () => {
    for (const [asOf, from] of [[undefined, undefined], ["2025-08-15", "2012-01-01"], ["2026-03-01", "2020-06-01"]] as const) {
      const at = asOf ? new Date(`${asOf}T14:59:59.999Z`) : NOW;
      const measures = await measuresAsOf(tdb.db, at);
      const sectors = await api.tariffs.steps({ asOf: at.toISOString(), from });
      expect(sectors.length).toBeGreaterThan(4);
      let downsampled = 0;
      for (const { sector, steps } of sectors) {
        expect(steps.length).toBeLessThanOrEqual(MAX_TARIFF_STEPS);
        expect(steps[0]!.at).toEqual(startOfDay(from ?? CHART_START, AS_OF_ZONE));
        steps.forEach((s, i) => i > 0 && expect(s.at.getTime()).toBeGreaterThan(steps[i - 1]!.at.getTime()));
        for (const s of steps) {
          const m = measureInForce(measures, sector, s.at);
          expect([s.ratePct, s.measureKey], `${sector} at ${s.at.toISOString()}`).toEqual([m?.ratePct ?? null, m?.measureKey ?? null]);
        }
        // The last point holds until the as-of instant.
        expect(steps.at(-1)!.measureKey).toBe(measureInForce(measures, sector, at)?.measureKey ?? null);
        if (rateSteps(measures, sector, startOfDay(from ?? CHART_START, AS_OF_ZONE), at).length > MAX_TARIFF_STEPS) downsampled++;
      }
      if (from === "2012-01-01") expect(downsampled, "fourteen years of 100× data are downsampled").toBeGreaterThan(0);
    }
  });

  it("tariffs.steps: where the changes fit, exactly the reference steps; maxSteps narrows; above the cap is refused", async () => {
    const at = new Date("2026-09-01T14:59:59.999Z");
    const measures = (await measuresAsOf(tdb.db, at)).filter((m) => FORCE_STATUSES.includes(m.status));
    const from = "2026-08-01";
    const sectors = await api.tariffs.steps({ asOf: at.toISOString(), from });
    for (const { sector, steps } of sectors) expect(steps).toEqual(rateSteps(measures, sector, startOfDay(from, AS_OF_ZONE), at));
    const narrow = await api.tariffs.steps({ from: "2012-01-01", maxSteps: 5 });
    for (const { steps } of narrow) expect(steps.length).toBeLessThanOrEqual(5);
    const error = await errorOf(api.tariffs.steps({ maxSteps: MAX_TARIFF_STEPS + 1 }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain(`at most ${MAX_TARIFF_STEPS}`);
  });

  it("tariffs.sector: the measures page through to the sector's total; versions and steps stay capped", async () => {
    const first = await api.tariffs.sector({ sector: "autos", limit: 100 });
    expect(first.measuresTotal).toBeGreaterThan(150);
    expect(first.versions.length).toBeLessThanOrEqual(100);
    expect(first.versionsTotal).toBeGreaterThan(first.versions.length);
    expect(first.steps.length).toBeLessThanOrEqual(MAX_TARIFF_STEPS);
    expect(first.pending.length).toBeLessThanOrEqual(10);
    const all = await pageThrough(
      async (offset) => {
        const page = await api.tariffs.sector({ sector: "autos", offset, limit: 100 });
        return { rows: page.measures, total: page.measuresTotal };
      },
      { limit: 100, keyOf: (m) => m.measureKey },
    );
    expect(all.every((m) => m.sector === "autos")).toBe(true);
    // Most recently effective first, across pages (undated ones lead).
    const times = all.map((m) => m.effectiveAt?.getTime() ?? Infinity);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await errorOf(api.tariffs.sector({ sector: "autos", limit: 101 }))).code).toBe("BAD_REQUEST");
  });

  it("deadlines.list: at most limit upcoming and past and at most the chains asked; above the caps is refused", async () => {
    for (const asOf of [undefined, "2020-01-01", "2025-08-15"]) {
      const list = await api.deadlines.list({ asOf, limit: 12, chains: MAX_CHAINS });
      expect(list.upcoming.length).toBeLessThanOrEqual(12);
      expect(list.past.length).toBe(12);
      expect(list.chains.length).toBeGreaterThan(3);
      expect(list.chains.length).toBeLessThanOrEqual(MAX_CHAINS);
      const byDefault = await api.deadlines.list({ asOf, limit: 12 });
      expect(byDefault.chains.length).toBeLessThanOrEqual(3);
      // The default keeps the chains that end latest.
      const ends = (chains: typeof list.chains) => chains.map((c) => c.at(-1)!.dueAt.getTime()).sort((a, b) => b - a);
      expect(ends(byDefault.chains)).toEqual(ends(list.chains).slice(0, byDefault.chains.length));
    }
    expect((await errorOf(api.deadlines.list({ limit: MAX_DEADLINES + 1 }))).message).toContain(`at most ${MAX_DEADLINES}`);
    expect((await errorOf(api.deadlines.list({ chains: MAX_CHAINS + 1 }))).code).toBe("BAD_REQUEST");
  });

  it("market.chart: a 5,000-day series is at most MAX_CHART_POINTS buckets, the same as the reference downsampling", async () => {
    for (const input of [{ key: "syn-s-001" }, { key: "syn-s-007", asOf: "2020-06-30", from: "2015-01-01" }, { key: "kospi" }]) {
      const chart = await api.market.chart(input);
      const at = input.asOf ? new Date(`${input.asOf}T14:59:59.999Z`) : NOW;
      const rows = await seriesRows(tdb.db, input.key, at, { from: input.from });
      expect(chart.total).toBe(rows.length);
      expect(chart.points.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
      expect(chart.points).toEqual(downsampleOhlc(rows, MAX_CHART_POINTS));
    }
    const lean = await api.market.chart({ key: "syn-s-002", maxPoints: 120, fields: "close" });
    expect(lean.points).toHaveLength(120);
    expect(Object.keys(lean.points[0]!).sort()).toEqual(["close", "date", "dateTo"]);
    expect((await errorOf(api.market.chart({ key: "kospi", maxPoints: MAX_CHART_POINTS + 1 }))).code).toBe("BAD_REQUEST");
  });

  it("market.reactions: the default and the largest list stay within their caps", async () => {
    expect(await api.market.reactions({ key: "kospi" })).toHaveLength(DEFAULT_REACTION_EVENTS);
    expect(await api.market.reactions({ key: "syn-s-001", limit: MAX_REACTION_EVENTS })).toHaveLength(MAX_REACTION_EVENTS);
    expect((await errorOf(api.market.reactions({ limit: MAX_REACTION_EVENTS + 1 }))).code).toBe("BAD_REQUEST");
  });

  it("the overview page's five procedures stay under 150 KB together", async () => {
    const page = await pageData(tdb, NOW, 4);
    expect(page.bytes.max).toBeLessThanOrEqual(150 * 1024);
  });

  describe("REST", () => {
    const handlers = () => createRestHandlers({ database: async () => tdb, now: () => NOW, readAccess: "public" });
    const get = (handler: (req: Request) => Promise<Response>, query: string) => handler(new Request(`http://tradewatch.test/x${query}`));
    const rowsOf = (csv: string) => csv.split("\r\n").length - 2;

    it("tariffs.csv: more rows than the cap is a 400 naming sector; one sector's export fits", async () => {
      const refused = await get(handlers().tariffsCsv, "");
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { code: "BAD_PARAMETER", param: "sector" } });
      const autos = await get(handlers().tariffsCsv, "?sector=autos");
      expect(autos.status).toBe(200);
      const n = rowsOf(await autos.text());
      expect(n).toBe((await measuresAsOf(tdb.db, NOW, "autos")).length);
      expect(n).toBeLessThanOrEqual(MAX_CSV_ROWS);
    });

    it("deadlines.csv: more rows than the cap is a 400 naming from; a year of due dates fits", async () => {
      const refused = await get(handlers().deadlinesCsv, "");
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { code: "BAD_PARAMETER", param: "from" } });
      const year = await get(handlers().deadlinesCsv, "?from=2025-01-01&to=2025-12-31");
      expect(year.status).toBe(200);
      const text = await year.text();
      expect(rowsOf(text)).toBeGreaterThan(50);
      expect(rowsOf(text)).toBeLessThanOrEqual(MAX_CSV_ROWS);
      expect(text.split("\r\n").slice(1, -1).every((line) => /,2025-\d\d-\d\dT/.test(line) || /,2024-12-31T/.test(line))).toBe(true);
    });

    it("deadlines.ics: at most MAX_FEED_EVENTS events, the deadlines due latest", async () => {
      const feed = createCalendarFeedHandler({ database: async () => tdb, now: () => NOW, readAccess: "public", publicUrl: "http://tradewatch.test" });
      const ics = await (await feed(new Request("http://tradewatch.test/api/v1/deadlines.ics"))).text();
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(MAX_FEED_EVENTS);
      const latestPast = (await api.deadlines.list({ limit: 1, chains: 0 })).past[0]!;
      expect(ics).toContain(`UID:${deadlineUid(latestPast.deadlineKey)}`);
      // The edit list is in due order: its first deadline is the earliest due, left out.
      const earliest = (await api.records.list({ kind: "deadline", limit: 1 })).records[0]!;
      expect(ics).not.toContain(`UID:${deadlineUid(earliest.key)}`);
    });
  });

  it("the answers that are bounded by design stay small: the board, the overview, a sector's budgets", async () => {
    const board = await api.tariffs.board({});
    expect(board.length).toBeLessThanOrEqual(SECTORS.length);
    for (const tile of board) expect(tile.pending.length).toBeLessThanOrEqual(3);
    const overview = await api.overview.get({});
    expect(overview.support.items.length).toBeLessThanOrEqual(20);
    expect(overview.support.count).toBeGreaterThan(500);
  });
});
