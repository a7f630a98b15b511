// Which databases a suite runs against, and a fresh migrated database for each.
//
//   describe.each(testDatabases())("… on $name", ({ name }) => {
//     let t: TestDatabase;
//     beforeAll(async () => { t = await openTestDatabase(name); });
//     afterAll(() => t?.close());
//     …
//   });
//
// PGlite always (in memory, ~2 s to open + migrate: share one per file). PostgreSQL only when TEST_DATABASE_URL is
// set: each call creates its own database `tw_test_<random>` on that server and drops it on close().
import { randomBytes } from "node:crypto";
import type { SQL } from "drizzle-orm";
import pg from "pg";
import { openDatabase, type Database, type Db } from "@/db/client";

export type TestDatabaseName = "pglite" | "postgres";

export type TestDatabase = Database & {
  name: TestDatabaseName;
  /** The connection string of the created database (postgres only). */
  url?: string;
};

export function testDatabases(): { name: TestDatabaseName }[] {
  const list: { name: TestDatabaseName }[] = [{ name: "pglite" }];
  if (process.env.TEST_DATABASE_URL) list.push({ name: "postgres" });
  return list;
}

export async function openTestDatabase(name: TestDatabaseName): Promise<TestDatabase> {
  if (name === "pglite") {
    const database = await openDatabase({ memory: true });
    try {
      await database.migrate();
    } catch (error) {
      await database.close().catch(() => {});
      throw error;
    }
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await database.close();
    };
    return { ...database, name, close };
  }

  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("openTestDatabase('postgres') needs TEST_DATABASE_URL");
  const dbName = `tw_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (client) => client.query(`create database "${dbName}"`));
  const url = databaseUrl(adminUrl, dbName);

  const drop = () =>
    withAdmin(adminUrl, (client) => client.query(`drop database if exists "${dbName}" with (force)`));

  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: url });
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      await database.close();
    } finally {
      await drop();
    }
  };
  try {
    await database.migrate();
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
  return { ...database, name, url, close };
}

function databaseUrl(serverUrl: string, dbName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Rows of a raw SQL query. PGlite and node-postgres both answer execute() with `{ rows }`, but the shared Db type
 * leaves the result untyped. Cast counts with `::int` (pg returns bigint counts as strings).
 */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
