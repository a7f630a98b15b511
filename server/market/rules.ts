// Pure rules of the market-close job: which trading day's close is final at an instant, whether a fetch can bring
// anything new, which window to ask for (catch-up after downtime), and the event a large daily move becomes.
// No I/O; `now` is always passed in. Seoul keeps no daylight-saving time, so 16:00 KST is 07:00 UTC all year.
import { KRX_CLOSE } from "@/server/core/constants";
import { closeInstant } from "./reaction-rules";
import { addDays, localDate, localToInstant } from "@/server/core/time";

export const MARKET_ZONE = KRX_CLOSE.zone;
export const KOSPI_SERIES = "kospi";
export const KOSPI_SYMBOL = "^KS11";
/** A day's bar is taken as final from this local time on (KRX closes 15:30; providers publish the close shortly after). */
export const CLOSE_FINAL_AT = { hour: 16, minute: 0 } as const;
/** Days re-asked before the last stored day: a close that arrived late after downtime or a holiday is caught up. */
export const CATCH_UP_DAYS = 7;
/** With no stored close at all, how far back the first fetch reaches. */
export const FIRST_FETCH_DAYS = 30;

/** Today's date on the exchange's calendar. */
export const exchangeToday = (now: Date): string => localDate(now, MARKET_ZONE);

/** Monday..Friday (KRX holidays are not known here: the provider simply has no bar for them). */
export function isWeekday(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day >= 1 && day <= 5;
}

/** The instant from which `date`'s bar is final (16:00 Seoul that day). */
export function closeFinalInstant(date: string): Date {
  const hh = String(CLOSE_FINAL_AT.hour).padStart(2, "0");
  const mm = String(CLOSE_FINAL_AT.minute).padStart(2, "0");
  return localToInstant(`${date}T${hh}:${mm}`, MARKET_ZONE);
}

/** Whether the close of trading day `date` is final at `now`: an earlier day, or today from 16:00 Seoul on. */
export function closeIsFinal(date: string, now: Date): boolean {
  return now.getTime() >= closeFinalInstant(date).getTime();
}

/** The latest weekday whose close is final at `now` (today after 16:00, else the weekday before). */
export function latestFinalWeekday(now: Date): string {
  let day = exchangeToday(now);
  if (!closeIsFinal(day, now)) day = addDays(day, -1);
  while (!isWeekday(day)) day = addDays(day, -1);
  return day;
}

export type FetchPlan = { fetch: false; reason: "up-to-date"; latest: string } | { fetch: true; from: string; to: string };

/**
 * Whether to ask the provider, and for which dates: nothing when the last stored close is already the latest final
 * weekday (so weekends and the hours before 16:00 ask nothing once current); otherwise from a week before the last
 * stored day (or `from` when given) to today in Seoul.
 */
export function planFetch(lastStored: string | null, now: Date, from?: string): FetchPlan {
  const latest = latestFinalWeekday(now);
  if (!from && lastStored !== null && lastStored >= latest) return { fetch: false, reason: "up-to-date", latest };
  const start = from ?? (lastStored ? addDays(lastStored, -CATCH_UP_DAYS) : addDays(latest, -FIRST_FETCH_DAYS));
  return { fetch: true, from: start, to: exchangeToday(now) };
}

/** Bars that may be stored at `now`: not after today in Seoul, today's only once final. */
export function finalBars<T extends { date: string }>(bars: readonly T[], now: Date): T[] {
  return bars.filter((b) => closeIsFinal(b.date, now));
}

export const formatIndex = (n: number): string => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export type MoveEvent = { eventKey: string; title: string; titleKo: string; occurredAt: Date; occurredZone: string };

/** The market event a daily move of `pct` percent becomes, or null below the threshold. */
export function moveEvent(seriesKey: string, date: string, close: number, pct: number | null, thresholdPct: number): MoveEvent | null {
  if (pct === null || !Number.isFinite(pct) || Math.abs(pct) < thresholdPct) return null;
  const size = Math.abs(pct).toFixed(1);
  const level = formatIndex(close);
  const rose = pct > 0;
  return {
    eventKey: `${seriesKey}-move-${date}`,
    title: `KOSPI ${rose ? "rose" : "fell"} ${size}% to ${level}`,
    titleKo: `코스피 ${size}% ${rose ? "상승" : "하락"}, ${level} 마감`,
    occurredAt: closeInstant(date),
    occurredZone: MARKET_ZONE,
  };
}
