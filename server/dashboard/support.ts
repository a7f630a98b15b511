// Support budgets and other figures (trade balance, pledges, tax changes) as of an instant.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { budgets, figures } from "@/db/schema";
import type { FigureKind, Sector } from "@/server/core/constants";
import { conflictsFor, sourcesFor, type ConflictRef, type SourceRef } from "@/server/core/citations";
import { latestVersionAt } from "@/server/core/versions";
import { MAX_BUDGETS, MAX_FIGURES } from "./constants";

export type BudgetView = Omit<typeof budgets.$inferSelect, "id" | "recordedAt"> & { sources: SourceRef[] };

export type SupportSummary = {
  /** Committed = passed or executed. */
  committedKrw: number;
  proposedKrw: number;
  committedUsd: number;
  proposedUsd: number;
  totalKrw: number;
  totalUsd: number;
  /** How many budgets the totals add up (all of them; `items` holds at most the `limit` most recent). */
  count: number;
  items: BudgetView[];
};

const latestBudgets = (at: Date, sector?: Sector) =>
  and(latestVersionAt(budgets, budgets.budgetKey, budgets.knownAt, at), sector ? eq(budgets.sector, sector) : undefined);

/** The totals over every budget, added up in SQL (committed = passed or executed; USD where converted). */
async function budgetTotals(db: Db, at: Date, sector?: Sector) {
  const krw = sql`case when ${budgets.currency} = 'KRW' then ${budgets.amount} else 0 end`;
  const committed = sql`${budgets.status} <> 'proposed'`;
  const [row] = await db
    .select({
      committedKrw: sql<number>`coalesce(sum(${krw}) filter (where ${committed}), 0)::float8`,
      proposedKrw: sql<number>`coalesce(sum(${krw}) filter (where not ${committed}), 0)::float8`,
      committedUsd: sql<number>`coalesce(sum(${budgets.amountUsd}) filter (where ${committed}), 0)::float8`,
      proposedUsd: sql<number>`coalesce(sum(${budgets.amountUsd}) filter (where not ${committed}), 0)::float8`,
      count: sql<number>`count(*)::int`,
    })
    .from(budgets)
    .where(latestBudgets(at, sector));
  const n = (v: unknown) => Number(v ?? 0);
  return {
    committedKrw: n(row?.committedKrw),
    proposedKrw: n(row?.proposedKrw),
    committedUsd: n(row?.committedUsd),
    proposedUsd: n(row?.proposedUsd),
    count: n(row?.count),
  };
}

/** Support totals over every budget known at `at`, and the `limit` (≤ MAX_BUDGETS) most recently passed or proposed. */
export async function listBudgets(db: Db, at: Date, sector?: Sector, limit: number = MAX_BUDGETS): Promise<SupportSummary> {
  const [totals, rows] = await Promise.all([
    budgetTotals(db, at, sector),
    db
      .select()
      .from(budgets)
      .where(latestBudgets(at, sector))
      .orderBy(sql`coalesce(${budgets.passedOn}, ${budgets.proposedOn}) desc nulls last`, asc(budgets.budgetKey))
      .limit(Math.min(limit, MAX_BUDGETS)),
  ]);
  const sources = await sourcesFor(db, "budget", rows.map((r) => r.budgetKey), at);
  const items = rows.map(({ id: _id, recordedAt: _r, ...b }) => ({ ...b, sources: sources.get(b.budgetKey) ?? [] }));
  return {
    ...totals,
    totalKrw: totals.committedKrw + totals.proposedKrw,
    totalUsd: totals.committedUsd + totals.proposedUsd,
    items,
  };
}

export type FigureView = Omit<typeof figures.$inferSelect, "id" | "recordedAt"> & {
  sources: SourceRef[];
  conflicts: ConflictRef[];
};

/** The `limit` (≤ MAX_FIGURES) figures known at `at`, latest period first (then latest known). */
export async function listFigures(db: Db, at: Date, kind?: FigureKind, limit: number = MAX_FIGURES): Promise<FigureView[]> {
  const conds = [latestVersionAt(figures, figures.figureKey, figures.knownAt, at)];
  if (kind) conds.push(eq(figures.kind, kind));
  const rows = await db
    .select()
    .from(figures)
    .where(and(...conds))
    .orderBy(sql`${figures.period} desc nulls last`, desc(figures.knownAt), asc(figures.figureKey))
    .limit(Math.min(limit, MAX_FIGURES));
  const keys = rows.map((r) => r.figureKey);
  const [sources, conflicts] = await Promise.all([sourcesFor(db, "figure", keys, at), conflictsFor(db, "figure", keys, at)]);
  return rows.map(({ id: _id, recordedAt: _r, ...f }) => ({
    ...f,
    sources: sources.get(f.figureKey) ?? [],
    conflicts: conflicts.filter((c) => c.recordKey === f.figureKey),
  }));
}

/** The latest year's trade balance known at `at`. */
export async function latestTradeBalance(db: Db, at: Date): Promise<FigureView | null> {
  return (await listFigures(db, at, "trade_balance", 1))[0] ?? null;
}
