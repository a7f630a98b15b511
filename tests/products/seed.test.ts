// The product data loads on the embedded database and on PostgreSQL: every HTS-10 line, every list as versioned
// coverage, idempotently (a second run writes nothing; a changed checksum reloads without duplicating a row).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { entryRows, PRODUCTS_SEED_NAME, seedProducts } from "@/db/seed/products";
import { COVERAGE_LISTS } from "@/db/seed/hts-lists";
import { openTestDatabase, testDatabases, type TestDatabase } from "../helpers/databases";

const count = async (db: TestDatabase["db"], table: "products" | "coverage_entries" | "coverage_lists") => {
  const r = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0]!.n);
};

describe.each(testDatabases())("product data on $name", ({ name }) => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await openTestDatabase(name);
    await seedDatabase(d.db);
  });
  afterAll(() => d?.close());

  it("loads every line and list once, and a second run writes nothing", async () => {
    expect(await seedProducts(d.db)).toBe(true);
    const expectedEntries = COVERAGE_LISTS.reduce((n, l) => n + entryRows(l).length, 0);
    expect(await count(d.db, "products")).toBe(18_700);
    expect(await count(d.db, "coverage_lists")).toBe(COVERAGE_LISTS.length);
    expect(await count(d.db, "coverage_entries")).toBe(expectedEntries);
    expect(await seedProducts(d.db)).toBe(false);
    // A changed definition (here: a forgotten checksum) reloads in place, without a duplicate.
    await d.db.update(t.seedRuns).set({ checksum: "stale" }).where(eq(t.seedRuns.name, PRODUCTS_SEED_NAME));
    expect(await seedProducts(d.db)).toBe(true);
    expect(await count(d.db, "products")).toBe(18_700);
    expect(await count(d.db, "coverage_entries")).toBe(expectedEntries);
  });

  it("keeps each list's window, its instrument and its sources, and reports the row it could not read", async () => {
    const [s122] = await d.db.select().from(t.coverageLists).where(eq(t.coverageLists.listKey, "s122-exempt"));
    expect(s122).toMatchObject({ programme: "s122", effect: "exempts", file: "s122_exempt_products.csv" });
    expect(s122!.sourceKeys).toContain("yale-hts-product-lists");
    const [entry] = await d.db.select().from(t.coverageEntries).where(eq(t.coverageEntries.listKey, "s122-exempt")).limit(1);
    // 00:01 in Washington (EST in February, EDT in July).
    expect(entry!.effectiveFrom.toISOString()).toBe("2026-02-24T05:01:00.000Z");
    expect(entry!.effectiveTo!.toISOString()).toBe("2026-07-24T04:01:00.000Z");
    expect(entry!.effectiveZone).toBe("America/New_York");
    // The derivatives list dates its rounds row by row: steel derivatives joined on 18 Aug 2025.
    const steel = await d.db.select().from(t.coverageEntries).where(eq(t.coverageEntries.ch99, "9903.81.91")).limit(1);
    expect(steel[0]!.effectiveFrom.toISOString()).toBe("2025-08-18T04:01:00.000Z");
    const [run] = await d.db.select().from(t.seedRuns).where(eq(t.seedRuns.name, PRODUCTS_SEED_NAME));
    expect((run!.details as { skipped: unknown[] }).skipped).toEqual([
      { list: "ieepa-annex-ii", prefix: "850511007000", reason: "not an HTS prefix of 2–10 digits" },
    ]);
  });

  it("shows non-breaking spaces of the source as spaces", async () => {
    const rows = await d.db.select().from(t.products).where(sql`${t.products.description} like '%?%'`);
    expect(rows.filter((r) => /\S\?\S/.test(r.description))).toEqual([]);
    const [bus] = await d.db.select().from(t.products).where(eq(t.products.hts10, "8702103100"));
    expect(bus?.description).toMatch(/^Motor vehicles for the transport of ten or more persons/);
  });
});
