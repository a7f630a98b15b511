// Sign-in attempts per account. better-auth limits per client address and path; this adds a bucket per email
// address in the same table (rate_limits), so guessing one account's password from many addresses is bounded too.
// One atomic upsert per attempt: safe across processes.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

export type Limit = { windowSeconds: number; max: number };

/** Counts one attempt for `key` in a fixed window; false when the window's attempts exceed `max`. */
export async function consumeAttempt(db: Db, key: string, limit: Limit, nowMs = Date.now()): Promise<boolean> {
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

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}|/sign-in/email`;
