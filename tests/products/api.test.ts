// Products on real databases: search by code and words, one line's duty with its sources, the page's data, and the
// REST endpoints (shape, CSV, bad parameters → 400/404 naming them). The rules themselves: ./duty-rules.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/db/seed";
import { seedProducts } from "@/db/seed/products";
import { createCaller } from "@/server/core/root";
import { productPage, searchProducts } from "@/server/products/catalog";
import { productDuty } from "@/server/products/duty";
import { openDutyBook } from "@/server/products/book";
import { createRestHandlers } from "@/server/rest/v1";
import { localToInstant } from "@/server/core/time";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const NOW = new Date("2026-12-06T03:00:00Z");
const get = (path: string) => new Request(`http://test.local${path}`);
const noon = (d: string) => localToInstant(`${d}T12:00`, "America/New_York");

describe.each(testDatabases())("products on $name", ({ name }) => {
  let d: TestDatabase;
  let rest: ReturnType<typeof createRestHandlers>;
  beforeAll(async () => {
    d = await openTestDatabase(name);
    await seedDatabase(d.db);
    await seedProducts(d.db);
    rest = createRestHandlers({ database: async () => d, now: () => NOW });
  });
  afterAll(() => d?.close());

  it("finds lines by any code prefix, with or without dots, and by words as typed", async () => {
    const byCode = await searchProducts(d.db, "8708.29", 50);
    expect(byCode.lines.length).toBeGreaterThan(3);
    expect(byCode.lines.every((l) => l.hts10.startsWith("870829"))).toBe(true);
    expect((await searchProducts(d.db, "8708 29 15", 5)).lines[0]?.hts10).toBe("8708291500");
    const words = await searchProducts(d.db, "brake", 10);
    expect(words.lines.length).toBe(10);
    expect(words.more).toBe(true);
    expect(words.lines.every((l) => /brake/i.test(l.description))).toBe(true);
    // A word being typed matches as a prefix.
    expect((await searchProducts(d.db, "transmiss", 5)).lines.some((l) => /transmission/i.test(l.description))).toBe(true);
    expect((await searchProducts(d.db, "?!", 5)).lines).toEqual([]);
  });

  it("rates one line from the database as the rules do, with the sources of each step", async () => {
    const thenKnown = await productDuty(d.db, "8708291500", noon("2025-12-01"));
    expect(thenKnown.additionalDutyPct).toBe(25);
    expect(thenKnown.components[0]).toMatchObject({ programme: "s232_auto_parts", measureKey: "auto-parts-232-25" });
    const today = await productDuty(d.db, "8708291500", noon("2025-12-01"), NOW);
    expect(today.additionalDutyPct).toBe(15);
    expect(today.components[0]!.sources.map((s) => s.title).join(" ")).toMatch(/2025-21940|Joint Fact Sheet|framework/i);
    const book = await openDutyBook(d.db, ["8708291500", "6110202010"]);
    for (const [hts, day] of [["8708291500", "2025-08-10"], ["6110202010", "2026-08-01"], ["6110202010", "2025-12-01"]] as const) {
      expect(book.duty(hts, noon(day)).additionalDutyPct).toBe((await productDuty(d.db, hts, noon(day))).additionalDutyPct);
    }
  });

  it("gives a product page its path, coverage, steps over time and deadlines ahead", async () => {
    const page = await productPage(d.db, "8708291500", NOW, NOW);
    expect(page!.product.path[0]).toMatch(/^Parts and accessories of the motor vehicles/);
    const lists = page!.coverage.map((c) => c.listKey);
    expect(lists).toEqual(expect.arrayContaining(["s232-auto-parts", "s232-mhd-parts"]));
    // Reciprocal 10% from 5 Apr 2025, Korea's 25% for the day of 9 Apr, parts 25% from 3 May, Korea's 15% from 1 Nov.
    expect(page!.steps.map((s) => s.additionalDutyPct)).toEqual([0, 10, 25, 10, 25, 15]);
    expect(page!.duty.additionalDutyPct).toBe(15);
    expect(await productPage(d.db, "0000000000", NOW, NOW)).toBeNull();
  });

  it("GET /api/v1/products/<hts10>?asOf= answers the documented JSON", async () => {
    const res = await rest.product("8708.29.15.00")(get("/api/v1/products/8708.29.15.00?asOf=2025-12-10"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ hts: "8708291500", asOf: "2025-12-10", origin: "KR", additionalDutyPct: 15 });
    expect(body.description).toBe("Parts and accessories of the motor vehicles of headings 8701 to 8705 : Other parts and accessories of bodies (including cabs) : Other");
    expect(body.measures[0]).toMatchObject({ programme: "s232_auto_parts", instrument: expect.stringContaining("2025-21940"), ratePct: 15 });
    expect(body.measures[0].sources.length).toBeGreaterThan(0);
    expect(Array.isArray(body.notes)).toBe(true);
  });

  it("answers 400 naming the parameter for a malformed code or date, 404 for an unknown line", async () => {
    const bad = await rest.product("87AB")(get("/api/v1/products/87AB"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "BAD_PARAMETER", param: "hts" });
    const badDate = await rest.product("8708291500")(get("/api/v1/products/8708291500?asOf=2025-13-01"));
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).error.param).toBe("asOf");
    const unknown = await rest.product("0000000000")(get("/api/v1/products/0000000000"));
    expect(unknown.status).toBe(404);
  });

  it("GET /api/v1/products.csv rates many codes; bad or unknown codes are named", async () => {
    const res = await rest.productsCsv(get("/api/v1/products.csv?codes=8708291500,6110.20.20.10&asOf=2026-08-01"));
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("hts,description,as_of,additional_duty_pct,uncertain,programmes,measures,instruments,ch99,notes");
    expect(lines[1]).toMatch(/^8708291500,.*,2026-08-01,15,/);
    expect(lines[2]).toMatch(/^6110202010,.*,2026-08-01,12\.5,true,s301_forced_labour,/);
    const bad = await rest.productsCsv(get("/api/v1/products.csv?codes=8708291500,12x"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ param: "codes", message: expect.stringContaining("12x") });
    const unknown = await rest.productsCsv(get("/api/v1/products.csv?codes=0000000000"));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.param).toBe("codes");
  });

  it("validates the procedures' input (tRPC)", async () => {
    const api = createCaller({ db: d.db, now: () => NOW });
    await expect(api.products.search({ q: "" })).rejects.toThrow(/type a code or words/);
    await expect(api.products.duty({ hts: "123" })).rejects.toThrow(/ten digits/);
  });
});

describe.each(testDatabases())("a parts list on $name", ({ name }) => {
  let d: TestDatabase;
  let rest: ReturnType<typeof createRestHandlers>;
  beforeAll(async () => {
    d = await openTestDatabase(name);
    await seedDatabase(d.db);
    await seedProducts(d.db);
    rest = createRestHandlers({ database: async () => d, now: () => NOW });
  });
  afterAll(() => d?.close());

  const post = (body: FormData, query = "") => rest.parts(new Request(`http://test.local/api/v1/products/parts${query}`, { method: "POST", body }));
  const form = (text: string, fields: Record<string, string> = {}) => {
    const f = new FormData();
    f.set("file", new File([text], "parts.csv", { type: "text/csv" }));
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };

  it("rates every row on two dates with the change, and reports bad rows by number without losing any", async () => {
    const csv = "Part,HTS code,Label\nA-1,8708.29.15.00,Door panel\nA-2,12x,Broken code\nA-3,0000000000,Unknown\nA-4,6110202010,Sweater\n";
    const res = await post(form(csv.replace("HTS code", "hts"), { date: "2025-08-10", compare: "2026-08-01" }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.summary).toEqual({ rows: 4, rated: 2, problems: 2, changed: 2 });
    expect(body.rows.map((r: { row: number; label: string; dutyA: number | null; dutyB: number | null; changePct: number | null }) => [r.row, r.label, r.dutyA, r.dutyB, r.changePct])).toEqual([
      [1, "A-1", 25, 15, -10],
      [2, "A-2", null, null, null],
      [3, "A-3", null, null, null],
      [4, "A-4", 15, 12.5, -2.5],
    ]);
    expect(body.problems).toEqual([
      { row: 2, field: "hts", message: '"12x" is not an HTS code of ten digits' },
      { row: 3, field: "hts", message: "no HTS line 0000000000" },
    ]);
  });

  it("answers the same as CSV, one line per input row", async () => {
    const res = await post(form("8708291500\n6110202010 sweater\n"), "?format=csv");
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^2,sweater,6110202010,/);
  });

  it("refuses an empty list, a list without a code column and a bad date, naming the field", async () => {
    const empty = await post(form(""));
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.param).toBe("file");
    const noCodes = await post(form("label,price\nx,1\n"));
    expect((await noCodes.json()).error.message).toMatch(/No column of HTS codes/);
    const badDate = await post(form("8708291500\n", { date: "2025-02-30" }));
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).error.param).toBe("date");
  });
});
