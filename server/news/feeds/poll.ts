// Polling feeds: a conditional GET (If-None-Match / If-Modified-Since), parse, record every new item once (unique
// (feed, guid) decides what is new), ingest the items matching the feed's keywords (their facts go to the review
// queue), update the feed's status. An error on the feed itself (network, HTTP status, too large, not a feed)
// puts it in state "error" with the message and backs off (interval × 2^failures, capped; Retry-After honoured
// when the refusal carries it); an error on one item is recorded on that item and the others go on. pollDueFeeds
// claims each due feed with UPDATE … FOR UPDATE SKIP LOCKED, so concurrent workers never poll one feed twice.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { feedItems, feeds } from "@/db/schema";
import { FEED_MAX_BACKOFF_MINUTES } from "@/server/news/constants";
import type { IngestConfig } from "@/server/core/config";
import { storeArticle, type IngestResult } from "@/server/news/ingest/articles";
import { safeFetch } from "@/server/core/safe-fetch";
import { ingestFromUrl } from "@/server/news/ingest/ingest";
import { NotFoundError } from "@/server/core/errors";
import type { FeedItemOutcome } from "@/server/news/constants";
import type { Feed } from "./feeds";
import { keywordMatcher } from "./keywords";
import { decodeFeed, htmlToText, parseFeed, type FeedItem } from "./parse";

export type PollSummary = { feeds: number; items: number; ingested: number; errors: number };

const MINUTE = 60_000;
/** How long a claimed feed is kept from other workers if this one dies mid-poll. */
const CLAIM_LEASE_MINUTES = 15;
/** Feeds one run polls at most (the rest wait for the next run). */
const MAX_FEEDS_PER_RUN = 500;
const ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/** Minutes until the next try after `failures` consecutive failures (the first failure waits 2 × interval). */
export function backoffMinutes(intervalMinutes: number, failures: number, retryAfterSeconds?: number | null): number {
  const doubled = intervalMinutes * 2 ** Math.min(failures, 20);
  const wait = retryAfterSeconds != null ? Math.max(Math.ceil(retryAfterSeconds / 60), intervalMinutes) : doubled;
  return Math.min(wait, FEED_MAX_BACKOFF_MINUTES);
}

/** Retry-After as seconds from `now` (delta-seconds or an HTTP date), or null. */
export function retryAfterSeconds(value: string | undefined | null, now: Date): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - now.getTime()) / 1000));
}

/** What a thrown error says about the HTTP answer, when there was one (safeFetch's FetchRefusedError). */
function refusal(error: unknown): { message: string; status: number | null; retryAfter: string | null } {
  const e = (error ?? {}) as { message?: unknown; status?: unknown; headers?: Record<string, string> };
  return {
    message: (typeof e.message === "string" && e.message) || String(error),
    status: typeof e.status === "number" ? e.status : null,
    retryAfter: e.headers?.["retry-after"] ?? null,
  };
}

async function recordFailure(db: Db, feed: Feed, now: Date, failure: { message: string; status: number | null; retryAfter: string | null }) {
  const failures = feed.consecutiveFailures + 1;
  const retry = failure.status === 429 || failure.status === 503 ? retryAfterSeconds(failure.retryAfter, now) : null;
  await db
    .update(feeds)
    .set({
      state: feed.active ? "error" : "paused",
      lastCheckedAt: now,
      lastHttpStatus: failure.status,
      lastError: failure.message.slice(0, 1000),
      consecutiveFailures: failures,
      nextCheckAt: new Date(now.getTime() + backoffMinutes(feed.intervalMinutes, failures, retry) * MINUTE),
    })
    .where(eq(feeds.id, feed.id));
}

async function ingestItem(db: Db, feed: Feed, item: FeedItem, ingest: IngestConfig, now: Date): Promise<IngestResult> {
  if (item.link) {
    return ingestFromUrl(
      db,
      { url: item.link, origin: "feed", feedId: feed.id, title: item.title || null, publishedOn: item.publishedOn, fallbackHtml: item.contentHtml ?? item.summary },
      { now, userId: null, policy: ingest.fetch },
    );
  }
  // No page to fetch: the item's own content is the article.
  const text = htmlToText(item.contentHtml ?? "") || item.summary || "";
  if (!text.trim()) throw new Error("the item has no link and no text to ingest");
  return storeArticle(db, { origin: "feed", title: item.title, text, publishedOn: item.publishedOn, feedId: feed.id }, { now, userId: null });
}

/** Polls one feed now (whatever its next check), records its items, ingests the matching ones. */
export async function pollFeed(db: Db, feedId: number, ingest: IngestConfig, now: Date): Promise<PollSummary> {
  const [feed] = await db.select().from(feeds).where(eq(feeds.id, feedId));
  if (!feed) throw new NotFoundError(`Feed #${feedId}`);
  return pollClaimed(db, feed, ingest, now);
}

async function pollClaimed(db: Db, feed: Feed, ingest: IngestConfig, now: Date): Promise<PollSummary> {
  const summary: PollSummary = { feeds: 1, items: 0, ingested: 0, errors: 0 };
  const headers: Record<string, string> = { accept: ACCEPT };
  if (feed.etag) headers["if-none-match"] = feed.etag;
  if (feed.lastModified) headers["if-modified-since"] = feed.lastModified;

  let parsed: ReturnType<typeof parseFeed>;
  let response: Awaited<ReturnType<typeof safeFetch>>;
  try {
    response = await safeFetch({ url: feed.url, policy: ingest.fetch, headers });
    parsed = response.status === 304 ? { format: "rss", title: "", items: [] } : parseFeed(decodeFeed(response.body, response.charset), response.url);
  } catch (error) {
    await recordFailure(db, feed, now, refusal(error));
    summary.errors++;
    return summary;
  }

  const state = feed.active ? "ok" : "paused";
  const nextCheckAt = new Date(now.getTime() + feed.intervalMinutes * MINUTE);
  const success = { state, lastCheckedAt: now, lastSuccessAt: now, lastHttpStatus: response.status, lastError: null, consecutiveFailures: 0, nextCheckAt } as const;
  if (response.status === 304) {
    await db.update(feeds).set(success).where(eq(feeds.id, feed.id));
    return summary;
  }

  const matches = keywordMatcher(feed.keywords);
  let seen = 0;
  // Oldest first (feeds list newest first), so ids follow publication and the newest shows on top.
  const items = [...parsed.items].reverse();
  const unique = items.filter((item, i) => items.findIndex((o) => o.guid === item.guid) === i);
  for (const item of unique) {
    const matched = matches(`${item.title}\n${item.summary ?? ""}`) !== null;
    const [row] = await db
      .insert(feedItems)
      .values({
        feedId: feed.id,
        guid: item.guid,
        link: item.link,
        title: item.title || "(untitled)",
        publishedAt: item.publishedAt,
        matched,
        outcome: matched ? "pending" : "no-match",
        seenAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: feedItems.id });
    if (!row) continue; // seen at an earlier poll
    seen++;
    summary.items++;
    if (!matched) continue;
    let outcome: FeedItemOutcome;
    let articleId: number | null = null;
    let error: string | null = null;
    try {
      const result = await ingestItem(db, feed, item, ingest, now);
      articleId = result.articleId;
      outcome = result.status === "created" ? "ingested" : "duplicate";
      if (outcome === "ingested") summary.ingested++;
    } catch (e) {
      outcome = "error";
      error = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
      summary.errors++;
    }
    await db.update(feedItems).set({ outcome, articleId, error }).where(eq(feedItems.id, row.id));
  }

  await db
    .update(feeds)
    .set({
      ...success,
      etag: response.headers.etag ?? null,
      lastModified: response.headers["last-modified"] ?? null,
      itemsSeen: sql`${feeds.itemsSeen} + ${seen}`,
      itemsIngested: sql`${feeds.itemsIngested} + ${summary.ingested}`,
    })
    .where(eq(feeds.id, feed.id));
  return summary;
}

/**
 * Takes the next due feed (active, next check passed, oldest first) and pushes its next check out by a lease, in
 * one statement that skips rows another worker holds: each due feed goes to exactly one worker.
 */
async function claimDueFeed(db: Db, now: Date): Promise<Feed | null> {
  const lease = new Date(now.getTime() + CLAIM_LEASE_MINUTES * MINUTE);
  const result = (await db.execute(sql`
    update ${feeds} set next_check_at = ${lease.toISOString()}::timestamptz
    where id = (
      select id from ${feeds}
      where active and next_check_at <= ${now.toISOString()}::timestamptz
      order by next_check_at, id
      limit 1
      for update skip locked
    )
    returning id`)) as unknown as { rows: { id: number }[] };
  const id = result.rows[0]?.id;
  if (id === undefined) return null;
  const [feed] = await db.select().from(feeds).where(eq(feeds.id, id));
  return feed ?? null;
}

/** Polls every feed whose next check has come; one feed failing never stops the others. */
export async function pollDueFeeds(db: Db, ingest: IngestConfig, now: Date): Promise<PollSummary> {
  const total: PollSummary = { feeds: 0, items: 0, ingested: 0, errors: 0 };
  for (let n = 0; n < MAX_FEEDS_PER_RUN; n++) {
    const feed = await claimDueFeed(db, now);
    if (!feed) break;
    let result: PollSummary;
    try {
      result = await pollClaimed(db, feed, ingest, now);
    } catch (error) {
      // A database hiccup on one feed: count it, keep its lease (retried after it), go on with the next.
      console.error(`[feeds] polling feed #${feed.id} failed:`, error);
      result = { feeds: 1, items: 0, ingested: 0, errors: 1 };
    }
    total.feeds += result.feeds;
    total.items += result.items;
    total.ingested += result.ingested;
    total.errors += result.errors;
  }
  return total;
}
