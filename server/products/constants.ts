// Caps on every product answer (docs/api.md "Bounds").
export const PRODUCT_LIMITS = {
  /** Search results per request. */
  search: 50,
  searchDefault: 20,
  /** Upcoming deadlines on a product page. */
  deadlines: 8,
  /** How far past today (or the date asked) the step chart runs. */
  stepsAheadDays: 365,
  /** Rows of an uploaded parts list. */
  partsRows: 10_000,
  /** Codes in one watchlist, and in one GET /api/v1/products.csv. */
  watchlistCodes: 500,
  csvCodes: 500,
  /** Watchlists a person sees (their own and the team's), recent changes shown per list, lists checked per tick. */
  watchlists: 200,
  watchlistChanges: 50,
  watchPerTick: 50,
} as const;

/** A watchlist's lines are compared at most this often (a tick checks those not looked at for longer). */
export const WATCH_INTERVAL_MS = 10 * 60_000;

/** Ten digits, or a shorter code a user typed: what a product URL and the REST API accept. */
export const HTS10 = /^\d{10}$/;
