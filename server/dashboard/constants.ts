// The dashboard's own constants.

/** Charts start before the first tracked event so the step from the old rate is visible. */
export const CHART_START = "2025-01-01";
