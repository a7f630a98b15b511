// Opens the database: PGlite in DATA_DIR by default, PostgreSQL through node-postgres when DATABASE_URL is set.
// Both are typed as one PgDatabase so services never know which one they talk to.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import * as schema from "./schema";
import { restoreDatabaseImage } from "./image-restore";
import { adoptEarlyThread, PGliteThread } from "./pglite-thread";
import { acquireDataDirLock } from "./lock";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseConfig =
  | { databaseUrl: string }
  /**
   * image: a seeded database image (db/image.ts) copied in when dataDir holds no database yet.
   * thread: run PGlite on a worker thread (db/pglite-thread.ts), as the web server does.
   */
  | { dataDir: string; image?: string | null; thread?: boolean }
  | { memory: true };

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** An embedded database that was just copied from the seeded image (db/image.ts). */
  fromImage?: boolean;
  /** Applies pending migrations (idempotent; serialised across processes on PostgreSQL). */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if ("databaseUrl" in config) {
    // node-postgres loads only here: the embedded default never needs it (~0.2 MB less to load at start).
    const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
      import("pg"),
      import("drizzle-orm/node-postgres"),
      import("drizzle-orm/node-postgres/migrator"),
    ]);
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    pool.on("error", (error) => console.error("[db] idle client error:", error.message));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      async migrate() {
        // Several instances may start at once: one migrates, the others wait on the advisory lock.
        const client = await pool.connect();
        try {
          await client.query("select pg_advisory_lock(724019)");
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await client.query("select pg_advisory_unlock(724019)").catch(() => {});
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  let release = () => {};
  let client: PGlite;
  let fromImage = false;
  if ("dataDir" in config) {
    release = acquireDataDirLock(config.dataDir);
    try {
      if (config.thread) {
        // The thread answers the part of PGlite's interface Drizzle calls (query, exec, transaction), and copies the
        // image in itself, off this thread.
        const thread = adoptEarlyThread(config.dataDir) ?? new PGliteThread({ dataDir: config.dataDir, image: config.image });
        client = thread as unknown as PGlite;
        fromImage = (await thread.waitReady).restored;
      } else {
        if (config.image) fromImage = restoreDatabaseImage(config.image, config.dataDir);
        client = new PGlite(path.resolve(config.dataDir, "pglite"));
        await client.waitReady;
      }
    } catch (error) {
      release();
      throw error;
    }
  } else {
    client = new PGlite();
    await client.waitReady;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    fromImage,
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR }),
    async close() {
      await client.close();
      release();
    },
  };
}
