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
} as const;

/** Ten digits, or a shorter code a user typed: what a product URL and the REST API accept. */
export const HTS10 = /^\d{10}$/;
