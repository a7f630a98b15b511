// A sector's detail (`tariffs.sector`), bounded whatever the number of measures: the measure in force and the next
// pending ones, one page of its measures (most recently effective first, limit + offset), the most recent versions,
// the rate's steps (./tariff-steps.ts), and the sources and conflicts of what is shown.
import { and, asc, count, desc, eq, lte, or, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tariffMeasures } from "@/db/schema";
import { conflictsFor, sourcesFor, type ConflictRef, type SourceRef } from "@/server/core/citations";
import type { Sector } from "@/server/core/constants";
import { DEFAULT_SECTOR_MEASURES, MAX_SECTOR_MEASURES, MAX_SECTOR_PENDING, MAX_SECTOR_VERSIONS } from "./constants";
import type { RateStep } from "./tariff-rules";
import { stepsBySector } from "./tariff-steps";
import { inForceAt, latest, measureColumns, type MeasureView } from "./tariffs";

export type SectorDetail = {
  sector: Sector;
  inForce: MeasureView | null;
  /** Announced or threatened, not yet in force: the MAX_SECTOR_PENDING soonest (undated last). */
  pending: MeasureView[];
  /** One page of the sector's measures, latest known version, most recently effective first (undated first). */
  measures: (MeasureView & { sources: SourceRef[] })[];
  /** How many measures the sector has, and where this page starts and how long it is. */
  measuresTotal: number;
  offset: number;
  limit: number;
  /** The MAX_SECTOR_VERSIONS most recent versions known at `at`, oldest first: how the records changed over time. */
  versions: MeasureView[];
  versionsTotal: number;
  steps: RateStep[];
  /** Conflicts about the measures shown (in force, pending, this page). */
  conflicts: ConflictRef[];
};

const m = tariffMeasures;

async function inForceAndPending(db: Db, sector: Sector, at: Date) {
  return Promise.all([
    db
      .select(measureColumns)
      .from(m)
      .where(and(eq(m.sector, sector), inForceAt(at), latest(at)))
      .orderBy(desc(m.effectiveAt), desc(m.knownAt))
      .limit(1),
    db
      .select(measureColumns)
      .from(m)
      .where(
        and(
          eq(m.sector, sector),
          sql`${m.status} in ('announced', 'threatened')`,
          or(isNull(m.effectiveAt), gt(m.effectiveAt, at)),
          latest(at),
        ),
      )
      .orderBy(sql`${m.effectiveAt} asc nulls last`, asc(m.measureKey))
      .limit(MAX_SECTOR_PENDING),
  ]);
}

async function measuresPage(db: Db, sector: Sector, at: Date, offset: number, limit: number) {
  const where = and(eq(m.sector, sector), latest(at));
  return Promise.all([
    db
      .select(measureColumns)
      .from(m)
      .where(where)
      .orderBy(sql`${m.effectiveAt} desc nulls first`, asc(m.measureKey))
      .offset(offset)
      .limit(limit),
    db.select({ n: count() }).from(m).where(where),
  ]);
}

async function recentVersions(db: Db, sector: Sector, at: Date) {
  const where = and(eq(m.sector, sector), lte(m.knownAt, at));
  const [rows, [total]] = await Promise.all([
    db.select(measureColumns).from(m).where(where).orderBy(desc(m.knownAt), desc(m.measureKey)).limit(MAX_SECTOR_VERSIONS),
    db.select({ n: count() }).from(m).where(where),
  ]);
  return { versions: rows.reverse(), versionsTotal: Number(total?.n ?? 0) };
}

export async function getSectorDetail(
  db: Db,
  sector: Sector,
  at: Date,
  from: Date,
  page: { offset?: number; limit?: number } = {},
): Promise<SectorDetail> {
  const offset = page.offset ?? 0;
  const limit = Math.min(page.limit ?? DEFAULT_SECTOR_MEASURES, MAX_SECTOR_MEASURES);
  const [[[inForce], pending], [rows, [total]], versions, steps] = await Promise.all([
    inForceAndPending(db, sector, at),
    measuresPage(db, sector, at, offset, limit),
    recentVersions(db, sector, at),
    stepsBySector(db, at, from, { sector }),
  ]);
  const keys = [...new Set([inForce, ...pending, ...rows].filter((r) => !!r).map((r) => r.measureKey))];
  const [sources, conflicts] = await Promise.all([sourcesFor(db, "measure", keys, at), conflictsFor(db, "measure", keys, at)]);
  return {
    sector,
    inForce: inForce ?? null,
    pending,
    measures: rows.map((r) => ({ ...r, sources: sources.get(r.measureKey) ?? [] })),
    measuresTotal: Number(total?.n ?? 0),
    offset,
    limit,
    ...versions,
    steps: steps.get(sector) ?? [],
    conflicts,
  };
}
