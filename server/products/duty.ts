// The duty rules (./duty-rules.ts) fed from the database: the coverage entries matching a line, the versions of the
// measures the programmes draw on, and the sources behind each step. One line (`productDuty`) or many at once
// (`DutyBook`: the lists and measures loaded once, then rated in memory).
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { coverageEntries, coverageLists, sources, tariffMeasures } from "@/db/schema";
import { sourcesFor, type SourceRef } from "@/server/core/citations";
import { latestAsOf } from "@/server/dashboard/tariff-rules";
import { dutyFor, type CoverageHit, type DutyAnswer, type DutyComponent, type RateMeasure } from "./duty-rules";
import { PROGRAMME_MEASURES, TABLE_RATES } from "./programmes";

export const PROGRAMME_MEASURE_KEYS: string[] = [...new Set(Object.values(PROGRAMME_MEASURES).flat())];

/** Every prefix a line can be listed under: 2, 4, 6, 8 and 10 digits. */
export const prefixesOf = (hts: string) => [2, 4, 6, 8, 10].map((n) => hts.slice(0, n));

/** A coverage entry with its list's programme and effect (the heading falls back to the list's). */
export const hitColumns = {
  listKey: coverageEntries.listKey,
  programme: coverageLists.programme,
  effect: coverageLists.effect,
  prefix: coverageEntries.prefix,
  ch99: sql<string | null>`coalesce(${coverageEntries.ch99}, ${coverageLists.ch99})`,
  attrs: coverageEntries.attrs,
  from: coverageEntries.effectiveFrom,
  to: coverageEntries.effectiveTo,
};

/** Entries listing the line by one of its prefixes; exemption lists also by its first eight digits (they are legally 8-digit). */
export async function hitsFor(db: Db, hts: string): Promise<CoverageHit[]> {
  const rows = await db
    .select(hitColumns)
    .from(coverageEntries)
    .innerJoin(coverageLists, eq(coverageLists.listKey, coverageEntries.listKey))
    .where(
      or(
        inArray(coverageEntries.prefix, prefixesOf(hts)),
        and(eq(coverageLists.effect, "exempts"), sql`${coverageEntries.prefix} like ${`${hts.slice(0, 8)}%`}`),
      ),
    );
  return rows.map((r) => ({ ...r, effect: r.effect as CoverageHit["effect"] }));
}

/** Every version of the measures the programmes draw on (a few dozen rows): the rules pick what was known when. */
export async function programmeMeasureVersions(db: Db): Promise<RateMeasure[]> {
  return db
    .select({
      measureKey: tariffMeasures.measureKey,
      sector: tariffMeasures.sector,
      ratePct: tariffMeasures.ratePct,
      status: tariffMeasures.status,
      effectiveAt: tariffMeasures.effectiveAt,
      endsAt: tariffMeasures.endsAt,
      knownAt: tariffMeasures.knownAt,
      title: tariffMeasures.title,
      instrument: tariffMeasures.instrument,
      confidence: tariffMeasures.confidence,
    })
    .from(tariffMeasures)
    .where(inArray(tariffMeasures.measureKey, PROGRAMME_MEASURE_KEYS));
}

export const knownBy = (versions: RateMeasure[], knownAt: Date) => latestAsOf(versions, (v) => v.measureKey, knownAt);

export type SourcedComponent = DutyComponent & { sources: SourceRef[] };
export type SourcedAnswer = Omit<DutyAnswer, "components"> & { components: SourcedComponent[]; knownAt: Date };

/** The answer's steps with their sources: a measure's citations, else the list's and the instrument's sources. */
export async function withSources(db: Db, answer: DutyAnswer, knownAt: Date): Promise<SourcedAnswer> {
  const measureKeys = answer.components.flatMap((c) => (c.measureKey ? [c.measureKey] : []));
  const cited = await sourcesFor(db, "measure", measureKeys, knownAt);
  const listKeys = [...new Set(answer.components.flatMap((c) => c.listKeys))];
  const lists = listKeys.length
    ? await db.select({ listKey: coverageLists.listKey, sourceKeys: coverageLists.sourceKeys }).from(coverageLists).where(inArray(coverageLists.listKey, listKeys))
    : [];
  const extraKeys = [...new Set([...answer.components.flatMap((c) => c.sourceKeys), ...lists.flatMap((l) => l.sourceKeys)])];
  const extra = extraKeys.length
    ? await db.select({ key: sources.key, title: sources.title, publisher: sources.publisher, publishedOn: sources.publishedOn, url: sources.url }).from(sources).where(inArray(sources.key, extraKeys))
    : [];
  const byKey = new Map(extra.map((s) => [s.key, s]));
  const components = answer.components.map((c) => {
    const own = c.measureKey ? (cited.get(c.measureKey) ?? []) : [];
    const listSources = lists.filter((l) => c.listKeys.includes(l.listKey)).flatMap((l) => l.sourceKeys);
    const more = [...c.sourceKeys, ...listSources].flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []));
    const seen = new Set<string>();
    return { ...c, sources: [...own, ...more].filter((s) => !seen.has(s.key) && !!seen.add(s.key)) };
  });
  return { ...answer, components, knownAt };
}

/** One line's duty at `at`, as known at `knownAt` (by default the same instant: what anyone could know then). */
export async function productDuty(db: Db, hts: string, at: Date, knownAt = at): Promise<SourcedAnswer> {
  const [hits, versions] = await Promise.all([hitsFor(db, hts), programmeMeasureVersions(db)]);
  return sourcedDuty(db, hts, hits, versions, at, knownAt);
}

/** The same from hits and versions already loaded (a product page asks for two instants of knowledge). */
export function sourcedDuty(db: Db, hts: string, hits: CoverageHit[], versions: RateMeasure[], at: Date, knownAt: Date): Promise<SourcedAnswer> {
  return withSources(db, dutyFor({ hts, at, knownAt, hits, measures: knownBy(versions, knownAt) }), knownAt);
}

/** Instants where a line's duty can change: its entries' windows, the programmes' measures and table rates. */
export function changeInstants(hits: CoverageHit[], versions: RateMeasure[], from: Date, to: Date): Date[] {
  const all = [
    ...hits.flatMap((h) => [h.from, h.to]),
    ...versions.flatMap((m) => [m.effectiveAt, m.endsAt]),
    ...Object.values(TABLE_RATES).flatMap((rates) => rates.flatMap((r) => [r.from, r.to ?? null])),
  ];
  const times = new Set<number>();
  for (const d of all) if (d && d > from && d <= to) times.add(d.getTime());
  return [from.getTime(), ...[...times].sort((a, b) => a - b)].map((t) => new Date(t));
}

export type DutyStep = { at: Date; additionalDutyPct: number; programmes: string[] };

/** The duty over time as known at `knownAt` (today's knowledge: corrections rewrite the past), one step per change. */
export function dutySteps(hts: string, hits: CoverageHit[], versions: RateMeasure[], from: Date, to: Date, knownAt: Date): DutyStep[] {
  const measures = knownBy(versions, knownAt);
  const steps: DutyStep[] = [];
  for (const at of changeInstants(hits, measures, from, to)) {
    const a = dutyFor({ hts, at, knownAt, hits, measures });
    const programmes = a.components.map((c) => c.programme);
    const last = steps.at(-1);
    if (last && last.additionalDutyPct === a.additionalDutyPct && last.programmes.join() === programmes.join()) continue;
    steps.push({ at, additionalDutyPct: a.additionalDutyPct, programmes });
  }
  return steps;
}
