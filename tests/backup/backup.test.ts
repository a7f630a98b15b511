// Export → import round-trips every table exactly (numerics, bigints, microsecond instants, jsonb, enums, nulls) on
// both databases; invalid backups and non-empty targets are refused with clear messages and write nothing.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sources } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import {
  backupTables,
  BackupError,
  importDatabase,
  parseBackup,
  type BackupDocument,
} from "@/server/backup";
import { openTestDatabase, queryRows, testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { databaseText, exportToString } from "./compare";

/** Values that a careless export would bend: beyond double precision, microseconds, unicode, JSON, quotes. */
async function insertEdgeRows(t: TestDatabase) {
  await t.db.execute(sql`
    insert into sources (key, title, publisher, kind, note, known_at, recorded_at)
    values ('edge-source', 'Edge "quoted" <script>alert(1)</script>', '출판사 — ☃', 'government', E'line one\nline two',
            '2025-01-02T03:04:05.123456Z', '1999-12-31T23:59:59.999999Z')`);
  await t.db.execute(sql`
    insert into budgets (budget_key, title, programme, purpose, amount, amount_usd, usd_rate, status, known_at)
    values ('edge-budget', 'Edge', 'p', 'p', 1234567890123456789012.34, 0.01, 1234567890.1234, 'proposed',
            '2025-06-01T00:00:00.000001Z')`);
  await t.db.execute(sql`
    insert into series (key, name, unit, zone, known_at) values ('edge-series', 'Edge', 'pt', 'Asia/Seoul', now())`);
  await t.db.execute(sql`
    insert into observations (series_id, date, open, high, low, close, volume, known_at)
    select id, '2030-01-02', 9999999999.9999, null, -0.0001, 0.0001, 9007199254740993, '2030-01-02T06:30:00Z'
    from series where key = 'edge-series'`);
  await t.db.execute(sql`
    insert into seed_runs (name, checksum, details, applied_at)
    values ('edge-run', 'x', ${JSON.stringify({ a: [1, 2.5, { b: null }], k: "한국어 \"q\"", t: true })}::jsonb,
            '2024-02-29T12:00:00.5Z')`);
  // The audit log refers to its user: restored after the users table, with before/after JSON intact.
  await t.db.execute(sql`
    insert into users (id, name, email, role) values ('edge-user', 'Edge Editor', 'edge@example.org', 'editor')`);
  await t.db.execute(sql`
    insert into audit_log (at, user_id, action, record_type, record_key, before, after, note)
    values ('2026-11-23T03:00:00.000001Z', 'edge-user', 'correct', 'figure', 'edge-figure',
            ${JSON.stringify({ value: 55.7e9, knownAt: "2025-07-08T14:59:59.999Z" })}::jsonb,
            ${JSON.stringify({ value: 55.6e9, sources: [1, 2] })}::jsonb, 'Customs data')`);
}

function clone(doc: BackupDocument): BackupDocument {
  return JSON.parse(JSON.stringify(doc)) as BackupDocument;
}

async function totalRows(t: TestDatabase): Promise<number> {
  let total = 0;
  for (const table of backupTables()) {
    const [row] = await queryRows<{ n: number }>(t.db, sql.raw(`select count(*)::int as n from ${table.sqlName}`));
    total += Number(row?.n ?? 0);
  }
  return total;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

function refusalOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

it("covers every table the migrations create (and not drizzle's own)", async () => {
  const t = await openTestDatabase("pglite");
  try {
    const rows = await queryRows<{ name: string }>(
      t.db,
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    expect(backupTables().map((table) => table.name).sort()).toEqual(rows.map((row) => row.name).sort());
    // Foreign keys first: a table comes after every table it references.
    const order = backupTables().map((table) => table.name);
    for (const table of backupTables()) {
      for (const dep of table.dependsOn) expect(order.indexOf(dep)).toBeLessThan(order.indexOf(table.name));
    }
    expect(order.indexOf("sources")).toBeLessThan(order.indexOf("citations"));
  } finally {
    await t.close();
  }
});

describe.each(testDatabases())("backup on $name", ({ name }) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let text: string;
  let doc: BackupDocument;

  beforeAll(async () => {
    [source, target] = await Promise.all([openTestDatabase(name), openTestDatabase(name)]);
    await seedDatabase(source.db);
    await insertEdgeRows(source);
    text = await exportToString(source.db);
    doc = parseBackup(text);
  });
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
  });

  it("writes a versioned document with exact values", () => {
    expect(doc.format).toBe("tradewatch-backup");
    expect(doc.version).toBe(1);
    expect(doc.exportedAt).toBe("2026-01-01T00:00:00.000Z");
    expect(doc.migrations.applied).toBeGreaterThan(0);
    expect(doc.migrations.last).toMatch(/^\d{4}_/);
    expect(Object.keys(doc.tables).sort()).toEqual(backupTables().map((table) => table.name).sort());
    expect(doc.tables).not.toHaveProperty("__drizzle_migrations");

    const budget = doc.tables.budgets!.find((row) => row.budget_key === "edge-budget")!;
    expect(budget).toMatchObject({
      amount: "1234567890123456789012.34",
      amount_usd: "0.01",
      usd_rate: "1234567890.1234",
      known_at: "2025-06-01T00:00:00.000001Z",
      sector: null,
      status: "proposed",
    });
    const source = doc.tables.sources!.find((row) => row.key === "edge-source")!;
    expect(source).toMatchObject({
      known_at: "2025-01-02T03:04:05.123456Z",
      recorded_at: "1999-12-31T23:59:59.999999Z",
      note: "line one\nline two",
      published_on: null,
    });
    const observation = doc.tables.observations!.find((row) => row.date === "2030-01-02")!;
    expect(observation).toMatchObject({
      open: "9999999999.9999",
      high: null,
      low: "-0.0001",
      volume: "9007199254740993",
      known_at: "2030-01-02T06:30:00.000Z",
    });
    expect(typeof observation.series_id).toBe("number");
    const run = doc.tables.seed_runs!.find((row) => row.name === "edge-run")!;
    expect(run.details).toEqual({ a: [1, 2.5, { b: null }], k: '한국어 "q"', t: true });
    expect(run.applied_at).toBe("2024-02-29T12:00:00.500Z");
    expect(doc.tables.observations!.length).toBeGreaterThanOrEqual(500);
  });

  it("refuses invalid backups with a clear message and writes nothing", async () => {
    expect(refusalOf(() => parseBackup(text.slice(0, -20)))).toMatch(/is not valid JSON/);
    expect(refusalOf(() => parseBackup("[]"))).toMatch(/not a Tradewatch backup/);
    expect(refusalOf(() => parseBackup(JSON.stringify({ ...doc, format: "other" })))).toMatch(/format is "other"/);
    expect(refusalOf(() => parseBackup(JSON.stringify({ ...doc, version: 2 })))).toMatch(
      /version 2; this Tradewatch reads backup version 1/,
    );

    const unknownTable = clone(doc);
    unknownTable.tables.payments = [{ id: 1 }];
    expect(refusalOf(() => parseBackup(JSON.stringify(unknownTable)))).toMatch(/tables\.payments: unknown table/);

    const badColumn = clone(doc);
    badColumn.tables.sources![3]!.colour = "red";
    expect(refusalOf(() => parseBackup(JSON.stringify(badColumn)))).toMatch(/tables\.sources\[3\]: unknown column "colour"/);

    const badValues = clone(doc);
    badValues.tables.observations![7]!.close = "12,5";
    badValues.tables.sources![0]!.kind = "rumour";
    badValues.tables.budgets![0]!.known_at = "yesterday";
    badValues.tables.citations![0]!.source_id = null;
    const message = refusalOf(() => parseBackup(JSON.stringify(badValues)));
    expect(message).toMatch(/tables\.observations\[7\]\.close: expected a decimal number as a string/);
    expect(message).toMatch(/tables\.sources\[0\]\.kind: Invalid option/);
    expect(message).toMatch(/tables\.budgets\[0\]\.known_at: expected an ISO-8601 instant/);
    expect(message).toMatch(/tables\.citations\[0\]\.source_id/);

    // Valid in form, refused by the database (a citation of a source that is not there): all or nothing.
    const dangling = clone(doc);
    dangling.tables.sources = dangling.tables.sources!.slice(1);
    const parsed = parseBackup(JSON.stringify(dangling));
    expect(await refusal(importDatabase(target.db, parsed))).toMatch(/Writing table \w+ failed: .*foreign key/);

    expect(await totalRows(target)).toBe(0);
  });

  it("imports into an empty database, every table identical to the source", async () => {
    const summary = await importDatabase(target.db, doc);
    expect(summary.missingTables).toEqual([]);
    expect(summary.counts.observations).toBe(doc.tables.observations!.length);
    expect(await databaseText(target.db)).toEqual(await databaseText(source.db));
    // And exporting the copy gives the same document.
    expect(await exportToString(target.db)).toBe(text);
  });

  it("resets serial sequences: a later insert gets the next id", async () => {
    const maxId = Math.max(...doc.tables.sources!.map((row) => row.id as number));
    const [inserted] = await target.db
      .insert(sources)
      .values({ key: "after-import", title: "t", publisher: "p", kind: "government", knownAt: new Date() })
      .returning({ id: sources.id });
    expect(inserted!.id).toBe(maxId + 1);
  });

  it("refuses a non-empty database without --replace, and replaces everything with it", async () => {
    const before = await databaseText(target.db);
    const message = await refusal(importDatabase(target.db, doc));
    expect(message).toMatch(/not empty: .*sources \(\d+ rows\)/);
    expect(message).toMatch(/--replace/);
    expect(await databaseText(target.db)).toEqual(before);

    await importDatabase(target.db, doc, { replace: true });
    expect(await databaseText(target.db)).toEqual(await databaseText(source.db));
  });
});
