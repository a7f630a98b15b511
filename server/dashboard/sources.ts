// The sources page: every source known at an instant, what it states, what cites it, and the conflicts.
import { asc, count, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { citations, sources, sourceStatements } from "@/db/schema";
import { conflictsFor, type ConflictRef } from "@/server/core/citations";

export type SourceView = typeof sources.$inferSelect & {
  statements: { kind: string; summary: string; value: number | null; unit: string | null }[];
  citedBy: number;
};

export async function listSources(db: Db, at: Date): Promise<{ sources: SourceView[]; conflicts: ConflictRef[] }> {
  const [rows, statements, cited, conflicts] = await Promise.all([
    db.select().from(sources).where(lte(sources.knownAt, at)).orderBy(asc(sources.publishedOn), asc(sources.key)),
    db.select().from(sourceStatements).orderBy(asc(sourceStatements.id)),
    db
      .select({ sourceId: citations.sourceId, n: count() })
      .from(citations)
      .groupBy(citations.sourceId),
    conflictsFor(db, null, null, at),
  ]);
  const bySource = new Map<number, typeof statements>();
  for (const st of statements) bySource.set(st.sourceId, [...(bySource.get(st.sourceId) ?? []), st]);
  const counts = new Map(cited.map((c) => [c.sourceId, c.n]));
  return {
    sources: rows.map((s) => ({
      ...s,
      statements: (bySource.get(s.id) ?? []).map(({ kind, summary, value, unit }) => ({ kind, summary, value, unit })),
      citedBy: counts.get(s.id) ?? 0,
    })),
    conflicts,
  };
}
