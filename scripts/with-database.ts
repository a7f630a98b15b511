// The configured database for a command-line tool: DATABASE_URL, else the embedded one in DATA_DIR (which allows one
// process: a running server makes this throw DataDirInUseError), migrated (and seeded unless SEED=off), closed after.
import { openDatabase, type Db } from "@/db/client";
import { databaseConfig, prepareDatabase } from "@/server/core/db";
import type { Env } from "@/server/core/env.js";

export async function withDatabase<T>(env: Env, fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseConfig(env));
  try {
    await prepareDatabase(database, { seed: env.SEED === "on" });
    return await fn(database.db);
  } finally {
    await database.close();
  }
}
