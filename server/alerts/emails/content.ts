// What an alert email says, as plain data: subject, headings, time rows, links. The React templates lay this out as
// HTML and `viewToText` as the text part, so both parts always say the same thing. Pure: `now` is passed in.
import { EN_MONTHS, formatDate, formatInstant, formatTimeOfDay, titleIn } from "@/lib/format";
import { AS_OF_ZONE, DISPLAY_ZONES, type Locale } from "@/server/core/constants";
import { REMINDER_GRACE_MINUTES } from "@/server/alerts/constants";
import { buildCalendar, deadlineUid, type CalendarEvent } from "@/server/calendar/ics-rules";
import { isValidTimeZone, localDate, zonedParts } from "@/server/core/time";
import { MESSAGES, type Messages } from "./messages";
import type { AlertItem, Links, Recipient } from "./types";

export type LinkView = { label: string; href: string };
export type TimeRow = { label: string; value: string };
export type ItemView = {
  heading: string;
  /** The "this reminder is late" note, when it is. */
  note: string | null;
  rows: TimeRow[];
  lines: string[];
  link: LinkView | null;
};
export type SectionView = { heading: string | null; items: ItemView[]; empty: string | null };
export type EmailView = {
  lang: Locale;
  subject: string;
  /** The inbox preview line. */
  preview: string;
  title: string;
  greeting: string;
  intro: string[];
  sections: SectionView[];
  /** A button (confirm). */
  action: LinkView | null;
  outro: string[];
  footer: { text: string; links: LinkView[] };
};

/** Everything the pieces below need about the reader. */
export type Reader = { m: Messages; lang: Locale; recipient: Recipient; zone: string | null; links: Links; now: Date };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MAX_SUBJECT = 150;

export function readerFor(recipient: Recipient, links: Links, now: Date): Reader {
  const lang: Locale = recipient.language === "ko" ? "ko" : "en";
  return {
    m: MESSAGES[lang],
    lang,
    recipient,
    // A zone the runtime does not know is left out rather than failing the whole email.
    zone: isValidTimeZone(recipient.timeZone) ? canonicalZone(recipient.timeZone) : null,
    links: { ...links, dashboard: links.dashboard.replace(/\/+$/, "") },
    now,
  };
}

function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}

/** One line for a header or a heading: no line breaks or control characters, bounded. */
export function oneLine(text: string, max = MAX_SUBJECT): string {
  const flat = text.replace(/[\u0000-\u001F\u007F\s]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

const capitalize = (s: string, lang: Locale) => (lang === "en" ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/**
 * The time left until `due` at `now`, in words: "in 7 days", "in 5 hours", "in 20 minutes", "now due" (from a minute
 * before to the grace period after), "due 3 hours ago". Days from 22 hours up, rounded, so a "1 day before" reminder
 * across a DST change (23 or 25 hours) still reads "in 1 day", and a late one states what is actually left.
 */
export function countdownPhrase(due: Date, now: Date, m: Messages): string {
  const ms = due.getTime() - now.getTime();
  if (ms >= 22 * HOUR) return m.inDays(Math.max(1, Math.round(ms / DAY)));
  if (ms >= HOUR) return m.inHours(Math.round(ms / HOUR));
  if (ms >= MINUTE) return m.inMinutes(Math.round(ms / MINUTE));
  if (ms > -REMINDER_GRACE_MINUTES * MINUTE) return m.nowDue;
  const ago = -ms;
  if (ago >= 22 * HOUR) return m.agoDays(Math.max(1, Math.round(ago / DAY)));
  if (ago >= HOUR) return m.agoHours(Math.round(ago / HOUR));
  return m.agoMinutes(Math.round(ago / MINUTE));
}

/** The zones an instant is shown in: Washington, Seoul, the reader's own zone and the stated zone when different. */
function zonesFor(r: Reader, dueZone: string | null | undefined): { label: string; zone: string }[] {
  const zones = [
    { label: r.m.washington, zone: DISPLAY_ZONES.washington as string },
    { label: r.m.seoul, zone: DISPLAY_ZONES.seoul as string },
  ];
  const known = new Set(zones.map((z) => z.zone));
  if (r.zone && !known.has(r.zone)) {
    zones.push({ label: r.m.yourTime(r.zone), zone: r.zone });
    known.add(r.zone);
  }
  if (dueZone && isValidTimeZone(dueZone)) {
    const stated = canonicalZone(dueZone);
    if (!known.has(stated)) zones.push({ label: r.m.legalTime(stated), zone: stated });
  }
  return zones;
}

/** An instant in every zone the reader needs: "Washington: Fri 1 Aug 2025, 00:01 EDT", … */
export function timeRows(r: Reader, at: Date, dueZone?: string | null): TimeRow[] {
  return zonesFor(r, dueZone).map(({ label, zone }) => ({ label, value: formatInstant(at, zone, r.lang) }));
}

/** A move from one instant to another, per zone: "Washington: Fri 1 Aug 2025, 00:01 EDT → Mon 1 Sep 2025, …". */
function changeRows(r: Reader, from: Date, to: Date, dueZone?: string | null): TimeRow[] {
  return zonesFor(r, dueZone).map(({ label, zone }) => ({
    label,
    value: `${formatInstant(from, zone, r.lang)} → ${formatInstant(to, zone, r.lang)}`,
  }));
}


/** A short instant for a subject line, in the reader's zone: "Aug 1, 00:01 EDT" / "8월 1일 13:01 KST". */
export function shortInstant(r: Reader, at: Date, fallbackZone?: string | null): string {
  const zone = r.zone ?? (fallbackZone && isValidTimeZone(fallbackZone) ? fallbackZone : DISPLAY_ZONES.seoul);
  const p = zonedParts(at, zone);
  const time = formatTimeOfDay(at, zone);
  return r.lang === "ko" ? `${p.month}월 ${p.day}일 ${time}` : `${EN_MONTHS[p.month - 1]} ${p.day}, ${time}`;
}

/** The dashboard as of the Seoul calendar day of `at` (how the dashboard reads asOf). */
export function dashboardAsOf(r: Reader, at: Date): LinkView {
  const date = localDate(at, AS_OF_ZONE);
  return { label: r.m.openAsOf(formatDate(date, r.lang)), href: `${r.links.dashboard}/?asOf=${date}` };
}

const itemTitle = (r: Reader, item: AlertItem) => oneLine(titleIn(item, r.lang), 300);

/**
 * One item as the email shows it. Reminders, met and missed deadlines link to the dashboard as of the deadline's
 * day; changes (postponed, measures, market moves) as of now, the moment of the change.
 */
export function itemView(r: Reader, item: AlertItem): ItemView {
  const title = itemTitle(r, item);
  const due = item.dueAt ?? null;
  const lines: string[] = [];
  let heading: string;
  let rows: TimeRow[] = due ? timeRows(r, due, item.dueZone) : [];
  let linkAt: Date = r.now;

  switch (item.kind) {
    case "reminder":
      heading = due ? `${capitalize(countdownPhrase(due, r.now, r.m), r.lang)}: ${title}` : title;
      linkAt = due ?? r.now;
      break;
    case "postponed": {
      heading = r.m.postponed(title);
      const to = item.postponedTo;
      if (to) {
        rows = due ? changeRows(r, due, to.dueAt, to.dueZone) : timeRows(r, to.dueAt, to.dueZone);
        const newTitle = oneLine(to.title, 300);
        if (newTitle !== title && newTitle !== oneLine(item.title, 300)) lines.push(r.m.newDeadline(newTitle));
        lines.push(r.m.newDueIn(countdownPhrase(to.dueAt, r.now, r.m)));
      }
      break;
    }
    case "met":
      heading = r.m.met(title);
      linkAt = due ?? r.now;
      break;
    case "missed":
      heading = r.m.missed(title);
      lines.push(r.m.missedLine);
      linkAt = due ?? r.now;
      break;
    case "measure_change":
      heading = r.m.measureChange(title);
      break;
    case "market_move":
      heading = r.m.marketMove(title);
      break;
    case "product_change":
      heading = r.m.productChange(title);
      break;
  }
  if (item.outcome) lines.push(item.kind === "met" ? r.m.outcome(item.outcome) : item.outcome);
  if (item.summary) lines.push(item.summary);
  return { heading, note: item.late ? r.m.late : item.held ? r.m.held : null, rows, lines, link: dashboardAsOf(r, linkAt) };
}

/** Subject of an alert email: one item names its countdown and time; several are counted and listed. */
export function alertSubject(r: Reader, items: readonly AlertItem[]): string {
  if (items.length === 1) {
    const item = items[0]!;
    const view = itemView(r, item);
    if (item.kind === "reminder" && item.dueAt) return oneLine(`${view.heading} (${shortInstant(r, item.dueAt, item.dueZone)})`);
    if (item.kind === "postponed" && item.postponedTo) {
      return oneLine(`${view.heading} (→ ${shortInstant(r, item.postponedTo.dueAt, item.postponedTo.dueZone)})`);
    }
    return oneLine(view.heading);
  }
  const allReminders = items.every((i) => i.kind === "reminder");
  return oneLine(`${r.m.alertCount(items.length, allReminders)}: ${items.map((i) => itemTitle(r, i)).join(", ")}`);
}

/** The greeting and the footer every email ends with. */
export function frame(r: Reader): Pick<EmailView, "greeting" | "footer"> {
  return {
    greeting: r.m.greeting(r.recipient.name ? oneLine(r.recipient.name, 100) : null),
    footer: {
      text: r.m.footerWhy,
      links: [
        { label: r.m.openDashboard, href: r.links.dashboard },
        { label: r.m.manage, href: r.links.manage },
        { label: r.m.unsubscribe, href: r.links.unsubscribe },
      ],
    },
  };
}

/**
 * The calendar attachment: the upcoming deadlines the items are about (reminders) and, for a postponement, the old
 * event cancelled and the new one. UIDs are the feed's (`deadlineUid`), so the events land on the same entries as a
 * subscribed feed. Null when no item is about a deadline.
 */
export function calendarFor(r: Reader, items: readonly AlertItem[]): string | null {
  const events = new Map<string, CalendarEvent>();
  const describe = (at: Date, zone: string | null | undefined, link: LinkView) =>
    [...timeRows(r, at, zone).map((row) => `${row.label}: ${row.value}`), link.href].join("\n");
  for (const item of items) {
    if (!item.deadlineKey || !item.dueAt) continue;
    const title = itemTitle(r, item);
    if (item.kind === "reminder") {
      const uid = deadlineUid(item.deadlineKey);
      // A postponement of the same deadline in the same email is the newer news.
      if (events.get(uid)?.status === "CANCELLED") continue;
      const link = dashboardAsOf(r, item.dueAt);
      events.set(uid, { uid, sequence: 0, start: item.dueAt, summary: title, description: describe(item.dueAt, item.dueZone, link), url: link.href });
    } else if (item.kind === "postponed" && item.postponedTo) {
      const to = item.postponedTo;
      const oldUid = deadlineUid(item.deadlineKey);
      const moved = changeRows(r, item.dueAt, to.dueAt, to.dueZone).map((row) => `${row.label}: ${row.value}`);
      events.set(oldUid, {
        uid: oldUid,
        sequence: 0,
        start: item.dueAt,
        summary: r.m.postponed(title),
        description: [r.m.newDeadline(oneLine(to.title, 300)), ...moved].join("\n"),
        status: "CANCELLED",
      });
      const newUid = deadlineUid(to.key);
      // A reminder about the new deadline in the same email already has it (with its title in the reader's language).
      if (events.has(newUid)) continue;
      const link = dashboardAsOf(r, to.dueAt);
      events.set(newUid, { uid: newUid, sequence: 0, start: to.dueAt, summary: oneLine(to.title, 300), description: describe(to.dueAt, to.dueZone, link), url: link.href });
    }
  }
  if (events.size === 0) return null;
  return buildCalendar({ name: "Tradewatch", events: [...events.values()], now: r.now });
}

/** The text part: the same content as the HTML, laid out for a plain-text reader. */
export function viewToText(view: EmailView): string {
  const out: string[] = [view.title, "=".repeat(Math.min(60, [...view.title].length)), "", view.greeting, ""];
  for (const p of view.intro) out.push(p, "");
  for (const section of view.sections) {
    if (section.heading) out.push(section.heading, "-".repeat(Math.min(60, [...section.heading].length)), "");
    if (section.items.length === 0 && section.empty) out.push(section.empty, "");
    for (const item of section.items) {
      out.push(`* ${item.heading}`);
      if (item.note) out.push(`  ! ${item.note}`);
      for (const row of item.rows) out.push(`  ${row.label}: ${row.value}`);
      for (const line of item.lines) out.push(`  ${line}`);
      if (item.link) out.push(`  ${item.link.label}: ${item.link.href}`);
      out.push("");
    }
  }
  if (view.action) out.push(`${view.action.label}: ${view.action.href}`, "");
  for (const p of view.outro) out.push(p, "");
  out.push("--", view.footer.text, ...view.footer.links.map((l) => `${l.label}: ${l.href}`));
  return out.join("\n") + "\n";
}
