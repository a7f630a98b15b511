// The schema on both databases: migrations apply, re-running them is a no-op, and the version index holds.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tariffMeasures } from "@/db/schema";
import { openTestDatabase, queryRows, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const journal = JSON.parse(
  readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8"),
) as { entries: { idx: number; tag: string; when: number }[] };

/** The PostgreSQL error code (e.g. 23505) of an error, looking through Drizzle's wrapper. */
function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the operation to fail");
}

describe.each(testDatabases())("database on $name", ({ name }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(name);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("opens the expected kind of database", () => {
    expect(t.kind).toBe(name);
  });

  it("records one applied migration per journal entry, and migrating again is a no-op", async () => {
    const applied = async () => {
      const rows = await queryRows<{ created_at: string | number }>(
        t.db,
        sql`select created_at from drizzle.__drizzle_migrations order by created_at`,
      );
      return rows.map((row) => Number(row.created_at));
    };
    const expected = journal.entries.map((entry) => entry.when).sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(0);
    expect(await applied()).toEqual(expected);

    await t.migrate();
    await t.migrate();
    expect(await applied()).toEqual(expected);
  });

  it("creates the tables of the schema", async () => {
    const rows = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'tariff_measures'`,
    );
    expect(rows[0]?.n).toBe(1);
  });

  it("rejects a second version of a measure with the same known_at (unique version index)", async () => {
    const knownAt = new Date("2025-07-31T12:00:00Z");
    const row = {
      measureKey: `test-dup-${name}`,
      title: "Test measure",
      targetCountry: "KR",
      sector: "autos" as const,
      ratePct: 25,
      instrument: "Section 232",
      status: "announced" as const,
      knownAt,
    };
    await t.db.insert(tariffMeasures).values(row);

    const error = await caught(t.db.insert(tariffMeasures).values({ ...row, title: "Duplicate" }));
    expect(pgErrorCode(error)).toBe("23505");
    expect(String((error as { cause?: Error }).cause?.message ?? error)).toContain("tariff_measures_version");

    // A later version of the same measure is fine.
    await t.db.insert(tariffMeasures).values({ ...row, ratePct: 15, knownAt: new Date("2025-11-14T12:00:00Z") });
    const versions = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from tariff_measures where measure_key = ${row.measureKey}`,
    );
    expect(versions[0]?.n).toBe(2);
  });
});
