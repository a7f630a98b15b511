// An iCalendar (RFC 5545) feed of deadlines. Pure: the caller passes the events and `now` (DTSTAMP).
// Timed events are written in UTC (…Z), so no VTIMEZONE is needed and every client shows the right local time;
// date-precision deadlines are all-day events (VALUE=DATE). UIDs stay the same across edits and SEQUENCE counts the
// edits, so calendar apps update an event instead of adding a second one.
import { addDays, isValidTimeZone, localDate } from "@/server/core/time";

export const ICS_EVENT_STATUSES = ["CONFIRMED", "TENTATIVE", "CANCELLED"] as const;
export type IcsEventStatus = (typeof ICS_EVENT_STATUSES)[number];

/** Length of a timed event without an `end`: calendars need a DTEND after DTSTART to show a block. */
export const ICS_DEFAULT_EVENT_MINUTES = 30;
/** How often calendar apps are asked to fetch the feed again. */
export const ICS_REFRESH_MINUTES = 60;

export type CalendarEvent = {
  /** Stable per deadline, whatever its versions say (see `deadlineUid`). */
  uid: string;
  /** Number of versions − 1: a client replaces its copy when this grows. */
  sequence: number;
  start: Date;
  /** Timed: the end instant (default start + the calendar's duration). All-day: the last day's instant (default start). */
  end?: Date;
  /** A date-precision deadline: an all-day event on the calendar date of `start` in `zone`. */
  allDay?: boolean;
  /** Zone whose calendar date an all-day event falls on (the deadline's stated zone); default UTC. */
  zone?: string;
  summary: string;
  description?: string;
  url?: string;
  /** CONFIRMED by default; CANCELLED for a postponed or cancelled deadline. */
  status?: IcsEventStatus;
  /** E.g. the sector and the deadline kind. */
  categories?: readonly string[];
  lastModified?: Date;
};

export type Calendar = {
  name: string;
  events: readonly CalendarEvent[];
  /** The DTSTAMP of every event: when the feed was generated. */
  now: Date;
  /** Length of timed events without an `end`. */
  durationMinutes?: number;
};

const PRODID = "-//Tradewatch//Deadlines//EN";
const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;
// Control characters TEXT may not contain (tab is allowed; line breaks are escaped before this is applied).
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/g;

/** The UID of a deadline's event: the same for every version of it. */
export function deadlineUid(deadlineKey: string): string {
  return `deadline-${deadlineKey}@tradewatch`;
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma; line breaks become \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(CONTROL, "");
}

/**
 * Folds a content line so no physical line exceeds 75 octets (RFC 5545 §3.1): continuation lines start with one space,
 * and a line is only broken between characters, never inside a UTF-8 sequence (Korean text is 3 octets a character).
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first physical line holds 75 octets; later ones 74 after their leading space.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function utcStamp(instant: Date, what: string): string {
  const year = instant.getUTCFullYear();
  if (Number.isNaN(instant.getTime()) || year < 1 || year > 9999) throw new RangeError(`${what} is not a valid instant`);
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

const compactDate = (isoDate: string) => isoDate.replace(/-/g, "");

function eventLines(event: CalendarEvent, now: Date, durationMinutes: number): string[] {
  const what = `Event ${JSON.stringify(event.uid)}`;
  if (!event.uid.trim() || event.uid.length > 255 || /[\u0000-\u001F\u007F]/.test(event.uid)) {
    throw new RangeError(`${what}: the UID must be 1–255 characters without control characters`);
  }
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError(`${what}: SEQUENCE must be a whole number ≥ 0, not ${event.sequence}`);
  }
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(now, "now")}`,
  ];
  if (event.allDay) {
    const zone = event.zone ?? "UTC";
    if (!isValidTimeZone(zone)) throw new RangeError(`${what}: unknown time zone ${zone}`);
    utcStamp(event.start, `${what}: start`);
    const first = localDate(event.start, zone);
    const last = event.end ? localDate(event.end, zone) : first;
    if (last < first) throw new RangeError(`${what}: the end is before the start`);
    // DTEND of an all-day event is the day after the last one (exclusive).
    lines.push(`DTSTART;VALUE=DATE:${compactDate(first)}`, `DTEND;VALUE=DATE:${compactDate(addDays(last, 1))}`);
  } else {
    const end = event.end ?? new Date(event.start.getTime() + durationMinutes * 60_000);
    const start = utcStamp(event.start, `${what}: start`);
    const endStamp = utcStamp(end, `${what}: end`);
    if (endStamp <= start) throw new RangeError(`${what}: the end must be after the start (to the second)`);
    lines.push(`DTSTART:${start}`, `DTEND:${endStamp}`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url) {
    let href: string;
    try {
      href = new URL(event.url).href; // percent-encodes spaces and non-ASCII: a URI value is never escaped as TEXT
    } catch {
      throw new RangeError(`${what}: not an absolute URL: ${event.url}`);
    }
    lines.push(`URL:${href}`);
  }
  const status = event.status ?? "CONFIRMED";
  if (!ICS_EVENT_STATUSES.includes(status)) throw new RangeError(`${what}: unknown STATUS ${status}`);
  lines.push(`STATUS:${status}`);
  const categories = (event.categories ?? []).map((c) => c.trim()).filter((c) => c !== "");
  if (categories.length > 0) lines.push(`CATEGORIES:${categories.map(escapeText).join(",")}`);
  if (event.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(event.lastModified, `${what}: lastModified`)}`);
  lines.push("END:VEVENT");
  return lines;
}

/** The whole feed: CRLF line endings, folded at 75 octets, ending with a line break. Events stay in the given order. */
export function buildCalendar({ name, events, now, durationMinutes = ICS_DEFAULT_EVENT_MINUTES }: Calendar): string {
  if (!Number.isFinite(durationMinutes) || durationMinutes < 1) {
    throw new RangeError(`The event duration must be at least 1 minute, not ${durationMinutes}`);
  }
  const uids = new Set<string>();
  for (const e of events) {
    if (uids.has(e.uid)) throw new RangeError(`Two events share the UID ${JSON.stringify(e.uid)}`);
    uids.add(e.uid);
  }
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    // An x-property's value is opaque unless its type is declared; VALUE=TEXT makes the escaping well defined.
    `X-WR-CALNAME;VALUE=TEXT:${escapeText(name)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:PT${ICS_REFRESH_MINUTES}M`,
    `X-PUBLISHED-TTL:PT${ICS_REFRESH_MINUTES}M`,
    ...events.flatMap((e) => eventLines(e, now, durationMinutes)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
