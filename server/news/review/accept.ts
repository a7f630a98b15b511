// Accepting a proposal: the tracked record is written through the edit services (./writers.ts), all in one
// transaction with the article's source row and the proposal's own status and audit entry.
//
// A proposal contradicting a tracked value needs the editor's choice and a note:
// - keep_tracked: the record stays; a conflict (conflicts/conflict_claims) is opened or extended with the tracked
//   value (from the record's cited source) and the article's value (from the article), so /conflicts shows both;
// - use_article: the article is right; the record gets a new version with the article's value, citing it.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, citations, conflictClaims, conflicts, factProposals } from "@/db/schema";
import { type SignedInActor } from "@/server/core/actor";
import { writeAudit } from "@/server/core/audit";
import type { RecordType } from "@/server/core/constants";
import { BadInputError, NotFoundError, ServiceError } from "@/server/core/errors";
import { inTransaction, type Tx } from "@/server/core/transactions";
import type { Fact, FactKind } from "@/server/news/extract/types";
import { createSourceInput } from "@/server/records/schemas/source";
import { createSource } from "@/server/records/sources";
import { detectConflict, keyPart, type ProposalConflict } from "./conflict-rules";
import { checkedFact, firstIssue, lockPending } from "./pending";
import { loadTracked } from "./propose";
import type { Proposal } from "./review";
import type { AcceptProposalInput } from "./schemas";
import { writeRecord, type Article, type Written } from "./writers";

export type AcceptResult = { proposal: Proposal; recordType: RecordType; recordKey: string; sourceId: number; conflictOpened: boolean };

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

/** The contradiction the fact makes now (the tracked data may have changed since the article arrived), if the
 *  editor's input may resolve it; else the error saying what the input lacks. */
async function checkedConflict(tx: Tx, fact: Fact, input: AcceptProposalInput, now: Date): Promise<ProposalConflict | null> {
  const conflict = input.target === "new" ? null : detectConflict(fact, await loadTracked(tx as unknown as Db, [fact], now), now);
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
  return conflict;
}

/** The edit services link the source; the locator is the sentence the fact was read from. */
async function citeEvidence(tx: Tx, written: Written, sourceId: number, fact: Fact) {
  if (written.recordType === "series") {
    await tx.insert(citations).values({ recordType: "series", recordKey: written.recordKey, sourceId }).onConflictDoNothing();
  }
  await tx
    .update(citations)
    .set({ locator: fact.evidence.text.trim().slice(0, 1000) })
    .where(and(eq(citations.recordType, written.recordType), eq(citations.recordKey, written.recordKey), eq(citations.sourceId, sourceId), isNull(citations.locator)));
}

export async function acceptProposal(db: Db, input: AcceptProposalInput, ctx: SignedInActor): Promise<AcceptResult> {
  return inTransaction(db, async (tx) => {
    const before = await lockPending(tx, input.id);
    const [article] = await tx.select().from(articles).where(eq(articles.id, before.articleId)).for("update");
    if (!article) throw new NotFoundError(`Article ${before.articleId}`);
    const fact = checkedFact(before.kind as FactKind, before.fact);
    const conflict = await checkedConflict(tx, fact, input, ctx.now);
    const sourceId = await articleSource(tx, article, ctx);
    const written =
      conflict && input.conflictChoice === "keep_tracked"
        ? await keepTrackedConflict(tx, ctx, conflict, sourceId, input.note!)
        : await writeRecord(tx, ctx, fact, article, input, sourceId, conflict);
    if (written.cite) await citeEvidence(tx, written, sourceId, fact);
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
    const audited = { ...after, conflictChoice: input.conflictChoice ?? null };
    await writeAudit(tx, ctx, { action: "update", recordType: "proposal", recordKey: String(before.id), before, after: audited, note: input.note });
    return { proposal: after!, recordType: written.recordType, recordKey: written.recordKey, sourceId, conflictOpened: !written.cite };
  });
}
