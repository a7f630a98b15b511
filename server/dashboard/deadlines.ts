// Deadlines as of an instant: upcoming with countdowns, past with what happened, postponement chains.
import { and, asc, desc, eq, gt, gte, inArray, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deadlines } from "@/db/schema";
import type { DeadlineStatus, Sector } from "@/server/core/constants";
import { DEFAULT_CHAINS, DEFAULT_DEADLINES, MAX_CHAIN_LINKS, MAX_CHAINS, MAX_DEADLINES } from "./constants";
import { countdown, latestChains, postponementChains, statusAt, type Countdown } from "./deadline-rules";
import { sourcesFor, type SourceRef } from "@/server/core/citations";
import { latestVersionAt, latestVersionWalkAt } from "@/server/core/versions";

const columns = {
  deadlineKey: deadlines.deadlineKey,
  title: deadlines.title,
  titleKo: deadlines.titleKo,
  description: deadlines.description,
  kind: deadlines.kind,
  dueAt: deadlines.dueAt,
  dueZone: deadlines.dueZone,
  precision: deadlines.precision,
  status: deadlines.status,
  postponedToKey: deadlines.postponedToKey,
  outcome: deadlines.outcome,
  outcomeKo: deadlines.outcomeKo,
  measureKey: deadlines.measureKey,
  sector: deadlines.sector,
  knownAt: deadlines.knownAt,
};

export type DeadlineRow = { [K in keyof typeof columns]: (typeof deadlines.$inferSelect)[K] };
export type DeadlineView = Omit<DeadlineRow, "status"> & {
  /** Status as of the instant asked (an upcoming deadline whose time has gone by reads "passed"). */
  status: DeadlineStatus;
  countdown: Countdown;
  sources: SourceRef[];
};

const latest = (at: Date) => latestVersionAt(deadlines, deadlines.deadlineKey, deadlines.knownAt, at);
/** The same, for the next / latest few along the due_at index (core/versions.ts). */
const latestWalk = (at: Date) => latestVersionWalkAt(deadlines, deadlines.deadlineKey, deadlines.knownAt, at);


async function withSources(db: Db, rows: DeadlineRow[], at: Date): Promise<DeadlineView[]> {
  const sources = await sourcesFor(db, "deadline", rows.map((r) => r.deadlineKey), at);
  return rows.map((r) => ({
    ...r,
    status: statusAt(r, at),
    countdown: countdown(r.dueAt, at),
    sources: sources.get(r.deadlineKey) ?? [],
  }));
}

/** The next `limit` deadlines still ahead at `at`. */
export async function upcomingDeadlinesAsOf(db: Db, at: Date, limit: number, sector?: Sector): Promise<DeadlineView[]> {
  const conds = [latestWalk(at), eq(deadlines.status, "upcoming"), gt(deadlines.dueAt, at)];
  if (sector) conds.push(eq(deadlines.sector, sector));
  const rows = await db
    .select(columns)
    .from(deadlines)
    .where(and(...conds))
    .orderBy(asc(deadlines.dueAt))
    .limit(limit);
  return withSources(db, rows, at);
}

/** The next `limit` deadlines ahead at `at` about any of the given measures or sectors (a product's: products/catalog.ts). */
export async function upcomingDeadlinesAbout(
  db: Db,
  at: Date,
  limit: number,
  about: { measureKeys: string[]; sectors: Sector[] },
): Promise<DeadlineView[]> {
  if (!about.measureKeys.length && !about.sectors.length) return [];
  const which = or(
    about.measureKeys.length ? inArray(deadlines.measureKey, about.measureKeys) : undefined,
    about.sectors.length ? inArray(deadlines.sector, about.sectors) : undefined,
  );
  const rows = await db
    .select(columns)
    .from(deadlines)
    .where(and(latestWalk(at), eq(deadlines.status, "upcoming"), gt(deadlines.dueAt, at), which))
    .orderBy(asc(deadlines.dueAt))
    .limit(limit);
  return withSources(db, rows, at);
}

/** The most recent `limit` deadlines whose instant has gone by at `at`, or that were settled early. */
export async function pastDeadlinesAsOf(db: Db, at: Date, limit: number, sector?: Sector): Promise<DeadlineView[]> {
  const conds = [latestWalk(at), or(lte(deadlines.dueAt, at), inArray(deadlines.status, ["met", "postponed", "cancelled"]))];
  if (sector) conds.push(eq(deadlines.sector, sector));
  const rows = await db
    .select(columns)
    .from(deadlines)
    .where(and(...conds))
    .orderBy(desc(deadlines.dueAt))
    .limit(limit);
  return withSources(db, rows, at);
}

/**
 * The `maxChains` postponement chains known at `at` that end latest, each from first deadline to last, built from the
 * MAX_CHAIN_LINKS most recent postponements (chains stay bounded whatever the history).
 */
export async function postponementChainsAsOf(
  db: Db,
  at: Date,
  sector?: Sector,
  maxChains: number = DEFAULT_CHAINS,
): Promise<DeadlineView[][]> {
  if (maxChains <= 0) return [];
  const conds = [latestWalk(at), eq(deadlines.status, "postponed")];
  if (sector) conds.push(eq(deadlines.sector, sector));
  const linked = await db
    .select(columns)
    .from(deadlines)
    .where(and(...conds))
    .orderBy(desc(deadlines.dueAt))
    .limit(MAX_CHAIN_LINKS);
  if (linked.length === 0) return [];
  const targetKeys = linked.map((d) => d.postponedToKey).filter((k): k is string => !!k);
  const targets = await db
    .select(columns)
    .from(deadlines)
    .where(and(latest(at), inArray(deadlines.deadlineKey, targetKeys)));
  const all = new Map([...linked, ...targets].map((d) => [d.deadlineKey, d]));
  const chains = latestChains(postponementChains([...all.values()]), Math.min(maxChains, MAX_CHAINS));
  // Sources only for the deadlines shown.
  const views = new Map((await withSources(db, chains.flat(), at)).map((v) => [v.deadlineKey, v]));
  return chains.map((chain) => chain.map((d) => views.get(d.deadlineKey)!));
}

export type DeadlineList = { upcoming: DeadlineView[]; past: DeadlineView[]; chains: DeadlineView[][] };

/** Bounded by design: at most `limit` (≤ MAX_DEADLINES) upcoming and past each, at most `chains` (≤ MAX_CHAINS) chains. */
export async function listDeadlines(
  db: Db,
  at: Date,
  opts: { limit?: number; sector?: Sector; chains?: number } = {},
): Promise<DeadlineList> {
  const limit = Math.min(opts.limit ?? DEFAULT_DEADLINES, MAX_DEADLINES);
  const [upcoming, past, chains] = await Promise.all([
    upcomingDeadlinesAsOf(db, at, limit, opts.sector),
    pastDeadlinesAsOf(db, at, limit, opts.sector),
    postponementChainsAsOf(db, at, opts.sector, opts.chains ?? DEFAULT_CHAINS),
  ]);
  return { upcoming, past, chains };
}

/** The latest version known at `at` of the deadlines due within [from, to], the first `limit` by due time (the CSV). */
export async function allDeadlinesAsOf(db: Db, at: Date, opts: { from?: Date; to?: Date; limit: number }): Promise<DeadlineView[]> {
  const conds = [latest(at)];
  if (opts.from) conds.push(gte(deadlines.dueAt, opts.from));
  if (opts.to) conds.push(lte(deadlines.dueAt, opts.to));
  const rows = await db.select(columns).from(deadlines).where(and(...conds)).orderBy(asc(deadlines.dueAt), asc(deadlines.deadlineKey)).limit(opts.limit);
  return withSources(db, rows, at);
}
