// The audit log: who changed what, when, before and after — written in the same transaction as the change.
import { auditLog } from "@/db/schema";
import type { Actor } from "./actor";
import type { AuditAction, AuditRecordType } from "./constants";
import type { Tx } from "./transactions";

/** Writes the entry for a change made by `actor`; a change without a signed-in user (CLI, jobs) is not audited. */
export async function writeAudit(
  tx: Tx,
  actor: Actor,
  entry: {
    action: AuditAction;
    recordType: AuditRecordType;
    recordKey: string;
    before?: unknown;
    after?: unknown;
    note?: string | null;
  },
): Promise<void> {
  if (!actor.user) return;
  await tx.insert(auditLog).values({
    at: actor.now,
    userId: actor.user.id,
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

