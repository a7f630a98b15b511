// Dating a KOSPI move from the tracker's own series: a close stated to the hundredth ("to finish at 2,328.20") is the
// close of one trading day, and a day's change to the hundredth of a percent ("fell 3.88%") is, near the publication
// date, one session's. Where the words leave the day unsaid or name it loosely ("on Friday" for the session before),
// the series says which it was. Pure: the closes come in (oldest first).
import type { TimeFrame } from "./context";
import type { Fact } from "./types";
import { why } from "./basis";

export interface DailyClose {
  date: string;
  close: number;
}

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
/** How far back an article's level may reach (a look back at last year's crash), and a change without a level. */
const LEVEL_WINDOW_DAYS = 400;
const CHANGE_WINDOW_DAYS = 6;

/** Whether a stated close of that day may be the article's: on or before publication and within the window (any day
 * when the publication date is unknown). */
export const inLevelWindow = (date: string, frame: TimeFrame) => !frame.certain || (date <= frame.anchor && daysBetween(date, frame.anchor) <= LEVEL_WINDOW_DAYS);

/** The one trading day whose close is `level` (to the hundredth), within the window before publication when known. */
function dayOfClose(level: number, frame: TimeFrame, closes: readonly DailyClose[]): string | null {
  const hits = closes.filter((c) => Math.abs(c.close - level) < 0.005 && inLevelWindow(c.date, frame));
  return hits.length === 1 ? hits[0]!.date : null;
}

/** The one session in the days up to publication whose change from the close before is `pct` (to the hundredth). */
function dayOfChange(pct: number, frame: TimeFrame, closes: readonly DailyClose[]): string | null {
  if (!frame.certain) return null;
  const { byDate } = seriesOf(closes);
  const hits: string[] = [];
  const t = Date.parse(`${frame.anchor}T00:00:00Z`);
  for (let k = CHANGE_WINDOW_DAYS; k >= 0; k--) {
    const x = byDate.get(new Date(t - k * DAY_MS).toISOString().slice(0, 10));
    if (x && Math.abs(x.change - pct) < 0.005) hits.push(x.date);
  }
  return hits.length === 1 ? hits[0]! : null;
}

/** A trading day with its close and its change from the close before, to the hundredth. */
export interface Session {
  date: string;
  close: number;
  change: number;
}

/** The series as sessions, by date and by close in cents (built once per series: articles are read against the same). */
export interface Series {
  sessions: Session[];
  byDate: Map<string, Session>;
  byCents: Map<number, Session[]>;
}
const built = new WeakMap<readonly DailyClose[], Series>();
export function seriesOf(closes: readonly DailyClose[]): Series {
  const had = built.get(closes);
  if (had) return had;
  const sessions: Session[] = [];
  for (let i = 1; i < closes.length; i++) sessions.push({ date: closes[i]!.date, close: closes[i]!.close, change: Math.round((closes[i]!.close / closes[i - 1]!.close - 1) * 10_000) / 100 });
  const byCents = new Map<number, Session[]>();
  for (const x of sessions) byCents.set(Math.round(x.close * 100), [...(byCents.get(Math.round(x.close * 100)) ?? []), x]);
  const out = { sessions, byDate: new Map(sessions.map((x) => [x.date, x])), byCents };
  built.set(closes, out);
  return out;
}

/** The one session within three days of `day` whose change is `pct`, when `day`'s own change is not (a move read as
 * "the next day" from the wrong anchor, a weekday read a week off). */
function nearDayOfChange(pct: number, day: string, closes: readonly DailyClose[]): string | null {
  const { byDate } = seriesOf(closes);
  const hits: string[] = [];
  const t = Date.parse(`${day}T00:00:00Z`);
  for (let k = -3; k <= 3; k++) {
    const x = byDate.get(new Date(t + k * DAY_MS).toISOString().slice(0, 10));
    if (x && Math.abs(x.change - pct) < 0.005) hits.push(x.date);
  }
  return hits.length === 1 && hits[0] !== day ? hits[0]! : null;
}

/** A KOSPI move dated by the series: by its close when it states one, else by its change when it has no date or its
 * date's change is another. */
export function dateFromCloses(f: Fact, frame: TimeFrame, closes: readonly DailyClose[]): Fact {
  if (f.kind !== "market_move" || closes.length === 0) return f;
  const byClose = f.level !== null ? dayOfClose(f.level, frame, closes) : null;
  const near = f.date !== null && f.level === null && f.changePct !== null && /\.\d\d/.test(String(f.changePct)) ? nearDayOfChange(f.changePct, f.date, closes) : null;
  const day = byClose ?? near ?? (f.date === null && f.changePct !== null ? dayOfChange(f.changePct, frame, closes) : null);
  if (day === null || day === f.date) return f;
  return { ...f, date: day, basis: { ...f.basis, date: why(byClose ? `close:${day}` : `change:${day}`, null) } };
}
