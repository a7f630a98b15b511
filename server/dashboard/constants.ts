// The dashboard's own constants.

/** Charts start before the first tracked event so the step from the old rate is visible. */
export const CHART_START = "2025-01-01";

/**
 * The most points a sector's tariff step chart answers (`tariffs.steps`, `tariffs.sector`): more changes in the range
 * than that are downsampled to the last change of each time bucket.
 */
export const MAX_TARIFF_STEPS = 60;
