// A person's own contact points, through the manage link (the email proves the address): a Slack, Teams or webhook
// URL that gets the reminders of one of their subscriptions, in their language, zone and quiet hours. At most
// OWN_CHANNEL_LIMIT each; the URL passes the SSRF guard here and at every send; only its hint is shown back.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertContactPoints, alertSubscribers, alertSubscriptions } from "@/db/schema";
import type { AlertsConfig } from "@/server/core/config";
import { BadInputError, NotFoundError } from "@/server/core/errors";
import type { Locale } from "@/server/core/constants";
import { checkDestination, insertContactPoint } from "./contact-points";
import type { ContactPointType } from "./constants";
import { subscriberFromToken } from "./subscriptions";

export const OWN_CHANNEL_LIMIT = 3;

export async function ownChannels(db: Db, subscriberId: number) {
  return db
    .select({ id: alertContactPoints.id, name: alertContactPoints.name, type: alertContactPoints.type, urlHint: alertContactPoints.urlHint, paused: alertContactPoints.paused })
    .from(alertContactPoints)
    .where(eq(alertContactPoints.ownerSubscriberId, subscriberId))
    .orderBy(alertContactPoints.id)
    .limit(OWN_CHANNEL_LIMIT);
}

export async function addOwnChannel(
  db: Db,
  config: AlertsConfig,
  token: string,
  input: { type: ContactPointType; url: string; subscriptionId: number },
  now: Date,
): Promise<{ id: number; signingSecret: string | null }> {
  const s = await subscriberFromToken(db, config, token, "manage", now);
  const [subscription] = await db.select().from(alertSubscriptions).where(and(eq(alertSubscriptions.id, input.subscriptionId), eq(alertSubscriptions.subscriberId, s.id)));
  if (!subscription) throw new NotFoundError("This subscription");
  if ((await ownChannels(db, s.id)).length >= OWN_CHANNEL_LIMIT) {
    throw new BadInputError("type", `You have ${OWN_CHANNEL_LIMIT} channels already: remove one first.`);
  }
  await checkDestination(config, input.type, input.url);
  return db.transaction((tx) =>
    insertContactPoint(
      tx as unknown as Db,
      config,
      {
        name: `${s.name ?? s.email} (${input.type})`,
        type: input.type,
        url: input.url,
        language: s.language as Locale,
        timeZone: s.timeZone,
        quietStart: s.quietStart,
        quietEnd: s.quietEnd,
        quietUrgent: s.quietUrgent,
        subscription: { scope: subscription.scope, scopeValue: subscription.scopeValue, offsets: subscription.offsets, notifyMeasures: subscription.notifyMeasures, marketMovePct: subscription.marketMovePct },
      },
      { createdBy: null, ownerSubscriberId: s.id, now },
    ),
  );
}

export async function removeOwnChannel(db: Db, config: AlertsConfig, token: string, id: number, now: Date): Promise<void> {
  const s = await subscriberFromToken(db, config, token, "manage", now);
  const [point] = await db.select().from(alertContactPoints).where(and(eq(alertContactPoints.id, id), eq(alertContactPoints.ownerSubscriberId, s.id)));
  if (!point) throw new NotFoundError("This channel");
  await db.delete(alertSubscribers).where(eq(alertSubscribers.id, point.subscriberId));
}
