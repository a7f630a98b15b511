// What the tracker already knows, in the shapes the extractor links stated facts to: the tariff measures with their
// versions (server/news/extract/measures.ts) and the KOSPI closes (server/news/extract/closes.ts). Ingest reads them
// from the database, so an editor's new or corrected measure and each new close count from the next article; the
// command line and the benchmark, which run without a database, read the seed's.
import { readFileSync } from "node:fs";
import { asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { observations, series, tariffMeasures } from "@/db/schema";
import { MEASURES } from "@/db/seed/measures";
import { KOSPI_CSV, parseKospiCsv } from "@/db/seed/kospi";
import { knownAt } from "@/db/seed/rows";
import type { Tracked } from "@/server/news/extract/facts";
import { knownMeasures, type KnownMeasure, type MeasureInput } from "@/server/news/extract/measures";
import { localDate } from "@/server/core/time";
import { SECTORS, type Sector } from "@/server/core/constants";
import { readDataVersions } from "@/server/core/data-version";

/** The day in Washington a version became known (the seed's and the database's `known_at`). */
const knownDay = (at: Date) => localDate(at, "America/New_York");

/** The seed's measures (db/seed/measures.ts), as the seeded database holds them. */
export const SEEDED_MEASURES: readonly KnownMeasure[] = knownMeasures(
  MEASURES.map((m) => ({ ...m, versions: m.versions.map((v) => ({ known: knownDay(knownAt(v.known)), status: v.status })) })),
);

let seededCloses: Tracked["closes"] | undefined;
/** The seed's measures and KOSPI closes (db/seed/kospi-daily.csv, read once). */
export function seededTracked(): Tracked {
  seededCloses ??= parseKospiCsv(readFileSync(KOSPI_CSV, "utf8")).map((r) => ({ date: r.date, close: r.close }));
  return { measures: SEEDED_MEASURES, closes: seededCloses };
}

/** Every version of every rated measure in the database, each known from its day in Washington. */
export async function trackedMeasures(db: Db): Promise<KnownMeasure[]> {
  const rows = await db
    .select({ key: tariffMeasures.measureKey, target: tariffMeasures.targetCountry, sector: tariffMeasures.sector, ratePct: tariffMeasures.ratePct, status: tariffMeasures.status, knownAt: tariffMeasures.knownAt })
    .from(tariffMeasures)
    .where(isNotNull(tariffMeasures.ratePct))
    .orderBy(asc(tariffMeasures.measureKey), asc(tariffMeasures.knownAt));
  const byKey = new Map<string, MeasureInput>();
  for (const r of rows) {
    // the extractor tags a rate KR or ALL; a measure aimed at another country is not one it can name
    if ((r.target !== "KR" && r.target !== "ALL") || !(SECTORS as readonly string[]).includes(r.sector)) continue;
    const m = byKey.get(r.key) ?? { key: r.key, target: r.target, sector: r.sector as Sector, ratePct: r.ratePct, versions: [] };
    // the latest version's rate is the measure's
    m.ratePct = r.ratePct;
    m.versions.push({ known: knownDay(r.knownAt), status: r.status });
    byKey.set(r.key, m);
  }
  return knownMeasures([...byKey.values()]);
}

/** The database's measures and KOSPI closes. */
export async function trackedFromDb(db: Db): Promise<Tracked> {
  const closes = await db
    .select({ date: observations.date, close: observations.close })
    .from(observations)
    .innerJoin(series, eq(series.id, observations.seriesId))
    .where(eq(series.key, "kospi"))
    .orderBy(asc(observations.date));
  return { measures: await trackedMeasures(db), closes };
}

const loaded = new WeakMap<Db, { version: string; tracked: Promise<Tracked> }>();

/** The database's measures and closes, read again only when its data version moved (an audited edit, a new close, a
 * seed run): a feed poll storing a thousand articles reads them once. */
export async function trackedFor(db: Db): Promise<Tracked> {
  const version = (await readDataVersions(db)).data;
  const hit = loaded.get(db);
  if (hit && hit.version === version) return hit.tracked;
  const tracked = trackedFromDb(db);
  loaded.set(db, { version, tracked });
  tracked.catch(() => loaded.delete(db));
  return tracked;
}
