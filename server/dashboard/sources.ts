// The sources page: a page of the sources known at an instant (oldest first), what each states, how many records cite
// it, and the conflicts — all bounded whatever the number of sources.
import { asc, count, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { citations, sources, sourceStatements } from "@/db/schema";
import { conflictCounts, listConflicts, type ConflictRef } from "@/server/core/citations";
import { DEFAULT_SOURCES, MAX_SOURCE_CONFLICTS, MAX_SOURCES } from "./constants";

export type SourceView = typeof sources.$inferSelect & {
  statements: { kind: string; summary: string; value: number | null; unit: string | null }[];
  citedBy: number;
};

export type SourcesPage = {
  /** `limit` sources from `offset`, by publication date. */
  sources: SourceView[];
  total: number;
  offset: number;
  limit: number;
  /** The first MAX_SOURCE_CONFLICTS conflicts shown at the instant (all of them: /conflicts), and how many there are. */
  conflicts: ConflictRef[];
  conflictsTotal: number;
};

export async function listSources(db: Db, at: Date, page: { offset?: number; limit?: number } = {}): Promise<SourcesPage> {
  const offset = page.offset ?? 0;
  const limit = Math.min(page.limit ?? DEFAULT_SOURCES, MAX_SOURCES);
  const known = lte(sources.knownAt, at);
  const [rows, [total], conflicts, counts] = await Promise.all([
    // Newest first (an undated source, e.g. one just entered, on top): the story as it stands leads the page.
    db.select().from(sources).where(known).orderBy(sql`${sources.publishedOn} desc nulls first`, asc(sources.key)).offset(offset).limit(limit),
    db.select({ n: count() }).from(sources).where(known),
    listConflicts(db, at, { limit: MAX_SOURCE_CONFLICTS }),
    conflictCounts(db, at),
  ]);
  const ids = rows.map((s) => s.id);
  const [statements, cited] = ids.length
    ? await Promise.all([
        db.select().from(sourceStatements).where(inArray(sourceStatements.sourceId, ids)).orderBy(asc(sourceStatements.id)),
        db.select({ sourceId: citations.sourceId, n: count() }).from(citations).where(inArray(citations.sourceId, ids)).groupBy(citations.sourceId),
      ])
    : [[], []];
  const bySource = new Map<number, typeof statements>();
  for (const st of statements) bySource.set(st.sourceId, [...(bySource.get(st.sourceId) ?? []), st]);
  const counted = new Map(cited.map((c) => [c.sourceId, c.n]));
  return {
    sources: rows.map((s) => ({
      ...s,
      statements: (bySource.get(s.id) ?? []).map(({ kind, summary, value, unit }) => ({ kind, summary, value, unit })),
      citedBy: counted.get(s.id) ?? 0,
    })),
    total: Number(total?.n ?? 0),
    offset,
    limit,
    conflicts,
    conflictsTotal: counts.open + counts.resolved,
  };
}
