// The calendar feed's bounds.

/**
 * `GET /api/v1/deadlines.ics`: the most events one feed holds — the deadlines due latest (every upcoming one unless
 * there are more than this many), so a subscribed calendar keeps what matters and the feed stays small.
 */
export const MAX_FEED_EVENTS = 1000;
