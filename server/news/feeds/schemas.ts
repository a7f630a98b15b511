// Feeds: what an editor gives when subscribing to or changing an RSS/Atom feed, and the inputs of the feeds router.
// One schema for the router and the form (the form sends keywords as the list it split from "tariff, KOSPI, 관세").
import { z } from "zod";
import { DEFAULT_FEED_KEYWORDS, FEED_INTERVAL_MINUTES, FEED_MAX_BACKOFF_MINUTES, MAX_NEWS_PAGE } from "@/server/news/constants";
import { limitUpTo, rowId, text } from "@/server/core/schemas";

export const FEED_INTERVAL_LIMITS = { min: 5, max: FEED_MAX_BACKOFF_MINUTES } as const;
export const MAX_FEED_KEYWORDS = 50;
export const MAX_FEED_URL = 2000;

/** What became of a feed item: ingested into an article, the same as an article already stored, skipped, failed. */

export const feedUrl = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_FEED_URL, `must be at most ${MAX_FEED_URL} characters`)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a full address starting with http:// or https://" });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") ctx.addIssue({ code: "custom", message: "must start with http:// or https://" });
    else if (url.username || url.password) ctx.addIssue({ code: "custom", message: "must not contain a user name or password" });
  })
  // One spelling per feed: lower-case scheme and host, no fragment.
  .transform((value) => {
    const url = new URL(value);
    url.hash = "";
    return url.toString();
  });

export const feedKeywords = z
  .array(text(100))
  .max(MAX_FEED_KEYWORDS, `at most ${MAX_FEED_KEYWORDS} keywords`)
  // Case-insensitive duplicates dropped, first spelling kept.
  .transform((list) => list.filter((k, i) => list.findIndex((o) => o.toLowerCase() === k.toLowerCase()) === i));

export const feedInterval = z
  .number({ error: "must be a number of minutes" })
  .int("must be a whole number of minutes")
  .min(FEED_INTERVAL_LIMITS.min, `must be at least ${FEED_INTERVAL_LIMITS.min} minutes`)
  .max(FEED_INTERVAL_LIMITS.max, `must be at most ${FEED_INTERVAL_LIMITS.max} minutes (a day)`);

export const createFeedInput = z.object({
  name: text(100),
  url: feedUrl,
  keywords: feedKeywords.default([...DEFAULT_FEED_KEYWORDS]),
  intervalMinutes: feedInterval.default(FEED_INTERVAL_MINUTES),
});
export type CreateFeedInput = z.input<typeof createFeedInput>;

export const feedIdInput = z.object({ id: rowId });

export const updateFeedInput = z.object({
  id: rowId,
  name: text(100).optional(),
  keywords: feedKeywords.optional(),
  intervalMinutes: feedInterval.optional(),
  active: z.boolean().optional(),
});
export type UpdateFeedInput = z.input<typeof updateFeedInput>;

export const feedItemsInput = z.object({
  feedId: rowId,
  limit: limitUpTo(MAX_NEWS_PAGE).default(20),
});

/** "tariff, KOSPI ,관세" → ["tariff", "KOSPI", "관세"] (commas, full-width commas or line breaks). */
export function splitKeywords(raw: string): string[] {
  return raw
    .split(/[,，、\n]/)
    .map((k) => k.trim())
    .filter(Boolean);
}
