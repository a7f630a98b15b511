// The contact points' outbox: deliveries leased in batches (FOR UPDATE SKIP LOCKED, with a lease that expires if the
// worker dies), attempted a few at a time, each attempt recorded (alert_delivery_attempts: why a channel did or did
// not get it), then marked sent, retried with backoff (never sooner than the receiver's Retry-After) or failed. A
// paused contact point's deliveries wait, untouched, until it is resumed. Each delivery carries its own message id:
// a retry after a crash sends the same one (the webhook-id), so a receiver can drop the copy.
import { and, asc, eq, gt, inArray, lt, lte, notExists, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertContactPoints, alertDeliveries, alertDeliveryAttempts, alertMutes } from "@/db/schema";
import { channelPolicy, type AlertsConfig } from "@/server/core/config";
import { DELIVERY_LEASE_SECONDS, MAX_DELIVERY_ATTEMPTS } from "@/server/alerts/constants";
import { backoffSeconds } from "@/server/alerts/mailer";
import type { ChannelContent } from "./content";
import { decryptSecret, secretsKey } from "./secrets";
import { attemptDelivery, type Attempt } from "./send";

export type ChannelDeliverResult = { sent: number; retried: number; failed: number };

/** Deliveries in flight at once per worker. */
const CONCURRENCY = 8;

async function lease(db: Db, config: AlertsConfig, now: Date, batch: number, only?: number) {
  const leaseUntil = new Date(now.getTime() + DELIVERY_LEASE_SECONDS * 1000);
  const claimable = db
    .select({ id: alertDeliveries.id })
    .from(alertDeliveries)
    .innerJoin(alertContactPoints, eq(alertContactPoints.id, alertDeliveries.contactPointId))
    .where(
      and(
        eq(alertContactPoints.paused, false),
        // An admin's mute window holds them: they wait, untouched, until it ends.
        notExists(
          db
            .select({ one: sql`1` })
            .from(alertMutes)
            .where(and(eq(alertMutes.contactPointId, alertContactPoints.id), lte(alertMutes.startsAt, now), gt(alertMutes.endsAt, now))),
        ),
        only === undefined ? undefined : eq(alertDeliveries.id, only),
        or(
          and(eq(alertDeliveries.status, "pending"), lte(alertDeliveries.nextAttemptAt, now)),
          and(eq(alertDeliveries.status, "sending"), lt(alertDeliveries.leaseUntil, now)),
        ),
      ),
    )
    .orderBy(asc(alertDeliveries.nextAttemptAt), asc(alertDeliveries.id))
    .limit(batch)
    .for("update", { of: alertDeliveries, skipLocked: true });
  return db
    .update(alertDeliveries)
    .set({ status: "sending", leaseUntil, leasedBy: config.workerId, attempts: sql`${alertDeliveries.attempts} + 1` })
    .where(inArray(alertDeliveries.id, claimable))
    .returning();
}

type Leased = Awaited<ReturnType<typeof lease>>[number];

export async function deliverToContactPoints(
  db: Db,
  config: AlertsConfig,
  now: Date,
  {
    batch = 50,
    maxBatches = 1000,
    only,
    lookup,
    ca,
  }: { batch?: number; maxBatches?: number; /** Just this delivery ("send test"). */ only?: number; lookup?: Parameters<typeof attemptDelivery>[2]["lookup"]; ca?: string } = {},
): Promise<ChannelDeliverResult> {
  const result: ChannelDeliverResult = { sent: 0, retried: 0, failed: 0 };
  const key = secretsKey(config.secret);
  for (let i = 0; i < maxBatches; i++) {
    const leased = await lease(db, config, now, batch, only);
    if (leased.length === 0) break;
    const points = new Map(
      (await db.select().from(alertContactPoints).where(inArray(alertContactPoints.id, [...new Set(leased.map((d) => d.contactPointId))]))).map((p) => [p.id, p]),
    );
    let next = 0;
    const lane = async () => {
      while (next < leased.length) {
        const delivery = leased[next++]!;
        const point = points.get(delivery.contactPointId)!;
        const url = point.urlCipher ? decryptSecret(key, point.urlCipher) : null;
        const secret = point.secretCipher ? decryptSecret(key, point.secretCipher) : null;
        const attempt: Attempt = url
          ? await attemptDelivery({ type: point.type, url, secret }, { messageId: delivery.messageId, content: delivery.content as ChannelContent }, { policy: channelPolicy(config), now, lookup, ca })
          : { outcome: "permanent", retryAfterSeconds: null, detail: "The contact point's URL cannot be read (restored without secrets, or the app secret changed): enter it again.", httpStatus: null, durationMs: 0 };
        await record(db, delivery, attempt, now, result);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, leased.length) }, lane));
  }
  return result;
}

/** The attempt's row and what it means for the delivery. */
async function record(db: Db, delivery: Leased, attempt: Attempt, now: Date, result: ChannelDeliverResult): Promise<void> {
  await db.insert(alertDeliveryAttempts).values({
    deliveryId: delivery.id,
    at: now,
    outcome: attempt.outcome,
    httpStatus: attempt.httpStatus,
    detail: attempt.detail,
    retryAfterSeconds: attempt.retryAfterSeconds,
    durationMs: attempt.durationMs,
  });
  const mine = and(eq(alertDeliveries.id, delivery.id), eq(alertDeliveries.leasedBy, delivery.leasedBy!));
  if (attempt.outcome === "sent") {
    await db.update(alertDeliveries).set({ status: "sent", sentAt: now, leaseUntil: null, lastError: null }).where(mine);
    result.sent++;
  } else if (attempt.outcome === "transient" && delivery.attempts < MAX_DELIVERY_ATTEMPTS) {
    const wait = Math.max(backoffSeconds(delivery.attempts), attempt.retryAfterSeconds ?? 0);
    await db
      .update(alertDeliveries)
      .set({ status: "pending", leaseUntil: null, lastError: attempt.detail, nextAttemptAt: new Date(now.getTime() + wait * 1000) })
      .where(mine);
    result.retried++;
  } else {
    const why = attempt.outcome === "permanent" ? "Refused" : `Gave up after ${delivery.attempts} attempts`;
    await db.update(alertDeliveries).set({ status: "failed", leaseUntil: null, lastError: `${why}: ${attempt.detail}`.slice(0, 1000) }).where(mine);
    result.failed++;
  }
}
