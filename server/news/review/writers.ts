// Accepting a proposal writes the tracked record its fact is about, through the edit services (validated,
// versioned, audited, cited): one writer per fact kind, each updating the record the fact matches (or the one the
// editor chose) or creating a new one under a free key.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, observations, series } from "@/db/schema";
import { type SignedInActor } from "@/server/core/actor";
import type { RecordType } from "@/server/core/constants";
import { BadInputError, NotFoundError, ServiceError } from "@/server/core/errors";
import { KEY_RE } from "@/server/core/schemas";
import { localDate } from "@/server/core/time";
import { lockKey, type Tx } from "@/server/core/transactions";
import { upsertObservations } from "@/server/market/observations";
import type { Fact, FactKind } from "@/server/news/extract/types";
import { createBudget, updateBudget } from "@/server/records/budgets";
import { createDeadline, updateDeadline } from "@/server/records/deadlines";
import { createFigure, updateFigure } from "@/server/records/figures";
import { createMeasure, updateMeasure } from "@/server/records/measures";
import { createBudgetInput, updateBudgetInput } from "@/server/records/schemas/budget";
import { createDeadlineInput, updateDeadlineInput } from "@/server/records/schemas/deadline";
import { createFigureInput, updateFigureInput } from "@/server/records/schemas/figure";
import { createMeasureInput, updateMeasureInput } from "@/server/records/schemas/measure";
import {
  budgetStatusFor,
  deadlineKindFor,
  FACT_SECTOR_TO_SECTOR,
  FACT_STATUS_TO_MEASURE_STATUS,
  keyPart,
  KOSPI_SERIES,
  matchBudget,
  matchDeadline,
  matchFigure,
  matchMeasure,
  measureTitle,
  type ProposalConflict,
  type Tracked,
} from "./conflict-rules";
import { parsed } from "./pending";
import { loadTracked } from "./propose";
import type { AcceptProposalInput } from "./schemas";

export type Article = typeof articles.$inferSelect;
/** The record a proposal was written to; `cite` is false when nothing cites the article for it (a kept conflict). */
export type Written = { recordType: RecordType; recordKey: string; cite: boolean };

type FactOf<K extends FactKind> = Extract<Fact, { kind: K }>;
/** What a writer works from. */
type Write<F extends Fact> = {
  tx: Tx;
  db: Db;
  ctx: SignedInActor;
  fact: F;
  article: Article;
  input: AcceptProposalInput;
  /** The article's source row, cited by the record written. */
  sourceId: number;
  /** The tracked value the fact contradicts, when the editor chose to use the article's. */
  conflict: ProposalConflict | null;
  /** The record the editor picked (null: match one, or a new one when input.target is "new"). */
  target: string | null;
  /** The tracked records to match with (null when the editor asked for a new record). */
  tracked: Tracked | null;
  note: string;
};

const NEWS_ZONE = "America/New_York";
const ucfirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `base` if no record of the table has it yet, else `base-2`, `base-3`, … (serialised by the key lock). */
async function freeKey(tx: Tx, recordType: RecordType, base: string): Promise<string> {
  const clean = keyPart(base, 70) || recordType;
  const start = KEY_RE.test(clean) ? clean : `${recordType}-${clean}`.slice(0, 70);
  for (let n = 1; ; n++) {
    const key = n === 1 ? start : `${start}-${n}`;
    await lockKey(tx, recordType, key);
    if (!(await recordExists(tx, recordType, key))) return key;
  }
}

async function recordExists(tx: Tx, recordType: RecordType, key: string): Promise<boolean> {
  const table = { measure: "tariff_measures", deadline: "deadlines", budget: "budgets", figure: "figures" }[recordType as string];
  const column = { measure: "measure_key", deadline: "deadline_key", budget: "budget_key", figure: "figure_key" }[recordType as string];
  if (!table || !column) return false;
  const result = await tx.execute(sql`select 1 from ${sql.identifier(table)} where ${sql.identifier(column)} = ${key} limit 1`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}

async function writeTariff(w: Write<FactOf<"tariff_rate">>): Promise<Written> {
  const { fact, article, ctx, conflict } = w;
  const sector = FACT_SECTOR_TO_SECTOR[fact.sector];
  if (!sector) throw new BadInputError("sector", 'The sector "other" is not tracked: edit the proposal to name a tracked sector, or reject it');
  const status = FACT_STATUS_TO_MEASURE_STATUS[fact.status];
  const effective = fact.effective ? { local: `${fact.effective}T00:01`, zone: NEWS_ZONE } : undefined;
  const measures = w.tracked?.measures ?? [];
  const current = w.target
    ? measures.find((m) => m.measureKey === w.target)
    : w.input.target === "new"
      ? null
      : conflict
        ? measures.find((m) => m.measureKey === conflict.recordKey)
        : matchMeasure(fact, measures, ctx.now);
  if (current === undefined) throw new NotFoundError(`Tariff measure "${w.input.target ?? conflict?.recordKey}"`);
  if (current) {
    // Only what the article changes: the rate, the effective day, and a status that moves the measure on (an
    // article calling an in-force measure "announced" does not turn it back).
    const patch = {
      ...(current.ratePct !== fact.ratePct && { ratePct: fact.ratePct }),
      ...(effective && (!current.effectiveAt || localDate(current.effectiveAt, current.effectiveZone ?? NEWS_ZONE) !== fact.effective) && { effective }),
      ...(current.status !== status && ["in_effect", "paused"].includes(status) && { status }),
    };
    await updateMeasure(w.db, ctx, parsed(updateMeasureInput, { key: current.measureKey, ...patch, sources: [w.sourceId], note: w.note }));
    return { recordType: "measure", recordKey: current.measureKey, cite: true };
  }
  const newKey = await freeKey(w.tx, "measure", `${sector.replace(/_/g, "-")}-${fact.country.toLowerCase()}-${fact.ratePct}-${fact.effective ?? article.publishedOn ?? localDate(ctx.now, NEWS_ZONE)}`);
  const created = {
    key: newKey,
    title: measureTitle(sector, fact.country, fact.ratePct),
    targetCountry: fact.country,
    sector,
    ratePct: fact.ratePct,
    instrument: `Reported in the news (${fact.status.replace("_", " ")})`,
    status,
    announcedOn: article.publishedOn,
    effective: effective ?? null,
    confidence: "medium",
    sources: [w.sourceId],
    note: w.note,
  };
  await createMeasure(w.db, ctx, parsed(createMeasureInput, created));
  return { recordType: "measure", recordKey: newKey, cite: true };
}

async function writeDeadline(w: Write<FactOf<"deadline">>): Promise<Written> {
  const { fact, ctx, note } = w;
  const key = w.target ?? (w.tracked && matchDeadline(fact, w.tracked.deadlines)?.deadlineKey);
  const due = { local: `${fact.date}T00:00`, zone: NEWS_ZONE };
  if (key) {
    await updateDeadline(w.db, ctx, parsed(updateDeadlineInput, { key, ...(w.conflict && { due, precision: "day" }), sources: [w.sourceId], note }));
    return { recordType: "deadline", recordKey: key, cite: true };
  }
  const newKey = await freeKey(w.tx, "deadline", `${keyPart(fact.what, 50)}-${fact.date}`);
  const created = {
    key: newKey,
    title: ucfirst(fact.what).slice(0, 300),
    description: fact.evidence.text.trim().slice(0, 2000),
    kind: deadlineKindFor(fact.what),
    due,
    precision: "day",
    status: "upcoming",
    sources: [w.sourceId],
    note,
  };
  await createDeadline(w.db, ctx, parsed(createDeadlineInput, created));
  return { recordType: "deadline", recordKey: newKey, cite: true };
}

async function writeBudget(w: Write<FactOf<"budget">>): Promise<Written> {
  const { fact, article, ctx, note } = w;
  const key = w.target ?? (w.tracked && matchBudget(fact, w.tracked.budgets)?.budgetKey);
  if (key) {
    await updateBudget(w.db, ctx, parsed(updateBudgetInput, { key, ...(w.conflict && { amount: fact.amount }), sources: [w.sourceId], note }));
    return { recordType: "budget", recordKey: key, cite: true };
  }
  const status = budgetStatusFor(fact.evidence.text);
  const newKey = await freeKey(w.tx, "budget", `budget-${keyPart(fact.purpose, 50)}`);
  const created = {
    key: newKey,
    title: ucfirst(fact.purpose).slice(0, 300),
    programme: ucfirst(fact.purpose).slice(0, 300),
    purpose: fact.purpose,
    amount: fact.amount,
    currency: fact.currency,
    status,
    proposedOn: article.publishedOn,
    passedOn: status === "proposed" ? null : article.publishedOn,
    executedOn: status === "executed" ? article.publishedOn : null,
    sources: [w.sourceId],
    note,
  };
  await createBudget(w.db, ctx, parsed(createBudgetInput, created));
  return { recordType: "budget", recordKey: newKey, cite: true };
}

type FigureFact = FactOf<"trade_balance" | "investment_pledge" | "tax_change">;

/** A figure fact's record values and the base of a new record's key. */
function figureOf(fact: FigureFact, article: Article) {
  switch (fact.kind) {
    case "tax_change":
      return {
        values: { kind: "tax_rate_change" as const, title: `${ucfirst(fact.tax)}: ${fact.fromPct}% → ${fact.toPct}%`, value: fact.toPct, fromValue: fact.fromPct, unit: "pct", validUntil: fact.until, period: null },
        base: `tax-${keyPart(fact.tax, 40)}-${fact.toPct}`,
      };
    case "trade_balance":
      return {
        values: { kind: "trade_balance" as const, title: `Korea's trade balance with the US${fact.year ? `, ${fact.year}` : ""}`, value: fact.amountUsd, unit: "USD", period: fact.year ? String(fact.year) : null },
        base: `trade-balance-${fact.year ?? article.publishedOn ?? "news"}`,
      };
    case "investment_pledge":
      return {
        values: { kind: "investment_pledge" as const, title: `Investment pledge: ${fact.purpose}`.slice(0, 300), value: fact.amountUsd, unit: "USD", period: null },
        base: `pledge-${keyPart(fact.purpose, 40)}`,
      };
  }
}

async function writeFigure(w: Write<FigureFact>): Promise<Written> {
  const { fact, ctx, note } = w;
  const key = w.target ?? (w.tracked && matchFigure(fact, w.tracked.figures)?.figureKey);
  const { values, base } = figureOf(fact, w.article);
  if (key) {
    const patch = w.conflict ? { value: values.value, ...("fromValue" in values && { fromValue: values.fromValue }) } : {};
    await updateFigure(w.db, ctx, parsed(updateFigureInput, { key, ...patch, sources: [w.sourceId], note }));
    return { recordType: "figure", recordKey: key, cite: true };
  }
  const newKey = await freeKey(w.tx, "figure", base);
  await createFigure(w.db, ctx, parsed(createFigureInput, { key: newKey, ...values, sources: [w.sourceId], note }));
  return { recordType: "figure", recordKey: newKey, cite: true };
}

/** A market move is kept as a KOSPI close, only for a day not tracked yet. */
async function writeMarketMove(w: Write<FactOf<"market_move">>): Promise<Written> {
  const { fact } = w;
  if (fact.level === null || fact.date === null) {
    throw new BadInputError("level", "A market move is kept as a KOSPI close: it needs the date and the index level; edit the proposal or reject it");
  }
  const [existing] = await w.tx
    .select({ close: observations.close })
    .from(observations)
    .innerJoin(series, eq(series.id, observations.seriesId))
    .where(and(eq(series.key, KOSPI_SERIES), eq(observations.date, fact.date)));
  if (existing) {
    throw new ServiceError(`The KOSPI close of ${fact.date} is already tracked (${existing.close}); tracked market data wins — reject this proposal`, "CONFLICT");
  }
  await upsertObservations(w.db, w.ctx, { series: KOSPI_SERIES, rows: [{ date: fact.date, close: fact.level }], note: w.note });
  return { recordType: "series", recordKey: KOSPI_SERIES, cite: true };
}

const WRITERS: { [K in FactKind]: (w: Write<FactOf<K>>) => Promise<Written> } = {
  tariff_rate: writeTariff,
  deadline: writeDeadline,
  budget: writeBudget,
  trade_balance: writeFigure,
  investment_pledge: writeFigure,
  tax_change: writeFigure,
  market_move: writeMarketMove,
};

/** Writes the fact to its tracked record (matched, chosen by the editor, or new) citing the article's source. */
export async function writeRecord(
  tx: Tx,
  ctx: SignedInActor,
  fact: Fact,
  article: Article,
  input: AcceptProposalInput,
  sourceId: number,
  conflict: ProposalConflict | null,
): Promise<Written> {
  const db = tx as unknown as Db;
  const tracked = input.target === "new" ? null : await loadTracked(db, [fact], ctx.now);
  const target = input.target && input.target !== "new" ? input.target : null;
  const note = input.note ?? `Accepted from article ${article.id}`;
  // WRITERS[fact.kind] takes that kind's fact; TypeScript cannot correlate the two through the union.
  const write = WRITERS[fact.kind] as (w: Write<Fact>) => Promise<Written>;
  return write({ tx, db, ctx, fact, article, input, sourceId, conflict, target, tracked, note });
}
