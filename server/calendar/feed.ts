// The deadlines calendar feed: each deadline's version in force now as one VEVENT (at most MAX_FEED_EVENTS, the ones
// due latest), with a UID that never changes and a SEQUENCE that grows with every change, so subscribed calendar apps
// update their entry instead of adding one.
import { and, count, desc, eq, inArray, lte, max, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, deadlines } from "@/db/schema";
import { formatDateIn, formatInstant, titleIn } from "@/lib/format";
import { AS_OF_ZONE, DISPLAY_ZONES, type DeadlineKind, type DeadlineStatus, type Locale, type Sector } from "@/server/core/constants";
import { statusAt } from "@/server/dashboard/deadline-rules";
import { buildCalendar, deadlineUid, type CalendarEvent } from "./ics-rules";
import { isValidTimeZone, localDate } from "@/server/core/time";
import { latestVersionAt } from "@/server/core/versions";
import { MAX_FEED_EVENTS } from "./constants";

/** Which deadlines the feed lists; an empty or missing list means all. Status is the status now ("passed" included). */
export type CalendarFilter = { sectors?: readonly Sector[]; kinds?: readonly DeadlineKind[]; statuses?: readonly DeadlineStatus[] };

export type DeadlineFeedOptions = {
  now: Date;
  /** The app's public URL; each event links to the dashboard as of its day. */
  dashboardUrl: string;
  lang?: Locale;
  filter?: CalendarFilter;
};

const WORDS = {
  en: {
    name: "Tradewatch deadlines",
    washington: "Washington",
    seoul: "Seoul",
    stated: (zone: string) => `As stated (${zone})`,
    date: (zone: string) => `Date (${zone})`,
    postponed: (title: string) => `Postponed: ${title}`,
    cancelled: (title: string) => `Cancelled: ${title}`,
    postponedTo: (title: string) => `Postponed to: ${title}`,
    status: "Status",
    outcome: "Outcome",
    dashboard: "Dashboard",
  },
  ko: {
    name: "Tradewatch 마감 일정",
    washington: "워싱턴",
    seoul: "서울",
    stated: (zone: string) => `발표 기준 (${zone})`,
    date: (zone: string) => `날짜 (${zone})`,
    postponed: (title: string) => `연기: ${title}`,
    cancelled: (title: string) => `취소: ${title}`,
    postponedTo: (title: string) => `새 마감으로 연기: ${title}`,
    status: "상태",
    outcome: "결과",
    dashboard: "대시보드",
  },
} as const;

const STATUS_WORDS: Record<Locale, Record<DeadlineStatus, string>> = {
  en: { upcoming: "upcoming", met: "met", passed: "passed", postponed: "postponed", cancelled: "cancelled" },
  ko: { upcoming: "예정", met: "충족", passed: "지남", postponed: "연기", cancelled: "취소" },
};

type Row = typeof deadlines.$inferSelect;

/** Versions of each key known by `now`, and corrections (rewrites in place) audited by then, with the latest one. */
async function changeCounts(db: Db, now: Date, keys: string[]) {
  if (keys.length === 0) return { versions: new Map<string, number>(), corrections: new Map<string, { n: number; last: Date | null }>() };
  const [versions, corrections] = await Promise.all([
    db
      .select({ key: deadlines.deadlineKey, n: count() })
      .from(deadlines)
      .where(and(lte(deadlines.knownAt, now), inArray(deadlines.deadlineKey, keys)))
      .groupBy(deadlines.deadlineKey),
    db
      .select({ key: auditLog.recordKey, n: count(), last: max(auditLog.at) })
      .from(auditLog)
      .where(and(eq(auditLog.recordType, "deadline"), eq(auditLog.action, "correct"), lte(auditLog.at, now), inArray(auditLog.recordKey, keys)))
      .groupBy(auditLog.recordKey),
  ]);
  return {
    versions: new Map(versions.map((v) => [v.key, Number(v.n)])),
    corrections: new Map(corrections.map((c) => [c.key, { n: Number(c.n), last: c.last ? new Date(c.last) : null }])),
  };
}

/**
 * The feed's deadlines, chosen in SQL: the version in force now of each, matching the filter (status as it is now:
 * an upcoming deadline whose instant has gone by is "passed"), the MAX_FEED_EVENTS due latest; and the deadlines they
 * were postponed to (their dates go in the description).
 */
async function feedRows(db: Db, now: Date, filter: CalendarFilter): Promise<{ rows: Row[]; targets: Map<string, Row> }> {
  const latest = latestVersionAt(deadlines, deadlines.deadlineKey, deadlines.knownAt, now);
  const statusNow = sql`(case when ${deadlines.status} = 'upcoming' and ${deadlines.dueAt} <= ${now.toISOString()}::timestamptz
    then 'passed' else ${deadlines.status}::text end)`;
  const conds = [latest];
  if (filter.sectors?.length) conds.push(inArray(deadlines.sector, [...filter.sectors]));
  if (filter.kinds?.length) conds.push(inArray(deadlines.kind, [...filter.kinds]));
  if (filter.statuses?.length) conds.push(sql`${statusNow} in ${[...filter.statuses]}`);
  const rows = await db
    .select()
    .from(deadlines)
    .where(and(...conds))
    .orderBy(desc(deadlines.dueAt), desc(deadlines.deadlineKey))
    .limit(MAX_FEED_EVENTS);
  const targetKeys = [...new Set(rows.map((r) => r.postponedToKey).filter((k): k is string => !!k))];
  const targets = targetKeys.length
    ? await db.select().from(deadlines).where(and(latest, inArray(deadlines.deadlineKey, targetKeys)))
    : [];
  return { rows, targets: new Map(targets.map((r) => [r.deadlineKey, r])) };
}

/**
 * The feed. SEQUENCE = versions of the key known by now − 1, plus corrections made in place (a correction changes
 * what the event says without a new version, and calendar apps only take a change whose SEQUENCE grew).
 * Postponed and cancelled deadlines stay in the feed as CANCELLED events, so a subscribed calendar drops or strikes
 * them instead of keeping a stale date; the postponement's target is its own event.
 */
export async function deadlineFeed(db: Db, { now, dashboardUrl, lang = "en", filter = {} }: DeadlineFeedOptions): Promise<string> {
  const { rows, targets: byKey } = await feedRows(db, now, filter);
  const counts = await changeCounts(db, now, rows.map((r) => r.deadlineKey));
  const w = WORDS[lang];
  const base = dashboardUrl.replace(/\/+$/, "");

  const when = (r: Pick<Row, "dueAt" | "dueZone" | "precision">): string[] => {
    if (r.precision === "day") return [`${w.date(r.dueZone)}: ${formatDateIn(r.dueAt, r.dueZone, lang)}`];
    const lines = [
      `${w.washington}: ${formatInstant(r.dueAt, DISPLAY_ZONES.washington, lang)}`,
      `${w.seoul}: ${formatInstant(r.dueAt, DISPLAY_ZONES.seoul, lang)}`,
    ];
    const shown: string[] = [DISPLAY_ZONES.washington, DISPLAY_ZONES.seoul];
    if (isValidTimeZone(r.dueZone) && !shown.includes(r.dueZone)) {
      lines.push(`${w.stated(r.dueZone)}: ${formatInstant(r.dueAt, r.dueZone, lang)}`);
    }
    return lines;
  };

  const events: CalendarEvent[] = rows
    .map((r) => ({ row: r, status: statusAt(r, now) }))
    .sort((a, b) => a.row.dueAt.getTime() - b.row.dueAt.getTime() || a.row.deadlineKey.localeCompare(b.row.deadlineKey))
    .map(({ row, status }) => {
      const title = titleIn(row, lang);
      const correction = counts.corrections.get(row.deadlineKey);
      const sequence = Math.max(0, (counts.versions.get(row.deadlineKey) ?? 1) - 1) + (correction?.n ?? 0);
      const url = `${base}/?asOf=${localDate(row.dueAt, AS_OF_ZONE)}`;
      const target = row.postponedToKey ? byKey.get(row.postponedToKey) : undefined;
      const description: string[] = [];
      if (status === "postponed") {
        description.push(w.postponedTo(target ? titleIn(target, lang) : (row.postponedToKey ?? "?")));
        if (target) description.push(...when(target).map((line) => `→ ${line}`));
        description.push("");
      }
      description.push(...when(row), `${w.status}: ${STATUS_WORDS[lang][status]}`);
      const outcome = lang === "ko" && row.outcomeKo ? row.outcomeKo : row.outcome;
      if (outcome) description.push(`${w.outcome}: ${outcome}`);
      if (row.description) description.push("", row.description);
      description.push("", `${w.dashboard}: ${url}`);
      const lastModified = [row.knownAt, correction?.last].filter((d): d is Date => d instanceof Date).sort((a, b) => b.getTime() - a.getTime())[0];
      return {
        uid: deadlineUid(row.deadlineKey),
        sequence,
        start: row.dueAt,
        allDay: row.precision === "day",
        zone: row.dueZone,
        summary: status === "postponed" ? w.postponed(title) : status === "cancelled" ? w.cancelled(title) : title,
        description: description.join("\n"),
        url,
        status: status === "postponed" || status === "cancelled" ? "CANCELLED" : "CONFIRMED",
        categories: [row.kind, ...(row.sector ? [row.sector] : [])],
        lastModified: lastModified && lastModified.getTime() <= now.getTime() ? lastModified : undefined,
      } satisfies CalendarEvent;
    });

  return buildCalendar({ name: w.name, events, now });
}
