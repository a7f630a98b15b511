// Which tariff applies to a sector at an instant, and how the rate stepped over time. Pure functions over measure
// versions already chosen "as of" (the latest version known by then).
import { FORCE_STATUSES, type MeasureStatus, type Sector } from "@/server/core/constants";

export type MeasureLike = {
  measureKey: string;
  sector: Sector;
  ratePct: number | null;
  status: MeasureStatus;
  effectiveAt: Date | null;
  endsAt: Date | null;
  knownAt: Date;
};

/** Per key, the latest version known at `at` (versions known later are ignored). */
export function latestAsOf<T extends { knownAt: Date }>(versions: T[], keyOf: (v: T) => string, at: Date): T[] {
  const best = new Map<string, T>();
  for (const v of versions) {
    if (v.knownAt.getTime() > at.getTime()) continue;
    const key = keyOf(v);
    const current = best.get(key);
    if (!current || v.knownAt.getTime() > current.knownAt.getTime()) best.set(key, v);
  }
  return [...best.values()];
}

/** In force at `t`: a status that applies duties, effective by `t` and not yet ended. */
export function isInForce(m: MeasureLike, t: Date): boolean {
  if (!FORCE_STATUSES.includes(m.status) || !m.effectiveAt) return false;
  const time = t.getTime();
  return m.effectiveAt.getTime() <= time && (m.endsAt === null || time < m.endsAt.getTime());
}

/** The measure in force for a sector at `t`: when several overlap, the most recently effective one replaces the rest. */
export function measureInForce<M extends MeasureLike>(measures: M[], sector: Sector, t: Date): M | null {
  let best: M | null = null;
  for (const m of measures) {
    if (m.sector !== sector || !isInForce(m, t)) continue;
    if (
      !best ||
      m.effectiveAt!.getTime() > best.effectiveAt!.getTime() ||
      (m.effectiveAt!.getTime() === best.effectiveAt!.getTime() && m.knownAt.getTime() > best.knownAt.getTime())
    ) {
      best = m;
    }
  }
  return best;
}

/** Threatened or announced measures not yet in force at `t`, soonest first (undated ones last). */
export function pendingMeasures<M extends MeasureLike>(measures: M[], sector: Sector, t: Date): M[] {
  return measures
    .filter(
      (m) =>
        m.sector === sector &&
        (m.status === "announced" || m.status === "threatened") &&
        (m.effectiveAt === null || m.effectiveAt.getTime() > t.getTime()),
    )
    .sort((a, b) => (a.effectiveAt?.getTime() ?? Infinity) - (b.effectiveAt?.getTime() ?? Infinity));
}

export type RateStep = { at: Date; ratePct: number | null; measureKey: string | null };

/**
 * The sector's rate as a step function between `from` and `to`: one point per change. The reference for the SQL that
 * answers `tariffs.steps` (tariff-steps.ts), which must give the same points whenever it does not downsample.
 */
export function rateSteps(measures: MeasureLike[], sector: Sector, from: Date, to: Date): RateStep[] {
  const boundaries = new Set<number>([from.getTime()]);
  for (const m of measures) {
    if (m.sector !== sector) continue;
    for (const d of [m.effectiveAt, m.endsAt]) {
      if (d && d.getTime() > from.getTime() && d.getTime() <= to.getTime()) boundaries.add(d.getTime());
    }
  }
  const steps: RateStep[] = [];
  for (const time of [...boundaries].sort((a, b) => a - b)) {
    const m = measureInForce(measures, sector, new Date(time));
    const ratePct = m?.ratePct ?? null;
    const last = steps.at(-1);
    if (last && last.ratePct === ratePct && last.measureKey === (m?.measureKey ?? null)) continue;
    steps.push({ at: new Date(time), ratePct, measureKey: m?.measureKey ?? null });
  }
  return steps;
}
