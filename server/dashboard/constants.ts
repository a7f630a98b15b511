// The dashboard's own constants.

/** Charts start before the first tracked event so the step from the old rate is visible. */
export const CHART_START = "2025-01-01";

/**
 * The most points a sector's tariff step chart answers (`tariffs.steps`, `tariffs.sector`): more changes in the range
 * than that are downsampled to the last change of each time bucket.
 */
export const MAX_TARIFF_STEPS = 40;

/** `deadlines.list`: the most upcoming and the most past deadlines one answer holds (`limit`, default 50). */
export const MAX_DEADLINES = 200;
export const DEFAULT_DEADLINES = 50;

/**
 * `deadlines.list`: the most postponement chains one answer holds (`chains`, default DEFAULT_CHAINS), the latest
 * ending; they are built from at most MAX_CHAIN_LINKS recent postponements.
 */
export const MAX_CHAINS = 10;
export const DEFAULT_CHAINS = 3;
export const MAX_CHAIN_LINKS = 30;
