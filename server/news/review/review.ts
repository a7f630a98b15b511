// The review queue: proposals read beside their article, edited, rejected, or accepted — accepting writes the tracked
// record through the edit services (validated, versioned, audited, cited), all in one transaction with the article's
// source row and the proposal's own status and audit entry.
//
// A proposal contradicting a tracked value needs the editor's choice and a note:
// - keep_tracked: the record stays; a conflict (conflicts/conflict_claims) is opened or extended with the tracked
//   value (from the record's cited source) and the article's value (from the article), so /conflicts shows both;
// - use_article: the article is right; the record gets a new version with the article's value, citing it.
import { and, desc, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, citations, conflictClaims, conflicts, factProposals, observations, series } from "@/db/schema";
import type { FactKind, Fact } from "@/server/news/extract/types";
import {
  budgetStatusFor,
  deadlineKindFor,
  detectConflict,
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
} from "./conflict-rules";
import { localDate } from "@/server/core/time";
import type { RecordType } from "@/server/core/constants";
import { createBudgetInput, updateBudgetInput } from "@/server/records/schemas/budget";
import { KEY_RE } from "@/server/core/schemas";
import { createDeadlineInput, updateDeadlineInput } from "@/server/records/schemas/deadline";
import { createFigureInput, updateFigureInput } from "@/server/records/schemas/figure";
import { createMeasureInput, updateMeasureInput } from "@/server/records/schemas/measure";
import { createSourceInput } from "@/server/records/schemas/source";
import {
  parseFactFields,
  type AcceptProposalInput,
  type EditProposalInput,
  type ListProposalsInput,
  type RejectProposalInput,
} from "./schemas";
import { createBudget, updateBudget } from "@/server/records/budgets";
import { inTransaction, lockKey, type Tx } from "@/server/core/transactions";
import { writeAudit } from "@/server/core/audit";
import { type SignedInActor } from "@/server/core/actor";
import { createDeadline, updateDeadline } from "@/server/records/deadlines";
import { createFigure, updateFigure } from "@/server/records/figures";
import { createMeasure, updateMeasure } from "@/server/records/measures";
import { upsertObservations } from "@/server/market/observations";
import { createSource } from "@/server/records/sources";
import { BadInputError, NotFoundError, ServiceError } from "@/server/core/errors";
import { loadTracked } from "./propose";
import type { z } from "zod";

export type Proposal = typeof factProposals.$inferSelect;
export type ProposalView = Omit<Proposal, "fact" | "extracted" | "conflict" | "kind"> & {
  kind: FactKind;
  fact: Fact;
  extracted: Fact;
  conflict: ProposalConflict | null;
  article: { id: number; title: string; publisher: string | null; publishedOn: string | null; url: string | null };
};

const asView = (p: Proposal, article: ProposalView["article"]): ProposalView => ({
  ...p,
  kind: p.kind as FactKind,
  fact: p.fact as unknown as Fact,
  extracted: p.extracted as unknown as Fact,
  conflict: p.conflict as unknown as ProposalConflict | null,
  article,
});

const articleColumns = {
  id: articles.id,
  title: articles.title,
  publisher: articles.publisher,
  publishedOn: articles.publishedOn,
  url: articles.url,
};

/** Proposals newest first (by id), filtered; `before` pages on. */
export async function listProposals(db: Db, input: ListProposalsInput): Promise<ProposalView[]> {
  const conds = [];
  if (input.status) conds.push(eq(factProposals.status, input.status));
  if (input.kind) conds.push(eq(factProposals.kind, input.kind));
  if (input.conflictsOnly) conds.push(isNotNull(factProposals.conflict), sql`${factProposals.conflict} <> 'null'::jsonb`);
  if (input.articleId) conds.push(eq(factProposals.articleId, input.articleId));
  if (input.before) conds.push(lt(factProposals.id, input.before));
  const rows = await db
    .select({ p: factProposals, article: articleColumns })
    .from(factProposals)
    .innerJoin(articles, eq(articles.id, factProposals.articleId))
    .where(and(...conds))
    .orderBy(desc(factProposals.articleId), factProposals.ordinal)
    .limit(input.limit ?? 50);
  return rows.map((r) => asView(r.p, r.article));
}

/** Counts per status (for the queue's tabs). */
export async function proposalCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: factProposals.status, n: sql<number>`count(*)::int` })
    .from(factProposals)
    .groupBy(factProposals.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function getArticleWithProposals(db: Db, articleId: number) {
  const [article] = await db.select().from(articles).where(eq(articles.id, articleId));
  if (!article) throw new NotFoundError(`Article ${articleId}`);
  const rows = await db.select().from(factProposals).where(eq(factProposals.articleId, articleId)).orderBy(factProposals.ordinal);
  const ref = { id: article.id, title: article.title, publisher: article.publisher, publishedOn: article.publishedOn, url: article.url };
  return { article, proposals: rows.map((p) => asView(p, ref)) };
}

/** Locks a pending proposal for a change; an accepted or rejected one is refused. */
async function lockPending(tx: Tx, id: number): Promise<Proposal> {
  const [p] = await tx.select().from(factProposals).where(eq(factProposals.id, id)).for("update");
  if (!p) throw new NotFoundError(`Proposal ${id}`);
  if (p.status !== "pending") {
    throw new ServiceError(`Proposal ${id} was already ${p.status}; only a pending proposal can be changed`, "CONFLICT");
  }
  return p;
}

function firstIssue(error: z.ZodError): BadInputError {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join(".") || "patch";
  return new BadInputError(field, `${field} ${issue.message}`);
}

/** The fact's editable fields checked against its kind (an edited or a stored one). */
function checkedFact(kind: FactKind, fact: Record<string, unknown>): Fact {
  const { kind: _k, evidence, confidence, ...fields } = fact;
  const parsed = parseFactFields(kind, fields);
  if (!parsed.success) throw firstIssue(parsed.error);
  return { ...parsed.data, kind, evidence, confidence } as Fact;
}

export async function editProposal(db: Db, input: EditProposalInput, ctx: SignedInActor): Promise<ProposalView> {
  return inTransaction(db, async (tx) => {
    const before = await lockPending(tx, input.id);
    const kind = before.kind as FactKind;
    const unknown = Object.keys(input.patch).filter((k) => ["kind", "evidence", "confidence"].includes(k) || !(k in before.fact));
    if (unknown.length > 0) throw new BadInputError(unknown[0]!, `${unknown[0]} is not a field of a ${kind} fact that can be edited`);
    const fact = checkedFact(kind, { ...before.fact, ...input.patch });
    const conflict = detectConflict(fact, await loadTracked(tx as unknown as Db, [fact], ctx.now), ctx.now);
    const [after] = await tx
      .update(factProposals)
      .set({ fact: fact as unknown as Record<string, unknown>, conflict: conflict as Record<string, unknown> | null })
      .where(eq(factProposals.id, before.id))
      .returning();
    await writeAudit(tx, ctx, { action: "update", recordType: "proposal", recordKey: String(before.id), before, after, note: input.note });
    const [article] = await tx.select(articleColumns).from(articles).where(eq(articles.id, before.articleId));
    return asView(after!, article!);
  });
}

export async function rejectProposal(db: Db, input: RejectProposalInput, ctx: SignedInActor): Promise<Proposal> {
  return inTransaction(db, async (tx) => {
    const before = await lockPending(tx, input.id);
    const [after] = await tx
      .update(factProposals)
      .set({ status: "rejected", reviewNote: input.note, reviewedBy: ctx.user.id, reviewedAt: ctx.now })
      .where(eq(factProposals.id, before.id))
      .returning();
    await writeAudit(tx, ctx, { action: "update", recordType: "proposal", recordKey: String(before.id), before, after, note: input.note });
    return after!;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Accept.

type Article = typeof articles.$inferSelect;

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

/** The article's source row: created (audited) the first time one of its facts is accepted. */
async function articleSource(tx: Tx, article: Article, ctx: SignedInActor): Promise<number> {
  if (article.sourceId) return article.sourceId;
  const url = article.url && /^https?:\/\//i.test(article.url) ? article.url : null;
  const input = createSourceInput.safeParse({
    key: `news-article-${article.id}`,
    title: article.title.slice(0, 300),
    publisher: (article.publisher ?? hostOf(url) ?? "Unknown publisher").slice(0, 300),
    publishedOn: article.publishedOn,
    url: url && url.length <= 2000 ? url : null,
    kind: "news",
    language: /^[a-z]{2}$/.test(article.language) ? article.language : "en",
    note: `Ingested article ${article.id}`,
  });
  if (!input.success) throw firstIssue(input.error);
  const source = await createSource(tx as unknown as Db, ctx, input.data);
  await tx.update(articles).set({ sourceId: source.id }).where(eq(articles.id, article.id));
  return source.id;
}

/** `base` if no record of the table has it yet, else `base-2`, `base-3`, … (serialised by the key lock). */
async function freeKey(tx: Tx, recordType: RecordType, base: string, exists: (key: string) => Promise<boolean>): Promise<string> {
  const clean = keyPart(base, 70) || recordType;
  const start = KEY_RE.test(clean) ? clean : `${recordType}-${clean}`.slice(0, 70);
  for (let n = 1; ; n++) {
    const key = n === 1 ? start : `${start}-${n}`;
    await lockKey(tx, recordType, key);
    if (!(await exists(key))) return key;
  }
}

async function recordExists(tx: Tx, recordType: RecordType, key: string): Promise<boolean> {
  const table = { measure: "tariff_measures", deadline: "deadlines", budget: "budgets", figure: "figures" }[recordType as string];
  const column = { measure: "measure_key", deadline: "deadline_key", budget: "budget_key", figure: "figure_key" }[recordType as string];
  if (!table || !column) return false;
  const result = await tx.execute(sql`select 1 from ${sql.identifier(table)} where ${sql.identifier(column)} = ${key} limit 1`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}

function parsed<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw firstIssue(r.error);
  return r.data;
}

const NEWS_ZONE = "America/New_York";
const ucfirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Written = { recordType: RecordType; recordKey: string; cite: boolean };

/** Opens (or extends) a conflict with the tracked value and the article's, each with its source. */
async function keepTrackedConflict(tx: Tx, ctx: SignedInActor, c: ProposalConflict, sourceId: number, note: string): Promise<Written> {
  const tracked = typeof c.tracked === "number" ? c.tracked : null;
  const proposed = typeof c.proposed === "number" ? c.proposed : null;
  if (tracked === null || proposed === null) {
    throw new BadInputError(
      "conflictChoice",
      `"${c.title}" differs in ${c.field} (${c.tracked} tracked, ${c.proposed} in the article), which a conflict cannot hold as a number: use the article's value, or reject the proposal`,
    );
  }
  const key = keyPart(`${c.recordType}-${c.recordKey}-${c.field}`, 80);
  const [existing] = await tx.select().from(conflicts).where(eq(conflicts.conflictKey, key)).for("update");
  const row = existing
    ? (await tx.update(conflicts).set({ status: "open", resolvedValue: null, resolutionNote: null, resolvedAt: null }).where(eq(conflicts.id, existing.id)).returning())[0]!
    : (await tx
        .insert(conflicts)
        .values({ conflictKey: key, recordType: c.recordType, recordKey: c.recordKey, field: c.field, title: `${c.title}: sources differ`, status: "open", knownAt: ctx.now })
        .returning())[0]!;
  const [trackedSource] = await tx
    .select({ id: citations.sourceId })
    .from(citations)
    .where(and(eq(citations.recordType, c.recordType), eq(citations.recordKey, c.recordKey)))
    .orderBy(citations.sourceId)
    .limit(1);
  const claims = [{ conflictId: row.id, value: proposed, label: `${proposed} (article)`, sourceId }];
  if (trackedSource) claims.push({ conflictId: row.id, value: tracked, label: `${tracked} (tracked)`, sourceId: trackedSource.id });
  await tx.insert(conflictClaims).values(claims).onConflictDoNothing();
  await writeAudit(tx, ctx, { action: existing ? "update" : "create", recordType: "conflict", recordKey: key, before: existing ?? null, after: { ...row, claims }, note });
  return { recordType: c.recordType, recordKey: c.recordKey, cite: false };
}

async function writeTariff(tx: Tx, ctx: SignedInActor, fact: Extract<Fact, { kind: "tariff_rate" }>, article: Article, input: AcceptProposalInput, sourceId: number, conflict: ProposalConflict | null): Promise<Written> {
  const sector = FACT_SECTOR_TO_SECTOR[fact.sector];
  if (!sector) throw new BadInputError("sector", 'The sector "other" is not tracked: edit the proposal to name a tracked sector, or reject it');
  const status = FACT_STATUS_TO_MEASURE_STATUS[fact.status];
  const effective = fact.effective ? { local: `${fact.effective}T00:01`, zone: NEWS_ZONE } : undefined;
  const db = tx as unknown as Db;
  const measures = input.target === "new" ? [] : (await loadTracked(db, [fact], ctx.now)).measures;
  const current =
    input.target && input.target !== "new"
      ? measures.find((m) => m.measureKey === input.target)
      : input.target
        ? null
        : conflict
          ? measures.find((m) => m.measureKey === conflict.recordKey)
          : matchMeasure(fact, measures, ctx.now);
  if (current === undefined) throw new NotFoundError(`Tariff measure "${input.target ?? conflict?.recordKey}"`);
  if (current) {
    // Only what the article changes: the rate, the effective day, and a status that moves the measure on (an
    // article calling an in-force measure "announced" does not turn it back).
    const patch = {
      ...(current.ratePct !== fact.ratePct && { ratePct: fact.ratePct }),
      ...(effective && (!current.effectiveAt || localDate(current.effectiveAt, current.effectiveZone ?? NEWS_ZONE) !== fact.effective) && { effective }),
      ...(current.status !== status && ["in_effect", "paused"].includes(status) && { status }),
    };
    await updateMeasure(db, ctx, parsed(updateMeasureInput, { key: current.measureKey, ...patch, sources: [sourceId], note: input.note ?? `Accepted from article ${article.id}` }));
    return { recordType: "measure", recordKey: current.measureKey, cite: true };
  }
  const newKey = await freeKey(tx, "measure", `${sector.replace(/_/g, "-")}-${fact.country.toLowerCase()}-${fact.ratePct}-${fact.effective ?? article.publishedOn ?? localDate(ctx.now, NEWS_ZONE)}`, (k) => recordExists(tx, "measure", k));
  await createMeasure(
    db,
    ctx,
    parsed(createMeasureInput, {
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
      sources: [sourceId],
      note: input.note ?? `Accepted from article ${article.id}`,
    }),
  );
  return { recordType: "measure", recordKey: newKey, cite: true };
}

async function writeRecord(tx: Tx, ctx: SignedInActor, fact: Fact, article: Article, input: AcceptProposalInput, sourceId: number, conflict: ProposalConflict | null): Promise<Written> {
  const db = tx as unknown as Db;
  const note = input.note ?? `Accepted from article ${article.id}`;
  const target = input.target && input.target !== "new" ? input.target : null;
  const tracked = input.target === "new" ? null : await loadTracked(db, [fact], ctx.now);
  switch (fact.kind) {
    case "tariff_rate":
      return writeTariff(tx, ctx, fact, article, input, sourceId, conflict);
    case "deadline": {
      const key = target ?? (tracked && matchDeadline(fact, tracked.deadlines)?.deadlineKey);
      const due = { local: `${fact.date}T00:00`, zone: NEWS_ZONE };
      if (key) {
        await updateDeadline(db, ctx, parsed(updateDeadlineInput, { key, ...(conflict && { due, precision: "day" }), sources: [sourceId], note }));
        return { recordType: "deadline", recordKey: key, cite: true };
      }
      const newKey = await freeKey(tx, "deadline", `${keyPart(fact.what, 50)}-${fact.date}`, (k) => recordExists(tx, "deadline", k));
      await createDeadline(db, ctx, parsed(createDeadlineInput, { key: newKey, title: ucfirst(fact.what).slice(0, 300), description: fact.evidence.text.trim().slice(0, 2000), kind: deadlineKindFor(fact.what), due, precision: "day", status: "upcoming", sources: [sourceId], note }));
      return { recordType: "deadline", recordKey: newKey, cite: true };
    }
    case "budget": {
      const key = target ?? (tracked && matchBudget(fact, tracked.budgets)?.budgetKey);
      if (key) {
        await updateBudget(db, ctx, parsed(updateBudgetInput, { key, ...(conflict && { amount: fact.amount }), sources: [sourceId], note }));
        return { recordType: "budget", recordKey: key, cite: true };
      }
      const status = budgetStatusFor(fact.evidence.text);
      const newKey = await freeKey(tx, "budget", `budget-${keyPart(fact.purpose, 50)}`, (k) => recordExists(tx, "budget", k));
      await createBudget(db, ctx, parsed(createBudgetInput, {
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
        sources: [sourceId],
        note,
      }));
      return { recordType: "budget", recordKey: newKey, cite: true };
    }
    case "trade_balance":
    case "investment_pledge":
    case "tax_change": {
      const key = target ?? (tracked && matchFigure(fact, tracked.figures)?.figureKey);
      const values =
        fact.kind === "tax_change"
          ? { kind: "tax_rate_change" as const, title: `${ucfirst(fact.tax)}: ${fact.fromPct}% → ${fact.toPct}%`, value: fact.toPct, fromValue: fact.fromPct, unit: "pct", validUntil: fact.until, period: null }
          : fact.kind === "trade_balance"
            ? { kind: "trade_balance" as const, title: `Korea's trade balance with the US${fact.year ? `, ${fact.year}` : ""}`, value: fact.amountUsd, unit: "USD", period: fact.year ? String(fact.year) : null }
            : { kind: "investment_pledge" as const, title: `Investment pledge: ${fact.purpose}`.slice(0, 300), value: fact.amountUsd, unit: "USD", period: null };
      if (key) {
        const patch = conflict ? { value: values.value, ...("fromValue" in values && { fromValue: values.fromValue }) } : {};
        await updateFigure(db, ctx, parsed(updateFigureInput, { key, ...patch, sources: [sourceId], note }));
        return { recordType: "figure", recordKey: key, cite: true };
      }
      const base = fact.kind === "tax_change" ? `tax-${keyPart(fact.tax, 40)}-${fact.toPct}` : fact.kind === "trade_balance" ? `trade-balance-${fact.year ?? article.publishedOn ?? "news"}` : `pledge-${keyPart(fact.purpose, 40)}`;
      const newKey = await freeKey(tx, "figure", base, (k) => recordExists(tx, "figure", k));
      await createFigure(db, ctx, parsed(createFigureInput, { key: newKey, ...values, sources: [sourceId], note }));
      return { recordType: "figure", recordKey: newKey, cite: true };
    }
    case "market_move": {
      if (fact.level === null || fact.date === null) {
        throw new BadInputError("level", "A market move is kept as a KOSPI close: it needs the date and the index level; edit the proposal or reject it");
      }
      const [existing] = await tx
        .select({ close: observations.close })
        .from(observations)
        .innerJoin(series, eq(series.id, observations.seriesId))
        .where(and(eq(series.key, KOSPI_SERIES), eq(observations.date, fact.date)));
      if (existing) {
        throw new ServiceError(`The KOSPI close of ${fact.date} is already tracked (${existing.close}); tracked market data wins — reject this proposal`, "CONFLICT");
      }
      await upsertObservations(db, ctx, { series: KOSPI_SERIES, rows: [{ date: fact.date, close: fact.level }], note });
      return { recordType: "series", recordKey: KOSPI_SERIES, cite: true };
    }
  }
}

export type AcceptResult = { proposal: Proposal; recordType: RecordType; recordKey: string; sourceId: number; conflictOpened: boolean };

export async function acceptProposal(db: Db, input: AcceptProposalInput, ctx: SignedInActor): Promise<AcceptResult> {
  return inTransaction(db, async (tx) => {
    const before = await lockPending(tx, input.id);
    const [article] = await tx.select().from(articles).where(eq(articles.id, before.articleId)).for("update");
    if (!article) throw new NotFoundError(`Article ${before.articleId}`);
    const fact = checkedFact(before.kind as FactKind, before.fact);
    // Checked again now: the tracked data may have changed since the article arrived.
    const conflict = input.target === "new" ? null : detectConflict(fact, await loadTracked(tx as unknown as Db, [fact], ctx.now), ctx.now);
    if (conflict && fact.kind === "market_move") {
      throw new ServiceError(`The KOSPI close of ${fact.date} is already tracked (${conflict.tracked}); tracked market data wins — reject this proposal`, "CONFLICT");
    }
    if (conflict && !input.conflictChoice) {
      throw new BadInputError(
        "conflictChoice",
        `This fact contradicts "${conflict.title}" (${conflict.tracked} tracked, ${conflict.proposed} in the article): choose to keep the tracked value (opens a conflict) or to use the article's, and say why in a note`,
      );
    }
    if (conflict && !input.note) throw new BadInputError("note", "Say why in a note when resolving a contradiction");
    const sourceId = await articleSource(tx, article, ctx);
    const written =
      conflict && input.conflictChoice === "keep_tracked"
        ? await keepTrackedConflict(tx, ctx, conflict, sourceId, input.note!)
        : await writeRecord(tx, ctx, fact, article, input, sourceId, conflict);
    if (written.cite) {
      // The edit services link the source; the locator is the sentence the fact was read from.
      if (written.recordType === "series") {
        await tx.insert(citations).values({ recordType: "series", recordKey: written.recordKey, sourceId }).onConflictDoNothing();
      }
      await tx
        .update(citations)
        .set({ locator: fact.evidence.text.trim().slice(0, 1000) })
        .where(and(eq(citations.recordType, written.recordType), eq(citations.recordKey, written.recordKey), eq(citations.sourceId, sourceId), isNull(citations.locator)));
    }
    const [after] = await tx
      .update(factProposals)
      .set({
        status: "accepted",
        conflict: conflict as Record<string, unknown> | null,
        recordType: written.recordType,
        recordKey: written.recordKey,
        reviewNote: input.note ?? null,
        reviewedBy: ctx.user.id,
        reviewedAt: ctx.now,
      })
      .where(eq(factProposals.id, before.id))
      .returning();
    await writeAudit(tx, ctx, {
      action: "update",
      recordType: "proposal",
      recordKey: String(before.id),
      before,
      after: { ...after, conflictChoice: input.conflictChoice ?? null },
      note: input.note,
    });
    return { proposal: after!, recordType: written.recordType, recordKey: written.recordKey, sourceId, conflictOpened: !written.cite };
  });
}
