// The tariff step chart (`tariffs.steps`, a sector page's history), computed in SQL and bounded whatever the number of
// measures: at most `maxSteps` points per sector. The database collects the instants a rate may change, keeps all of
// them when a sector has few, else the last one of each of `maxSteps − 1` equal time buckets (the rate in force at the
// end of the bucket, from its last change), and looks up the measure in force at each kept instant with one walk down
// the (sector, effective_at) index. Only those points leave the database, never the measures themselves.
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tariffMeasures } from "@/db/schema";
import { FORCE_STATUSES, SECTORS, type Sector } from "@/server/core/constants";
import { latestVersionWalkAt } from "@/server/core/versions";
import { MAX_TARIFF_STEPS } from "./constants";
import type { RateStep } from "./tariff-rules";

export type SectorSteps = { sector: Sector; steps: RateStep[] };

type StepRow = { sector: Sector; ms: number; rate_pct: number | null; measure_key: string | null };

const m = tariffMeasures;

/** One statement: candidate instants → kept instants (≤ maxSteps per sector) → the measure in force at each. */
function stepsQuery(at: Date, from: Date, maxSteps: number, sector?: Sector) {
  const atIso = at.toISOString();
  const fromIso = from.toISOString();
  const forced = inArray(m.status, [...FORCE_STATUSES]);
  const oneSector = sector ? sql`and ${m.sector} = ${sector}` : sql``;
  const buckets = Math.max(1, maxSteps - 1);
  // Written so that each lookup walks the index in order and stops at the first match (core/versions.ts).
  const latest = latestVersionWalkAt(m, m.measureKey, m.knownAt, at);
  // In force at the kept instant p.t, as known at `at` (the lookup walks the sector's effective instants downwards).
  const inForceAt = sql`${m.sector} = p.sector and ${forced} and ${m.effectiveAt} <= p.t
    and ${m.effectiveAt} <= ${atIso}::timestamptz and (${m.endsAt} is null or ${m.endsAt} > p.t)`;
  // Instants come from every version known by then, a superset of the latest versions' own: no per-row version check
  // is needed to collect them (that would cost a probe per row), and an instant where nothing changes collapses away.
  return sql`
    with candidates as (
      select ${m.sector} as sector, ${m.effectiveAt} as t from ${m}
       where ${m.knownAt} <= ${atIso}::timestamptz and ${forced} ${oneSector}
         and ${m.effectiveAt} > ${fromIso}::timestamptz and ${m.effectiveAt} <= ${atIso}::timestamptz
      union
      select ${m.sector}, ${m.endsAt} from ${m}
       where ${m.knownAt} <= ${atIso}::timestamptz and ${forced} ${oneSector}
         and ${m.effectiveAt} <= ${atIso}::timestamptz
         and ${m.endsAt} > ${fromIso}::timestamptz and ${m.endsAt} <= ${atIso}::timestamptz
    ),
    counted as (
      select sector, t, count(*) over (partition by sector) as n from candidates
    ),
    picked as (
      select sector, max(t) as t from counted
       group by sector,
                case when n <= ${buckets} then extract(epoch from t)
                     else width_bucket(extract(epoch from t), extract(epoch from ${fromIso}::timestamptz),
                                       extract(epoch from ${atIso}::timestamptz) + 1, ${buckets}) end
      union all
      select s.sector, ${fromIso}::timestamptz from unnest(enum_range(null::sector)) as s(sector)
       ${sector ? sql`where s.sector = ${sector}` : sql``}
    )
    select p.sector, (extract(epoch from p.t) * 1000)::float8 as ms, f.rate_pct::float8 as rate_pct, f.measure_key
      from picked p
      left join lateral (
        select ${m.ratePct} as rate_pct, ${m.measureKey} as measure_key from ${m}
         where ${inForceAt} and ${latest}
         order by ${m.effectiveAt} desc, ${m.knownAt} desc, ${m.measureKey}
         limit 1
      ) f on true
     order by p.sector, p.t`;
}

/** Each sector's steps from `from` to `at` (every sector asked, with or without a rate), at most `maxSteps` each. */
export async function stepsBySector(
  db: Db,
  at: Date,
  from: Date,
  opts: { maxSteps?: number; sector?: Sector } = {},
): Promise<Map<Sector, RateStep[]>> {
  const maxSteps = Math.min(opts.maxSteps ?? MAX_TARIFF_STEPS, MAX_TARIFF_STEPS);
  const result = (await db.execute(stepsQuery(at, from, maxSteps, opts.sector))) as unknown as { rows: StepRow[] };
  const bySector = new Map<Sector, RateStep[]>();
  for (const row of result.rows) {
    const steps = bySector.get(row.sector) ?? [];
    const ratePct = row.rate_pct === null ? null : Number(row.rate_pct);
    const measureKey = row.measure_key ?? null;
    const last = steps.at(-1);
    // Where nothing changed (an instant of an older version, or of a measure that did not win), no point.
    if (!last || last.ratePct !== ratePct || last.measureKey !== measureKey) {
      steps.push({ at: new Date(Number(row.ms)), ratePct, measureKey });
    }
    bySector.set(row.sector, steps);
  }
  return bySector;
}

/**
 * Rates by sector as step functions from `from` to `at`, for the overview chart: one point per change, at most
 * `maxSteps` per sector (more changes than that are downsampled to the last one per time bucket). Sectors without
 * any rate are left out.
 */
export async function getTariffSteps(
  db: Db,
  at: Date,
  from: Date,
  opts: { maxSteps?: number } = {},
): Promise<SectorSteps[]> {
  const bySector = await stepsBySector(db, at, from, opts);
  return SECTORS.map((sector) => ({ sector, steps: bySector.get(sector) ?? [] })).filter((s) =>
    s.steps.some((step) => step.ratePct !== null),
  );
}
