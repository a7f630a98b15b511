// Reading the audit log: globally with filters, and per record. Newest first, in bounded pages (keyset by id).
import { and, desc, eq, exists, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { AS_OF_ZONE, type AuditRecordType } from "@/server/core/constants";
import { endOfDay, startOfDay } from "@/server/core/time";
import type { AuditListInput } from "./schemas/audit";
import { MAX_AUDIT_AUTHORS } from "./constants";

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  action: auditLog.action,
  recordType: auditLog.recordType,
  recordKey: auditLog.recordKey,
  before: auditLog.before,
  after: auditLog.after,
  note: auditLog.note,
  user: { id: users.id, email: users.email, name: users.name },
};

export async function listAudit(db: Db, input: AuditListInput) {
  const conds: SQL[] = [];
  if (input.recordType) conds.push(eq(auditLog.recordType, input.recordType));
  if (input.recordKey) conds.push(eq(auditLog.recordKey, input.recordKey));
  if (input.userId) conds.push(eq(auditLog.userId, input.userId));
  if (input.from) conds.push(gte(auditLog.at, startOfDay(input.from, AS_OF_ZONE)));
  if (input.to) conds.push(lte(auditLog.at, endOfDay(input.to, AS_OF_ZONE)));
  if (input.before) conds.push(lt(auditLog.id, input.before));
  const rows = await db
    .select(columns)
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.userId))
    .where(and(...conds))
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);
  const entries = rows.slice(0, input.limit);
  return { entries, nextBefore: rows.length > input.limit ? entries.at(-1)!.id : null };
}

export function auditForRecord(db: Db, recordType: AuditRecordType, recordKey: string, limit: number) {
  return listAudit(db, { recordType, recordKey, limit });
}

/** People who appear in the audit log, for its "who" filter (at most MAX_AUDIT_AUTHORS, by email). */
export function auditAuthors(db: Db) {
  return db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(exists(db.select({ one: sql`1` }).from(auditLog).where(eq(auditLog.userId, users.id))))
    .orderBy(users.email)
    .limit(MAX_AUDIT_AUTHORS);
}
