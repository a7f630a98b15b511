// What every edit service gets besides the database and its input, the transaction wrapper that turns the few
// database refusals a valid input can still meet into typed errors, and the audit entry written with each change.
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, citations, sources } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session-user";
import type { AuditAction, AuditRecordType, RecordType } from "@/server/domain/constants";
import { BadInputError, ServiceError } from "../errors";

export type EditContext = { user: Pick<SessionUser, "id">; now: Date };
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

export async function writeAudit(
  tx: Tx,
  ctx: EditContext,
  entry: {
    action: AuditAction;
    recordType: AuditRecordType;
    recordKey: string;
    before?: unknown;
    after?: unknown;
    note?: string | null;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    at: ctx.now,
    userId: ctx.user.id,
    action: entry.action,
    recordType: entry.recordType,
    recordKey: entry.recordKey,
    before: toJson(entry.before),
    after: toJson(entry.after),
    note: entry.note ?? null,
  });
}

/** Rows as plain JSON (instants as ISO strings), without the database's own bookkeeping. */
function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (k, v) => (k === "recordedAt" ? undefined : v)));
}

/** Checks that every cited source exists (else a BAD_REQUEST naming `sources`) and links them to the record. */
export async function citeSources(tx: Tx, recordType: RecordType, recordKey: string, sourceIds: readonly number[]) {
  const ids = [...new Set(sourceIds)];
  const found = await tx.select({ id: sources.id }).from(sources).where(inArray(sources.id, ids));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) throw new BadInputError("sources", `No source with id ${missing.join(", ")}; choose existing sources`);
  await tx
    .insert(citations)
    .values(ids.map((sourceId) => ({ recordType, recordKey, sourceId })))
    .onConflictDoNothing();
}
