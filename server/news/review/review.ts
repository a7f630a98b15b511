// The review queue, as read: proposals beside their article, listed, counted per status, or all of one article.
// Changing a proposal: ./edit.ts (edit, reject) and ./accept.ts (accept, writing the tracked record).
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, factProposals } from "@/db/schema";
import type { FactKind, Fact } from "@/server/news/extract/types";
import type { ProposalConflict } from "./conflict-rules";
import { NotFoundError } from "@/server/core/errors";
import type { ListProposalsInput } from "./schemas";
import { MAX_ARTICLE_PROPOSALS, MAX_NEWS_PAGE } from "@/server/news/constants";

export type Proposal = typeof factProposals.$inferSelect;
export type ProposalView = Omit<Proposal, "fact" | "extracted" | "conflict" | "kind"> & {
  kind: FactKind;
  fact: Fact;
  extracted: Fact;
  conflict: ProposalConflict | null;
  article: { id: number; title: string; publisher: string | null; publishedOn: string | null; url: string | null };
};

export const asView = (p: Proposal, article: ProposalView["article"]): ProposalView => ({
  ...p,
  kind: p.kind as FactKind,
  fact: p.fact as unknown as Fact,
  extracted: p.extracted as unknown as Fact,
  conflict: p.conflict as unknown as ProposalConflict | null,
  article,
});

/** The article columns a proposal is shown with. */
export const articleColumns = {
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
  const byConfidence = input.order === "confidence";
  // Keyset on the list's own order, so pages neither repeat nor skip: (article newest first, then ordinal), or
  // (confidence, id) for the least sure first.
  if (input.before && byConfidence) {
    conds.push(sql`(${factProposals.confidence}, ${factProposals.id}) >
      (select p.confidence, p.id from ${factProposals} p where p.id = ${input.before})`);
  } else if (input.before) {
    conds.push(sql`(${factProposals.articleId}, -${factProposals.ordinal}) <
      (select p.article_id, -p.ordinal from ${factProposals} p where p.id = ${input.before})`);
  }
  const rows = await db
    .select({ p: factProposals, article: articleColumns })
    .from(factProposals)
    .innerJoin(articles, eq(articles.id, factProposals.articleId))
    .where(and(...conds))
    .orderBy(...(byConfidence ? [asc(factProposals.confidence), asc(factProposals.id)] : [desc(factProposals.articleId), asc(factProposals.ordinal)]))
    .limit(Math.min(input.limit ?? 50, MAX_NEWS_PAGE));
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
  const rows = await db
    .select()
    .from(factProposals)
    .where(eq(factProposals.articleId, articleId))
    .orderBy(factProposals.ordinal)
    .limit(MAX_ARTICLE_PROPOSALS);
  const ref = { id: article.id, title: article.title, publisher: article.publisher, publishedOn: article.publishedOn, url: article.url };
  return { article, proposals: rows.map((p) => asView(p, ref)) };
}
