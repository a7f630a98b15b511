// Many lines at once (a parts list, a CSV of codes, the watchlist check): every list entry and the programmes'
// measure versions loaded once, then each line rated in memory with the same rules as one line (./duty-rules.ts).
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { coverageEntries, coverageLists, products } from "@/db/schema";
import { dutyFor, type CoverageHit, type DutyAnswer, type RateMeasure } from "./duty-rules";
import { hitColumns, knownBy, prefixesOf, programmeMeasureVersions } from "./duty";

export type DutyBook = {
  /** The line's description, or null when the code is not an HTS-10 line. */
  describe: (hts: string) => string | null;
  hits: (hts: string) => CoverageHit[];
  /** The duty at `at` as known at `knownAt` (default: the same instant). */
  duty: (hts: string, at: Date, knownAt?: Date) => DutyAnswer;
};

export async function openDutyBook(db: Db, codes: readonly string[]): Promise<DutyBook> {
  const unique = [...new Set(codes)];
  const [entries, versions, lines] = await Promise.all([
    db
      .select(hitColumns)
      .from(coverageEntries)
      .innerJoin(coverageLists, eq(coverageLists.listKey, coverageEntries.listKey)),
    programmeMeasureVersions(db),
    unique.length ? db.select({ hts10: products.hts10, description: products.description }).from(products).where(inArray(products.hts10, unique)) : [],
  ]);
  const byPrefix = new Map<string, CoverageHit[]>();
  const exemptBy8 = new Map<string, CoverageHit[]>();
  for (const e of entries) {
    const hit = { ...e, effect: e.effect as CoverageHit["effect"] };
    byPrefix.set(e.prefix, [...(byPrefix.get(e.prefix) ?? []), hit]);
    if (hit.effect === "exempts" && e.prefix.length >= 8) {
      const k = e.prefix.slice(0, 8);
      exemptBy8.set(k, [...(exemptBy8.get(k) ?? []), hit]);
    }
  }
  const descriptions = new Map(lines.map((l) => [l.hts10, l.description]));
  const known = new Map<number, RateMeasure[]>();
  const measuresKnownAt = (k: Date) => {
    if (!known.has(k.getTime())) known.set(k.getTime(), knownBy(versions, k));
    return known.get(k.getTime())!;
  };
  const hits = (hts: string) => {
    const found = new Set<CoverageHit>();
    for (const p of prefixesOf(hts)) for (const h of byPrefix.get(p) ?? []) found.add(h);
    for (const h of exemptBy8.get(hts.slice(0, 8)) ?? []) found.add(h);
    return [...found];
  };
  return {
    describe: (hts) => descriptions.get(hts) ?? null,
    hits,
    duty: (hts, at, knownAt = at) => dutyFor({ hts, at, knownAt, hits: hits(hts), measures: measuresKnownAt(knownAt) }),
  };
}
