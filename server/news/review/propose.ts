// Extracted facts become proposals waiting for an editor. Called inside the transaction that stores the article.
// A fact that contradicts what is tracked as of `now` arrives flagged (server/news/review/conflict-rules.ts decides).
import { and, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { budgets, deadlines, factProposals, figures, observations, series } from "@/db/schema";
import type { Fact } from "@/server/news/extract/types";
import { detectConflict, KOSPI_SERIES, type Tracked } from "./conflict-rules";
import { measuresAsOf } from "@/server/dashboard/tariffs";
import { latestVersionAt } from "@/server/core/versions";

/** The tracked records the facts could contradict, as known at `now` (only the kinds the facts need). */
export async function loadTracked(db: Db, facts: readonly Fact[], now: Date): Promise<Tracked> {
  const kinds = new Set(facts.map((f) => f.kind));
  const needFigures = kinds.has("trade_balance") || kinds.has("tax_change") || kinds.has("investment_pledge");
  const kospiDates = [
    ...new Set(facts.flatMap((f) => (f.kind === "market_move" && f.date && f.level !== null ? [f.date] : []))),
  ];
  // One after another: inside a transaction there is one connection (node-postgres refuses overlapping queries).
  const measures = kinds.has("tariff_rate") ? await measuresAsOf(db, now) : [];
  const budgetRows = kinds.has("budget")
    ? await db.select().from(budgets).where(latestVersionAt(budgets, budgets.budgetKey, budgets.knownAt, now))
    : [];
  const figureRows = needFigures
    ? await db.select().from(figures).where(latestVersionAt(figures, figures.figureKey, figures.knownAt, now))
    : [];
  const deadlineRows = kinds.has("deadline")
    ? await db.select().from(deadlines).where(latestVersionAt(deadlines, deadlines.deadlineKey, deadlines.knownAt, now))
    : [];
  const kospi = kospiDates.length
    ? await db
        .select({ date: observations.date, close: observations.close })
        .from(observations)
        .innerJoin(series, eq(series.id, observations.seriesId))
        .where(and(eq(series.key, KOSPI_SERIES), inArray(observations.date, kospiDates), lte(observations.knownAt, now)))
    : [];
  return {
    measures,
    budgets: budgetRows,
    figures: figureRows,
    // Met, postponed or cancelled deadlines are history (a new date in an article is a new event): an article's
    // date is compared with the ones still open.
    deadlines: deadlineRows.filter((d) => d.status === "upcoming" || d.status === "passed"),
    kospi,
  };
}

/** Stores one proposal per fact (ordinal = position), flagging the ones that contradict a tracked figure. */
export async function storeProposals(tx: Db, articleId: number, facts: Fact[], now: Date): Promise<number> {
  if (facts.length === 0) return 0;
  const tracked = await loadTracked(tx, facts, now);
  const rows = facts.map((fact, ordinal) => ({
    articleId,
    ordinal,
    kind: fact.kind,
    extracted: fact as unknown as Record<string, unknown>,
    fact: fact as unknown as Record<string, unknown>,
    evidenceStart: fact.evidence.start,
    evidenceEnd: fact.evidence.end,
    confidence: Math.round(fact.confidence * 1000) / 1000,
    conflict: detectConflict(fact, tracked, now) as Record<string, unknown> | null,
    createdAt: now,
  }));
  await tx.insert(factProposals).values(rows).onConflictDoNothing();
  return rows.length;
}
