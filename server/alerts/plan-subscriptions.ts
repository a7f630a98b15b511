// Planning for given subscriptions: a subscription that is new, changed, resumed or confirmed is planned against every
// deadline it follows (reminders whose instant has come since it counts, notices, measure changes, KOSPI moves) —
// what a tick would have planned for it had it existed all along. Everything else reaches a subscription through the
// planner's index of what falls due (fan-out.ts). Idempotent and safe with any number of concurrent workers: every
// row has a unique dedupe_key and is inserted with ON CONFLICT DO NOTHING, so a reminder is planned once whoever
// plans it first.
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lte, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertNotifications, alertSubscribers, alertSubscriptions, deadlines, observations, series, tariffMeasures, watchlists, watchlistSectors } from "@/db/schema";
import { planReminders } from "./plan-rules";
import { DAY_MS } from "@/server/core/time";
import { KRX_CLOSE } from "@/server/core/constants";
import { REMINDER_GROUP_WINDOW_MINUTES, type NotificationKind, type NotificationStatus } from "./constants";
import { parseOffsets, type Offset } from "./reminder-rules";
import { latestVersionAt } from "@/server/core/versions";

/** Deadlines whose time is this far behind are no longer looked at (missed lines older than this are dropped). */
export const LOOKBACK_MS = 30 * DAY_MS;
/** Reminders are at most a year ahead (MAX_OFFSET_DAYS). */
const LOOKAHEAD_MS = 366 * DAY_MS;
const CHUNK = 500;

export type NotificationInsert = typeof alertNotifications.$inferInsert;

export type ActiveSubscription = {
  id: number;
  subscriberId: number;
  scope: string;
  scopeValue: string;
  offsets: string;
  notifyMeasures: boolean;
  /** Notify a daily KOSPI move beyond ± this many percent; null for none. */
  marketMovePct: number | null;
  since: Date;
  /** A watchlist subscription: the sectors of its lines (loaded by activeSubscriptions). */
  follows?: string[];
};

export type DeadlineNow = {
  deadlineKey: string;
  title: string;
  titleKo: string | null;
  kind: string;
  sector: string | null;
  dueAt: Date;
  dueZone: string;
  status: string;
  postponedToKey: string | null;
  outcome: string | null;
  knownAt: Date;
};

export const reminderKey = (subscriptionId: number, deadlineKey: string, dueAt: Date, offset: string) =>
  `reminder:${subscriptionId}:${deadlineKey}:${dueAt.toISOString()}:${offset}`;

/** A subscription that is on, of a confirmed person who has not left (for queries joining alert_subscribers). */
export const activeSubscription = and(eq(alertSubscriptions.active, true), isNotNull(alertSubscribers.confirmedAt), isNull(alertSubscribers.unsubscribedAt))!;

/** The columns an ActiveSubscription is made of (with sinceOf). */
export const subscriptionColumns = {
  id: alertSubscriptions.id,
  subscriberId: alertSubscriptions.subscriberId,
  scope: alertSubscriptions.scope,
  scopeValue: alertSubscriptions.scopeValue,
  offsets: alertSubscriptions.offsets,
  notifyMeasures: alertSubscriptions.notifyMeasures,
  marketMovePct: alertSubscriptions.marketMovePct,
  createdAt: alertSubscriptions.createdAt,
  confirmedAt: alertSubscribers.confirmedAt,
};

/** Reminders count from when the subscription was in force: created and confirmed. */
export function toActive({ createdAt, confirmedAt, ...r }: { createdAt: Date; confirmedAt: Date | null } & Omit<ActiveSubscription, "since">): ActiveSubscription {
  return { ...r, since: new Date(Math.max(createdAt.getTime(), confirmedAt!.getTime())) };
}

/** Active subscriptions of confirmed, subscribed people (all, or those of `ids`), with the instant from which they count. */
export async function activeSubscriptions(db: Db, ids?: number[]): Promise<ActiveSubscription[]> {
  const rows = await db
    .select(subscriptionColumns)
    .from(alertSubscriptions)
    .innerJoin(alertSubscribers, eq(alertSubscribers.id, alertSubscriptions.subscriberId))
    .where(and(activeSubscription, ids ? inArray(alertSubscriptions.id, ids) : undefined));
  return withFollows(db, rows.map(toActive));
}

/** A watchlist subscription follows the deadlines of its lines' sectors (db/watchlist-schema.ts). */
export async function withFollows(db: Db, subs: ActiveSubscription[]): Promise<ActiveSubscription[]> {
  const keys = [...new Set(subs.filter((s) => s.scope === "watchlist").map((s) => s.scopeValue))];
  if (!keys.length) return subs;
  const rows = await db
    .select({ key: watchlists.key, sector: watchlistSectors.sector })
    .from(watchlistSectors)
    .innerJoin(watchlists, eq(watchlists.id, watchlistSectors.watchlistId))
    .where(inArray(watchlists.key, keys));
  return subs.map((s) => (s.scope === "watchlist" ? { ...s, follows: rows.filter((r) => r.key === s.scopeValue).map((r) => r.sector) } : s));
}

/** The columns a DeadlineNow is made of. */
export const deadlineColumns = {
  deadlineKey: deadlines.deadlineKey,
  title: deadlines.title,
  titleKo: deadlines.titleKo,
  kind: deadlines.kind,
  sector: deadlines.sector,
  dueAt: deadlines.dueAt,
  dueZone: deadlines.dueZone,
  status: deadlines.status,
  postponedToKey: deadlines.postponedToKey,
  outcome: deadlines.outcome,
  knownAt: deadlines.knownAt,
};

/** Every deadline's version in force at `now` whose due time is within the planning window. */
export async function deadlinesNow(db: Db, now: Date): Promise<DeadlineNow[]> {
  return db
    .select(deadlineColumns)
    .from(deadlines)
    .where(
      and(
        latestVersionAt(deadlines, deadlines.deadlineKey, deadlines.knownAt, now),
        gte(deadlines.dueAt, new Date(now.getTime() - LOOKBACK_MS)),
        lte(deadlines.dueAt, new Date(now.getTime() + LOOKAHEAD_MS)),
      ),
    );
}

/** When each (deadline, due time) became known: the first version stating that due time. */
export async function dueKnownSince(db: Db, keys: string[], now: Date): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db
      .select({ key: deadlines.deadlineKey, dueAt: deadlines.dueAt, since: min(deadlines.knownAt) })
      .from(deadlines)
      .where(and(inArray(deadlines.deadlineKey, keys.slice(i, i + CHUNK)), lte(deadlines.knownAt, now)))
      .groupBy(deadlines.deadlineKey, deadlines.dueAt);
    for (const r of rows) if (r.since) out.set(`${r.key}@${r.dueAt.toISOString()}`, r.since);
  }
  return out;
}

/**
 * The deadline keys a subscription follows. A one-deadline subscription follows its postponements too: July 9 →
 * August 1 re-arms the reminders for August 1.
 */
export function followedKeys(sub: Pick<ActiveSubscription, "scope" | "scopeValue" | "follows">, all: DeadlineNow[], byKey: Map<string, DeadlineNow>): Set<string> {
  switch (sub.scope) {
    case "all":
      return new Set(all.map((d) => d.deadlineKey));
    case "sector":
      return new Set(all.filter((d) => d.sector === sub.scopeValue).map((d) => d.deadlineKey));
    case "kind":
      return new Set(all.filter((d) => d.kind === sub.scopeValue).map((d) => d.deadlineKey));
    case "watchlist":
      return new Set(all.filter((d) => d.sector && sub.follows?.includes(d.sector)).map((d) => d.deadlineKey));
    default: {
      const keys = new Set<string>();
      for (let key: string | null = sub.scopeValue; key && !keys.has(key) && keys.size < 50; key = byKey.get(key)?.postponedToKey ?? null) keys.add(key);
      return keys;
    }
  }
}

export function detailOf(d: DeadlineNow, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: d.title, titleKo: d.titleKo, dueAt: d.dueAt.toISOString(), dueZone: d.dueZone, kind: d.kind, sector: d.sector, ...extra };
}

export async function insertNotifications(db: Db, rows: NotificationInsert[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const done = await db
      .insert(alertNotifications)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoNothing({ target: alertNotifications.dedupeKey })
      .returning({ id: alertNotifications.id });
    inserted += done.length;
  }
  return inserted;
}

export type PlanResult = { considered: number; inserted: number };

export type AddNotification = (
  sub: ActiveSubscription,
  kind: NotificationKind,
  status: NotificationStatus,
  dedupeKey: string,
  fields: Partial<NotificationInsert>,
) => void;

/**
 * Plans the subscriptions `ids` (those still active) at `now`: reminders (queued, skipped as superseded, or missed for
 * the digest), a postponed or met notice per followed deadline that changed while the subscription was in force, and
 * measure-change and KOSPI-move notices. Only deadlines whose reminders can have come since the subscription counts
 * are looked at (due from the lookback on, or from its start, up to its longest offset past the look-ahead).
 */
export async function planSubscriptions(db: Db, ids: number[], now: Date, context?: DeadlineContext): Promise<PlanResult> {
  const subs = await activeSubscriptions(db, ids);
  if (subs.length === 0) return { considered: 0, inserted: 0 };
  const { current, byKey, since } = context ?? (await deadlineContext(db, now));
  const rows: NotificationInsert[] = [];
  const add: AddNotification = (sub, kind, status, dedupeKey, fields) =>
    rows.push({ dedupeKey, subscriberId: sub.subscriberId, subscriptionId: sub.id, kind, status, createdAt: now, ...fields });

  const scoped = scopedDeadlines(current);
  for (const sub of subs) planDeadlineNotices(sub, scoped(sub), byKey, since, now, add);
  await planMeasureChanges(db, subs, now, add);
  await planMarketMoves(db, subs, now, add);

  const inserted = await insertNotifications(db, rows);
  return { considered: rows.length, inserted };
}

/** The deadlines in force at `now` and when each due time became known: loaded once for many subscriptions. */
export type DeadlineContext = { current: DeadlineNow[]; byKey: Map<string, DeadlineNow>; since: Map<string, Date> };

export async function deadlineContext(db: Db, now: Date): Promise<DeadlineContext> {
  const current = await deadlinesNow(db, now);
  const byKey = new Map(current.map((d) => [d.deadlineKey, d]));
  return { current, byKey, since: await dueKnownSince(db, [...byKey.keys()], now) };
}

/** The deadlines a sector or kind subscription may follow, looked up by value instead of filtering all of them per subscription. */
function scopedDeadlines(current: DeadlineNow[]): (sub: ActiveSubscription) => DeadlineNow[] {
  const by = (field: "sector" | "kind") => {
    const map = new Map<string, DeadlineNow[]>();
    for (const d of current) if (d[field]) map.set(d[field]!, [...(map.get(d[field]!) ?? []), d]);
    return map;
  };
  const bySector = by("sector");
  const byKind = by("kind");
  return (sub) => (sub.scope === "sector" ? (bySector.get(sub.scopeValue) ?? []) : sub.scope === "kind" ? (byKind.get(sub.scopeValue) ?? []) : current);
}

/** The instant after which a reminder at `offsets` before a deadline due then cannot come (a day's slack for DST). */
const latestReminderSpanMs = (offsets: readonly Offset[]) => Math.max(...offsets.map((o) => o.amount * OFFSET_UNIT_MS[o.unit])) + DAY_MS;
const OFFSET_UNIT_MS = { m: 60_000, h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS } as const;

/** One subscription's reminders for its followed deadlines, and a notice for each that was postponed or met. */
function planDeadlineNotices(
  sub: ActiveSubscription,
  current: DeadlineNow[],
  byKey: Map<string, DeadlineNow>,
  since: Map<string, Date>,
  now: Date,
  add: AddNotification,
): void {
  const offsets = parseOffsets(sub.offsets);
  // A reminder is armed from sub.since on and planned up to the look-ahead: deadlines further out have none yet.
  const lastDue = now.getTime() + REMINDER_GROUP_WINDOW_MINUTES * 60_000 + latestReminderSpanMs(offsets);
  for (const key of followedKeys(sub, current, byKey)) {
    const d = byKey.get(key);
    if (!d) continue;
    if (d.status === "upcoming") {
      if (d.dueAt.getTime() > lastDue || d.dueAt.getTime() < sub.since.getTime()) continue;
      remindersFor(sub, offsets, d, since.get(`${key}@${d.dueAt.toISOString()}`) ?? d.knownAt, now, add);
    } else {
      noticeFor(sub, d, d.postponedToKey ? byKey.get(d.postponedToKey) : undefined, add);
    }
  }
}

/** A subscription's reminders for one upcoming deadline whose due time has been known since `knownSince`. */
export function remindersFor(sub: ActiveSubscription, offsets: readonly Offset[], d: DeadlineNow, knownSince: Date, now: Date, add: AddNotification): void {
  const armedSince = new Date(Math.max(sub.since.getTime(), knownSince.getTime()));
  for (const r of planReminders({ offsets, due: d.dueAt, dueZone: d.dueZone, armedSince, now, lookaheadMinutes: REMINDER_GROUP_WINDOW_MINUTES })) {
    const fields = { deadlineKey: d.deadlineKey, offset: r.offset, dueAt: d.dueAt, remindAt: r.remindAt, late: r.late, reason: r.reason, detail: detailOf(d) };
    const dedupe = reminderKey(sub.id, d.deadlineKey, d.dueAt, r.offset);
    if (r.outcome === "queued") add(sub, "reminder", "queued", dedupe, fields);
    else if (r.outcome === "skipped") add(sub, "reminder", "skipped", dedupe, fields);
    else add(sub, "missed", "digest", dedupe, fields);
  }
}

/** The change itself is news once: "postponed to …" (its reminders re-arm on the new deadline) or "met". */
export function noticeFor(sub: ActiveSubscription, d: DeadlineNow, to: DeadlineNow | undefined, add: AddNotification): void {
  if ((d.status !== "postponed" && d.status !== "met") || d.knownAt.getTime() < sub.since.getTime()) return;
  const kind = d.status === "postponed" ? "postponed" : "met";
  add(sub, kind, "queued", `${kind}:${sub.id}:${d.deadlineKey}:${d.postponedToKey ?? ""}`, {
    deadlineKey: d.deadlineKey,
    dueAt: d.dueAt,
    remindAt: d.knownAt,
    detail: detailOf(d, {
      outcome: d.outcome,
      postponedTo: to ? { key: to.deadlineKey, title: to.title, dueAt: to.dueAt.toISOString(), dueZone: to.dueZone } : null,
    }),
  });
}

type Measure = typeof tariffMeasures.$inferSelect;

/** Whether a measure change concerns a subscription that asked for them (known since it counts, in its sector). */
export const wantsMeasure = (sub: ActiveSubscription, m: Pick<Measure, "knownAt" | "sector">) =>
  sub.notifyMeasures && (sub.scope === "all" || (sub.scope === "sector" && m.sector === sub.scopeValue)) && m.knownAt.getTime() >= sub.since.getTime();

export function measureNotice(sub: ActiveSubscription, m: Measure, add: AddNotification): void {
  add(sub, "measure_change", "queued", `measure:${sub.id}:${m.measureKey}:${m.knownAt.toISOString()}`, {
    remindAt: m.knownAt,
    detail: { title: m.title, titleKo: m.titleKo, sector: m.sector, ratePct: m.ratePct, status: m.status, measureKey: m.measureKey },
  });
}

/** Measure changes known in the last 2 days (and since the subscription counts), for subscribers who asked. */
async function planMeasureChanges(db: Db, subs: ActiveSubscription[], now: Date, add: AddNotification): Promise<void> {
  const measureSubs = subs.filter((s) => s.notifyMeasures && (s.scope === "all" || s.scope === "sector"));
  if (!measureSubs.length) return;
  const earliest = new Date(Math.max(now.getTime() - MEASURE_NEWS_MS, Math.min(...measureSubs.map((s) => s.since.getTime()))));
  const changed = await db
    .select()
    .from(tariffMeasures)
    .where(and(gt(tariffMeasures.knownAt, earliest), lte(tariffMeasures.knownAt, now)));
  for (const sub of measureSubs) for (const m of changed) if (wantsMeasure(sub, m)) measureNotice(sub, m, add);
}

/** A measure change older than this is history, not news. */
export const MEASURE_NEWS_MS = 2 * DAY_MS;
/** A KOSPI close published longer ago than this is history, not news. */
export const MOVE_NEWS_MS = 3 * DAY_MS;

export type MarketMove = Awaited<ReturnType<typeof recentMoves>>[number];

export const wantsMove = (sub: ActiveSubscription, move: MarketMove) =>
  sub.marketMovePct !== null && sub.marketMovePct > 0 && Math.abs(move.pct) >= sub.marketMovePct && move.knownAt.getTime() >= sub.since.getTime();

export function moveNotice(sub: ActiveSubscription, move: MarketMove, add: AddNotification): void {
  add(sub, "market_move", "queued", `market:${sub.id}:kospi:${move.date}`, {
    remindAt: move.knownAt,
    detail: {
      title: "KOSPI",
      titleKo: "코스피",
      date: move.date,
      close: move.close,
      pct: move.pct,
      summary: `KOSPI ${move.date}: ${move.close.toLocaleString("en-US")} (${move.pct >= 0 ? "+" : ""}${move.pct.toFixed(2)}% vs ${move.previousDate})`,
    },
  });
}

/** A daily KOSPI move beyond the subscriber's threshold, once per trading day, from the close's publication on. */
async function planMarketMoves(db: Db, subs: ActiveSubscription[], now: Date, add: AddNotification): Promise<void> {
  const marketSubs = subs.filter((s) => s.marketMovePct !== null && s.marketMovePct > 0);
  if (!marketSubs.length) return;
  const earliest = new Date(Math.max(now.getTime() - MOVE_NEWS_MS, Math.min(...marketSubs.map((s) => s.since.getTime()))));
  for (const move of await recentMoves(db, now, earliest)) for (const sub of marketSubs) if (wantsMove(sub, move)) moveNotice(sub, move, add);
}

/** A close appended this many days or more after its trading day (catch-up after downtime) is history, not news. */
const MOVE_STALE_DAYS = 5;

const seoulDate = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: KRX_CLOSE.zone }).format(at);

/**
 * KOSPI closes published in (since, now] with their change from the previous trading day's close (whenever that one
 * was published). A close for a trading day more than MOVE_STALE_DAYS before `now` is not a move to announce, even
 * if it was only appended now (the market job catching up after downtime).
 */
export async function recentMoves(db: Db, now: Date, since: Date) {
  const rows = await db
    .select({ date: observations.date, close: observations.close, knownAt: observations.knownAt })
    .from(observations)
    .innerJoin(series, eq(series.id, observations.seriesId))
    .where(
      and(
        eq(series.key, "kospi"),
        lte(observations.knownAt, now),
        gte(observations.date, seoulDate(new Date(since.getTime() - 30 * DAY_MS))),
      ),
    )
    .orderBy(asc(observations.date));
  const freshFrom = seoulDate(new Date(now.getTime() - MOVE_STALE_DAYS * DAY_MS));
  const moves = [];
  for (let i = 1; i < rows.length; i++) {
    const [prev, cur] = [rows[i - 1]!, rows[i]!];
    if (cur.knownAt.getTime() <= since.getTime() || prev.close <= 0 || cur.date < freshFrom) continue;
    moves.push({ date: cur.date, close: cur.close, knownAt: cur.knownAt, previousDate: prev.date, pct: ((cur.close - prev.close) / prev.close) * 100 });
  }
  return moves;
}
