// Sources: what an editor enters about an article, a document or a data set. URLs are http(s) only.
import { z } from "zod";
import { SOURCE_KINDS } from "@/server/core/constants";
import { editMeta, MAX_NOTE, optionalDate, optionalText, recordKey, text, title } from "@/server/core/schemas";

export const MAX_URL = 2000;

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const sourceUrl = z
  .string()
  .trim()
  .max(MAX_URL, `must be at most ${MAX_URL} characters`)
  .refine(isHttpUrl, "must be a web address starting with http:// or https:// (javascript:, data: and others are refused)");

const language = z.string().regex(/^[a-z]{2}$/, "must be a two-letter language code such as en or ko");

export const sourceFields = z.object({
  title,
  publisher: text(300),
  publishedOn: optionalDate,
  url: sourceUrl.nullish(),
  kind: z.enum(SOURCE_KINDS),
  language,
  sourceNote: optionalText(MAX_NOTE),
});

export const createSourceInput = sourceFields.extend({ language: language.default("en"), key: recordKey, note: editMeta.note });
export const updateSourceInput = sourceFields.partial().extend({ key: recordKey, note: editMeta.note });
export type CreateSourceInput = z.infer<typeof createSourceInput>;
export type UpdateSourceInput = z.infer<typeof updateSourceInput>;
