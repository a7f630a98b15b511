// Tariff measures as of an instant: the board of rates in force per sector (a sector's detail: ./sector.ts; the step
// chart: ./tariff-steps.ts).
import { and, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tariffMeasures } from "@/db/schema";
import { FORCE_STATUSES, SECTORS, type Sector } from "@/server/core/constants";
import { measureInForce, pendingMeasures } from "./tariff-rules";
import { conflictsFor, sourcesFor, type ConflictRef, type SourceRef } from "@/server/core/citations";
import { latestVersionAt } from "@/server/core/versions";

export type Measure = typeof tariffMeasures.$inferSelect;
export type MeasureView = Omit<Measure, "id" | "recordedAt">;

export const measureColumns = {
  measureKey: tariffMeasures.measureKey,
  title: tariffMeasures.title,
  titleKo: tariffMeasures.titleKo,
  imposingCountry: tariffMeasures.imposingCountry,
  targetCountry: tariffMeasures.targetCountry,
  sector: tariffMeasures.sector,
  ratePct: tariffMeasures.ratePct,
  rateNote: tariffMeasures.rateNote,
  rateNoteKo: tariffMeasures.rateNoteKo,
  instrument: tariffMeasures.instrument,
  status: tariffMeasures.status,
  announcedOn: tariffMeasures.announcedOn,
  effectiveAt: tariffMeasures.effectiveAt,
  effectiveZone: tariffMeasures.effectiveZone,
  endsAt: tariffMeasures.endsAt,
  endsZone: tariffMeasures.endsZone,
  confidence: tariffMeasures.confidence,
  knownAt: tariffMeasures.knownAt,
};

/** The version of each measure in force at `at` (the newest known by then). */
export const latest = (at: Date) => latestVersionAt(tariffMeasures, tariffMeasures.measureKey, tariffMeasures.knownAt, at);

/**
 * Latest version of the measures known at `at` (optionally one sector's) by key: the first `limit` for the CSV export,
 * every one for the review of an article's facts (internal: no answer carries them).
 */
export async function measuresAsOf(db: Db, at: Date, sector?: Sector, limit?: number): Promise<MeasureView[]> {
  const conds = [latest(at)];
  if (sector) conds.push(eq(tariffMeasures.sector, sector));
  const query = db.select(measureColumns).from(tariffMeasures).where(and(...conds)).orderBy(tariffMeasures.measureKey).$dynamic();
  return limit === undefined ? query : query.limit(limit);
}

/** A status that applies duties, effective by `at` and not yet ended. */
export const inForceAt = (at: Date) =>
  and(
    inArray(tariffMeasures.status, [...FORCE_STATUSES]),
    lte(tariffMeasures.effectiveAt, at),
    or(isNull(tariffMeasures.endsAt), gt(tariffMeasures.endsAt, at)),
  );

/**
 * Only what the board shows, chosen in SQL so the work stays bounded whatever the number of measures: per sector,
 * the most recently effective measure in force (a walk down the sector's effective instants that stops at the first
 * match), and the three soonest announced or threatened ones. The domain rules then decide among these candidates
 * exactly as they would among all measures.
 */
async function boardCandidates(db: Db, at: Date): Promise<MeasureView[]> {
  // For each sector (LATERAL over the enum), walk its effective instants downwards and stop at the first in force.
  const best = db
    .select(measureColumns)
    .from(tariffMeasures)
    .where(and(sql`${tariffMeasures.sector} = s.sector`, inForceAt(at), latest(at)))
    .orderBy(desc(tariffMeasures.effectiveAt), desc(tariffMeasures.knownAt))
    .limit(1)
    .as("best");
  const inForce = db
    .select(Object.fromEntries(Object.keys(measureColumns).map((k) => [k, best[k as keyof typeof measureColumns]])) as {
      [K in keyof typeof measureColumns]: (typeof best)[K];
    })
    .from(sql`unnest(enum_range(null::sector)) as s(sector)`)
    .crossJoinLateral(best);
  const ranked = db
    .select({
      ...measureColumns,
      rank: sql<number>`row_number() over (partition by ${tariffMeasures.sector} order by ${tariffMeasures.effectiveAt} asc nulls last, ${tariffMeasures.measureKey})`.as(
        "rank",
      ),
    })
    .from(tariffMeasures)
    .where(
      and(
        // Written as the partial index's own predicate so the planner can use it.
        sql`${tariffMeasures.status} in ('announced', 'threatened')`,
        or(isNull(tariffMeasures.effectiveAt), gt(tariffMeasures.effectiveAt, at)),
        latest(at),
      ),
    )
    .as("ranked");
  const [current, pending] = await Promise.all([inForce, db.select().from(ranked).where(lte(ranked.rank, 3))]);
  return [...(current as MeasureView[]), ...pending.map(({ rank: _rank, ...m }) => m as MeasureView)];
}

export type TariffTile = {
  sector: Sector;
  inForce: MeasureView | null;
  /** Announced or threatened next, soonest first (at most three). */
  pending: MeasureView[];
  sources: SourceRef[];
  conflicts: ConflictRef[];
};

export async function getTariffBoard(db: Db, at: Date): Promise<TariffTile[]> {
  const live = await boardCandidates(db, at);
  const tiles = SECTORS.map((sector) => ({
    sector,
    inForce: measureInForce(live, sector, at),
    pending: pendingMeasures(live, sector, at).slice(0, 3),
  })).filter((t) => t.inForce || t.pending.length > 0);
  const keys = tiles.flatMap((t) => [t.inForce?.measureKey, ...t.pending.map((p) => p.measureKey)]).filter(
    (k): k is string => !!k,
  );
  const [sources, conflicts] = await Promise.all([
    sourcesFor(db, "measure", keys, at),
    conflictsFor(db, "measure", keys, at),
  ]);
  return tiles.map((t) => {
    const mine = [t.inForce?.measureKey, ...t.pending.map((p) => p.measureKey)].filter((k): k is string => !!k);
    const seen = new Set<string>();
    return {
      ...t,
      sources: mine.flatMap((k) => sources.get(k) ?? []).filter((s) => !seen.has(s.key) && !!seen.add(s.key)),
      conflicts: conflicts.filter((c) => mine.includes(c.recordKey)),
    };
  });
}
