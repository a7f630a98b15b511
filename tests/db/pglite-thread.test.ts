// PGlite on a worker thread (db/pglite-thread.ts, what the web server opens): Drizzle's queries, transactions that
// commit or roll back as a whole (savepoints too), PostgreSQL's error fields carried across, queries outside an open
// transaction waiting for it, a closed database refusing work; and the thread `npm start` starts early, adopted.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { buildDatabaseImage } from "@/db/image";
import { findDatabaseImage } from "@/db/image-restore";
import { lockFilePath } from "@/db/lock";
import { sources } from "@/db/schema";
import { ROOT } from "@/tests/helpers/app-server";

const dir = mkdtempSync(path.join(tmpdir(), "tw-thread-"));
let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dataDir: dir, thread: true });
  await database.migrate();
});
afterAll(async () => {
  await database.close().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

const source = (key: string) => ({
  key,
  title: `Thread test ${key}`,
  publisher: "Tradewatch",
  publishedOn: "2026-04-02",
  url: `https://example.org/${key}`,
  kind: "government" as const,
  language: "en",
  knownAt: new Date("2026-04-02T00:00:00Z"),
});
const keys = async () => (await database.db.select({ key: sources.key }).from(sources).where(sql`${sources.key} like 'thr-%'`)).map((r) => r.key).sort();

describe("PGlite on a worker thread", () => {
  it("answers Drizzle's queries with the same types (dates as Date, numbers as numbers)", async () => {
    await database.db.insert(sources).values(source("thr-a"));
    const [row] = await database.db.select().from(sources).where(eq(sources.key, "thr-a"));
    expect(row!.title).toBe("Thread test thr-a");
    expect(row!.knownAt).toBeInstanceOf(Date);
    expect(row!.knownAt.toISOString()).toBe("2026-04-02T00:00:00.000Z");
    const counted = (await database.db.execute(sql`select count(*)::int as n from sources where key like 'thr-%'`)) as unknown as { rows: { n: number }[] };
    expect(counted.rows[0]!.n).toBe(1);
  });

  it("commits a transaction as a whole, rolls back one that throws, and a failed savepoint alone", async () => {
    await database.db.transaction(async (tx) => {
      await tx.insert(sources).values(source("thr-b"));
      await tx.insert(sources).values(source("thr-c"));
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(sources).values(source("thr-d"));
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await database.db.transaction(async (tx) => {
      await tx.insert(sources).values(source("thr-e"));
      await tx.transaction(async (inner) => {
        await inner.insert(sources).values(source("thr-f"));
        inner.rollback();
      }).catch(() => {});
    });
    expect(await keys()).toEqual(["thr-a", "thr-b", "thr-c", "thr-e"]);
  });

  it("carries PostgreSQL's error fields across (a unique violation's code and constraint)", async () => {
    const error = await database.db.insert(sources).values(source("thr-a")).catch((e: unknown) => e as Error & { cause?: Record<string, unknown> });
    expect(error).toBeInstanceOf(Error);
    const pgError = (error as { cause?: Record<string, unknown> }).cause ?? (error as unknown as Record<string, unknown>);
    expect(pgError.code).toBe("23505");
    expect(String(pgError.constraint)).toMatch(/sources/);
  });

  it("makes a query outside an open transaction wait until it commits", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const tx = database.db.transaction(async (t) => {
      await t.insert(sources).values(source("thr-g"));
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    const outside = keys();
    let answered = false;
    void outside.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    release();
    await tx;
    expect(await outside).toContain("thr-g");
  });

  it("refuses work once closed", async () => {
    await database.close();
    await expect(keys()).rejects.toThrow();
  });
});

describe("the thread `npm start` starts before Next loads (scripts/early-db.cjs)", () => {
  it("takes the data directory's lock, copies the seeded image in on its thread, and is adopted by the server's open", async () => {
    await buildDatabaseImage(ROOT);
    const early = mkdtempSync(path.join(tmpdir(), "tw-early-"));
    const saved = process.env.DATA_DIR;
    try {
      process.env.DATA_DIR = early;
      createRequire(import.meta.url)(path.join(ROOT, "scripts", "early-db.cjs"));
      expect(JSON.parse(readFileSync(lockFilePath(early), "utf8")).pid).toBe(process.pid);
      const opened = await openDatabase({ dataDir: early, thread: true, image: findDatabaseImage(ROOT) });
      try {
        expect(opened.fromImage).toBe(true);
        expect((globalThis as Record<symbol, unknown>)[Symbol.for("tradewatch.earlyDatabase")]).toBeUndefined();
        const seeded = (await opened.db.execute(sql`select count(*)::int as n from tariff_measures`)) as unknown as { rows: { n: number }[] };
        expect(seeded.rows[0]!.n).toBeGreaterThan(10);
      } finally {
        await opened.close();
      }
    } finally {
      process.env.DATA_DIR = saved;
      rmSync(early, { recursive: true, force: true });
    }
  });
});
