// The duty rules fed in memory from the real seed: the coverage lists of db/seed/hts and the tracked measures of
// db/seed/measures.ts, matched as the database does (./duty.ts hitsFor). For table tests of the pure rules.
import { COVERAGE_LISTS } from "@/db/seed/hts-lists";
import { MEASURES } from "@/db/seed/measures";
import { entryRows } from "@/db/seed/products";
import { measureRows } from "@/db/seed/rows";
import type { CoverageHit, RateMeasure } from "@/server/products/duty-rules";
import { knownBy, prefixesOf, PROGRAMME_MEASURE_KEYS } from "@/server/products/duty";

const ENTRIES = COVERAGE_LISTS.flatMap((list) => entryRows(list).map((e) => ({ list, e })));

export function seedHits(hts: string): CoverageHit[] {
  const prefixes = new Set(prefixesOf(hts));
  return ENTRIES.filter(({ list, e }) => prefixes.has(e.prefix) || (list.effect === "exempts" && e.prefix.startsWith(hts.slice(0, 8)))).map(({ list, e }) => ({
    listKey: list.key,
    programme: list.programme,
    effect: list.effect,
    prefix: e.prefix,
    ch99: e.ch99 ?? list.ch99 ?? null,
    attrs: (e.attrs as Record<string, string> | null) ?? null,
    from: e.effectiveFrom,
    to: e.effectiveTo ?? null,
  }));
}

export const SEED_VERSIONS: RateMeasure[] = MEASURES.filter((m) => PROGRAMME_MEASURE_KEYS.includes(m.key)).flatMap((m) =>
  measureRows(m).map((r) => ({
    measureKey: r.measureKey,
    sector: r.sector,
    ratePct: r.ratePct ?? null,
    status: r.status,
    effectiveAt: r.effectiveAt ?? null,
    endsAt: r.endsAt ?? null,
    knownAt: r.knownAt,
    title: r.title,
    instrument: r.instrument,
    confidence: r.confidence ?? "high",
  })),
);

export const seedMeasuresKnownAt = (k: Date) => knownBy(SEED_VERSIONS, k);
