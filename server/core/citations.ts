// Sources and conflicts attached to records, as known at an instant.
import { and, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { citations, conflictClaims, conflicts, sources } from "@/db/schema";
import type { RecordType } from "./constants";
import { BadInputError } from "./errors";
import type { Tx } from "./transactions";

export type SourceRef = {
  key: string;
  title: string;
  publisher: string;
  publishedOn: string | null;
  url: string | null;
};

export type ConflictRef = {
  key: string;
  recordType: RecordType;
  recordKey: string;
  title: string;
  titleKo: string | null;
  field: string;
  status: "open" | "resolved";
  resolvedValue: number | null;
  resolutionNote: string | null;
  resolvedAt: Date | null;
  claims: { value: number; label: string; source: SourceRef }[];
};

const sourceColumns = {
  key: sources.key,
  title: sources.title,
  publisher: sources.publisher,
  publishedOn: sources.publishedOn,
  url: sources.url,
};

/** Sources cited by each record key, limited to sources published by `at`. */
export async function sourcesFor(
  db: Db,
  recordType: RecordType,
  keys: readonly string[],
  at: Date,
): Promise<Map<string, SourceRef[]>> {
  const out = new Map<string, SourceRef[]>(keys.map((k) => [k, []]));
  if (keys.length === 0) return out;
  const rows = await db
    .select({ recordKey: citations.recordKey, ...sourceColumns })
    .from(citations)
    .innerJoin(sources, eq(citations.sourceId, sources.id))
    .where(
      and(eq(citations.recordType, recordType), inArray(citations.recordKey, [...keys]), lte(sources.knownAt, at)),
    )
    .orderBy(sources.publishedOn, sources.key);
  for (const { recordKey, ...source } of rows) out.get(recordKey)?.push(source);
  return out;
}

/**
 * Conflicts known at `at` about the given records. A conflict shows once at least two different values are
 * stated by sources published by then.
 */
export async function conflictsFor(
  db: Db,
  recordType: RecordType | null,
  keys: readonly string[] | null,
  at: Date,
): Promise<ConflictRef[]> {
  if (keys && keys.length === 0) return [];
  const conds = [lte(conflicts.knownAt, at), lte(sources.knownAt, at)];
  if (recordType) conds.push(eq(conflicts.recordType, recordType));
  if (keys) conds.push(inArray(conflicts.recordKey, [...keys]));
  return withClaims(db, and(...conds)!, at);
}

/** Each conflict (chosen by `where`, with claims from sources known at `at`) with its claims; shown ones only. */
async function withClaims(db: Db, where: SQL, at: Date): Promise<ConflictRef[]> {
  const rows = await db
    .select({
      id: conflicts.id,
      key: conflicts.conflictKey,
      recordType: conflicts.recordType,
      recordKey: conflicts.recordKey,
      title: conflicts.title,
      titleKo: conflicts.titleKo,
      field: conflicts.field,
      status: conflicts.status,
      resolvedValue: conflicts.resolvedValue,
      resolutionNote: conflicts.resolutionNote,
      resolvedAt: conflicts.resolvedAt,
      value: conflictClaims.value,
      label: conflictClaims.label,
      source: sourceColumns,
    })
    .from(conflicts)
    .innerJoin(conflictClaims, eq(conflictClaims.conflictId, conflicts.id))
    .innerJoin(sources, eq(conflictClaims.sourceId, sources.id))
    .where(where)
    .orderBy(conflicts.id, conflictClaims.value, sources.key);
  const byId = new Map<number, ConflictRef>();
  for (const r of rows) {
    let c = byId.get(r.id);
    if (!c) {
      const resolved = r.status === "resolved" && r.resolvedAt !== null && r.resolvedAt.getTime() <= at.getTime();
      c = {
        key: r.key,
        title: r.title,
        titleKo: r.titleKo,
        field: r.field,
        recordType: r.recordType,
        recordKey: r.recordKey,
        status: resolved ? "resolved" : "open",
        resolvedValue: resolved ? r.resolvedValue : null,
        resolutionNote: resolved ? r.resolutionNote : null,
        resolvedAt: resolved ? r.resolvedAt : null,
        claims: [],
      };
      byId.set(r.id, c);
    }
    c.claims.push({ value: r.value, label: r.label, source: r.source });
  }
  return [...byId.values()].filter((c) => new Set(c.claims.map((cl) => cl.value)).size > 1);
}

/** Shown at `at`: known by then, with two different values stated by sources published by then. */
const shownAt = (at: Date) => sql`${conflicts.knownAt} <= ${at.toISOString()}::timestamptz and (
  select count(distinct cc.value) from ${conflictClaims} cc join ${sources} s on s.id = cc.source_id
   where cc.conflict_id = ${conflicts.id} and s.known_at <= ${at.toISOString()}::timestamptz) > 1`;

/** Resolved at `at` (an editor's resolution made by then); every other shown conflict is open. */
const resolvedAt = (at: Date) =>
  sql`coalesce(${conflicts.status} = 'resolved' and ${conflicts.resolvedAt} <= ${at.toISOString()}::timestamptz, false)`;

/** A page of the conflicts shown at `at` (optionally only open or resolved ones), oldest first, with their claims. */
export async function listConflicts(
  db: Db,
  at: Date,
  page: { status?: "open" | "resolved"; offset?: number; limit: number },
): Promise<ConflictRef[]> {
  const conds = [shownAt(at)];
  if (page.status) conds.push(page.status === "resolved" ? resolvedAt(at) : sql`not ${resolvedAt(at)}`);
  const ids = db
    .select({ id: conflicts.id })
    .from(conflicts)
    .where(and(...conds))
    .orderBy(conflicts.id)
    .offset(page.offset ?? 0)
    .limit(page.limit);
  return withClaims(db, and(inArray(conflicts.id, ids), lte(sources.knownAt, at))!, at);
}

/** How many conflicts are shown at `at`, open and resolved. */
export async function conflictCounts(db: Db, at: Date): Promise<{ open: number; resolved: number }> {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where not ${resolvedAt(at)})::int`,
      resolved: sql<number>`count(*) filter (where ${resolvedAt(at)})::int`,
    })
    .from(conflicts)
    .where(shownAt(at));
  return { open: Number(row?.open ?? 0), resolved: Number(row?.resolved ?? 0) };
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
