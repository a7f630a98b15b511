// Fixed-window attempt counters in the database (table rate_limits), so a limit holds across processes and
// instances: sign-in attempts per account (better-auth limits per client address and path; this adds a bucket per
// email address, so guessing one account's password from many addresses is bounded too), subscribe-form submissions
// and screen pairing per client address. One atomic upsert per attempt.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { RateLimitedError } from "./errors";

export type Limit = { windowSeconds: number; max: number };

/** Counts one attempt for `key` in a fixed window; false when the window's attempts exceed `max`. */
export async function consumeAttempt(db: Db, key: string, limit: Limit, now: Date): Promise<boolean> {
  const nowMs = now.getTime();
  const windowStart = nowMs - limit.windowSeconds * 1000;
  const expired = sql`${rateLimits.lastRequest} <= ${windowStart}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ id: randomUUID(), key, count: 1, lastRequest: nowMs })
    .onConflictDoUpdate({
      target: rateLimits.key,
      // lastRequest holds the start of this key's current window.
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        lastRequest: sql`case when ${expired} then ${nowMs}::bigint else ${rateLimits.lastRequest} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return (row?.count ?? 1) <= limit.max;
}

/**
 * Counts one attempt for `key`; over the limit, refuses with a RateLimitedError carrying `message` (what happened
 * and when to try again), which tRPC answers with TOO_MANY_REQUESTS and REST with 429.
 */
export async function enforceLimit(db: Db, key: string, limit: Limit, now: Date, message: string): Promise<void> {
  if (!(await consumeAttempt(db, key, limit, now))) throw new RateLimitedError(message, limit.windowSeconds);
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}|/sign-in/email`;
