// Products: search by code or words, and one line's page — its description path, the lists that cover it, its duty
// at an instant and over time, and the deadlines ahead that concern it.
import { asc, desc, eq, inArray, like, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { coverageLists, products } from "@/db/schema";
import { upcomingDeadlinesAbout, type DeadlineView } from "@/server/dashboard/deadlines";
import { localToInstant } from "@/server/core/time";
import { dutySteps, hitsFor, programmeMeasureVersions, sourcedDuty, type DutyStep, type SourcedAnswer } from "./duty";
import type { CoverageHit } from "./duty-rules";
import { PROGRAMME_MEASURES, PROGRAMME_SECTORS } from "./programmes";
import { PRODUCT_LIMITS } from "./constants";

export type ProductLine = { hts10: string; description: string };

/** "8708.29.15", "8708 29", "870829" → "870829"; null when the text is not a code. */
export function codeQuery(q: string): string | null {
  const compact = q.replace(/[\s.\-]/g, "");
  return /^\d{1,10}$/.test(compact) ? compact : null;
}

/** Words as a prefix query ("brake pad" → brake:* & pad:*), or null when there is no word to search. */
export function wordsQuery(q: string): string | null {
  const words = q.toLowerCase().match(/[a-z0-9]+/g)?.slice(0, 8) ?? [];
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

/** Up to `limit` lines by code prefix or by words in the description; `more` when there are others. */
export async function searchProducts(db: Db, q: string, limit: number): Promise<{ lines: ProductLine[]; more: boolean }> {
  const code = codeQuery(q);
  const columns = { hts10: products.hts10, description: products.description };
  let rows: ProductLine[];
  if (code) {
    rows = await db.select(columns).from(products).where(like(products.hts10, `${code}%`)).orderBy(asc(products.hts10)).limit(limit + 1);
  } else {
    const words = wordsQuery(q);
    if (!words) return { lines: [], more: false };
    const doc = products.words;
    const query = sql`to_tsquery('english', ${words})`;
    rows = await db
      .select(columns)
      .from(products)
      .where(sql`${doc} @@ ${query}`)
      .orderBy(desc(sql`ts_rank(${doc}, ${query})`), asc(products.hts10))
      .limit(limit + 1);
  }
  return { lines: rows.slice(0, limit), more: rows.length > limit };
}

export async function findProduct(db: Db, hts10: string) {
  const [row] = await db.select().from(products).where(eq(products.hts10, hts10));
  return row ?? null;
}

export type CoverageView = {
  listKey: string;
  programme: string;
  effect: string;
  title: string;
  instrument: string;
  ch99: string | null;
  prefix: string;
  from: Date;
  to: Date | null;
  file: string;
  note: string | null;
  attrs: Record<string, string> | null;
};

/** Every list entry naming the line (any window: the page shows since when and until when). */
export async function coverageOf(db: Db, hts10: string, loaded?: CoverageHit[]): Promise<CoverageView[]> {
  const hits = loaded ?? (await hitsFor(db, hts10));
  if (!hits.length) return [];
  const lists = await db.select().from(coverageLists).where(inArray(coverageLists.listKey, [...new Set(hits.map((h) => h.listKey))]));
  const byKey = new Map(lists.map((l) => [l.listKey, l]));
  return hits
    .map((h) => {
      const l = byKey.get(h.listKey)!;
      return { listKey: h.listKey, programme: h.programme, effect: h.effect, title: l.title, instrument: l.instrument, ch99: h.ch99, prefix: h.prefix, from: h.from, to: h.to, file: l.file, note: l.note, attrs: h.attrs, position: l.position };
    })
    .sort((a, b) => a.position - b.position || a.from.getTime() - b.from.getTime())
    .map(({ position: _p, ...v }) => v);
}


/** Where the step chart starts: before the first 2025 measure, so the chart shows the line's whole story. */
export const STEPS_FROM = localToInstant("2025-01-01T00:00", "America/New_York");

/** A short name for a line: its last level, with the level above while that says no more than "Other". */
export function shortName(path: string[]): string {
  let i = path.length - 1;
  while (i > 0 && path[i]!.length < 12) i--;
  return path.slice(i).join(": ");
}

export type ProductPage = {
  product: { hts10: string; hs6: string; description: string; path: string[]; name: string };
  coverage: CoverageView[];
  duty: SourcedAnswer;
  /** The same instant as known today, when later notices changed it. */
  dutyKnownToday: SourcedAnswer | null;
  steps: DutyStep[];
  deadlines: DeadlineView[];
};

export async function productPage(db: Db, hts10: string, at: Date, now: Date): Promise<ProductPage | null> {
  const product = await findProduct(db, hts10);
  if (!product) return null;
  const [hits, versions] = await Promise.all([hitsFor(db, hts10), programmeMeasureVersions(db)]);
  const [coverage, duty, today] = await Promise.all([
    coverageOf(db, hts10, hits),
    sourcedDuty(db, hts10, hits, versions, at, at),
    sourcedDuty(db, hts10, hits, versions, at, now),
  ]);
  const horizon = new Date(Math.max(now.getTime(), at.getTime()) + PRODUCT_LIMITS.stepsAheadDays * 86_400_000);
  const steps = dutySteps(hts10, hits, versions, STEPS_FROM, horizon, now);
  const programmes = new Set([...coverage.filter((c) => c.effect === "covers").map((c) => c.programme), ...steps.flatMap((s) => s.programmes)]);
  const measureKeys = [...programmes].flatMap((p) => [...((PROGRAMME_MEASURES as Record<string, readonly string[]>)[p] ?? [])]);
  const sectors = [...new Set([...programmes].flatMap((p) => (PROGRAMME_SECTORS[p] ? [PROGRAMME_SECTORS[p]] : [])))];
  const deadlines = await upcomingDeadlinesAbout(db, at, PRODUCT_LIMITS.deadlines, { measureKeys, sectors: [...sectors, "all_goods"] });
  const changed = today.additionalDutyPct !== duty.additionalDutyPct || today.components.map((c) => c.measureKey).join() !== duty.components.map((c) => c.measureKey).join();
  return {
    product: { hts10: product.hts10, hs6: product.hs6, description: product.description, path: product.description.split(" : "), name: shortName(product.description.split(" : ")) },
    coverage,
    duty,
    dutyKnownToday: changed ? today : null,
    steps,
    deadlines,
  };
}
