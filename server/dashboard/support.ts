// Support budgets and other figures (trade balance, pledges, tax changes) as of an instant.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { budgets, figures } from "@/db/schema";
import type { FigureKind, Sector } from "@/server/core/constants";
import { conflictsFor, sourcesFor, type ConflictRef, type SourceRef } from "@/server/core/citations";
import { latestVersionAt } from "@/server/core/versions";

export type BudgetView = Omit<typeof budgets.$inferSelect, "id" | "recordedAt"> & { sources: SourceRef[] };

export type SupportSummary = {
  /** Committed = passed or executed. */
  committedKrw: number;
  proposedKrw: number;
  committedUsd: number;
  proposedUsd: number;
  totalKrw: number;
  totalUsd: number;
  items: BudgetView[];
};

export async function listBudgets(db: Db, at: Date, sector?: Sector): Promise<SupportSummary> {
  const conds = [latestVersionAt(budgets, budgets.budgetKey, budgets.knownAt, at)];
  if (sector) conds.push(eq(budgets.sector, sector));
  const rows = await db.select().from(budgets).where(and(...conds));
  const sources = await sourcesFor(db, "budget", rows.map((r) => r.budgetKey), at);
  const items = rows
    .map(({ id: _id, recordedAt: _r, ...b }) => ({ ...b, sources: sources.get(b.budgetKey) ?? [] }))
    .sort((a, b) => (b.passedOn ?? b.proposedOn ?? "").localeCompare(a.passedOn ?? a.proposedOn ?? ""));
  const sum = (pred: (b: BudgetView) => boolean, pick: (b: BudgetView) => number) =>
    items.filter(pred).reduce((acc, b) => acc + pick(b), 0);
  const committed = (b: BudgetView) => b.status !== "proposed";
  const krw = (b: BudgetView) => (b.currency === "KRW" ? b.amount : 0);
  const usd = (b: BudgetView) => b.amountUsd ?? 0;
  return {
    committedKrw: sum(committed, krw),
    proposedKrw: sum((b) => !committed(b), krw),
    committedUsd: sum(committed, usd),
    proposedUsd: sum((b) => !committed(b), usd),
    totalKrw: sum(() => true, krw),
    totalUsd: sum(() => true, usd),
    items,
  };
}

export type FigureView = Omit<typeof figures.$inferSelect, "id" | "recordedAt"> & {
  sources: SourceRef[];
  conflicts: ConflictRef[];
};

export async function listFigures(db: Db, at: Date, kind?: FigureKind): Promise<FigureView[]> {
  const conds = [latestVersionAt(figures, figures.figureKey, figures.knownAt, at)];
  if (kind) conds.push(eq(figures.kind, kind));
  const rows = await db.select().from(figures).where(and(...conds));
  const keys = rows.map((r) => r.figureKey);
  const [sources, conflicts] = await Promise.all([sourcesFor(db, "figure", keys, at), conflictsFor(db, "figure", keys, at)]);
  return rows
    .map(({ id: _id, recordedAt: _r, ...f }) => ({
      ...f,
      sources: sources.get(f.figureKey) ?? [],
      conflicts: conflicts.filter((c) => c.recordKey === f.figureKey),
    }))
    .sort((a, b) => (b.period ?? "").localeCompare(a.period ?? "") || b.knownAt.getTime() - a.knownAt.getTime());
}

/** The latest year's trade balance known at `at`. */
export async function latestTradeBalance(db: Db, at: Date): Promise<FigureView | null> {
  return (await listFigures(db, at, "trade_balance"))[0] ?? null;
}
