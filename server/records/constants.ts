// Records' bounds: how much one list for the edit pages and the conflicts page answers, whatever the data size.

/** `records.list`: records of one kind per page (limit + offset), and the default page. */
export const MAX_RECORDS = 200;
export const DEFAULT_RECORDS = 100;

/** `records.sourceChoices`: the most sources one "cites" picker offers (newest first, narrowed by `search`). */
export const MAX_SOURCE_CHOICES = 200;

/** `records.series`: the most series keys listed. */
export const MAX_SERIES_KEYS = 1000;

/** `audit.authors`: the most people the audit log's "who" filter offers. */
export const MAX_AUDIT_AUTHORS = 500;

/** `conflicts.list`: conflicts per page (limit + offset), and the default page. */
export const MAX_CONFLICTS = 200;
export const DEFAULT_CONFLICTS = 100;
