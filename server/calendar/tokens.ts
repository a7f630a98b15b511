// Feed tokens: revocable read-only credentials a calendar app puts in the feed URL (`?token=…`) when reading needs
// sign-in — calendar apps cannot sign in. Only the SHA-256 of a token is stored; the token is shown once, at creation.
// A token works while it is not revoked and its owner is active (deactivating a user stops their feeds too).
import { createHash, randomBytes } from "node:crypto";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { feedTokens, users } from "@/db/schema";
import { NotFoundError, ServiceError } from "@/server/core/errors";

export type FeedTokenRow = {
  id: number;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Active (not revoked) tokens one person may hold. */
export const MAX_ACTIVE_FEED_TOKENS = 20;
/** `feedTokens.list`: the newest tokens listed (the active ones, at most MAX_ACTIVE_FEED_TOKENS, and revoked ones). */
export const MAX_LISTED_FEED_TOKENS = 100;
const TOKEN_PREFIX = "twf_";
/** Longer input is refused before hashing. */
export const MAX_FEED_TOKEN_LENGTH = 200;

const columns = {
  id: feedTokens.id,
  label: feedTokens.label,
  createdAt: feedTokens.createdAt,
  lastUsedAt: feedTokens.lastUsedAt,
  revokedAt: feedTokens.revokedAt,
};

export const hashFeedToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Creates a token for `userId`; the returned `token` is the only time it is seen in clear. */
export async function createFeedToken(
  db: Db,
  userId: string,
  label: string,
  now: Date,
): Promise<FeedTokenRow & { token: string }> {
  const [active] = await db
    .select({ n: count() })
    .from(feedTokens)
    .where(and(eq(feedTokens.userId, userId), isNull(feedTokens.revokedAt)));
  if ((active?.n ?? 0) >= MAX_ACTIVE_FEED_TOKENS) {
    throw new ServiceError(
      `You already have ${MAX_ACTIVE_FEED_TOKENS} active feed tokens; revoke one you no longer use first`,
      "BAD_REQUEST",
      "label",
    );
  }
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const [row] = await db
    .insert(feedTokens)
    .values({ userId, label, tokenHash: hashFeedToken(token), createdAt: now })
    .returning(columns);
  return { ...row!, token };
}

/** The person's tokens, newest first, revoked ones included (with when). Never the token or its hash. */
export function listFeedTokens(db: Db, userId: string): Promise<FeedTokenRow[]> {
  return db
    .select(columns)
    .from(feedTokens)
    .where(eq(feedTokens.userId, userId))
    // Active ones first, so none hides behind revoked ones; newest first within each.
    .orderBy(sql`${feedTokens.revokedAt} is null desc`, desc(feedTokens.createdAt), desc(feedTokens.id))
    .limit(MAX_LISTED_FEED_TOKENS);
}

/** Revokes one of the person's tokens (again is a no-op); someone else's token is "not found". */
export async function revokeFeedToken(db: Db, userId: string, id: number, now: Date): Promise<FeedTokenRow> {
  const [revoked] = await db
    .update(feedTokens)
    .set({ revokedAt: now })
    .where(and(eq(feedTokens.id, id), eq(feedTokens.userId, userId), isNull(feedTokens.revokedAt)))
    .returning(columns);
  if (revoked) return revoked;
  const [existing] = await db
    .select(columns)
    .from(feedTokens)
    .where(and(eq(feedTokens.id, id), eq(feedTokens.userId, userId)));
  if (!existing) throw new NotFoundError(`Feed token ${id}`);
  return existing;
}

export type FeedTokenCheck =
  | { ok: true; userId: string; tokenId: number }
  | { ok: false; reason: "unknown" | "revoked" | "deactivated" };

/** Checks a token from a feed URL and, when it is good, records that it was used at `now`. */
export async function checkFeedToken(db: Db, token: string, now: Date): Promise<FeedTokenCheck> {
  if (token.length === 0 || token.length > MAX_FEED_TOKEN_LENGTH) return { ok: false, reason: "unknown" };
  const [row] = await db
    .select({ id: feedTokens.id, userId: feedTokens.userId, revokedAt: feedTokens.revokedAt, banned: users.banned })
    .from(feedTokens)
    .innerJoin(users, eq(users.id, feedTokens.userId))
    .where(eq(feedTokens.tokenHash, hashFeedToken(token)));
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (row.banned) return { ok: false, reason: "deactivated" };
  await db.update(feedTokens).set({ lastUsedAt: now }).where(eq(feedTokens.id, row.id));
  return { ok: true, userId: row.userId, tokenId: row.id };
}
