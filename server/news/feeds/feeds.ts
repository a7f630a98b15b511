// Feeds as an editor manages them: subscribe, change, pause/resume, delete, and read their status and recent items.
// Changes by an editor are audited (record type "feed", key = the feed's id); a change without a user (a script)
// is not. Polling lives in poll.ts.
import { and, asc, count, desc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, feedItems, feeds } from "@/db/schema";
import {
  createFeedInput,
  feedItemsInput,
  updateFeedInput,
  type CreateFeedInput,
  type UpdateFeedInput,
} from "./schemas";
import { inTransaction, type Tx } from "@/server/core/transactions";
import { MAX_FEEDS, type FeedItemOutcome } from "@/server/news/constants";
import { writeAudit } from "@/server/core/audit";
import type { Actor } from "@/server/core/actor";
import { NotFoundError, ServiceError, BadInputError } from "@/server/core/errors";


export type Feed = typeof feeds.$inferSelect;
/** A feed as shown: everything but the validators the server keeps for conditional requests. */
export type FeedStatus = Omit<Feed, "etag" | "lastModified" | "createdBy">;

const MINUTE = 60_000;

const audit = (tx: Tx, actor: Actor, entry: Omit<Parameters<typeof writeAudit>[2], "recordType">) =>
  writeAudit(tx, actor, { ...entry, recordType: "feed" });

/** What the audit log keeps of a feed: its configuration, not its polling bookkeeping. */
const config = (f: Feed) => ({ name: f.name, url: f.url, keywords: f.keywords, intervalMinutes: f.intervalMinutes, active: f.active });

const status = ({ etag: _e, lastModified: _l, createdBy: _c, ...rest }: Feed): FeedStatus => rest;

async function feedById(db: Db | Tx, id: number, forUpdate = false): Promise<Feed> {
  const query = db.select().from(feeds).where(eq(feeds.id, id));
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw new NotFoundError(`Feed #${id}`);
  return row;
}

async function refuseDuplicateUrl(tx: Tx, url: string, exceptId?: number) {
  const [taken] = await tx
    .select({ id: feeds.id, name: feeds.name })
    .from(feeds)
    .where(exceptId ? and(eq(feeds.url, url), ne(feeds.id, exceptId)) : eq(feeds.url, url));
  if (taken) throw new ServiceError(`A feed with this URL already exists ("${taken.name}"); edit that one instead`, "CONFLICT", "url");
}

/** Subscribes to a feed; it is polled at the next run of the feeds job. */
export async function createFeed(db: Db, actor: Actor, raw: CreateFeedInput): Promise<FeedStatus> {
  const input = createFeedInput.parse(raw);
  return inTransaction(db, async (tx) => {
    await refuseDuplicateUrl(tx, input.url);
    const [made] = await tx.select({ n: count() }).from(feeds);
    if (Number(made?.n ?? 0) >= MAX_FEEDS) {
      throw new ServiceError(`There are ${MAX_FEEDS} feeds already, the most there can be: delete one first`, "CONFLICT", "url");
    }
    const [row] = await tx
      .insert(feeds)
      .values({
        name: input.name,
        url: input.url,
        keywords: input.keywords,
        intervalMinutes: input.intervalMinutes,
        nextCheckAt: actor.now,
        createdBy: actor.user?.id ?? null,
        createdAt: actor.now,
      })
      .returning();
    await audit(tx, actor, { action: "create", recordKey: String(row!.id), after: config(row!) });
    return status(row!);
  });
}

/**
 * Changes a feed's name, keywords, interval or active flag. Pausing sets the state "paused"; resuming checks the
 * feed at the next run. A new interval applies from the last check (a failing feed keeps its backoff).
 */
export async function updateFeed(db: Db, actor: Actor, raw: UpdateFeedInput): Promise<FeedStatus> {
  const input = updateFeedInput.parse(raw);
  return inTransaction(db, async (tx) => {
    const old = await feedById(tx, input.id, true);
    const next: Partial<Feed> = {};
    if (input.name !== undefined) next.name = input.name;
    if (input.keywords !== undefined) next.keywords = input.keywords;
    if (input.intervalMinutes !== undefined && input.intervalMinutes !== old.intervalMinutes) {
      next.intervalMinutes = input.intervalMinutes;
      if (old.consecutiveFailures === 0 && old.lastCheckedAt) {
        next.nextCheckAt = new Date(Math.max(actor.now.getTime(), old.lastCheckedAt.getTime() + input.intervalMinutes * MINUTE));
      }
    }
    if (input.active !== undefined && input.active !== old.active) {
      next.active = input.active;
      if (!input.active) next.state = "paused";
      else {
        next.state = old.consecutiveFailures > 0 ? "error" : old.lastCheckedAt ? "ok" : "new";
        next.nextCheckAt = actor.now;
      }
    }
    const changed = Object.keys(next).some((k) => JSON.stringify(next[k as keyof Feed]) !== JSON.stringify(old[k as keyof Feed]));
    if (!changed) throw new BadInputError("id", "Nothing changed: this is the feed's current configuration");
    const [row] = await tx.update(feeds).set(next).where(eq(feeds.id, old.id)).returning();
    const note = input.active === false && old.active ? "paused" : input.active === true && !old.active ? "resumed" : null;
    await audit(tx, actor, { action: "update", recordKey: String(old.id), before: config(old), after: config(row!), note });
    return status(row!);
  });
}

/** Removes a feed and the record of its items; the articles it brought stay (without the link to the feed). */
export async function deleteFeed(db: Db, actor: Actor, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (tx) => {
    const old = await feedById(tx, id, true);
    await tx.delete(feeds).where(eq(feeds.id, id));
    await audit(tx, actor, { action: "delete", recordKey: String(id), before: config(old) });
    return { id };
  });
}

/** Every feed with its status (state, last check/success, HTTP status, error, failures, next check, counts). */
export async function listFeeds(db: Db): Promise<FeedStatus[]> {
  const rows = await db.select().from(feeds).orderBy(asc(feeds.name), asc(feeds.id)).limit(MAX_FEEDS);
  return rows.map(status);
}

export async function getFeed(db: Db, id: number): Promise<FeedStatus> {
  return status(await feedById(db, id));
}

export type FeedItemRow = {
  id: number;
  guid: string;
  link: string | null;
  title: string;
  publishedAt: Date | null;
  seenAt: Date;
  matched: boolean;
  outcome: FeedItemOutcome;
  articleId: number | null;
  articleTitle: string | null;
  error: string | null;
};

/** The feed's most recent items, newest first, each with what became of it. */
export async function listFeedItems(db: Db, raw: { feedId: number; limit?: number }): Promise<FeedItemRow[]> {
  const input = feedItemsInput.parse(raw);
  await feedById(db, input.feedId);
  const rows = await db
    .select({
      id: feedItems.id,
      guid: feedItems.guid,
      link: feedItems.link,
      title: feedItems.title,
      publishedAt: feedItems.publishedAt,
      seenAt: feedItems.seenAt,
      matched: feedItems.matched,
      outcome: feedItems.outcome,
      articleId: feedItems.articleId,
      articleTitle: articles.title,
      error: feedItems.error,
    })
    .from(feedItems)
    .leftJoin(articles, eq(articles.id, feedItems.articleId))
    .where(eq(feedItems.feedId, input.feedId))
    .orderBy(desc(feedItems.seenAt), desc(feedItems.id))
    .limit(input.limit);
  // Null only in items restored from a backup made before outcomes were an enum (migration 0009): pending then.
  return rows.map((r) => ({ ...r, outcome: r.outcome ?? "pending" }));
}
