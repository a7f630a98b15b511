// Quiet hours — pure, table-tested across DST. A subscriber or contact point may ask for no alerts between two local
// times in its own zone (e.g. 22:00–07:00, overnight when the end is earlier than the start). Whatever falls due
// inside is held and goes out when the window ends (marked as held); a reminder 1 day or less before its deadline,
// and the due-time one, are urgent and go through unless the subscriber turned that off.
import { addDays, localDate, localToInstant, zonedParts } from "@/server/core/time";
import { parseOffsets } from "./reminder-rules";

export type QuietHours = { start: string; end: string; zone: string; urgentThrough: boolean };

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const isLocalTime = (v: string) => TIME_RE.test(v);
const minutesOf = (v: string) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5));

/**
 * When the quiet window around `now` ends, or null when `now` is outside it. Local wall times in `zone`: a window
 * from 22:00 to 07:00 covers 22:00 to midnight and midnight to 07:00; start = end means no window. A wall time that
 * does not exist on a spring-forward night moves to just after the gap (localToInstant), so the window still ends.
 */
export function quietUntil(q: Pick<QuietHours, "start" | "end" | "zone">, now: Date): Date | null {
  if (!isLocalTime(q.start) || !isLocalTime(q.end) || q.start === q.end) return null;
  const p = zonedParts(now, q.zone);
  const nowMin = p.hour * 60 + p.minute;
  const [start, end] = [minutesOf(q.start), minutesOf(q.end)];
  const today = localDate(now, q.zone);
  const overnight = end < start;
  const inside = overnight ? nowMin >= start || nowMin < end : nowMin >= start && nowMin < end;
  if (!inside) return null;
  // The end on today's date, or tomorrow's when the window runs past midnight and we are before it.
  const endDate = overnight && nowMin >= start ? addDays(today, 1) : today;
  const until = localToInstant(`${endDate}T${q.end}`, q.zone);
  return until.getTime() > now.getTime() ? until : null;
}

/** A reminder 1 day or less before its deadline, or at its due time: urgent enough to go through quiet hours. */
export function isUrgent(item: { kind: string; offset?: string | null }): boolean {
  if (item.kind !== "reminder" || !item.offset) return false;
  const [o] = parseOffsets(item.offset);
  if (!o) return false;
  const minutes = o.amount * { m: 1, h: 60, d: 1440, w: 10_080 }[o.unit];
  return minutes <= 1440;
}

/** Splits what is due for one recipient now: what goes, and what is held until the window ends (and when). */
export function holdForQuiet<T extends { kind: string; offset?: string | null }>(items: readonly T[], q: QuietHours | null, now: Date): { send: T[]; hold: T[]; until: Date | null } {
  const until = q ? quietUntil(q, now) : null;
  if (!until) return { send: [...items], hold: [], until: null };
  const send = items.filter((i) => q!.urgentThrough && isUrgent(i));
  return { send, hold: items.filter((i) => !send.includes(i)), until };
}
