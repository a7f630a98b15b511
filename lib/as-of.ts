// As-of URL helpers, shared by server pages and the client AsOfControl. Pure: callers pass `now`.
import { AS_OF_ZONE } from "@/server/core/constants";
import { isIsoDate, localDate } from "@/server/core/time";

/** Query parameter holding the as-of calendar date (YYYY-MM-DD, a day in Asia/Seoul). */
export const AS_OF_PARAM = "asOf";
/** Earliest selectable as-of date. */
export const AS_OF_MIN = "2025-01-01";

/** A real calendar date written YYYY-MM-DD. */
export const isCalendarDate = isIsoDate;

/** The calendar date of `now` in `zone` (default Asia/Seoul, the as-of zone). */
export function todayIn(now: Date, zone: string = AS_OF_ZONE): string {
  return localDate(now, zone);
}

/**
 * The as-of date in a search-param value, or null when absent, malformed, before AS_OF_MIN or after `today`
 * (null means "live").
 */
export function parseAsOfParam(value: string | string[] | null | undefined, today?: string): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !isCalendarDate(v) || v < AS_OF_MIN) return null;
  if (today && v > today) return null;
  return v;
}

/** `href` for `pathname` with `?asOf=` set (or removed when `date` is null); other params are kept. */
export function withAsOf(pathname: string, search: string | URLSearchParams, date: string | null): string {
  const params = new URLSearchParams(search);
  if (date) params.set(AS_OF_PARAM, date);
  else params.delete(AS_OF_PARAM);
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}
