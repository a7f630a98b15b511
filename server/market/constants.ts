// Market data's bounds: how much one chart, export or reaction list answers, whatever the data size.

/** `market.chart`: the most points one chart answers; a longer range is downsampled in SQL to this many buckets. */
export const MAX_CHART_POINTS = 500;

/** `market.rows` and `/api/v1/series/<key>.csv`: the most full-resolution rows one export answers (narrow from/to). */
export const MAX_EXPORT_ROWS = 100_000;

/** `market.reactions`: events marked on the chart by default (the most recent ones), and the most one answer holds. */
export const DEFAULT_REACTION_EVENTS = 50;
export const MAX_REACTION_EVENTS = 500;

/** What a chart point carries: the full OHLCV bucket, or only its dates and close (a line chart's needs). */
export const CHART_FIELDS = ["ohlc", "close"] as const;
export type ChartFields = (typeof CHART_FIELDS)[number];

/** A last close older than this many days (calendar days in Seoul) is flagged as stale on the dashboard and the screens. */
export const MARKET_STALE_DAYS = 5;
