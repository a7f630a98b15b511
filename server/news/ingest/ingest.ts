// Turning what an editor or a feed gives into a stored article: pasted text, an uploaded .txt/.html/.md file, or a
// URL fetched under the SSRF guard. Each input is checked and reduced to readable text first; a bad one is a
// BadInputError naming the field and nothing is written. storeArticle then dedupes, extracts and stores in one
// transaction.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles } from "@/db/schema";
import { ARTICLE_FILE_TYPES, MAX_ARTICLE_BYTES, type ArticleFileType } from "@/server/news/constants";
import { BadInputError } from "@/server/core/errors";
import { normaliseUrl, storeArticle, type IngestResult } from "./articles";
import type { FetchPolicy } from "@/server/core/config";
import { decodeText } from "./decode";
import { safeFetch, type HostResolver } from "@/server/core/safe-fetch";
import { readableFromHtml, textFromMarkdown, type ReadableArticle } from "./readable";

export type IngestContext = {
  now: Date;
  userId: string | null;
  policy: FetchPolicy;
  /** DNS for safeFetch (tests map names to local servers). */
  lookup?: HostResolver;
};

export type UrlIngestInput = {
  url: string;
  origin?: "url" | "feed";
  feedId?: number | null;
  /** Known from the feed item: used when the page itself gives none. */
  title?: string | null;
  publishedOn?: string | null;
  /** The item's own HTML/text (feed content:encoded / summary), used when the page cannot be fetched. */
  fallbackHtml?: string | null;
};

export type PasteIngestInput = { text: string; title?: string | null; url?: string | null; publishedOn?: string | null };
export type UploadIngestInput = { fileName: string; bytes: Uint8Array };

const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;
const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const TEXT_TYPES = new Set(["text/plain", "text/markdown", "text/x-markdown"]);

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

function firstLine(text: string): string {
  const line = (text.split("\n").find((l) => l.trim()) ?? "").trim().replace(/^#+\s*/, "");
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

/** The stored article at this URL (normalised), if any: a known URL is not fetched again. */
async function articleAtUrl(db: Db, url: string): Promise<number | null> {
  const [row] = await db.select({ id: articles.id }).from(articles).where(eq(articles.url, url)).limit(1);
  return row?.id ?? null;
}

function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new BadInputError("url", `"${raw.slice(0, 200)}" is not a URL; give a full address starting with http:// or https://.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new BadInputError("url", `The ${url.protocol} scheme is not allowed; give an http:// or https:// address.`);
  }
  return url;
}

/** A fetched page → readable article (HTML through Readability; text and markdown as they are). */
function readableFromResponse(
  body: Uint8Array,
  contentType: string | null,
  charset: string | null,
  url: string,
): ReadableArticle {
  const type = contentType ?? "";
  if (type && !HTML_TYPES.has(type) && !TEXT_TYPES.has(type)) {
    throw new BadInputError("url", `${url} is ${type}, not an article page (HTML or plain text); paste the article's text instead.`);
  }
  const { text } = decodeText(body, { field: "url", charset, sniffMarkup: !TEXT_TYPES.has(type) });
  if (type === "text/plain") return { title: firstLine(text), text };
  if (type === "text/markdown" || type === "text/x-markdown") {
    const md = textFromMarkdown(text);
    return { title: md.title ?? firstLine(md.text), text: md.text };
  }
  return readableFromHtml(text, { url, field: "url" });
}

/**
 * Fetches the page at a URL (SSRF guard, limits), reduces it to its readable text and stores it. A URL already
 * stored is not fetched again (duplicate by URL). When the page cannot be fetched or read and the feed item gave
 * its own content (`fallbackHtml`), that is stored instead; otherwise the clear error is thrown.
 */
export async function ingestFromUrl(db: Db, input: UrlIngestInput, ctx: IngestContext): Promise<IngestResult> {
  const url = checkUrl(input.url);
  const normalised = normaliseUrl(url.href);
  const known = await articleAtUrl(db, normalised);
  if (known !== null) return { status: "duplicate", articleId: known, by: "url" };

  let article: ReadableArticle;
  try {
    const res = await safeFetch({ url: url.href, policy: ctx.policy, lookup: ctx.lookup });
    if (res.status === 304) throw new BadInputError("url", `${url.href} answered 304 Not Modified to a plain request.`);
    // A redirect (link shorteners, feed proxies) may land on an article already stored under its own URL.
    if (res.url !== url.href) {
      const landed = await articleAtUrl(db, normaliseUrl(res.url));
      if (landed !== null) return { status: "duplicate", articleId: landed, by: "url" };
    }
    article = readableFromResponse(res.body, res.contentType, res.charset, res.url);
  } catch (error) {
    if (!input.fallbackHtml?.trim() || !(error instanceof BadInputError)) throw error;
    article = readableFromHtml(input.fallbackHtml, { url: url.href, field: "url" });
  }
  return storeArticle(
    db,
    {
      origin: input.origin ?? "url",
      title: article.title || input.title || url.href,
      text: article.text,
      url: url.href,
      publisher: article.publisher ?? null,
      publishedOn: article.publishedOn ?? input.publishedOn ?? null,
      language: article.language === "ko" || article.language === "en" ? article.language : undefined,
      feedId: input.feedId ?? null,
    },
    { now: ctx.now, userId: ctx.userId },
  );
}

/** Pasted text (with an optional title, source URL and publication date). */
export async function ingestPaste(
  db: Db,
  input: PasteIngestInput,
  ctx: { now: Date; userId: string | null },
): Promise<IngestResult> {
  const bytes = Buffer.byteLength(input.text, "utf8");
  if (bytes > MAX_ARTICLE_BYTES) {
    throw new BadInputError("text", `The text is larger than 5 MB (${megabytes(bytes)}); paste a shorter article.`);
  }
  if (input.text.includes("\u0000") || CONTROL.test(input.text)) {
    throw new BadInputError("text", "The text contains control characters (binary data?); paste plain text.");
  }
  const text = input.text.trim();
  if (!text) throw new BadInputError("text", "The text is empty: paste the article's text.");
  if ((text.match(/\p{L}/gu) ?? []).length < 10) {
    throw new BadInputError("text", "The text has almost no words; paste the article's text.");
  }
  const url = input.url?.trim() ? checkUrl(input.url).href : null;
  return storeArticle(
    db,
    {
      origin: "paste",
      title: input.title?.trim() || firstLine(text),
      text,
      url,
      publishedOn: input.publishedOn ?? null,
    },
    ctx,
  );
}

/** The file type by its extension (.htm counts as .html), or a refusal naming the allowed types. */
export function fileTypeOf(fileName: string): ArticleFileType {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? "";
  const type = ext === "htm" ? "html" : ext === "markdown" ? "md" : ext;
  if (!(ARTICLE_FILE_TYPES as readonly string[]).includes(type)) {
    throw new BadInputError(
      "file",
      `${fileName ? `"${fileName.slice(0, 100)}"` : "The file"} is not a supported type; upload a .txt, .html (.htm) or .md file.`,
    );
  }
  return type as ArticleFileType;
}

/** An uploaded .txt, .html/.htm or .md file. */
export async function ingestUpload(
  db: Db,
  input: UploadIngestInput,
  ctx: { now: Date; userId: string | null },
): Promise<IngestResult> {
  const type = fileTypeOf(input.fileName);
  const { text } = decodeText(input.bytes, { field: "file", sniffMarkup: type === "html" });
  const baseName = input.fileName.replace(/^.*[\\/]/, "").slice(0, 200);
  let article: ReadableArticle;
  if (type === "html") {
    article = readableFromHtml(text, { field: "file" });
  } else if (type === "md") {
    const md = textFromMarkdown(text);
    article = { title: md.title ?? firstLine(md.text), text: md.text };
  } else {
    if (CONTROL.test(text)) throw new BadInputError("file", "The file contains control characters; upload plain text.");
    article = { title: firstLine(text), text };
  }
  if ((article.text.match(/\p{L}/gu) ?? []).length < 10) {
    throw new BadInputError("file", "The file has no readable text.");
  }
  return storeArticle(
    db,
    {
      origin: "upload",
      title: article.title || baseName,
      text: article.text,
      publisher: article.publisher ?? null,
      publishedOn: article.publishedOn ?? null,
      language: article.language === "ko" || article.language === "en" ? article.language : undefined,
      fileName: baseName,
    },
    ctx,
  );
}
