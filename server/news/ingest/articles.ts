// Storing an article: normalised text, duplicate detection (URL, content hash — both unique in the database),
// extraction into proposals, all in one transaction. Callers (paste/upload/URL in the dashboard, the feed job) turn
// their input into readable text first (server/news/ingest/readable.ts, server/core/safe-fetch.ts).
import { createHash } from "node:crypto";
import { and, count, desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, auditLog, factProposals } from "@/db/schema";
import type { ArticleOrigin } from "@/server/news/constants";
import { extractFacts } from "@/server/news/extract";
import { NotFoundError } from "@/server/core/errors";
import { storeProposals } from "@/server/news/review/propose";
import { trackedFor } from "./tracked";

export type ArticleText = {
  origin: ArticleOrigin;
  title: string;
  text: string;
  url?: string | null;
  publisher?: string | null;
  publishedOn?: string | null;
  language?: string;
  fileName?: string | null;
  feedId?: number | null;
};

export type IngestResult =
  | { status: "created"; articleId: number; proposals: number }
  | { status: "duplicate"; articleId: number; by: "url" | "content" };

const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|rss)$/i;

/** One spelling per URL: lower-case host, no fragment, no tracking parameters, no default port, sorted query. */
export function normaliseUrl(raw: string): string {
  const url = new URL(raw);
  url.hash = "";
  url.hostname = url.hostname.toLowerCase();
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  if (url.pathname.length > 1 && url.pathname.endsWith("/")) url.pathname = url.pathname.slice(0, -1);
  return url.toString();
}

/** Whitespace-normalised text: what the content hash and the extractor read. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\t ]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function contentHash(text: string): string {
  // Hash the words only, so the same article with different line breaks or spacing is one article.
  return createHash("sha256").update(text.replace(/\s+/g, " ").trim().toLowerCase()).digest("hex");
}

/** The article already stored under this URL or with this content, if any. */
export async function findDuplicate(db: Db, url: string | null, hash: string) {
  const [row] = await db
    .select({ id: articles.id, url: articles.url, contentHash: articles.contentHash })
    .from(articles)
    .where(url ? or(eq(articles.url, url), eq(articles.contentHash, hash)) : eq(articles.contentHash, hash))
    .limit(1);
  if (!row) return null;
  return { articleId: row.id, by: (url && row.url === url ? "url" : "content") as "url" | "content" };
}

/**
 * Stores the article and its proposals (one transaction), or reports the duplicate it is. Two concurrent ingests of
 * the same article: the unique constraints let one win; the other reports the duplicate.
 */
export async function storeArticle(
  db: Db,
  input: ArticleText,
  ctx: { now: Date; userId: string | null },
): Promise<IngestResult> {
  const text = normaliseText(input.text);
  const url = input.url ? normaliseUrl(input.url) : null;
  const hash = contentHash(text);
  const existing = await findDuplicate(db, url, hash);
  if (existing) return { status: "duplicate", ...existing };
  const facts = extractFacts(text, { publishedOn: input.publishedOn ?? null, ...(await trackedFor(db)) });
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(articles)
      .values({
        origin: input.origin,
        url,
        contentHash: hash,
        title: input.title.trim().slice(0, 500) || "(untitled)",
        publisher: input.publisher ?? null,
        publishedOn: input.publishedOn ?? null,
        language: input.language ?? (/[\uac00-\ud7a3]/.test(text) ? "ko" : "en"),
        fileName: input.fileName ?? null,
        text,
        feedId: input.feedId ?? null,
        factCount: facts.length,
        createdBy: input.origin === "feed" ? null : ctx.userId,
        createdAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning({ id: articles.id });
    if (!row) return null;
    const proposals = await storeProposals(tx as unknown as Db, row.id, facts, ctx.now);
    // An editor's article is audited in the same transaction (a feed's has no person to name; its feed item records it).
    if (ctx.userId && input.origin !== "feed") {
      await tx.insert(auditLog).values({
        at: ctx.now,
        userId: ctx.userId,
        action: "create",
        recordType: "article",
        recordKey: String(row.id),
        after: { origin: input.origin, title: input.title.trim().slice(0, 500) || "(untitled)", url, fileName: input.fileName ?? null, facts: facts.length },
      });
    }
    return { status: "created" as const, articleId: row.id, proposals };
  });
  if (result) return result;
  const raced = await findDuplicate(db, url, hash);
  if (!raced) throw new Error("article insert conflicted but no duplicate was found");
  return { status: "duplicate", ...raced };
}

/** The most recent articles with how many facts were extracted and how many proposals still wait for review. */
export async function listArticles(db: Db, limit = 50) {
  const rows = await db
    .select({
      id: articles.id,
      origin: articles.origin,
      title: articles.title,
      url: articles.url,
      publisher: articles.publisher,
      publishedOn: articles.publishedOn,
      fileName: articles.fileName,
      createdAt: articles.createdAt,
      factCount: articles.factCount,
    })
    .from(articles)
    .orderBy(desc(articles.createdAt), desc(articles.id))
    .limit(limit);
  const ids = rows.map((r) => r.id);
  const pending = ids.length
    ? await db
        .select({ articleId: factProposals.articleId, n: count() })
        .from(factProposals)
        .where(and(inArray(factProposals.articleId, ids), eq(factProposals.status, "pending")))
        .groupBy(factProposals.articleId)
    : [];
  const byArticle = new Map(pending.map((p) => [p.articleId, Number(p.n)]));
  return rows.map((r) => ({ ...r, pendingCount: byArticle.get(r.id) ?? 0 }));
}

/** One article with its text. */
export async function getArticle(db: Db, id: number) {
  const [row] = await db.select().from(articles).where(eq(articles.id, id)).limit(1);
  if (!row) throw new NotFoundError(`Article ${id}`);
  return row;
}
