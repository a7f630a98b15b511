// Pure time helpers: instants are UTC `Date`s; local times are always paired with an IANA zone.
// Nothing here reads the wall clock — callers pass `now` in.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

const formatterCache = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatterCache.set(zone, f);
  }
  return f;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields read from Intl: exact, and the slow part of a page that shows many dates (~5 µs a call). */
function formattedParts(instant: Date, zone: string) {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(instant)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The zone's exact offset (ms, whole seconds: old local mean times have them) at an instant, read from Intl. */
function exactOffsetMs(ms: number, zone: string): number {
  const p = formattedParts(new Date(ms), zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (ms - (((ms % 1000) + 1000) % 1000));
}

const HOUR_MS = 3_600_000;
const FAST_FROM = Date.UTC(1900, 0, 2);
const FAST_UNTIL = Date.UTC(9999, 0, 1);
const OFFSET_CACHE_MAX = 50_000;
/** zone → UTC hour → the offset through that whole hour (hours a zone's offset changes in are not cached). */
const offsetCache = new Map<string, Map<number, number>>();

/**
 * The zone's offset at `ms`. Offsets change a few times a year, so the one in force through a whole UTC hour is kept:
 * an hour is cached only when its first and last millisecond have the same offset (no change can happen and revert
 * within an hour), and an hour in which the offset changes is read from Intl every time.
 */
function offsetMsAt(ms: number, zone: string): number {
  let hours = offsetCache.get(zone);
  if (!hours) offsetCache.set(zone, (hours = new Map()));
  const hour = Math.floor(ms / HOUR_MS);
  const cached = hours.get(hour);
  if (cached !== undefined) return cached;
  const first = exactOffsetMs(hour * HOUR_MS, zone);
  if (first !== exactOffsetMs(hour * HOUR_MS + HOUR_MS - 1, zone)) return exactOffsetMs(ms, zone);
  if (hours.size >= OFFSET_CACHE_MAX) hours.clear();
  hours.set(hour, first);
  return first;
}

/** Wall-clock fields of an instant in a zone (the UTC fields of the instant shifted by the zone's offset then). */
export function zonedParts(instant: Date, zone: string) {
  const ms = instant.getTime();
  // Intl's own answer (and its error) outside the years the shortcut's Date.UTC arithmetic covers plainly.
  if (!(ms >= FAST_FROM && ms < FAST_UNTIL)) return formattedParts(instant, zone);
  const local = new Date(ms + offsetMsAt(ms, zone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** Offset of `zone` from UTC at `instant`, in minutes (e.g. −240 for EDT, +540 for KST). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const p = zonedParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const whole = instant.getTime() - instant.getUTCMilliseconds();
  return Math.round((asUtc - whole) / 60000);
}

/**
 * The instant at which the wall clock in `zone` reads `local` ("YYYY-MM-DDTHH:mm[:ss[.mmm]]").
 * A local time that happens twice (autumn change) resolves to its first occurrence; one skipped by a spring-forward
 * change resolves to the instant just after the gap (02:30 on 8 Mar 2026 in New York → 03:30 EDT).
 */
export function localToInstant(local: string, zone: string): Date {
  const m = LOCAL_RE.exec(local);
  if (!m) throw new RangeError(`Not a local date-time (YYYY-MM-DDTHH:mm): ${local}`);
  const [year, month, day, hour, minute, second] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)];
  const naive = Date.UTC(year, month - 1, day, hour, minute, second, +(m[7] ?? "0").padEnd(3, "0"));
  const check = new Date(naive);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  ) {
    throw new RangeError(`Not a real local date-time: ${local}`);
  }
  // The offsets in force a day either side bracket any change on this day.
  const before = zoneOffsetMinutes(new Date(naive - DAY_MS), zone);
  const after = zoneOffsetMinutes(new Date(naive + DAY_MS), zone);
  const candidates = [...new Set([before, after])]
    .map((off) => naive - off * 60000)
    .filter((t) => naive - zoneOffsetMinutes(new Date(t), zone) * 60000 === t)
    .sort((a, b) => a - b);
  // No candidate reads back: the time is in a gap; the earlier offset moves it forward by the gap's length.
  return new Date(candidates[0] ?? naive - before * 60000);
}

export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** Last millisecond of calendar day `date` in `zone`. */
export function endOfDay(date: string, zone: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return new Date(localToInstant(`${addDays(date, 1)}T00:00`, zone).getTime() - 1);
}

export function startOfDay(date: string, zone: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return localToInstant(`${date}T00:00`, zone);
}

/** Calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: Date, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

export function addDays(date: string, days: number): string {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]! + days));
  return d.toISOString().slice(0, 10);
}

export const DAY_MS = 86_400_000;

/** ISO-8601 local time with the zone's offset, e.g. "2025-08-01T00:01:00-04:00". */
export function zonedIso(instant: Date, zone: string): string {
  const p = zonedParts(instant, zone);
  const off = zoneOffsetMinutes(instant, zone);
  const sign = off < 0 ? "-" : "+";
  const abs = Math.abs(off);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
