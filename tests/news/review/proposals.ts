// What the review tests start from: an article whose facts are stored as pending proposals, as ingestion leaves it.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import type { Fact } from "@/server/news/extract/types";
import { storeProposals } from "@/server/news/review/propose";

type ArticleRow = typeof t.articles.$inferInsert;

/** Inserts the article and its facts' proposals in one transaction; returns the article id and the proposal ids in fact order. */
export async function storeArticleWithProposals(db: Db, article: ArticleRow, facts: Fact[], now: Date): Promise<{ articleId: number; ids: number[] }> {
  const articleId = await db.transaction(async (tx) => {
    const [a] = await tx.insert(t.articles).values(article).returning();
    await storeProposals(tx as unknown as Db, a!.id, facts, now);
    return a!.id;
  });
  const rows = await db.select().from(t.factProposals).where(eq(t.factProposals.articleId, articleId)).orderBy(t.factProposals.ordinal);
  return { articleId, ids: rows.map((r) => r.id) };
}
