// The planner's index of what falls due when (alert_triggers), kept current from the change queue (alert_changes,
// written by database triggers in every writer's transaction):
//
// - a deadline version → one reminder trigger per offset in use at the instant that offset falls before its due
//   time, and a notice trigger at the instant it became known when it says "postponed" or "met";
// - a subscription that is new, changed, resumed, confirmed or left → its offsets join the offsets in use (each new
//   one indexed for every deadline version) and it is planned on its own at once (plan-subscriptions.ts);
// - a tariff measure version → a measure trigger; a KOSPI close → a market trigger, each at its known instant.
//
// Each batch of changes is taken FOR UPDATE SKIP LOCKED and deleted in the transaction that indexes it, so any number
// of workers drain the queue together and a change is indexed once (a crash puts it back). Triggers are unique by
// `ref` and inserted ON CONFLICT DO NOTHING.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertChanges, alertOffsets, alertSubscriptions, alertTriggers, deadlines, observations, series, tariffMeasures } from "@/db/schema";
import { formatOffset, parseOffsets, reminderAt, type Offset } from "./reminder-rules";
import { deadlineContext, planSubscriptions, type DeadlineContext, type PlanResult } from "./plan-subscriptions";

type TriggerInsert = typeof alertTriggers.$inferInsert;
type DeadlineVersion = { id?: number; deadlineKey: string; dueAt: Date; dueZone: string; status: string; knownAt: Date };

const CHANGE_BATCH = 500;
const INSERT_CHUNK = 500;

export type ScheduleResult = { changes: number; triggers: number; plan: PlanResult };

export const reminderRef = (key: string, dueAt: Date, offset: string) => `reminder:${key}:${dueAt.toISOString()}:${offset}`;

/** Drains the change queue at `now`, batch after batch, until it is empty (or what is left is another worker's). */
export async function drainChanges(db: Db, now: Date): Promise<ScheduleResult> {
  const result: ScheduleResult = { changes: 0, triggers: 0, plan: { considered: 0, inserted: 0 } };
  let context: Promise<DeadlineContext> | undefined; // loaded once per pass, when a subscription needs it
  for (;;) {
    const taken = await db.transaction(async (tx) => {
      const txDb = tx as unknown as Db;
      const changes = await txDb.select().from(alertChanges).orderBy(asc(alertChanges.id)).limit(CHANGE_BATCH).for("update", { skipLocked: true });
      if (changes.length === 0) return 0;
      const ids = (kind: string) => [...new Set(changes.filter((c) => c.kind === kind && c.refId !== null).map((c) => c.refId!))];
      const subscriptionIds = ids("subscription");
      result.triggers += await indexOffsets(txDb, subscriptionIds);
      result.triggers += await indexDeadlineVersions(txDb, ids("deadline"));
      result.triggers += await indexMeasures(txDb, ids("measure"));
      result.triggers += await indexCloses(txDb, [...new Set(changes.filter((c) => c.kind === "observation" && c.refDate).map((c) => c.refDate!))]);
      if (subscriptionIds.length) {
        context ??= deadlineContext(txDb, now);
        const planned = await planSubscriptions(txDb, subscriptionIds, now, await context);
        result.plan.considered += planned.considered;
        result.plan.inserted += planned.inserted;
      }
      await txDb.delete(alertChanges).where(inArray(alertChanges.id, changes.map((c) => c.id)));
      return changes.length;
    });
    if (taken === 0) return result;
    result.changes += taken;
  }
}

async function insertTriggers(db: Db, rows: TriggerInsert[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const done = await db.insert(alertTriggers).values(rows.slice(i, i + INSERT_CHUNK)).onConflictDoNothing({ target: alertTriggers.ref }).returning({ id: alertTriggers.id });
    inserted += done.length;
  }
  return inserted;
}

/** The reminder triggers of deadline versions at the given offsets, and the notice trigger of a postponed/met one. */
export function triggersOf(versions: DeadlineVersion[], offsets: { text: string; offset: Offset }[]): TriggerInsert[] {
  const rows: TriggerInsert[] = [];
  const seen = new Set<string>();
  for (const v of versions) {
    const dueKey = `${v.deadlineKey}@${v.dueAt.getTime()}`;
    if (!seen.has(dueKey)) {
      seen.add(dueKey);
      for (const { text, offset } of offsets) {
        const at = reminderAt(v.dueAt, v.dueZone, offset);
        rows.push({ ref: reminderRef(v.deadlineKey, v.dueAt, text), kind: "reminder", deadlineKey: v.deadlineKey, dueAt: v.dueAt, offset: text, at });
      }
    }
    if (v.id !== undefined && (v.status === "postponed" || v.status === "met")) {
      rows.push({ ref: `notice:${v.id}`, kind: "notice", deadlineKey: v.deadlineKey, dueAt: v.dueAt, refId: v.id, at: v.knownAt });
    }
  }
  return rows;
}

async function offsetsInUse(db: Db): Promise<{ text: string; offset: Offset }[]> {
  const rows = await db.select().from(alertOffsets);
  return rows.map((r) => ({ text: r.offset, offset: parseOffsets(r.offset)[0]! }));
}

const versionColumns = {
  id: deadlines.id,
  deadlineKey: deadlines.deadlineKey,
  dueAt: deadlines.dueAt,
  dueZone: deadlines.dueZone,
  status: deadlines.status,
  knownAt: deadlines.knownAt,
};

async function indexDeadlineVersions(db: Db, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [versions, offsets] = await Promise.all([db.select(versionColumns).from(deadlines).where(inArray(deadlines.id, ids)), offsetsInUse(db)]);
  return insertTriggers(db, triggersOf(versions, offsets));
}

/** Offsets the changed subscriptions use that no trigger exists for yet: recorded, and indexed for every deadline. */
async function indexOffsets(db: Db, subscriptionIds: number[]): Promise<number> {
  if (subscriptionIds.length === 0) return 0;
  const subs = await db.select({ offsets: alertSubscriptions.offsets }).from(alertSubscriptions).where(inArray(alertSubscriptions.id, subscriptionIds));
  const texts = [...new Set(subs.flatMap((s) => parseOffsets(s.offsets).map(formatOffset)))];
  if (texts.length === 0) return 0;
  const added = await db.insert(alertOffsets).values(texts.map((offset) => ({ offset }))).onConflictDoNothing().returning();
  if (added.length === 0) return 0;
  const offsets = added.map((r) => ({ text: r.offset, offset: parseOffsets(r.offset)[0]! }));
  const dueTimes = await db
    .selectDistinct({ deadlineKey: deadlines.deadlineKey, dueAt: deadlines.dueAt, dueZone: deadlines.dueZone, status: deadlines.status, knownAt: deadlines.knownAt })
    .from(deadlines);
  return insertTriggers(db, triggersOf(dueTimes, offsets));
}

async function indexMeasures(db: Db, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db.select({ id: tariffMeasures.id, knownAt: tariffMeasures.knownAt }).from(tariffMeasures).where(inArray(tariffMeasures.id, ids));
  return insertTriggers(db, rows.map((m) => ({ ref: `measure:${m.id}:${m.knownAt.toISOString()}`, kind: "measure" as const, refId: m.id, at: m.knownAt })));
}

async function indexCloses(db: Db, dates: string[]): Promise<number> {
  if (dates.length === 0) return 0;
  const rows = await db
    .select({ date: observations.date, knownAt: observations.knownAt })
    .from(observations)
    .innerJoin(series, eq(series.id, observations.seriesId))
    .where(and(eq(series.key, "kospi"), inArray(observations.date, dates)));
  return insertTriggers(db, rows.map((o) => ({ ref: `market:${o.date}:${o.knownAt.toISOString()}`, kind: "market" as const, refDate: o.date, at: o.knownAt })));
}

/** Queues every deadline version, subscription, recent measure and recent close for indexing (a restored old backup). */
export async function queueAllForPlanner(db: Db): Promise<void> {
  await db.execute(sql`insert into alert_changes (kind, ref_id) select 'deadline', id from deadlines`);
  await db.execute(sql`insert into alert_changes (kind, ref_id) select 'subscription', id from alert_subscriptions`);
  // Older measures and closes are history, not news: what the notices would say is dropped by the planner anyway.
  await db.execute(sql`insert into alert_changes (kind, ref_id) select 'measure', id from tariff_measures`);
  await db.execute(sql`insert into alert_changes (kind, ref_date) select 'observation', o.date from observations o join series s on s.id = o.series_id where s.key = 'kospi'`);
}

/** Triggers waiting to fall due, for the admin page and the CLI. */
export async function pendingTriggers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(alertTriggers).where(sql`${alertTriggers.doneAt} is null`);
  return row?.n ?? 0;
}
