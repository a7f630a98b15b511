// The public REST v1 handlers on real databases: response shapes, CSV, and bad parameters → 400 naming them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/db/seed";
import { MEASURES } from "@/db/seed/measures";
import { createRestHandlers } from "@/server/rest/v1";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const NOW = new Date("2026-11-23T03:00:00Z");
const get = (path: string) => new Request(`http://test.local${path}`);

/** Minimal RFC 4180 reader for assertions (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += ch;
  }
  return rows;
}

describe.each(testDatabases())("REST v1 on $name", ({ name }) => {
  let tdb: TestDatabase;
  let rest: ReturnType<typeof createRestHandlers>;

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    rest = createRestHandlers({ database: async () => tdb, now: () => NOW });
  });
  afterAll(() => tdb?.close());

  it("GET /api/v1/overview?asOf=2025-07-08 has the documented shape and values", async () => {
    const res = await rest.overview(get("/api/v1/overview?asOf=2025-07-08"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.asOf).toBe("2025-07-08");
    const autos = body.tariffs.find((x: { sector: string }) => x.sector === "autos");
    expect(autos).toMatchObject({ sector: "autos", ratePct: 25, status: "in_effect", effective: "2025-04-03T04:01:00.000Z" });
    expect(autos.instrument).toContain("232");
    expect(autos.sources.length).toBeGreaterThan(0);
    expect(autos.sources[0]).toHaveProperty("url");
    expect(body.nextDeadline).toMatchObject({
      title: "25% tariff on all Korean goods takes effect",
      dueAt: "2025-08-01T04:01:00.000Z",
      zone: "America/New_York",
      daysLeft: 23,
      local: { washington: "2025-08-01T00:01:00-04:00", seoul: "2025-08-01T13:01:00+09:00" },
    });
    expect(body.market).toEqual({ index: "KOSPI", date: "2025-07-08", close: 3114.95, changePct: 1.81 });
    expect(body.support.totalKrw).toBe(28.8e12);
    expect(body.support.items).toHaveLength(2);
    expect(body.tradeBalance).toMatchObject({ amountUsd: 55.7e9, year: "2024" });
    expect(body.tradeBalance.conflicts[0].claims.length).toBeGreaterThanOrEqual(2);
  });

  it("without asOf it answers as of now", async () => {
    const body = await (await rest.overview(get("/api/v1/overview"))).json();
    expect(body.asOfInstant).toBe(NOW.toISOString());
    expect(body.asOf).toBe("2026-11-23"); // the Seoul calendar day of NOW (12:00 KST)
    expect(body.tariffs.find((x: { sector: string }) => x.sector === "autos").ratePct).toBe(15);
  });

  it.each([
    ["/api/v1/overview?asOf=2025-7-8", "asOf"],
    ["/api/v1/overview?asOf=tomorrow", "asOf"],
    ["/api/v1/overview?as_of=2025-07-08", "as_of"],
    ["/api/v1/overview?asOf=2025-07-08&asOf=2025-07-09", "asOf"],
    ["/api/v1/overview?__proto__=x", "__proto__"],
    ["/api/v1/overview?toString=x", "toString"],
  ])("%s → 400 naming %s", async (path, param) => {
    const res = await rest.overview(get(path));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.param).toBe(param);
    expect(body.error.message).toContain(param);
  });

  it("GET /api/v1/tariffs.csv is RFC 4180 with one row per measure and its sources", async () => {
    const res = await rest.tariffsCsv(get("/api/v1/tariffs.csv?asOf=2025-07-08"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = await res.text();
    expect(text.endsWith("\r\n")).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toContain("rate_pct");
    const col = (n: string) => header!.indexOf(n);
    const autos = rows.find((r) => r[col("measure_key")] === "autos-232-25")!;
    expect(autos[col("rate_pct")]).toBe("25");
    expect(autos[col("in_force")]).toBe("true");
    expect(autos[col("effective_utc")]).toBe("2025-04-03T04:01:00.000Z");
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
  });

  it("tariffs.csv lists every measure known then, in force or not", async () => {
    const [header, ...rows] = parseCsv(await (await rest.tariffsCsv(get("/api/v1/tariffs.csv"))).text());
    const col = (n: string) => header!.indexOf(n);
    const keys = new Set(rows.map((r) => r[col("measure_key")]));
    expect(keys.size).toBe(rows.length);
    expect(keys).toEqual(new Set(MEASURES.map((m) => m.key)));
    // As of now, of the measures on all goods only the Section 301 duty of July 2026 is in force (IEEPA void, Section
    // 122 lapsed), yet every one of them is listed.
    const allGoods = rows.filter((r) => r[col("sector")] === "all_goods");
    expect(allGoods.length).toBeGreaterThan(3);
    expect(allGoods.filter((r) => r[col("in_force")] === "true").map((r) => r[col("measure_key")])).toEqual(["s301-forced-labour-kr"]);
  });

  it("GET /api/v1/deadlines.csv lists deadlines in UTC with Washington and Seoul times", async () => {
    const [header, ...rows] = parseCsv(await (await rest.deadlinesCsv(get("/api/v1/deadlines.csv?asOf=2025-07-08"))).text());
    const col = (n: string) => header!.indexOf(n);
    const aug1 = rows.find((r) => r[col("deadline_key")] === "reciprocal-kr-aug1")!;
    expect(aug1[col("due_utc")]).toBe("2025-08-01T04:01:00.000Z");
    expect(aug1[col("due_seoul")]).toBe("2025-08-01T13:01:00+09:00");
    expect(aug1[col("days_left")]).toBe("23");
    const jul9 = rows.find((r) => r[col("deadline_key")] === "pause-end-jul9")!;
    expect(jul9[col("status")]).toBe("postponed");
    expect(jul9[col("postponed_to")]).toBe("reciprocal-kr-aug1");
  });

  it("GET /api/v1/series/kospi.csv?from=&to= returns full-resolution rows in range", async () => {
    const text = await (await rest.seriesCsv("kospi.csv")(get("/api/v1/series/kospi.csv?from=2025-04-04&to=2025-04-08"))).text();
    expect(parseCsv(text)).toEqual([
      ["date", "open", "high", "low", "close", "volume"],
      ["2025-04-04", "2450.49", "2506.71", "2438.02", "2465.42", "695075"],
      ["2025-04-07", "2359.25", "2369.4", "2327.01", "2328.2", "619501"],
      ["2025-04-08", "2381.2", "2381.31", "2328.94", "2334.23", "557018"],
    ]);
    const all = parseCsv(await (await rest.seriesCsv("kospi.csv")(get("/api/v1/series/kospi.csv"))).text());
    expect(all.length).toBe(501);
  });

  it.each([
    ["kospi.csv", "/api/v1/series/kospi.csv?from=2025-04-31", 400, "from"],
    ["kospi.csv", "/api/v1/series/kospi.csv?from=2025-05-01&to=2025-04-01", 400, "from"],
    ["kospi.csv", "/api/v1/series/kospi.csv?limit=5", 400, "limit"],
    ["nosuch.csv", "/api/v1/series/nosuch.csv", 404, undefined],
    ["kospi.json", "/api/v1/series/kospi.json", 404, undefined],
  ])("series %s %s → %i", async (file, path, status, param) => {
    const res = await rest.seriesCsv(file)(get(path));
    expect(res.status).toBe(status);
    const body = await res.json();
    if (param) expect(body.error.param).toBe(param);
    expect(body.error.message).toBeTruthy();
  });

  it("GET /api/health reports the database reachable and migrations current", async () => {
    const res = await rest.health(get("/api/health"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: { kind: tdb.kind, reachable: true }, migrations: { current: true } });
  });
});
