// Inputs of article ingestion (paste, URL) and of the article list / page, shared by the tRPC router and the forms.
import { z } from "zod";
import { MAX_ARTICLE_BYTES, MAX_NEWS_PAGE } from "@/server/news/constants";
import { isoDate, limitUpTo, optionalText, rowId } from "@/server/core/schemas";

export const MAX_ARTICLE_TITLE = 500;
export const MAX_URL = 2000;

const httpUrl = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_URL, `must be at most ${MAX_URL} characters`)
  .refine((s) => {
    try {
      return ["http:", "https:"].includes(new URL(s).protocol);
    } catch {
      return false;
    }
  }, "must be a full address starting with http:// or https://");

/** Pasted article text: the size limit is checked again in bytes by the service. */
export const pasteArticleInput = z.object({
  text: z
    .string()
    .max(MAX_ARTICLE_BYTES, "is larger than 5 MB; paste a shorter article")
    .refine((s) => s.trim().length > 0, "must not be empty: paste the article's text")
    // A lone UTF-16 surrogate is not text (PostgreSQL refuses it in the audit entry's JSON): shown as U+FFFD, as a
    // browser shows it, rather than refusing a whole article for one broken character.
    .transform((s) => s.replace(/\p{Cs}/gu, "\uFFFD")),
  title: optionalText(MAX_ARTICLE_TITLE),
  url: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), httpUrl.nullish()).transform((v) => v ?? null),
  publishedOn: z.preprocess((v) => (v === "" ? null : v), isoDate.nullish()).transform((v) => v ?? null),
});
export type PasteArticleInput = z.input<typeof pasteArticleInput>;

export const urlArticleInput = z.object({ url: httpUrl });

export const listArticlesInput = z
  .object({ limit: limitUpTo(MAX_NEWS_PAGE).default(50) })
  .default({ limit: 50 });

export const articleIdInput = z.object({ id: rowId });
