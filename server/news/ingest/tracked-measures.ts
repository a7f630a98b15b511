// The measures the tracker records, in the shape the extractor links stated rates to (server/news/extract/measures.ts):
// from the database for ingest (so an editor's new or corrected measure counts from the next article), and from the
// seed for the command line and the benchmark, which run without a database.
import { asc, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tariffMeasures } from "@/db/schema";
import { MEASURES } from "@/db/seed/measures";
import { knownAt } from "@/db/seed/rows";
import { knownMeasures, type KnownMeasure, type MeasureInput } from "@/server/news/extract/measures";
import { localDate } from "@/server/core/time";
import { SECTORS, type Sector } from "@/server/core/constants";

/** The day in Washington a version became known (the seed's and the database's `known_at`). */
const knownDay = (at: Date) => localDate(at, "America/New_York");

/** The seed's measures (db/seed/measures.ts), as the seeded database holds them. */
export const SEEDED_MEASURES: readonly KnownMeasure[] = knownMeasures(
  MEASURES.map((m) => ({ ...m, versions: m.versions.map((v) => ({ known: knownDay(knownAt(v.known)), status: v.status })) })),
);

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
