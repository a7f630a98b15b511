// Transactions: the wrapper that runs a multi-row write as one (all of it or nothing) and turns the few database
// refusals a valid input can still meet into typed errors, and the per-key lock that serialises creations.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { AuditRecordType } from "./constants";
import { BadInputError, ServiceError } from "./errors";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

function pgCode(error: unknown): string | undefined {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Runs `fn` in one transaction: all of the change and its audit entry, or nothing. */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(fn);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    const code = pgCode(error);
    // Another editor saved the same key at the same moment.
    if (code === "23505") throw new ServiceError("This record was changed at the same time; reload and try again", "CONFLICT");
    if (code === "22003") throw new BadInputError("value", "A number is too large to store");
    throw error;
  }
}

/**
 * Serialises the creation of one key across concurrent transactions (a transaction-scoped advisory lock, on
 * PostgreSQL and PGlite alike): the versioned tables are unique on (key, known_at), not on the key alone.
 */
export async function lockKey(tx: Tx, recordType: AuditRecordType, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${recordType}:${key}`}))`);
}
