// The process-wide database: opened once (kept on globalThis because Next loads modules several times), migrated
// and seeded before first use.
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { MIGRATIONS_DIR, openDatabase, type Database, type DatabaseConfig, type Db } from "@/db/client";
import { databaseImageKey } from "@/db/image-key.js";
import { findDatabaseImage } from "@/db/image-restore";
import { seedRuns } from "@/db/schema";
import { env, type Env } from "./env.js";

const KEY = Symbol.for("tradewatch.database");
type Holder = { [KEY]?: Promise<Database & { seeded?: boolean }> };

/** seed_runs' row naming the files (db/image-key.js) this database was last fully prepared from. */
const PREPARED = "prepared";

async function preparedFrom(db: Db): Promise<string | null> {
  try {
    const [row] = await db.select({ key: seedRuns.checksum }).from(seedRuns).where(eq(seedRuns.name, PREPARED));
    return row?.key ?? null;
  } catch {
    return null; // a new database: no tables yet
  }
}

/**
 * Applies pending migrations, then loads the seed if it is missing or changed. A database last prepared from the same
 * migration and seed files (their hash, db/image-key.js) has nothing left to apply: a restart skips both, and the
 * seed's modules and checksums (~0.2 MB of code, ~60 ms) are not loaded.
 */
export async function prepareDatabase(database: Database, opts: { seed: boolean }): Promise<Database & { seeded?: boolean }> {
  const files = `${databaseImageKey(process.cwd())} ${opts.seed ? "seeded" : "unseeded"}`;
  if ((await preparedFrom(database.db)) === files) return Object.assign(database, { seeded: false });
  await database.migrate();
  let seeded = false;
  if (opts.seed) {
    const [{ seedDatabase }, { seedProducts }] = await Promise.all([import("@/db/seed"), import("@/db/seed/products")]);
    // The story first: the product lists cite its sources.
    const story = await seedDatabase(database.db);
    const products = await seedProducts(database.db);
    seeded = story || products;
  }
  await database.db
    .insert(seedRuns)
    .values({ name: PREPARED, checksum: files, details: { seed: opts.seed } })
    .onConflictDoUpdate({ target: seedRuns.name, set: { checksum: files, details: { seed: opts.seed }, appliedAt: new Date() } });
  return Object.assign(database, { seeded });
}

/**
 * DATABASE_URL, else the embedded database in DATA_DIR — which, when new and seeded, starts as a copy of the current
 * seeded image (db/image.ts) if `npm start` or `npm run build` has made one.
 */
export function databaseConfig(source: Pick<Env, "DATABASE_URL" | "DATA_DIR" | "SEED">, opts: { thread?: boolean } = {}): DatabaseConfig {
  if (source.DATABASE_URL) return { databaseUrl: source.DATABASE_URL };
  return { dataDir: source.DATA_DIR, image: source.SEED === "on" ? findDatabaseImage(process.cwd()) : null, thread: opts.thread };
}

/** The configured database, ready to use. A failure (e.g. the data directory in use) is not cached. */
export function getDatabase(): Promise<Database & { seeded?: boolean }> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    // The web server runs the embedded database on its own thread (db/pglite-thread.ts), adopting the one `npm start`
    // started before Next loaded (scripts/early-db.cjs) when there is one.
    holder[KEY] = openDatabase(databaseConfig(env, { thread: true }))
      .then((database) => prepareDatabase(database, { seed: env.SEED === "on" }))
      .catch((error) => {
        delete holder[KEY];
        throw error;
      });
  }
  return holder[KEY];
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

export type Health = {
  ok: boolean;
  database: { kind: "pglite" | "postgres"; reachable: boolean };
  migrations: { applied: number; expected: number; current: boolean };
};

function expectedMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function checkHealth(database: Database): Promise<Health> {
  const expected = expectedMigrations();
  try {
    // node-postgres and PGlite both answer execute() with { rows }.
    const result = (await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as {
      rows: { n: number }[];
    };
    const applied = Number(result.rows[0]?.n ?? 0);
    return {
      ok: applied === expected,
      database: { kind: database.kind, reachable: true },
      migrations: { applied, expected, current: applied === expected },
    };
  } catch (error) {
    console.error("[health] database check failed:", (error as Error).message);
    return {
      ok: false,
      database: { kind: database.kind, reachable: false },
      migrations: { applied: 0, expected, current: false },
    };
  }
}
