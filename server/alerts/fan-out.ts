// A tick's planning cost follows what falls due: it reads the triggers due by `now` (plus the grouping look-ahead for
// reminders) through the partial index on alert_triggers.at, and fans each out to the subscriptions it concerns, a
// bounded batch per transaction. The trigger rows are locked FOR UPDATE SKIP LOCKED and carry a cursor (the last
// subscription id done), so several workers share a large fan-out and one that dies leaves the rest to the others;
// notifications are unique by dedupe key, so nothing is planned twice whoever gets there first.
//
// What a subscription is planned against is decided exactly as when it is planned on its own (plan-subscriptions.ts):
// the deadline version in force at `now`, reminders armed since both the subscription and the due time were known,
// the latest one sent and earlier ones skipped, a passed deadline's reminders missed.
import { and, asc, eq, gt, inArray, isNull, lt, lte, min, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertSubscribers, alertSubscriptions, alertTriggers, deadlines, tariffMeasures, watchlists, watchlistSectors } from "@/db/schema";
import { REMINDER_GROUP_WINDOW_MINUTES } from "./constants";
import { parseOffsets, type Offset } from "./reminder-rules";
import { latestVersionAt } from "@/server/core/versions";
import {
  activeSubscription,
  deadlineColumns,
  insertNotifications,
  LOOKBACK_MS,
  MEASURE_NEWS_MS,
  measureNotice,
  MOVE_NEWS_MS,
  moveNotice,
  noticeFor,
  recentMoves,
  remindersFor,
  subscriptionColumns,
  toActive,
  wantsMeasure,
  wantsMove,
  type ActiveSubscription,
  type AddNotification,
  type DeadlineNow,
  type NotificationInsert,
} from "./plan-subscriptions";

type Trigger = typeof alertTriggers.$inferSelect;
export type FanOutResult = {
  /** Triggers fanned out completely, notifications worked out and newly inserted. */
  triggers: number;
  considered: number;
  inserted: number;
  /** Triggers retired unread: history by now (after downtime, a restore, a first start on old data). */
  stale: number;
};

/** Subscriptions read per batch (and per transaction). */
export const FAN_OUT_BATCH = 2000;
/** Bounds one pass: a backlog beyond this many batches is left to the next tick. */
const MAX_BATCHES = 10_000;


/** Fans out every trigger due at `now`, one batch of subscriptions per transaction. */
export async function fanOutDue(db: Db, now: Date, { batch = FAN_OUT_BATCH, maxBatches = MAX_BATCHES }: { batch?: number; maxBatches?: number } = {}): Promise<FanOutResult> {
  const result: FanOutResult = { triggers: 0, considered: 0, inserted: 0, stale: await retireStale(db, now) };
  for (let i = 0; i < maxBatches; i++) {
    const worked = await db.transaction((tx) => fanOutOneBatch(tx as unknown as Db, now, batch, result));
    if (!worked) break;
  }
  return result;
}

/**
 * Marks done, in one statement, the due triggers that can no longer concern anyone: a deadline passed longer ago than
 * the lookback, a measure change or a close older than the news window. Everything else is read one by one.
 */
async function retireStale(db: Db, now: Date): Promise<number> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const retired = await db
    .update(alertTriggers)
    .set({ doneAt: now })
    .where(
      and(
        isNull(alertTriggers.doneAt),
        lte(alertTriggers.at, now),
        or(
          and(inArray(alertTriggers.kind, ["reminder", "notice"]), lt(alertTriggers.dueAt, before(LOOKBACK_MS))),
          and(eq(alertTriggers.kind, "measure"), lte(alertTriggers.at, before(MEASURE_NEWS_MS))),
          and(eq(alertTriggers.kind, "market"), lte(alertTriggers.at, before(MOVE_NEWS_MS))),
        ),
      ),
    )
    .returning({ id: alertTriggers.id });
  return retired.length;
}

/** Locks the earliest due trigger (and, for a reminder, the others of its deadline and due time) and does one batch. */
async function fanOutOneBatch(db: Db, now: Date, batch: number, result: FanOutResult): Promise<boolean> {
  const horizon = new Date(now.getTime() + REMINDER_GROUP_WINDOW_MINUTES * 60_000);
  const due = and(isNull(alertTriggers.doneAt), lte(alertTriggers.at, horizon), or(eq(alertTriggers.kind, "reminder"), lte(alertTriggers.at, now)));
  const [first] = await db.select().from(alertTriggers).where(due).orderBy(asc(alertTriggers.at), asc(alertTriggers.id)).limit(1).for("update", { skipLocked: true });
  if (!first) return false;
  const group =
    first.kind === "reminder"
      ? await db
          .select()
          .from(alertTriggers)
          .where(and(due, eq(alertTriggers.deadlineKey, first.deadlineKey!), eq(alertTriggers.dueAt, first.dueAt!)))
          .for("update", { skipLocked: true })
      : [first];
  const triggers = group.some((t) => t.id === first.id) ? group : [first, ...group];
  const cursor = Math.min(...triggers.map((t) => t.cursor));
  const { rows, last, finished } = await fanOut(db, first, triggers, cursor, now, batch);
  result.considered += rows.length;
  result.inserted += await insertNotifications(db, rows);
  await db
    .update(alertTriggers)
    .set(finished ? { cursor: last, doneAt: now } : { cursor: last })
    .where(inArray(alertTriggers.id, triggers.map((t) => t.id)));
  if (finished) result.triggers += triggers.length;
  return true;
}

type Batch = { rows: NotificationInsert[]; last: number; finished: boolean };
const nothing = (cursor: number): Batch => ({ rows: [], last: cursor, finished: true });

async function fanOut(db: Db, first: Trigger, group: Trigger[], cursor: number, now: Date, batch: number): Promise<Batch> {
  switch (first.kind) {
    case "reminder":
      return fanOutReminders(db, first, group, cursor, now, batch);
    case "notice":
      return fanOutNotice(db, first, cursor, now, batch);
    case "measure":
      return fanOutMeasure(db, first, cursor, now, batch);
    default:
      return fanOutMove(db, first, cursor, now, batch);
  }
}

/** The version of `key` in force at `now`. */
async function deadlineNow(db: Db, key: string, now: Date): Promise<DeadlineNow | undefined> {
  const [d] = await db.select(deadlineColumns).from(deadlines).where(and(eq(deadlines.deadlineKey, key), latestVersionAt(deadlines, deadlines.deadlineKey, deadlines.knownAt, now)));
  return d;
}

/** `key` and the deadlines postponed to it, transitively (as in force at `now`): a one-deadline subscription follows its postponements. */
async function chainInto(db: Db, key: string, now: Date): Promise<string[]> {
  const chain = [key];
  for (let i = 0; i < chain.length && chain.length < 50; i++) {
    const from = await db
      .select({ key: deadlines.deadlineKey })
      .from(deadlines)
      .where(and(eq(deadlines.postponedToKey, chain[i]!), latestVersionAt(deadlines, deadlines.deadlineKey, deadlines.knownAt, now)));
    for (const f of from) if (!chain.includes(f.key)) chain.push(f.key);
  }
  return chain;
}

/**
 * The next batch of active subscriptions (id above the cursor) matching `where` that were in force by `existedBy`:
 * one that started later cannot be armed for what fell due before it (it was planned on its own when it started),
 * so a backlog is not fanned out again to everyone who subscribed since.
 */
async function subscriptionsAfter(db: Db, where: SQL | undefined, existedBy: Date, cursor: number, batch: number): Promise<ActiveSubscription[]> {
  const rows = await db
    .select(subscriptionColumns)
    .from(alertSubscriptions)
    .innerJoin(alertSubscribers, eq(alertSubscribers.id, alertSubscriptions.subscriberId))
    .where(and(activeSubscription, gt(alertSubscriptions.id, cursor), lte(alertSubscriptions.createdAt, existedBy), lte(alertSubscribers.confirmedAt, existedBy), where))
    .orderBy(asc(alertSubscriptions.id))
    .limit(batch);
  return rows.map(toActive);
}

/** Subscriptions following deadline `d`: everything, its sector, its kind, it (or one postponed into it) by key, or a watchlist under its sector. */
async function followersOf(db: Db, d: DeadlineNow, now: Date): Promise<SQL> {
  const scope = alertSubscriptions.scope;
  const value = alertSubscriptions.scopeValue;
  return or(
    eq(scope, "all"),
    d.sector ? and(eq(scope, "sector"), eq(value, d.sector)) : undefined,
    and(eq(scope, "kind"), eq(value, d.kind)),
    and(eq(scope, "deadline"), inArray(value, await chainInto(db, d.deadlineKey, now))),
    // A watchlist whose lines are under the deadline's sector.
    d.sector
      ? and(
          eq(scope, "watchlist"),
          inArray(value, db.select({ key: watchlists.key }).from(watchlists).innerJoin(watchlistSectors, eq(watchlistSectors.watchlistId, watchlists.id)).where(eq(watchlistSectors.sector, d.sector))),
        )
      : undefined,
  )!;
}

function collector(now: Date): { rows: NotificationInsert[]; add: AddNotification } {
  const rows: NotificationInsert[] = [];
  return { rows, add: (sub, kind, status, dedupeKey, fields) => rows.push({ dedupeKey, subscriberId: sub.subscriberId, subscriptionId: sub.id, kind, status, createdAt: now, ...fields }) };
}

const lastOf = (subs: ActiveSubscription[], cursor: number) => subs.at(-1)?.id ?? cursor;

async function fanOutReminders(db: Db, first: Trigger, group: Trigger[], cursor: number, now: Date, batch: number): Promise<Batch> {
  const d = await deadlineNow(db, first.deadlineKey!, now);
  // Superseded (postponed, met, moved by a correction) or long past: nothing to send for this due time any more.
  if (!d || d.status !== "upcoming" || d.dueAt.getTime() !== first.dueAt!.getTime() || d.dueAt.getTime() < now.getTime() - LOOKBACK_MS) return nothing(cursor);
  const [known] = await db
    .select({ since: min(deadlines.knownAt) })
    .from(deadlines)
    .where(and(eq(deadlines.deadlineKey, d.deadlineKey), eq(deadlines.dueAt, d.dueAt), lte(deadlines.knownAt, now)));
  const knownSince = known?.since ?? d.knownAt;
  // Only subscriptions with one of the offsets falling due now can get anything new.
  const offsets = [...new Set(group.map((t) => t.offset!))];
  const withOffset = or(...offsets.map((o) => sql`(',' || ${alertSubscriptions.offsets} || ',') like ${`%,${o},%`}`));
  const latest = new Date(Math.max(...group.map((t) => t.at.getTime())));
  const subs = await subscriptionsAfter(db, and(await followersOf(db, d, now), withOffset), latest, cursor, batch);
  const { rows, add } = collector(now);
  const parsed = new Map<string, Offset[]>();
  for (const sub of subs) {
    let mine = parsed.get(sub.offsets);
    if (!mine) parsed.set(sub.offsets, (mine = parseOffsets(sub.offsets)));
    remindersFor(sub, mine, d, knownSince, now, add);
  }
  return { rows, last: lastOf(subs, cursor), finished: subs.length < batch };
}

async function fanOutNotice(db: Db, trigger: Trigger, cursor: number, now: Date, batch: number): Promise<Batch> {
  const d = await deadlineNow(db, trigger.deadlineKey!, now);
  if (!d || (d.status !== "postponed" && d.status !== "met") || d.dueAt.getTime() < now.getTime() - LOOKBACK_MS) return nothing(cursor);
  const to = d.postponedToKey ? await deadlineNow(db, d.postponedToKey, now) : undefined;
  const subs = await subscriptionsAfter(db, await followersOf(db, d, now), d.knownAt, cursor, batch);
  const { rows, add } = collector(now);
  for (const sub of subs) noticeFor(sub, d, to, add);
  return { rows, last: lastOf(subs, cursor), finished: subs.length < batch };
}

async function fanOutMeasure(db: Db, trigger: Trigger, cursor: number, now: Date, batch: number): Promise<Batch> {
  const [m] = await db.select().from(tariffMeasures).where(eq(tariffMeasures.id, trigger.refId!));
  if (!m || m.knownAt.getTime() > now.getTime() || m.knownAt.getTime() <= now.getTime() - MEASURE_NEWS_MS) return nothing(cursor);
  const scope = alertSubscriptions.scope;
  const concerned = and(eq(alertSubscriptions.notifyMeasures, true), or(eq(scope, "all"), and(eq(scope, "sector"), eq(alertSubscriptions.scopeValue, m.sector))));
  const subs = await subscriptionsAfter(db, concerned, m.knownAt, cursor, batch);
  const { rows, add } = collector(now);
  for (const sub of subs) if (wantsMeasure(sub, m)) measureNotice(sub, m, add);
  return { rows, last: lastOf(subs, cursor), finished: subs.length < batch };
}

async function fanOutMove(db: Db, trigger: Trigger, cursor: number, now: Date, batch: number): Promise<Batch> {
  const move = (await recentMoves(db, now, new Date(now.getTime() - MOVE_NEWS_MS))).find((m) => m.date === trigger.refDate);
  if (!move) return nothing(cursor);
  const concerned = and(sql`${alertSubscriptions.marketMovePct} > 0`, lte(alertSubscriptions.marketMovePct, Math.abs(move.pct)));
  const subs = await subscriptionsAfter(db, concerned, move.knownAt, cursor, batch);
  const { rows, add } = collector(now);
  for (const sub of subs) if (wantsMove(sub, move)) moveNotice(sub, move, add);
  return { rows, last: lastOf(subs, cursor), finished: subs.length < batch };
}
