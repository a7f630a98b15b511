// Market rules: downsampling for charts, the trading day an event meets, and the reaction windows around it.
import { KRX_CLOSE } from "@/server/core/constants";
import { localToInstant } from "@/server/core/time";

export type Ohlc = {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  volume: number | null;
};
export type OhlcBucket = Ohlc & { dateTo: string };

/**
 * At most `maxPoints` buckets of consecutive rows (sorted by date): first open, highest high, lowest low, last close,
 * summed volume. Rows already within the bound come back one per bucket.
 */
export function downsampleOhlc(rows: Ohlc[], maxPoints: number): OhlcBucket[] {
  if (maxPoints < 1) throw new RangeError("maxPoints must be at least 1");
  const size = Math.max(1, Math.ceil(rows.length / maxPoints));
  const out: OhlcBucket[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const bucket = rows.slice(i, i + size);
    const first = bucket[0]!;
    const last = bucket.at(-1)!;
    let high: number | null = null;
    let low: number | null = null;
    let volume: number | null = null;
    for (const r of bucket) {
      const h = r.high ?? r.close;
      const l = r.low ?? r.close;
      high = high === null ? h : Math.max(high, h);
      low = low === null ? l : Math.min(low, l);
      if (r.volume !== null) volume = (volume ?? 0) + r.volume;
    }
    out.push({ date: first.date, dateTo: last.date, open: first.open ?? first.close, high, low, close: last.close, volume });
  }
  return out;
}

/** The instant a trading day's close is published (KRX: 15:30 Asia/Seoul). */
export function closeInstant(date: string): Date {
  const hh = String(KRX_CLOSE.hour).padStart(2, "0");
  const mm = String(KRX_CLOSE.minute).padStart(2, "0");
  return localToInstant(`${date}T${hh}:${mm}`, KRX_CLOSE.zone);
}

/**
 * Index of the first trading day whose close comes at or after the event: the session that first "saw" it.
 * Weekends and holidays need no calendar — they are simply absent from `days` (sorted ascending). −1 if none.
 */
export function reactionDayIndex(days: readonly string[], event: Date): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (closeInstant(days[mid]!).getTime() >= event.getTime()) hi = mid;
    else lo = mid + 1;
  }
  return lo < days.length ? lo : -1;
}

export type Reaction = {
  /** Trading day the event met (day 0). */
  date: string;
  close: number;
  /** Close-to-close change on day 0, in percent. */
  dayPct: number | null;
  /** From the close of day −1 to the close of day +1, in percent. */
  window1Pct: number | null;
  /** From the close of day −1 to the close of day +5, in percent. */
  window5Pct: number | null;
};

/** Change from one close to another, in percent; null when either is missing (or the base is zero). */
export const pctChange = (from: number | null | undefined, to: number | null | undefined): number | null =>
  from == null || to == null || from === 0 ? null : ((to - from) / from) * 100;

/** Reaction around the event, or null when the event falls after the last close. Missing ends of a window → null. */
export function eventReaction(closes: readonly { date: string; close: number }[], event: Date): Reaction | null {
  const days = closes.map((c) => c.date);
  const i = reactionDayIndex(days, event);
  if (i < 0) return null;
  const at = (k: number) => closes[k]?.close;
  return {
    date: closes[i]!.date,
    close: closes[i]!.close,
    dayPct: i >= 1 ? pctChange(at(i - 1), at(i)) : null,
    window1Pct: i >= 1 ? pctChange(at(i - 1), at(i + 1)) : null,
    window5Pct: i >= 1 ? pctChange(at(i - 1), at(i + 5)) : null,
  };
}
