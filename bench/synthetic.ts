// Synthetic data set ~100× the real seed, generated in SQL (insert … select … from generate_series) in one
// transaction, on top of the real seed. Deterministic: every "random" choice is a hash of the row number, so two
// loads give the same rows on PGlite and on PostgreSQL.
//
//   measures   4,200 keys × 1–4 versions ≈ 10,500 versions, all sectors; threatened/announced → in_effect →
//              superseded/paused/rescinded (+ a correction); effective dates and known_at over 2012–2026
//   deadlines  4,000 keys × 1–4 versions ≈ 10,000 versions; upcoming → met/postponed (chains)/cancelled/moved
//   events     10,000 over 2012–2026
//   sources    1,000 published over 2012–2026; 2 citations per measure/deadline/event key, 1 per series
//   series     200 daily series × 5,000 days = 1,000,000 observations (+ the real KOSPI from the seed); known at
//              15:30 Seoul (06:30 UTC, no DST) of their day; cheap arithmetic instead of hashes here (1M rows)
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { CONFIDENCE_LEVELS, DEADLINE_KINDS, EVENT_CATEGORIES, SECTORS, SOURCE_KINDS } from "@/server/core/constants";

export const SIZES = {
  measureKeys: 4_200,
  deadlineKeys: 4_000,
  events: 10_000,
  sources: 1_000,
  series: 200,
  days: 5_000,
} as const;

/** Day offsets are counted from this date; SPAN days reach 2026-11-23. */
const DAY0 = "2012-01-01";
const SPAN = 5_440;

/** A deterministic pseudo-random non-negative bigint in [0, 2^32) from a salt and a row expression. */
const H = (salt: string, expr: string) => `(hashtext('${salt}:' || (${expr})::text)::bigint + 2147483648)`;
const pick = (values: readonly string[], salt: string, expr: string) =>
  `(array[${values.map((v) => `'${v}'`).join(",")}])[1 + ${H(salt, expr)} % ${values.length}]`;
const pad = (expr: string, width: number) => `lpad((${expr})::text, ${width}, '0')`;
const days = (expr: string) => `((${expr}) * interval '1 day')`;

export type SyntheticSizes = { [K in keyof typeof SIZES]: number };

/**
 * The statements, in order, for a data set of the given sizes (the benchmark's by default; tests load a smaller one).
 * Temp tables hold the per-key choices that every version of a key shares.
 */
export function syntheticSql(S: SyntheticSizes = SIZES): string[] {
  return [...sourceAndMeasureSql(S), ...deadlineAndEventSql(S), ...citationAndSeriesSql(S)];
}

const sourceAndMeasureSql = (S: SyntheticSizes): string[] => [
  // ---- sources: source j is published on day j × SPAN / sources, so citations can pick ones already published
  `insert into sources (key, title, publisher, published_on, url, kind, language, known_at)
   select 'syn-src-' || ${pad("j", 4)},
          'Synthetic source ' || j || ': reporting on tariffs, deadlines and markets',
          ${pick(["Reuters", "Yonhap", "Federal Register", "USTR", "MOTIE", "Bloomberg", "Korea Herald", "White House"], "sp", "j")},
          date '${DAY0}' + (j * ${SPAN} / ${S.sources}),
          'https://example.org/synthetic/source/' || j,
          ${pick(SOURCE_KINDS, "sk", "j")}::source_kind,
          case when ${H("sl", "j")} % 4 = 0 then 'ko' else 'en' end,
          ((date '${DAY0}' + (j * ${SPAN} / ${S.sources}))::timestamp + interval '1 day' - interval '1 millisecond')
            at time zone 'Asia/Seoul'
   from generate_series(0, ${S.sources - 1}) j`,

  // ---- tariff measures
  `create temp table syn_m on commit drop as
   select i,
          'syn-m-' || ${pad("i", 5)} as key,
          ${pick(SECTORS, "ms", "i")}::sector as sector,
          ${pick(["KR", "KR", "KR", "ALL", "JP", "CN", "DE", "MX", "VN", "CA"], "mt", "i")} as target,
          ${H("md", "i")} % ${SPAN - 70} as d,
          1 + ${H("mn", "i")} % 4 as nv,
          ${H("mx", "i")} % 100 as roll,
          (array[0, 2.5, 5, 10, 15, 20, 25, 30, 50])[1 + ${H("mr", "i")} % 9]::numeric as rate
   from generate_series(1, ${S.measureKeys}) i`,
  `insert into tariff_measures (measure_key, title, imposing_country, target_country, sector, rate_pct, rate_note,
     instrument, status, announced_on, effective_at, effective_zone, ends_at, ends_zone, confidence, known_at)
   select m.key,
          'Synthetic measure ' || m.i || ' (' || m.sector || ', ' || m.target || ')',
          'US', m.target, m.sector,
          case when v = 4 then m.rate + 5 else m.rate end,
          case when v = 4 then 'Rate corrected after publication' end,
          (array['Section 232', 'IEEPA', 'Section 301', 'Section 122', 'Proclamation'])[1 + m.i % 5],
          (case v when 1 then (case when m.roll < 20 then 'threatened' else 'announced' end)
                  when 2 then 'in_effect'
                  else (case when m.roll < 60 then 'superseded' when m.roll < 80 then 'paused' else 'rescinded' end)
           end)::measure_status,
          date '${DAY0}' + m.d::int,
          case when v = 1 and m.roll < 10 then null
               else timestamptz '${DAY0} 04:01:00+00' + ${days("m.d + 30")} end,
          'America/New_York',
          case when v >= 3 then timestamptz '${DAY0} 04:01:00+00' + ${days("m.d + 60 + m.roll * 7")} end,
          case when v >= 3 then 'America/New_York' end,
          ${pick(CONFIDENCE_LEVELS, "mc", "m.i")}::confidence,
          timestamptz '${DAY0} 14:59:59.999+00' + (case v when 1 then ${days("m.d")}
                                                          when 2 then ${days("m.d + 31")}
                                                          when 3 then ${days("m.d + 55 + m.roll * 7")}
                                                          else ${days("m.d + 70 + m.roll * 7")} end)
   from syn_m m cross join lateral generate_series(1, m.nv) v`,

];

const deadlineAndEventSql = (S: SyntheticSizes): string[] => [
  // ---- deadlines: v1 upcoming; v2 met / postponed to the next key / cancelled / moved; v3, v4 edits of v2
  `create temp table syn_d on commit drop as
   select i,
          'syn-d-' || ${pad("i", 5)} as key,
          ${H("dd", "i")} % ${SPAN - 100} as d,
          10 + ${H("dl", "i")} % 400 as lead,
          1 + ${H("dn", "i")} % 4 as nv,
          ${H("dr", "i")} % 100 as roll,
          ${pick(DEADLINE_KINDS, "dk", "i")}::deadline_kind as kind,
          case when ${H("ds", "i")} % 5 = 0 then null else ${pick(SECTORS, "dz", "i")}::sector end as sector,
          case when ${H("dm", "i")} % 2 = 0 then 'syn-m-' || ${pad(`1 + ${H("dm2", "i")} % ${S.measureKeys}`, 5)} end as measure_key
   from generate_series(1, ${S.deadlineKeys}) i`,
  `insert into deadlines (deadline_key, title, description, kind, due_at, due_zone, precision, status, postponed_to_key,
     outcome, measure_key, sector, known_at)
   select k.key,
          'Synthetic deadline ' || k.i || ' (' || k.kind || ')',
          case when v >= 3 then 'Description revised in version ' || v end,
          k.kind,
          timestamptz '${DAY0} 04:01:00+00' + ${days("k.d + k.lead + case when v >= 2 and k.roll >= 75 then 14 else 0 end")},
          'America/New_York',
          (case when k.i % 3 = 0 then 'day' else 'minute' end)::time_precision,
          (case when v = 1 then 'upcoming' when k.roll < 55 then 'met' when k.roll < 65 then 'postponed'
                when k.roll < 75 then 'cancelled' else 'upcoming' end)::deadline_status,
          case when v >= 2 and k.roll >= 55 and k.roll < 65 and k.i < ${S.deadlineKeys}
               then 'syn-d-' || ${pad("k.i + 1", 5)} end,
          case when v >= 2 and k.roll < 55 then 'Met as scheduled'
               when v >= 2 and k.roll >= 65 and k.roll < 75 then 'Cancelled before the date' end,
          k.measure_key,
          k.sector,
          timestamptz '${DAY0} 14:59:59.999+00' + ${days("k.d")} + (case
            when v = 1 then interval '0'
            else (case when k.roll < 55 then ${days("k.lead + 1")}
                       when k.roll < 65 then ${days("k.lead - 1")}
                       when k.roll < 75 then ${days("k.lead / 2")}
                       else ${days("5")} end) + ${days("(v - 2) * 3")}
          end)
   from syn_d k cross join lateral generate_series(1, k.nv) v`,

  // ---- events
  `create temp table syn_e on commit drop as
   select i,
          'syn-e-' || ${pad("i", 5)} as key,
          ${H("ed", "i")} % ${SPAN - 3} as d
   from generate_series(1, ${S.events}) i`,
  `insert into events (event_key, title, category, sector, occurred_at, occurred_zone, precision, confidence, known_at)
   select e.key,
          'Synthetic event ' || e.i,
          ${pick(EVENT_CATEGORIES, "ec", "e.i")}::event_category,
          case when ${H("es", "e.i")} % 3 = 0 then null else ${pick(SECTORS, "ez", "e.i")}::sector end,
          timestamptz '${DAY0} 00:00:00+00' + ${days("e.d")} + (${H("em", "e.i")} % 1440) * interval '1 minute',
          ${pick(["Asia/Seoul", "America/New_York"], "eo", "e.i")},
          ${pick(["day", "minute"], "ep", "e.i")}::time_precision,
          ${pick(CONFIDENCE_LEVELS, "ef", "e.i")}::confidence,
          timestamptz '${DAY0} 00:00:00+00' + ${days("e.d")} + (${H("em", "e.i")} % 1440) * interval '1 minute'
            + (${H("ek", "e.i")} % 48) * interval '1 hour'
   from syn_e e`,

];

const citationAndSeriesSql = (S: SyntheticSizes): string[] => [
  // ---- citations: two sources published on or shortly before the record's first day
  ...(
    [
      ["measure", "syn_m"],
      ["deadline", "syn_d"],
      ["event", "syn_e"],
    ] as const
  ).map(
    ([type, table]) =>
      `insert into citations (record_type, record_key, source_id, locator)
       select '${type}', r.key, s.id, 'p. ' || (1 + ${H("cl", "r.key")} % 40)
       from ${table} r
       cross join lateral (values (r.d * ${S.sources} / ${SPAN}),
                                  (greatest(0, r.d * ${S.sources} / ${SPAN} - 1 - ${H("cs", "r.key")} % 5))) c(j)
       join sources s on s.key = 'syn-src-' || ${pad("c.j", 4)}
       on conflict do nothing`,
  ),

  // ---- series and 1,000,000 observations, inserted in primary-key order
  `insert into series (key, name, unit, zone, known_at)
   select 'syn-s-' || ${pad("s", 3)}, 'Synthetic index ' || s, 'index points', 'Asia/Seoul', timestamptz '2012-01-01 00:00:00+09'
   from generate_series(1, ${S.series}) s`,
  `insert into citations (record_type, record_key, source_id)
   select 'series', se.key, (select id from sources where key = 'syn-src-0000')
   from series se where se.key like 'syn-s-%'`,
  `insert into observations (series_id, date, open, high, low, close, volume, known_at)
   select se.id, date '2026-11-20' - ${S.days - 1} + o.g,
          (o.c - 300) / 100.0, (o.c + 900) / 100.0, (o.c - 1100) / 100.0, o.c / 100.0,
          100000 + (o.g * 48271 + se.n * 16807) % 900000,
          timestamptz '2026-11-20 06:30:00+00' - (${S.days - 1} - o.g) * interval '1 day'
   from (select id, substr(key, 7)::int as n from series where key like 'syn-s-%' order by id) se
   cross join lateral (
     select g, (100000 + se.n * 1000 + 30000 * sin(g / 97.0 + se.n) + 8000 * sin(g / 13.0)
                + (g * 7919 + se.n * 104729) % 1000)::bigint as c
     from generate_series(0, ${S.days - 1}) g
     offset 0
   ) o`,
];


export const SYNTHETIC_SQL: string[] = syntheticSql(SIZES);

/** Changes whenever the schema, the seed or the generator changes: a kept data directory is reused only on a match. */
export function fingerprint(root: string, engineVersion: string): string {
  const h = createHash("sha256");
  h.update(engineVersion);
  h.update(SYNTHETIC_SQL.join("\n;\n"));
  for (const dir of ["db/migrations", "db/migrations/meta", "db/seed"]) {
    const full = path.join(root, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full).sort()) {
      const file = path.join(full, name);
      if (name.includes(".")) h.update(`${dir}/${name}\n`).update(readFileSync(file));
    }
  }
  return h.digest("hex").slice(0, 16);
}

/** Loads the synthetic rows in one transaction, then ANALYZE (as autovacuum would on PostgreSQL). */
export async function loadSynthetic(
  db: Db,
  statements: readonly string[] = SYNTHETIC_SQL,
): Promise<{ loadMs: number; analyzeMs: number; steps: { step: string; ms: number }[] }> {
  const steps: { step: string; ms: number }[] = [];
  const started = performance.now();
  await db.transaction(async (tx) => {
    // Every generated reference is valid by construction; a superuser may skip the per-row FK triggers (~40% of
    // the observation insert on PGlite).
    const su = (await tx.execute(sql.raw("select rolsuper as su from pg_roles where rolname = current_user"))) as unknown as {
      rows: { su: boolean }[];
    };
    if (su.rows[0]?.su) await tx.execute(sql.raw("set local session_replication_role = replica"));
    for (const statement of statements) {
      const t0 = performance.now();
      await tx.execute(sql.raw(statement));
      steps.push({ step: describe(statement), ms: performance.now() - t0 });
    }
  });
  const loadMs = performance.now() - started;
  const t0 = performance.now();
  await db.execute(sql.raw("analyze"));
  return { loadMs, analyzeMs: performance.now() - t0, steps };
}

function describe(statement: string): string {
  const m = /^\s*(insert into|create temp table)\s+(\w+)/i.exec(statement);
  return m ? `${m[1]!.toLowerCase().startsWith("insert") ? "insert" : "temp"} ${m[2]}` : statement.slice(0, 30);
}

export const COUNTED_TABLES = [
  "observations",
  "series",
  "events",
  "tariff_measures",
  "deadlines",
  "citations",
  "sources",
  "budgets",
  "figures",
  "conflicts",
] as const;

export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const result = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] };
    out[table] = Number(result.rows[0]!.n);
  }
  const keys = (await db.execute(
    sql.raw(`select (select count(distinct measure_key)::int from tariff_measures) as m,
                    (select count(distinct deadline_key)::int from deadlines) as d`),
  )) as unknown as { rows: { m: number; d: number }[] };
  out.measure_keys = Number(keys.rows[0]!.m);
  out.deadline_keys = Number(keys.rows[0]!.d);
  return out;
}
