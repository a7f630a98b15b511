// Tariff measures as of an instant: the board of rates in force per sector, a sector's detail, the step chart.
import { and, asc, desc, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tariffMeasures } from "@/db/schema";
import { FORCE_STATUSES, SECTORS, type Sector } from "@/server/domain/constants";
import { latestAsOf, measureInForce, pendingMeasures, rateSteps, type RateStep } from "@/server/domain/tariffs";
import { conflictsFor, sourcesFor, type ConflictRef, type SourceRef } from "./citations";

export type Measure = typeof tariffMeasures.$inferSelect;
export type MeasureView = Omit<Measure, "id" | "recordedAt">;

const measureColumns = {
  measureKey: tariffMeasures.measureKey,
  title: tariffMeasures.title,
  titleKo: tariffMeasures.titleKo,
  imposingCountry: tariffMeasures.imposingCountry,
  targetCountry: tariffMeasures.targetCountry,
  sector: tariffMeasures.sector,
  ratePct: tariffMeasures.ratePct,
  rateNote: tariffMeasures.rateNote,
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

/** Latest version of every measure known at `at` (optionally one sector's). */
export async function measuresAsOf(db: Db, at: Date, sector?: Sector): Promise<MeasureView[]> {
  const conds = [lte(tariffMeasures.knownAt, at)];
  if (sector) conds.push(eq(tariffMeasures.sector, sector));
  return db
    .selectDistinctOn([tariffMeasures.measureKey], measureColumns)
    .from(tariffMeasures)
    .where(and(...conds))
    .orderBy(tariffMeasures.measureKey, desc(tariffMeasures.knownAt));
}

/** Only the measures that matter for "now" at `at`: in force, or announced/threatened and not yet effective. */
async function liveMeasuresAsOf(db: Db, at: Date): Promise<MeasureView[]> {
  const latest = db
    .selectDistinctOn([tariffMeasures.measureKey], measureColumns)
    .from(tariffMeasures)
    .where(lte(tariffMeasures.knownAt, at))
    .orderBy(tariffMeasures.measureKey, desc(tariffMeasures.knownAt))
    .as("latest");
  return db
    .select()
    .from(latest)
    .where(
      or(
        and(
          inArray(latest.status, [...FORCE_STATUSES]),
          lte(latest.effectiveAt, at),
          or(isNull(latest.endsAt), gt(latest.endsAt, at)),
        ),
        and(inArray(latest.status, ["announced", "threatened"]), or(isNull(latest.effectiveAt), gt(latest.effectiveAt, at))),
      ),
    ) as Promise<MeasureView[]>;
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
  const live = await liveMeasuresAsOf(db, at);
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

export type SectorSteps = { sector: Sector; steps: RateStep[] };

/** Rates by sector as step functions from `from` to `at`, for the overview chart (bounded by sectors × changes). */
export async function getTariffSteps(db: Db, at: Date, from: Date): Promise<SectorSteps[]> {
  const measures = await measuresAsOf(db, at);
  return SECTORS.map((sector) => ({ sector, steps: rateSteps(measures, sector, from, at) })).filter((s) =>
    s.steps.some((step) => step.ratePct !== null),
  );
}

export type SectorDetail = {
  sector: Sector;
  inForce: MeasureView | null;
  pending: MeasureView[];
  /** Every measure of the sector, latest known version, most recently effective first. */
  measures: (MeasureView & { sources: SourceRef[] })[];
  /** Every version known at `at`: how the record changed over time. */
  versions: MeasureView[];
  steps: RateStep[];
  conflicts: ConflictRef[];
};

export async function getSectorDetail(db: Db, sector: Sector, at: Date, from: Date): Promise<SectorDetail> {
  const versions = await db
    .select(measureColumns)
    .from(tariffMeasures)
    .where(and(eq(tariffMeasures.sector, sector), lte(tariffMeasures.knownAt, at)))
    .orderBy(asc(tariffMeasures.knownAt), asc(tariffMeasures.measureKey));
  const measures = latestAsOf(versions, (v) => v.measureKey, at).sort(
    (a, b) => (b.effectiveAt?.getTime() ?? Infinity) - (a.effectiveAt?.getTime() ?? Infinity),
  );
  const keys = measures.map((m) => m.measureKey);
  const [sources, conflicts] = await Promise.all([
    sourcesFor(db, "measure", keys, at),
    conflictsFor(db, "measure", keys, at),
  ]);
  return {
    sector,
    inForce: measureInForce(measures, sector, at),
    pending: pendingMeasures(measures, sector, at),
    measures: measures.map((m) => ({ ...m, sources: sources.get(m.measureKey) ?? [] })),
    versions,
    steps: rateSteps(measures, sector, from, at),
    conflicts,
  };
}
