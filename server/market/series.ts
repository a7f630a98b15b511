// Market series as of an instant: full rows for export, the last close, event reactions (charts: ./chart.ts).
import { and, asc, desc, eq, gte, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, observations, series } from "@/db/schema";
import { DEFAULT_REACTION_EVENTS, MAX_EXPORT_ROWS, MAX_REACTION_EVENTS } from "./constants";
import { eventReaction, pctChange, type Ohlc, type Reaction } from "./reaction-rules";
import { BadInputError, NotFoundError } from "@/server/core/errors";


async function findSeries(db: Db, key: string) {
  const [s] = await db.select().from(series).where(eq(series.key, key));
  if (!s) throw new NotFoundError(`Series "${key}"`);
  return s;
}

const ohlcColumns = {
  date: observations.date,
  open: observations.open,
  high: observations.high,
  low: observations.low,
  close: observations.close,
  volume: observations.volume,
};


/** Full-resolution rows known at `at`, optionally within [from, to] (dates inclusive). */
export async function seriesRows(
  db: Db,
  key: string,
  at: Date,
  range: { from?: string; to?: string } = {},
  series?: { id: number },
): Promise<Ohlc[]> {
  const s = series ?? (await findSeries(db, key));
  const conds = [eq(observations.seriesId, s.id), lte(observations.knownAt, at)];
  if (range.from) conds.push(gte(observations.date, range.from));
  if (range.to) conds.push(lte(observations.date, range.to));
  const rows = await db
    .select(ohlcColumns)
    .from(observations)
    .where(and(...conds))
    .orderBy(asc(observations.date))
    .limit(MAX_EXPORT_ROWS + 1);
  if (rows.length > MAX_EXPORT_ROWS) {
    throw new BadInputError("from", `More than ${MAX_EXPORT_ROWS} rows: narrow the range with from and to`);
  }
  return rows;
}

export type LastClose = { index: string; date: string; close: number; previousClose: number | null; changePct: number | null };

export async function lastClose(db: Db, key: string, at: Date): Promise<LastClose | null> {
  const s = await findSeries(db, key);
  const rows = await db
    .select({ date: observations.date, close: observations.close })
    .from(observations)
    .where(and(eq(observations.seriesId, s.id), lte(observations.knownAt, at)))
    .orderBy(desc(observations.date))
    .limit(2);
  const [last, prev] = rows;
  if (!last) return null;
  return {
    index: s.name,
    date: last.date,
    close: last.close,
    previousClose: prev?.close ?? null,
    changePct: pctChange(prev?.close, last.close),
  };
}

export type EventWithReaction = {
  eventKey: string;
  title: string;
  titleKo: string | null;
  category: string;
  sector: string | null;
  occurredAt: Date;
  occurredZone: string;
  publicAt: Date | null;
  precision: "minute" | "day";
  confidence: string;
  reaction: Reaction | null;
};

/**
 * Events known at `at` (most recent `limit`) with the reaction of the series around each, computed only from
 * closes known at `at` — a window that had not closed yet is null.
 */
export async function eventReactions(
  db: Db,
  key: string,
  at: Date,
  opts: { limit?: number } = {},
): Promise<EventWithReaction[]> {
  const s = await findSeries(db, key);
  const evs = await db
    .select()
    .from(events)
    .where(and(lte(events.knownAt, at), lte(events.occurredAt, at)))
    .orderBy(desc(events.occurredAt))
    .limit(Math.min(opts.limit ?? DEFAULT_REACTION_EVENTS, MAX_REACTION_EVENTS));
  if (evs.length === 0) return [];
  const firstEventDate = evs.at(-1)!.occurredAt.toISOString().slice(0, 10);
  // Closes from a little before the earliest event (day −1 needs one prior close).
  const closes = await db
    .select({ date: observations.date, close: observations.close })
    .from(observations)
    .where(
      and(
        eq(observations.seriesId, s.id),
        lte(observations.knownAt, at),
        gte(observations.date, new Date(Date.parse(firstEventDate) - 20 * 86_400_000).toISOString().slice(0, 10)),
      ),
    )
    .orderBy(asc(observations.date));
  return evs
    .map((e) => ({
      eventKey: e.eventKey,
      title: e.title,
      titleKo: e.titleKo,
      category: e.category,
      sector: e.sector,
      occurredAt: e.occurredAt,
      occurredZone: e.occurredZone,
      publicAt: e.publicAt,
      precision: e.precision,
      confidence: e.confidence,
      // The market can only react once the news is out: a retroactive change counts from its publication.
      reaction: eventReaction(closes, e.publicAt ?? e.occurredAt),
    }))
    .reverse();
}
