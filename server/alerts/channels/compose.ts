// Compose for contact points: a subscriber row that stands for a Slack/Teams channel or a webhook gets one delivery
// per group of due notifications (instead of an email), its content fixed now in the point's language and zone, its
// message id the idempotency key every retry carries. In the caller's transaction, with the notifications it locked.
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { alertDeliveries, alertNotifications, alertSubscribers } from "@/db/schema";
import type { AlertsConfig } from "@/server/core/config";
import type { Locale } from "@/server/core/constants";
import type { Tx } from "@/server/core/transactions";
import { itemOf, linkNotifications, STATEMENT_ROWS } from "@/server/alerts/deliver";
import { contactPointsOf } from "@/server/alerts/contact-points";
import { channelContent } from "./content";
import { inArray } from "drizzle-orm";

export type DueGroup = { subscriber: typeof alertSubscribers.$inferSelect; items: (typeof alertNotifications.$inferSelect)[] };

export async function composeDeliveries(tx: Tx, config: AlertsConfig, now: Date, groups: DueGroup[]): Promise<{ deliveries: number; notifications: number }> {
  if (groups.length === 0) return { deliveries: 0, notifications: 0 };
  const points = await contactPointsOf(tx as unknown as Db, groups.map((g) => g.subscriber.id));
  const rows: (typeof alertDeliveries.$inferInsert & { itemIds: number[] })[] = [];
  const orphaned: number[] = [];
  for (const { subscriber, items } of groups) {
    const contactPointId = points.get(subscriber.id);
    if (contactPointId === undefined) {
      orphaned.push(...items.map((i) => i.id));
      continue;
    }
    const recipient = { email: "", name: subscriber.name, timeZone: subscriber.timeZone, language: subscriber.language as Locale };
    rows.push({
      contactPointId,
      kind: "alert",
      messageId: `msg_${randomUUID()}`,
      content: channelContent(recipient, items.map(itemOf), config.publicUrl, now),
      status: "pending",
      nextAttemptAt: now,
      late: items.some((i) => i.late),
      createdAt: now,
      itemIds: items.map((i) => i.id),
    });
  }
  if (orphaned.length) await tx.update(alertNotifications).set({ status: "skipped", reason: "its contact point was removed" }).where(inArray(alertNotifications.id, orphaned));
  const pairs: [number, number][] = [];
  for (let i = 0; i < rows.length; i += STATEMENT_ROWS / 5) {
    const chunk = rows.slice(i, i + STATEMENT_ROWS / 5);
    const inserted = await tx.insert(alertDeliveries).values(chunk.map(({ itemIds: _i, ...row }) => row)).returning({ id: alertDeliveries.id, messageId: alertDeliveries.messageId });
    const idOf = new Map(inserted.map((r) => [r.messageId, r.id]));
    for (const row of chunk) for (const n of row.itemIds) pairs.push([n, idOf.get(row.messageId)!]);
  }
  await linkNotifications(tx, pairs, "emailed", "delivery");
  return { deliveries: rows.length, notifications: pairs.length };
}
