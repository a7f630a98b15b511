// What a person does about their own alerts: the public subscribe form (double opt-in, and nothing about a confirmed
// subscriber changes until they confirm from their inbox), confirming, and managing through the signed manage link.
// Built over subscriptions.ts; every change through a link is checked against the link's signature and version.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { enforceLimit, type Limit } from "@/server/core/rate-limit";
import { alertSubscribers, alertSubscriptions } from "@/db/schema";
import type { Locale } from "@/server/core/constants";
import type { SubscribeData } from "./schemas";
import { linksFor } from "./deliver";
import { ownChannels } from "./own-channels";
import type { AlertsConfig } from "@/server/core/config";
import {
  confirmSubscriber,
  checkWatchlistExists,
  describeSubscription,
  sendConfirmation,
  setSubscriptionActive,
  subscribe,
  subscriberFromToken,
  subscriptionsOf,
} from "./subscriptions";
import { verifyToken } from "./tokens";

type Subscriber = typeof alertSubscribers.$inferSelect;

/** Subscribe-form submissions per client address (at most one confirmation per address per 10 min besides). */
export const SUBSCRIBE_LIMIT: Limit = { windowSeconds: 3600, max: 20 };
type SubscriptionFields = SubscribeData["subscription"];

/**
 * The public subscribe form. A new, unconfirmed or unsubscribed address gets the usual double opt-in
 * (subscriptions.ts `subscribe`). For a confirmed subscriber the form changes nothing they set: the subscription is
 * stored paused and a confirmation email carries a link that resumes exactly it — so whoever knows an address
 * cannot change what its owner receives. Either way the caller learns nothing about the address.
 */
export async function requestSubscription(
  db: Db,
  config: AlertsConfig,
  input: SubscribeData,
  now: Date,
  { clientIp }: { clientIp?: string | null } = {},
): Promise<void> {
  if (clientIp) {
    const message = "Too many subscriptions from your address; try again in an hour.";
    await enforceLimit(db, `alerts-subscribe:${clientIp}`, SUBSCRIBE_LIMIT, now, message);
  }
  await checkWatchlistExists(db, input.subscription);
  const [existing] = await db.select().from(alertSubscribers).where(eq(alertSubscribers.email, input.email));
  if (!existing || !existing.confirmedAt || existing.unsubscribedAt) {
    await subscribe(db, config, input, now, { confirmed: false });
    return;
  }
  await db.transaction(async (tx) => {
    const [subscriber] = (await tx.select().from(alertSubscribers).where(eq(alertSubscribers.id, existing.id)).for("update")) as [Subscriber];
    const s = input.subscription;
    // Kept as it is when they already follow this (their offsets stay theirs); else added, paused until confirmed.
    await tx
      .insert(alertSubscriptions)
      .values({ subscriberId: subscriber.id, scope: s.scope, scopeValue: s.scopeValue, offsets: s.offsets, notifyMeasures: s.notifyMeasures, marketMovePct: s.marketMovePct, active: false, createdAt: now })
      .onConflictDoNothing({ target: [alertSubscriptions.subscriberId, alertSubscriptions.scope, alertSubscriptions.scopeValue] });
    const [subscription] = await tx
      .select({ id: alertSubscriptions.id, offsets: alertSubscriptions.offsets })
      .from(alertSubscriptions)
      .where(and(eq(alertSubscriptions.subscriberId, subscriber.id), eq(alertSubscriptions.scope, s.scope), eq(alertSubscriptions.scopeValue, s.scopeValue)));
    if (!subscription) return;
    await sendConfirmation(tx, config, subscriber, { summary: describeSubscription({ ...s, offsets: subscription.offsets }), resume: subscription.id }, now);
  });
}

/** The confirm link: confirms the subscriber and, for a link that names one subscription, resumes it. */
export async function confirmFromLink(db: Db, config: AlertsConfig, token: string, now: Date): Promise<Subscriber> {
  const subscriber = await confirmSubscriber(db, config, token, now);
  const check = verifyToken(config.secret, token, "confirm", now);
  const named = check.ok ? Number(String(check.payload.sub).split(".")[2]) : NaN;
  if (Number.isSafeInteger(named)) {
    await db
      .update(alertSubscriptions)
      .set({ active: true })
      .where(and(eq(alertSubscriptions.id, named), eq(alertSubscriptions.subscriberId, subscriber.id)));
  }
  return subscriber;
}

/** What the manage page shows: the person's settings and subscriptions (no ids beyond the subscriptions'). */
export async function manageView(db: Db, config: AlertsConfig, token: string, now: Date) {
  const s = await subscriberFromToken(db, config, token, "manage", now);
  const links = linksFor(config, s);
  return {
    /** The app-relative unsubscribe link (the page with the button). */
    unsubscribePath: links.unsubscribe.slice(links.dashboard.length),
    subscriber: {
      email: s.email,
      name: s.name,
      quietStart: s.quietStart,
      quietEnd: s.quietEnd,
      quietUrgent: s.quietUrgent,
      timeZone: s.timeZone,
      language: s.language as Locale,
      confirmed: !!s.confirmedAt,
      unsubscribedAt: s.unsubscribedAt,
    },
    channels: await ownChannels(db, s.id),
    subscriptions: (await subscriptionsOf(db, s.id)).map((x) => ({
      id: x.id,
      scope: x.scope,
      scopeValue: x.scopeValue,
      offsets: x.offsets,
      notifyMeasures: x.notifyMeasures,
      active: x.active,
    })),
  };
}

/** Pauses or resumes one of the link's subscriber's subscriptions (another's is NOT_FOUND). */
export async function setActiveFromManageLink(db: Db, config: AlertsConfig, token: string, subscriptionId: number, active: boolean, now: Date) {
  const s = await subscriberFromToken(db, config, token, "manage", now);
  const row = await setSubscriptionActive(db, s.id, subscriptionId, active);
  return { id: row.id, active: row.active };
}

/**
 * Adds (or updates the offsets of) a subscription through the manage link. The link came in an email to this
 * address, so it proves the address: the subscriber counts as confirmed (and subscribed again if they had left).
 */
export async function addFromManageLink(db: Db, config: AlertsConfig, token: string, subscription: SubscriptionFields, now: Date) {
  const s = await subscriberFromToken(db, config, token, "manage", now);
  const result = await subscribe(
    db,
    config,
    { email: s.email, name: s.name, timeZone: s.timeZone, language: s.language as Locale, subscription },
    now,
    { confirmed: true },
  );
  return { subscriptionId: result.subscriptionId };
}

/** Changes the name, zone and language emails use, through the manage link. */
export async function setPreferencesFromManageLink(
  db: Db,
  config: AlertsConfig,
  token: string,
  prefs: { name: string | null; timeZone: string; language: Locale; quietStart?: string | null; quietEnd?: string | null; quietUrgent?: boolean },
  now: Date,
) {
  const s = await subscriberFromToken(db, config, token, "manage", now);
  const { quietStart, quietEnd, quietUrgent, ...rest } = prefs;
  // Quiet hours change only when the form sends them (both or neither: the schema checks).
  const quiet = quietStart !== undefined ? { quietStart: quietStart ?? null, quietEnd: quietEnd ?? null } : {};
  await db.update(alertSubscribers).set({ ...rest, ...quiet, ...(quietUrgent !== undefined && { quietUrgent }) }).where(eq(alertSubscribers.id, s.id));
}

/** Sets (or clears, both null) the link's subscriber's quiet hours; nothing else changes. */
export async function setQuietFromManageLink(db: Db, config: AlertsConfig, token: string, quiet: { quietStart?: string | null; quietEnd?: string | null; quietUrgent?: boolean }, now: Date) {
  const s = await subscriberFromToken(db, config, token, "manage", now);
  await db
    .update(alertSubscribers)
    .set({ quietStart: quiet.quietStart ?? null, quietEnd: quiet.quietEnd ?? null, ...(quiet.quietUrgent !== undefined && { quietUrgent: quiet.quietUrgent }) })
    .where(eq(alertSubscribers.id, s.id));
}
