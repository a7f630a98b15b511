// Creating and updating versioned records (measures, deadlines, budgets, figures), the same way for each:
// - create: the key must be new; the first version is known from now;
// - update: a new version known from now, so views of the past are unchanged; with `correction` the version in
//   force now is rewritten in place (same known_at), so past views show the corrected value too;
// - the cited sources are checked and linked to the key; one audit entry with before and after.
import { and, desc, eq, lte } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import type { RecordType } from "@/server/core/constants";
import { BadInputError, NotFoundError, ServiceError } from "@/server/core/errors";
import { citeSources } from "@/server/core/citations";
import { inTransaction, lockKey, type Tx } from "@/server/core/transactions";
import { writeAudit } from "@/server/core/audit";
import { type SignedInActor } from "@/server/core/actor";

export type VersionedTable = {
  table: PgTable;
  id: PgColumn;
  key: PgColumn;
  /** The key column's property name (measureKey, deadlineKey, …). */
  keyField: string;
  knownAt: PgColumn;
  recordType: RecordType;
  /** Name for messages, e.g. "Deadline". */
  label: string;
};

type Row = Record<string, unknown> & { id: number; knownAt: Date };

// Drizzle's builders are typed per table; this module is generic over four tables of the same shape.
/* eslint-disable @typescript-eslint/no-explicit-any */
const q = (tx: Tx) => tx as any;

/** The version in force at `now`: the newest known by then. */
export async function currentVersion(tx: Tx, spec: VersionedTable, key: string, now: Date): Promise<Row | undefined> {
  const [row] = await q(tx)
    .select()
    .from(spec.table)
    .where(and(eq(spec.key, key), lte(spec.knownAt, now)))
    .orderBy(desc(spec.knownAt))
    .limit(1);
  return row as Row | undefined;
}

export async function keyExists(tx: Tx, spec: VersionedTable, key: string): Promise<boolean> {
  const rows = await q(tx).select({ id: spec.id }).from(spec.table).where(eq(spec.key, key)).limit(1);
  return rows.length > 0;
}

export async function insertVersion(tx: Tx, spec: VersionedTable, values: Record<string, unknown>): Promise<Row> {
  const [row] = await q(tx).insert(spec.table).values(values).returning();
  return row as Row;
}

/** Writes the next version of `current`: in place for a correction (or a second edit at the same instant), else new. */
export async function saveVersion(
  tx: Tx,
  spec: VersionedTable,
  current: Row,
  patch: Record<string, unknown>,
  { correction, now }: { correction: boolean; now: Date },
): Promise<Row> {
  const { id, recordedAt: _recordedAt, ...rest } = current;
  if (correction || current.knownAt.getTime() === now.getTime()) {
    const [row] = await q(tx).update(spec.table).set(patch).where(eq(spec.id, id)).returning();
    return row as Row;
  }
  return insertVersion(tx, spec, { ...rest, ...patch, knownAt: now });
}

export async function createVersioned(
  db: Db,
  ctx: SignedInActor,
  spec: VersionedTable,
  input: { key: string; sources: number[]; note?: string | null },
  values: Record<string, unknown>,
): Promise<Row> {
  return inTransaction(db, async (tx) => {
    await lockKey(tx, spec.recordType, input.key);
    if (await keyExists(tx, spec, input.key)) {
      throw new ServiceError(`${spec.label} "${input.key}" already exists; choose another key or edit it`, "CONFLICT", "key");
    }
    const row = await insertVersion(tx, spec, { ...values, [spec.keyField]: input.key, knownAt: ctx.now });
    await citeSources(tx, spec.recordType, input.key, input.sources);
    await writeAudit(tx, ctx, { action: "create", recordType: spec.recordType, recordKey: input.key, after: { ...row, sources: input.sources }, note: input.note });
    return row;
  });
}

export async function updateVersioned(
  db: Db,
  ctx: SignedInActor,
  spec: VersionedTable,
  input: { key: string; sources?: number[]; correction?: boolean; note?: string | null },
  patchFor: (current: Row) => Record<string, unknown>,
): Promise<Row> {
  return inTransaction(db, async (tx) => {
    const current = await currentVersion(tx, spec, input.key, ctx.now);
    if (!current) throw new NotFoundError(`${spec.label} "${input.key}"`);
    const correction = input.correction === true;
    const patch = patchFor(current);
    if (Object.keys(patch).length === 0 && !input.sources) {
      throw new BadInputError("key", "Nothing to change: give at least one field or the sources to cite");
    }
    // Citing more sources alone changes no version.
    const row = Object.keys(patch).length ? await saveVersion(tx, spec, current, patch, { correction, now: ctx.now }) : current;
    if (input.sources) await citeSources(tx, spec.recordType, input.key, input.sources);
    await writeAudit(tx, ctx, {
      action: correction ? "correct" : "update",
      recordType: spec.recordType,
      recordKey: input.key,
      before: current,
      after: input.sources ? { ...row, sources: input.sources } : row,
      note: input.note,
    });
    return row;
  });
}

/** Keeps only the fields the input names (an update changes just those). */
export function defined<T extends Record<string, unknown>>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
