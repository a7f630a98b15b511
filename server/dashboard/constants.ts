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

/** `support.budgets`: the most budgets one answer lists (the totals always add up all of them). */
export const MAX_BUDGETS = 100;

/** `support.figures`: the most figures one answer lists, latest period first. */
export const MAX_FIGURES = 100;

/** `tariffs.sector`: measures per page (limit + offset; one sector's measures are few by nature). */
export const MAX_SECTOR_MEASURES = 100;
export const DEFAULT_SECTOR_MEASURES = 50;
/** `tariffs.sector`: the most pending measures and the most recent versions one answer holds. */
export const MAX_SECTOR_PENDING = 10;
export const MAX_SECTOR_VERSIONS = 100;

/** `sources.list`: sources per page (limit + offset), the default page, and the conflicts shown beside them. */
export const MAX_SOURCES = 200;
/** A page of the sources list: one screenful of reading, light on a phone (the seed alone is ~80 sources). */
export const DEFAULT_SOURCES = 40;
export const MAX_SOURCE_CONFLICTS = 50;
