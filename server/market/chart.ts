// A market series as a chart (`market.chart`), downsampled in SQL: whatever the range, at most `maxPoints` buckets of
// consecutive trading days leave the database (first open, highest high, lowest low, last close, summed volume — the
// same buckets as the pure `downsampleOhlc`, which is the reference the tests hold this to).
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { observations, series } from "@/db/schema";
import { sourcesFor, type SourceRef } from "@/server/core/citations";
import { NotFoundError } from "@/server/core/errors";
import { MAX_CHART_POINTS, type ChartFields } from "./constants";
import type { OhlcBucket } from "./reaction-rules";

/** A line chart's point: the bucket's first and last trading day and its last close. */
export type CloseBucket = Pick<OhlcBucket, "date" | "dateTo" | "close">;

export type SeriesChart = {
  series: { key: string; name: string; unit: string };
  points: OhlcBucket[] | CloseBucket[];
  /** Rows before downsampling. */
  total: number;
  sources: SourceRef[];
};

// A bucket's last day comes only when it is not its first, and the row count only on the first bucket: the rows
// cross from the database's thread one field at a time, and at 500 points these were a quarter of them.
type BucketRow = {
  date: string;
  date_to: string | null;
  close: number;
  open?: number | null;
  high?: number | null;
  low?: number | null;
  volume?: number | null;
  total: number | null;
};

function bucketsQuery(seriesId: number, at: Date, range: { from?: string; to?: string }, maxPoints: number, fields: ChartFields): SQL {
  const o = observations;
  const conds = [sql`${o.seriesId} = ${seriesId}`, sql`${o.knownAt} <= ${at.toISOString()}::timestamptz`];
  if (range.from) conds.push(sql`${o.date} >= ${range.from}::date`);
  if (range.to) conds.push(sql`${o.date} <= ${range.to}::date`);
  const ohlc =
    fields === "ohlc"
      ? sql`, max(coalesce(open, close)) filter (where k = 0)::float8 as open,
            max(coalesce(high, close))::float8 as high, min(coalesce(low, close))::float8 as low,
            sum(volume)::float8 as volume`
      : sql``;
  // Bucket b holds rows b·size … b·size + size − 1 (size = ⌈n / maxPoints⌉); k is a row's place in its bucket, so the
  // first and last rows are picked with filters instead of sorting each bucket.
  return sql`
    with r as (
      select ${o.date} as date, ${o.open} as open, ${o.high} as high, ${o.low} as low, ${o.close} as close,
             ${o.volume} as volume,
             row_number() over (order by ${o.date}) - 1 as i, count(*) over () as n
        from ${o}
       where ${sql.join(conds, sql` and `)}
    ),
    b as (
      select *, greatest(1, (n + ${maxPoints - 1}) / ${maxPoints}) as size from r
    ),
    k as (
      select *, i / size as bucket, i % size as k, (i % size = size - 1 or i = n - 1) as last from b
    )
    select min(date)::text as date, nullif(max(date), min(date))::text as date_to,
           max(close) filter (where last)::float8 as close ${ohlc},
           case when bucket = 0 then max(n)::int end as total
      from k
     group by bucket
     order by bucket`;
}

/** The series' chart known at `at` within [from, to] (dates inclusive): at most `maxPoints` (≤ MAX_CHART_POINTS). */
export async function getSeriesChart(
  db: Db,
  key: string,
  at: Date,
  opts: { from?: string; to?: string; maxPoints?: number; fields?: ChartFields } = {},
): Promise<SeriesChart> {
  const [s] = await db.select().from(series).where(sql`${series.key} = ${key}`);
  if (!s) throw new NotFoundError(`Series "${key}"`);
  const maxPoints = Math.max(1, Math.min(opts.maxPoints ?? MAX_CHART_POINTS, MAX_CHART_POINTS));
  const fields = opts.fields ?? "ohlc";
  const [result, sources] = await Promise.all([
    db.execute(bucketsQuery(s.id, at, opts, maxPoints, fields)) as unknown as Promise<{ rows: BucketRow[] }>,
    sourcesFor(db, "series", [key], at),
  ]);
  const points = result.rows.map((r) =>
    fields === "ohlc"
      ? { date: r.date, dateTo: r.date_to ?? r.date, open: num(r.open), high: num(r.high), low: num(r.low), close: Number(r.close), volume: num(r.volume) }
      : { date: r.date, dateTo: r.date_to ?? r.date, close: Number(r.close) },
  ) as OhlcBucket[] | CloseBucket[];
  return {
    series: { key: s.key, name: s.name, unit: s.unit },
    points,
    total: Number(result.rows[0]?.total ?? 0),
    sources: sources.get(key) ?? [],
  };
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v));
