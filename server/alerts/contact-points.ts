// Contact points: a team's Slack or Teams channel, or a signed webhook, that receives alerts beside email. Each is
// planned as a subscriber of its own (channel, language, zone, a subscription with scope and offsets), so the
// planner, grouping and once-only guarantees are the email ones; compose puts its messages in the deliveries outbox
// (channels/deliveries.ts). The URL is checked by the SSRF guard when saved (and again at every send), then stored
// encrypted; only a hint is ever shown. A webhook's signing secret is generated here and returned once, at creation.
import { randomBytes, randomUUID } from "node:crypto";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertContactPoints, alertDeliveries, alertDeliveryAttempts, alertMutes, alertSubscribers, alertSubscriptions } from "@/db/schema";
import type { SignedInActor } from "@/server/core/actor";
import { writeAudit } from "@/server/core/audit";
import { channelPolicy, type AlertsConfig } from "@/server/core/config";
import { BadInputError, NotFoundError } from "@/server/core/errors";
import { checkUrl, FetchRefusedError } from "@/server/core/safe-fetch";
import type { Locale } from "@/server/core/constants";
import { testContent } from "./channels/content";
import { deliverToContactPoints } from "./channels/deliveries";
import { encryptSecret, newSigningSecret, secretsKey, urlHint } from "./channels/secrets";
import { CONTACT_POINT_HISTORY, MAX_DELIVERY_ATTEMPTS, MAX_MUTES, MAX_PERSON_SUBSCRIPTIONS, type ContactPointType } from "./constants";
import type { SubscribeData } from "./schemas";

type SubscriptionFields = SubscribeData["subscription"];

/** The placeholder address of a contact point's subscriber row: .invalid never resolves (RFC 2606), nothing is mailed. */
const placeholderAddress = () => `contact-point-${randomBytes(8).toString("hex")}@contact-points.invalid`;

/** Refuses a URL the guard would refuse at send time, with its reason (never echoing the URL). */
export async function checkDestination(config: AlertsConfig, type: ContactPointType, url: string): Promise<void> {
  try {
    await checkUrl(new URL(url), channelPolicy(config));
  } catch (error) {
    if (!(error instanceof FetchRefusedError)) throw error;
    const host = new URL(url).host;
    const why = error.reason === "scheme" ? "it must start with https://" : error.reason === "address" ? `${host} is not a public address (private, loopback, link-local or reserved)` : `${host} could not be resolved`;
    throw new BadInputError("url", `This ${type} URL cannot be used: ${why}.`);
  }
}

export type NewContactPoint = {
  name: string;
  type: ContactPointType;
  url: string;
  language: Locale;
  timeZone: string;
  subscription: SubscriptionFields;
};

/** Creates a team contact point (admin). Returns its id and, for a webhook, the signing secret — shown this once. */
export async function createContactPoint(db: Db, config: AlertsConfig, actor: SignedInActor, input: NewContactPoint): Promise<{ id: number; signingSecret: string | null }> {
  await checkDestination(config, input.type, input.url);
  return db.transaction(async (tx) => {
    const made = await insertContactPoint(tx as unknown as Db, config, input, { createdBy: actor.user.id, ownerSubscriberId: null, now: actor.now });
    // The audit entry names the point and what it follows; never the URL or the secret.
    await writeAudit(tx, actor, { action: "create", recordType: "contact_point", recordKey: String(made.id), after: { name: input.name, type: input.type, urlHint: urlHint(input.url), subscription: input.subscription } });
    return made;
  });
}

/** The rows of a contact point (its subscriber, subscription and point), in the caller's transaction; URL checked already. */
export async function insertContactPoint(
  tx: Db,
  config: AlertsConfig,
  input: NewContactPoint & { quietStart?: string | null; quietEnd?: string | null; quietUrgent?: boolean },
  owner: { createdBy: string | null; ownerSubscriberId: number | null; now: Date },
): Promise<{ id: number; signingSecret: string | null }> {
  const key = secretsKey(config.secret);
  const signingSecret = input.type === "webhook" ? newSigningSecret() : null;
  const now = owner.now;
  const quiet = { quietStart: input.quietStart ?? null, quietEnd: input.quietEnd ?? null, quietUrgent: input.quietUrgent ?? true };
  const [subscriber] = await tx
    .insert(alertSubscribers)
    .values({ email: placeholderAddress(), name: input.name, timeZone: input.timeZone, language: input.language, channel: input.type, confirmedAt: now, lastDigestAt: now, createdAt: now, ...quiet })
    .returning({ id: alertSubscribers.id });
  const s = input.subscription;
  await tx.insert(alertSubscriptions).values({ subscriberId: subscriber!.id, scope: s.scope, scopeValue: s.scopeValue, offsets: s.offsets, notifyMeasures: s.notifyMeasures, marketMovePct: s.marketMovePct, active: true, createdAt: now });
  const [point] = await tx
    .insert(alertContactPoints)
    .values({
      name: input.name,
      type: input.type,
      subscriberId: subscriber!.id,
      urlCipher: encryptSecret(key, input.url),
      urlHint: urlHint(input.url),
      secretCipher: signingSecret ? encryptSecret(key, signingSecret) : null,
      createdBy: owner.createdBy,
      ownerSubscriberId: owner.ownerSubscriberId,
      createdAt: now,
    })
    .returning({ id: alertContactPoints.id });
  return { id: point!.id, signingSecret };
}

/** A page of the contact points as the admin page lists them (by name; or the one `id`): no URL, no secret. */
export async function listContactPoints(db: Db, page: { offset: number; limit: number; id?: number }) {
  const where = page.id === undefined ? undefined : eq(alertContactPoints.id, page.id);
  const [[total], points] = await Promise.all([db.select({ n: count() }).from(alertContactPoints).where(where), db
    .select({
      id: alertContactPoints.id,
      name: alertContactPoints.name,
      type: alertContactPoints.type,
      urlHint: alertContactPoints.urlHint,
      hasUrl: alertContactPoints.urlCipher,
      paused: alertContactPoints.paused,
      language: alertSubscribers.language,
      timeZone: alertSubscribers.timeZone,
      quietStart: alertSubscribers.quietStart,
      quietEnd: alertSubscribers.quietEnd,
      quietUrgent: alertSubscribers.quietUrgent,
      subscriberId: alertContactPoints.subscriberId,
      createdAt: alertContactPoints.createdAt,
    })
    .from(alertContactPoints)
    .innerJoin(alertSubscribers, eq(alertSubscribers.id, alertContactPoints.subscriberId))
    .where(where)
    .orderBy(alertContactPoints.name, alertContactPoints.id)
    .offset(page.offset)
    .limit(page.limit)]);
  const subs = points.length
    ? await db
        .select()
        .from(alertSubscriptions)
        .where(inArray(alertSubscriptions.subscriberId, points.map((p) => p.subscriberId)))
        .limit(points.length * MAX_PERSON_SUBSCRIPTIONS)
    : [];
  return {
    points: points.map(({ hasUrl, ...p }) => ({ ...p, hasUrl: hasUrl !== null, subscriptions: subs.filter((s) => s.subscriberId === p.subscriberId) })),
    total: Number(total?.n ?? 0),
    offset: page.offset,
    limit: page.limit,
  };
}

export async function pointOrThrow(db: Db, id: number) {
  const [point] = await db.select().from(alertContactPoints).where(eq(alertContactPoints.id, id));
  if (!point) throw new NotFoundError("This contact point");
  return point;
}

export type ContactPointChanges = { id: number; name?: string; url?: string; paused?: boolean; language?: Locale; timeZone?: string };

export async function updateContactPoint(db: Db, config: AlertsConfig, actor: SignedInActor, input: ContactPointChanges): Promise<void> {
  const point = await pointOrThrow(db, input.id);
  if (input.url) await checkDestination(config, point.type, input.url);
  await db.transaction(async (tx) => {
    const url = input.url ? { urlCipher: encryptSecret(secretsKey(config.secret), input.url), urlHint: urlHint(input.url) } : {};
    await tx.update(alertContactPoints).set({ ...(input.name && { name: input.name }), ...(input.paused !== undefined && { paused: input.paused }), ...url }).where(eq(alertContactPoints.id, point.id));
    const prefs = { ...(input.name && { name: input.name }), ...(input.language && { language: input.language }), ...(input.timeZone && { timeZone: input.timeZone }) };
    if (Object.keys(prefs).length) await tx.update(alertSubscribers).set(prefs).where(eq(alertSubscribers.id, point.subscriberId));
    const after = { name: input.name, paused: input.paused, language: input.language, timeZone: input.timeZone, ...(input.url && { urlHint: urlHint(input.url), url: "replaced" }) };
    await writeAudit(tx, actor, { action: "update", recordType: "contact_point", recordKey: String(point.id), before: { name: point.name, paused: point.paused, urlHint: point.urlHint }, after });
  });
}

/** Deletes a contact point, its subscriber row, its subscriptions and its deliveries (cascade). */
export async function deleteContactPoint(db: Db, actor: SignedInActor, id: number): Promise<void> {
  const point = await pointOrThrow(db, id);
  await db.transaction(async (tx) => {
    await tx.delete(alertSubscribers).where(eq(alertSubscribers.id, point.subscriberId));
    await writeAudit(tx, actor, { action: "delete", recordType: "contact_point", recordKey: String(id), before: { name: point.name, type: point.type, urlHint: point.urlHint } });
  });
}

/** "Send test": a test message through the outbox, attempted now; the answer says what the receiver did. */
export async function sendContactPointTest(db: Db, config: AlertsConfig, id: number, now: Date, options: Parameters<typeof deliverToContactPoints>[3] = {}) {
  const point = await pointOrThrow(db, id);
  if (point.paused) throw new BadInputError("id", "This contact point is paused: resume it to send a test.");
  const [subscriber] = await db.select().from(alertSubscribers).where(eq(alertSubscribers.id, point.subscriberId));
  const content = testContent({ email: "", timeZone: subscriber!.timeZone, language: subscriber!.language as Locale }, point.name, config.publicUrl, now);
  const [delivery] = await db
    .insert(alertDeliveries)
    .values({ contactPointId: point.id, kind: "test", messageId: `msg_${randomUUID()}`, content, status: "pending", nextAttemptAt: now, createdAt: now })
    .returning({ id: alertDeliveries.id });
  await deliverToContactPoints(db, config, now, { ...options, only: delivery!.id });
  const [attempt] = await db.select().from(alertDeliveryAttempts).where(eq(alertDeliveryAttempts.deliveryId, delivery!.id)).orderBy(desc(alertDeliveryAttempts.id)).limit(1);
  return { deliveryId: delivery!.id, outcome: attempt?.outcome ?? null, httpStatus: attempt?.httpStatus ?? null, detail: attempt?.detail ?? null };
}

/** "Why did or didn't this channel get it?": the latest deliveries with every attempt. */
export async function contactPointHistory(db: Db, id: number, limit = CONTACT_POINT_HISTORY) {
  await pointOrThrow(db, id);
  const deliveries = await db
    .select({ id: alertDeliveries.id, kind: alertDeliveries.kind, messageId: alertDeliveries.messageId, status: alertDeliveries.status, attempts: alertDeliveries.attempts, lastError: alertDeliveries.lastError, nextAttemptAt: alertDeliveries.nextAttemptAt, createdAt: alertDeliveries.createdAt, sentAt: alertDeliveries.sentAt, late: alertDeliveries.late })
    .from(alertDeliveries)
    .where(eq(alertDeliveries.contactPointId, id))
    .orderBy(desc(alertDeliveries.id))
    .limit(limit);
  const attempts = deliveries.length
    ? await db
        .select()
        .from(alertDeliveryAttempts)
        .where(inArray(alertDeliveryAttempts.deliveryId, deliveries.map((d) => d.id)))
        .orderBy(alertDeliveryAttempts.id)
        // Attempts per delivery stop at MAX_DELIVERY_ATTEMPTS; the limit only says so to the database.
        .limit(deliveries.length * (MAX_DELIVERY_ATTEMPTS + 1))
    : [];
  return deliveries.map((d) => ({ ...d, history: attempts.filter((a) => a.deliveryId === d.id).map(({ deliveryId: _d, ...a }) => a) }));
}

/** The contact point behind each subscriber id that has one (compose: these get deliveries, not emails). */
export async function contactPointsOf(db: Db, subscriberIds: number[]): Promise<Map<number, number>> {
  if (subscriberIds.length === 0) return new Map();
  const rows = await db
    .select({ id: alertContactPoints.id, subscriberId: alertContactPoints.subscriberId })
    .from(alertContactPoints)
    .where(and(inArray(alertContactPoints.subscriberId, subscriberIds)));
  return new Map(rows.map((r) => [r.subscriberId, r.id]));
}

/** A contact point's quiet hours (in its zone); both null for none. */
export async function setContactPointQuiet(db: Db, actor: SignedInActor, input: { id: number; quietStart?: string | null; quietEnd?: string | null; quietUrgent?: boolean }): Promise<void> {
  const point = await pointOrThrow(db, input.id);
  await db.transaction(async (tx) => {
    const quiet = { quietStart: input.quietStart ?? null, quietEnd: input.quietEnd ?? null, ...(input.quietUrgent !== undefined && { quietUrgent: input.quietUrgent }) };
    await tx.update(alertSubscribers).set(quiet).where(eq(alertSubscribers.id, point.subscriberId));
    await writeAudit(tx, actor, { action: "update", recordType: "contact_point", recordKey: String(point.id), after: quiet });
  });
}

/** Holds a contact point's deliveries from `startsAt` to `endsAt` (they wait; nothing is lost). */
export async function addMute(db: Db, actor: SignedInActor, input: { contactPointId: number; startsAt: Date; endsAt: Date; reason?: string | null }) {
  await pointOrThrow(db, input.contactPointId);
  const [held] = await db.select({ n: count() }).from(alertMutes).where(eq(alertMutes.contactPointId, input.contactPointId));
  if (Number(held?.n ?? 0) >= MAX_MUTES) {
    throw new BadInputError("startsAt", `This contact point has ${MAX_MUTES} mute windows already: end or delete one first.`);
  }
  return db.transaction(async (tx) => {
    const [mute] = await tx.insert(alertMutes).values({ ...input, reason: input.reason ?? null, createdBy: actor.user.id, createdAt: actor.now }).returning();
    await writeAudit(tx, actor, { action: "create", recordType: "contact_point", recordKey: String(input.contactPointId), after: { mute: { startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason ?? null } } });
    return mute!;
  });
}

/** A contact point's mute windows, latest first (at most MAX_MUTES: adding more is refused). */
export async function listMutes(db: Db, contactPointId: number) {
  return db.select().from(alertMutes).where(eq(alertMutes.contactPointId, contactPointId)).orderBy(desc(alertMutes.startsAt)).limit(MAX_MUTES);
}

export async function deleteMute(db: Db, actor: SignedInActor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [mute] = await tx.delete(alertMutes).where(eq(alertMutes.id, id)).returning();
    if (!mute) throw new NotFoundError("This mute window");
    await writeAudit(tx, actor, { action: "delete", recordType: "contact_point", recordKey: String(mute.contactPointId), before: { mute: { startsAt: mute.startsAt, endsAt: mute.endsAt } } });
  });
}
