// Appending daily closes: the days not stored yet are inserted (ON CONFLICT DO NOTHING — two runs at once append each
// day once), a stored day the source disagrees with is reported, never overwritten (a correction is an editor's job,
// on the observations page), and each appended day's move against the previous close that reaches the threshold is
// recorded as a market event. All of it in one transaction: every new close and its events, or nothing.
import { and, asc, desc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, observations, series } from "@/db/schema";
import { pctChange } from "./reaction-rules";
import { NotFoundError } from "@/server/core/errors";
import type { Tx } from "@/server/core/transactions";
import type { DailyBar } from "./provider";
import { moveEvent, type MoveEvent } from "./rules";

export type AppendedClose = { date: string; close: number; previousClose: number | null; pct: number | null };
export type Discrepancy = { date: string; stored: number; received: number };
export type AppendResult = { appended: AppendedClose[]; discrepancies: Discrepancy[]; events: string[] };

/** Closes that differ by less than this are the same (stored with 4 decimals, quoted with 2). */
const SAME_CLOSE = 0.005;
const CHUNK = 1000;

export async function appendCloses(
  db: Db,
  input: { seriesKey: string; bars: readonly DailyBar[]; now: Date; moveEventPct: number },
): Promise<AppendResult> {
  const { seriesKey, bars, now } = input;
  return db.transaction(async (tx) => {
    const [s] = await tx.select({ id: series.id }).from(series).where(eq(series.key, seriesKey));
    if (!s) throw new NotFoundError(`Series "${seriesKey}"`);
    const { fresh, discrepancies } = sortBars(bars, await storedCloses(tx, s.id, bars));
    const inserted = await insertCloses(tx, s.id, fresh, now);
    if (inserted.size === 0) return { appended: [], discrepancies, events: [] };
    const appended = await appendedMoves(tx, s.id, inserted);
    const moves = appended.flatMap((a) => moveEvent(seriesKey, a.date, a.close, a.pct, input.moveEventPct) ?? []);
    return { appended, discrepancies, events: await recordMoveEvents(tx, moves, now) };
  });
}

/** The stored closes of the bars' days. */
async function storedCloses(tx: Tx, seriesId: number, bars: readonly DailyBar[]): Promise<Map<string, number>> {
  const stored = new Map<string, number>();
  for (let i = 0; i < bars.length; i += CHUNK) {
    const dates = bars.slice(i, i + CHUNK).map((b) => b.date);
    const rows = await tx
      .select({ date: observations.date, close: observations.close })
      .from(observations)
      .where(and(eq(observations.seriesId, seriesId), inArray(observations.date, dates)));
    for (const r of rows) stored.set(r.date, r.close);
  }
  return stored;
}

/** Bars of days not stored yet, and stored days whose close the source quotes differently. */
function sortBars(bars: readonly DailyBar[], stored: Map<string, number>) {
  const discrepancies: Discrepancy[] = [];
  const fresh: DailyBar[] = [];
  for (const b of bars) {
    const have = stored.get(b.date);
    if (have === undefined) fresh.push(b);
    else if (Math.abs(have - b.close) >= SAME_CLOSE) discrepancies.push({ date: b.date, stored: have, received: b.close });
  }
  return { fresh, discrepancies };
}

/** Inserts the fresh bars; returns the days this call inserted (a concurrent run may have taken some). */
async function insertCloses(tx: Tx, seriesId: number, fresh: DailyBar[], now: Date): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const rows = await tx
      .insert(observations)
      .values(
        fresh.slice(i, i + CHUNK).map((b) => ({
          seriesId,
          date: b.date,
          open: b.open,
          high: b.high,
          low: b.low,
          close: b.close,
          volume: b.volume,
          knownAt: now,
        })),
      )
      .onConflictDoNothing({ target: [observations.seriesId, observations.date] })
      .returning({ date: observations.date });
    for (const r of rows) inserted.add(r.date);
  }
  return inserted;
}

/** Each appended day against the stored close of the trading day before it (appended or not). */
async function appendedMoves(tx: Tx, seriesId: number, inserted: Set<string>): Promise<AppendedClose[]> {
  const first = [...inserted].sort()[0]!;
  const [before] = await tx
    .select({ close: observations.close })
    .from(observations)
    .where(and(eq(observations.seriesId, seriesId), lt(observations.date, first)))
    .orderBy(desc(observations.date))
    .limit(1);
  const after = await tx
    .select({ date: observations.date, close: observations.close })
    .from(observations)
    .where(and(eq(observations.seriesId, seriesId), gte(observations.date, first)))
    .orderBy(asc(observations.date));
  const appended: AppendedClose[] = [];
  let previous: number | null = before?.close ?? null;
  for (const r of after) {
    if (inserted.has(r.date)) appended.push({ date: r.date, close: r.close, previousClose: previous, pct: pctChange(previous, r.close) });
    previous = r.close;
  }
  return appended;
}

/** Records the moves as market events; returns the keys of those not recorded before. */
async function recordMoveEvents(tx: Tx, moves: MoveEvent[], now: Date): Promise<string[]> {
  if (!moves.length) return [];
  const rows = await tx
    .insert(events)
    .values(
      moves.map((m) => ({
        eventKey: m.eventKey,
        title: m.title,
        titleKo: m.titleKo,
        category: "market" as const,
        occurredAt: m.occurredAt,
        occurredZone: m.occurredZone,
        precision: "day" as const,
        confidence: "high" as const,
        knownAt: now,
      })),
    )
    .onConflictDoNothing({ target: events.eventKey })
    .returning({ eventKey: events.eventKey });
  return rows.map((r) => r.eventKey);
}

/** The last stored day of a series (null when it has none). */
export async function lastObservation(db: Db, seriesKey: string) {
  const [row] = await db
    .select({ date: observations.date, close: observations.close, knownAt: observations.knownAt })
    .from(observations)
    .innerJoin(series, eq(series.id, observations.seriesId))
    .where(eq(series.key, seriesKey))
    .orderBy(desc(observations.date))
    .limit(1);
  return row ?? null;
}
