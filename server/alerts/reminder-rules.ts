// Deadline reminder rules: offsets ("30d,7d,1d,0"), when a reminder falls, whether a scan sends it on time, late or
// not at all, which reminders share an email, and when the daily digest is due. Pure: `now` is always passed in.
import { z } from "zod";
import { DIGEST_HORIZON_DAYS, DIGEST_LOCAL_TIME, OFFSET_UNITS, REMINDER_GRACE_MINUTES, type OffsetUnit, type ReminderState } from "./constants";
import { addDays, endOfDay, localDate, localToInstant, zonedParts } from "@/server/core/time";

/** How long before a deadline a reminder goes out. `{ amount: 0 }` is the reminder at the due time. */
export type Offset = { readonly amount: number; readonly unit: OffsetUnit };

export const MAX_OFFSETS = 10;
export const MAX_OFFSET_DAYS = 365;
/** Longer offset text than this is refused before parsing (10 offsets with separators fit easily). */
const MAX_OFFSETS_TEXT = 200;

const MINUTE_MS = 60_000;
const UNIT_MINUTES: Record<OffsetUnit, number> = { m: 1, h: 60, d: 1440, w: 10_080 };
const UNIT_MAX: Record<OffsetUnit, number> = {
  m: MAX_OFFSET_DAYS * 1440,
  h: MAX_OFFSET_DAYS * 24,
  d: MAX_OFFSET_DAYS,
  w: Math.floor(MAX_OFFSET_DAYS / 7),
};
const UNIT_NAMES: Record<OffsetUnit, string> = { m: "minutes", h: "hours", d: "days", w: "weeks" };

/** 30 days, 7 days, 1 day before, and at the due time. */
export const DEFAULT_OFFSETS = [
  { amount: 30, unit: "d" },
  { amount: 7, unit: "d" },
  { amount: 1, unit: "d" },
  { amount: 0, unit: "m" },
] as const satisfies readonly Offset[];

/** An offset text or list that cannot be used; the message says what was wrong and how to write it. */
export class OffsetError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "OffsetError";
  }
}

const ITEM_RE = /^(\d+)\s*([mhdw])$/;

const isCalendar = (o: Offset) => o.unit === "d" || o.unit === "w";
/** Nominal length in minutes (a day counts 1440), for ordering and bounds only — never for arithmetic. */
const nominalMinutes = (o: Offset) => o.amount * UNIT_MINUTES[o.unit];
/** Two offsets mean the same thing: 7d = 1w and 60m = 1h, but 1d ≠ 24h (a calendar day is 23 or 25 h across DST). */
const meaningKey = (o: Offset) =>
  o.amount === 0 ? "0" : `${isCalendar(o) ? "cal" : "exact"}:${nominalMinutes(o)}`;

function parseOne(raw: string): Offset {
  const item = raw.trim().toLowerCase();
  if (item === "0" || item === "due") return { amount: 0, unit: "m" };
  const m = ITEM_RE.exec(item);
  if (!m) {
    throw new OffsetError(
      `"${raw.trim()}" is not an offset: use a number followed by m, h, d or w, or 0 for the due time`,
    );
  }
  const amount = Number(m[1]);
  const unit = m[2] as OffsetUnit;
  if (amount === 0) return { amount: 0, unit: "m" };
  if (amount > UNIT_MAX[unit]) {
    throw new OffsetError(
      `"${raw.trim()}" is too far ahead: reminders go at most ${MAX_OFFSET_DAYS} days before (${UNIT_MAX[unit]} ${UNIT_NAMES[unit]})`,
    );
  }
  return { amount, unit };
}

/** Longest first; 0 (the due time) last. A calendar offset sorts before an exact one of the same nominal length. */
function compareOffsets(a: Offset, b: Offset): number {
  return nominalMinutes(b) - nominalMinutes(a) || Number(isCalendar(b)) - Number(isCalendar(a));
}

/** Sorted longest first, duplicates in meaning removed (the first spelling kept), bounded. */
export function normalizeOffsets(offsets: readonly Offset[]): Offset[] {
  const seen = new Set<string>();
  const unique: Offset[] = [];
  for (const o of offsets) {
    const checked = parseOne(formatOffset(o)); // the same bounds and spelling rules as the text
    const key = meaningKey(checked);
    if (!seen.has(key)) {
      seen.add(key);
      unique.push(checked);
    }
  }
  if (unique.length === 0) throw new OffsetError("No offsets: give at least one, e.g. 30d,7d,1d,0");
  if (unique.length > MAX_OFFSETS) {
    throw new OffsetError(`Too many offsets (${unique.length}): at most ${MAX_OFFSETS} reminders per deadline`);
  }
  return unique.sort(compareOffsets);
}

/**
 * Parses "30d,7d,1d,0", "6h", "90m", "2w" or "due" (comma-separated; spaces and case do not matter; empty items are
 * ignored). Throws `OffsetError` with a message meant for the person who typed it.
 */
export function parseOffsets(text: string): Offset[] {
  if (text.length > MAX_OFFSETS_TEXT) {
    throw new OffsetError(`Offsets are too long: at most ${MAX_OFFSETS} offsets, e.g. 30d,7d,1d,0`);
  }
  const items = text.split(",").filter((s) => s.trim() !== "");
  return normalizeOffsets(items.map(parseOne));
}

/** "7d", "6h", "90m", "2w"; the due-time reminder is "0". `parseOffsets(formatOffset(o))` gives `o` back. */
export function formatOffset(o: Offset): string {
  if (!Number.isSafeInteger(o.amount) || o.amount < 0 || !OFFSET_UNITS.includes(o.unit)) {
    throw new OffsetError(`Not an offset: ${JSON.stringify(o)}`);
  }
  return o.amount === 0 ? "0" : `${o.amount}${o.unit}`;
}

/** "30d,7d,1d,0" — the form `parseOffsets` reads and subscriptions store. */
export function formatOffsets(offsets: readonly Offset[]): string {
  return offsets.map(formatOffset).join(",");
}

const offsetObject = z.object({ amount: z.number().int().min(0), unit: z.enum(OFFSET_UNITS) });

/** Offsets as text ("30d,7d,1d,0") or a list of texts and/or `{ amount, unit }`; yields sorted unique `Offset`s. */
export const offsetsSchema = z
  .union([
    z.string().max(MAX_OFFSETS_TEXT * 2),
    z.array(z.union([z.string().max(20), offsetObject])).max(MAX_OFFSETS * 2),
  ])
  .transform((value, ctx): Offset[] => {
    try {
      if (typeof value === "string") return parseOffsets(value);
      return normalizeOffsets(value.map((v) => (typeof v === "string" ? parseOne(v) : v)));
    } catch (e) {
      if (!(e instanceof OffsetError)) throw e;
      ctx.addIssue({ code: "custom", message: e.message });
      return z.NEVER;
    }
  });

/**
 * When the reminder `offset` before `due` falls. Minutes and hours are exact durations (6h is always 6 × 60 min).
 * Days and weeks are calendar steps in `dueZone`, the zone the deadline was stated in: the same wall-clock time N
 * days earlier, so across a DST change "1 day before" is 23 or 25 hours. If that wall time does not exist (skipped
 * by a spring-forward change) it moves to just after the gap; if it happens twice, the first occurrence is used
 * (see `localToInstant`).
 */
export function reminderAt(due: Date, dueZone: string, offset: Offset): Date {
  const text = formatOffset(offset); // validates
  if (offset.amount === 0) return new Date(due.getTime());
  if (!isCalendar(offset)) return new Date(due.getTime() - nominalMinutes(offset) * MINUTE_MS);
  // Calendar steps go through the zone's rules (Intl), the planner's hot path: remembered, as a pure function may be.
  const key = `${due.getTime()}|${dueZone}|${text}`;
  let at = calendarMemo.get(key);
  if (at === undefined) {
    if (calendarMemo.size >= CALENDAR_MEMO_LIMIT) calendarMemo.clear();
    at = calendarReminderAt(due, dueZone, offset);
    calendarMemo.set(key, at);
  }
  return new Date(at);
}

const CALENDAR_MEMO_LIMIT = 100_000;
const calendarMemo = new Map<string, number>();

function calendarReminderAt(due: Date, dueZone: string, offset: Offset): number {
  const days = offset.unit === "w" ? offset.amount * 7 : offset.amount;
  const p = zonedParts(due, dueZone);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const date = addDays(localDate(due, dueZone), -days);
  const wall = `${date}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(due.getUTCMilliseconds(), 3)}`;
  return localToInstant(wall, dueZone).getTime();
}

/**
 * Where a reminder stands at a scan at `now` (grace defaults to REMINDER_GRACE_MINUTES):
 *
 * - "pending": its instant has not come (now < remindAt).
 * - "due": now is within the grace period after its instant (remindAt ≤ now < remindAt + grace) and what the email
 *   would say is still true — the deadline is still ahead (now < due), or this is the due-time reminder (offset 0,
 *   remindAt ≥ due), whose "due now" stays true for the grace period.
 * - "late": the grace period has gone by (a scan was missed, e.g. downtime) but the deadline is still ahead
 *   (now < due): send it, marked late; the email states the time actually left, not the offset.
 * - "missed": the deadline has been reached (now ≥ due), outside the cases above. It is never sent as if the deadline
 *   were still ahead; it becomes a "missed while down" line in the next digest. A due-time reminder more than the
 *   grace period late is missed too: "it is due now" hours afterwards would be wrong.
 *
 * At the due instant itself the deadline counts as reached, as in `statusAt`.
 */
export function classifyReminder({
  due,
  remindAt,
  now,
  graceMinutes = REMINDER_GRACE_MINUTES,
}: {
  due: Date;
  remindAt: Date;
  now: Date;
  graceMinutes?: number;
}): ReminderState {
  if (!Number.isFinite(graceMinutes) || graceMinutes < 0) throw new RangeError(`Bad grace period: ${graceMinutes}`);
  const t = now.getTime();
  const at = remindAt.getTime();
  const dueMs = due.getTime();
  if (t < at) return "pending";
  const ahead = t < dueMs;
  if (t < at + graceMinutes * MINUTE_MS && (ahead || at >= dueMs)) return "due";
  return ahead ? "late" : "missed";
}

export type Recipient = string | number;
/** One email: the reminders for one recipient that go out together at `sendAt`. */
export type ReminderGroup<T extends { recipient: Recipient }> = { recipient: T["recipient"]; sendAt: Date; items: T[] };

/**
 * Groups reminders into emails: for each recipient, reminders whose instants fall within `windowMinutes` of the
 * group's first one (inclusive) go into one group. With `now`, an instant before `now` counts as `now`, so everything
 * overdue at a scan (catch-up after downtime) goes out in one email rather than one per missed minute.
 *
 * Stable: groups are ordered by `sendAt` (the first item's instant, or `now`), ties by where their first item stood in
 * the input; items within a group likewise. The input is not changed.
 */
export function groupReminders<T extends { recipient: Recipient; remindAt: Date }>(
  items: readonly T[],
  windowMinutes: number,
  { now }: { now?: Date } = {},
): ReminderGroup<T>[] {
  if (!Number.isFinite(windowMinutes) || windowMinutes < 0) throw new RangeError(`Bad window: ${windowMinutes}`);
  const windowMs = windowMinutes * MINUTE_MS;
  const floor = now?.getTime() ?? -Infinity;
  const effective = (item: T) => Math.max(item.remindAt.getTime(), floor);
  // Array.prototype.sort is stable, so equal instants keep their input order.
  const sorted = [...items].sort((a, b) => effective(a) - effective(b));
  const open = new Map<T["recipient"], ReminderGroup<T>>();
  const groups: ReminderGroup<T>[] = [];
  for (const item of sorted) {
    const at = effective(item);
    const current = open.get(item.recipient);
    if (current && at - current.sendAt.getTime() <= windowMs) {
      current.items.push(item);
    } else {
      const group: ReminderGroup<T> = { recipient: item.recipient, sendAt: new Date(at), items: [item] };
      open.set(item.recipient, group);
      groups.push(group);
    }
  }
  return groups;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** The instant of the digest (08:00 local) on `now`'s calendar date in `zone`; DST-aware. */
export function digestInstant(zone: string, now: Date): Date {
  const { hour, minute } = DIGEST_LOCAL_TIME;
  return localToInstant(`${localDate(now, zone)}T${pad2(hour)}:${pad2(minute)}`, zone);
}

/**
 * True when today's digest (in the subscriber's zone) is owed: its instant has come and none was sent since it.
 * After downtime this is true once, at the first scan, however many digests were skipped.
 */
export function isDigestDue({ zone, now, lastDigestAt }: { zone: string; now: Date; lastDigestAt: Date | null }): boolean {
  const at = digestInstant(zone, now).getTime();
  return now.getTime() >= at && (lastDigestAt === null || lastDigestAt.getTime() < at);
}

/**
 * The deadlines a digest at `now` lists: due after `now` (exclusive — at its instant a deadline has passed) up to
 * the end of the local day DIGEST_HORIZON_DAYS after today in `zone` (inclusive).
 */
export function digestWindow(zone: string, now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime()), to: endOfDay(addDays(localDate(now, zone), DIGEST_HORIZON_DAYS), zone) };
}

/** Whether a deadline due at `due` belongs in the digest window. */
export function inDigestWindow(due: Date, window: { from: Date; to: Date }): boolean {
  return due.getTime() > window.from.getTime() && due.getTime() <= window.to.getTime();
}
