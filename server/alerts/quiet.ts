// Quiet hours in compose: a recipient's due notifications that are not urgent are held until their window ends
// (alert_notifications.held_until, with the reason), and compose leaves held rows alone until then.
import { inArray, isNull, lte, or } from "drizzle-orm";
import { alertNotifications, alertSubscribers } from "@/db/schema";
import type { Tx } from "@/server/core/transactions";
import { holdForQuiet } from "./quiet-rules";

type Subscriber = typeof alertSubscribers.$inferSelect;
type Notification = typeof alertNotifications.$inferSelect;

/** Not held for quiet hours, or held until no later than now. */
export const notHeld = (now: Date) => or(isNull(alertNotifications.heldUntil), lte(alertNotifications.heldUntil, now));

/**
 * In the recipient's quiet hours, what is not urgent is held until they end (the row says until when and why); the
 * rest goes now. Returns what goes.
 */
export async function holdQuiet(tx: Tx, subscriber: Subscriber, items: Notification[], now: Date): Promise<Notification[]> {
  const quiet = subscriber.quietStart && subscriber.quietEnd ? { start: subscriber.quietStart, end: subscriber.quietEnd, zone: subscriber.timeZone, urgentThrough: subscriber.quietUrgent } : null;
  const { send, hold, until } = holdForQuiet(items.filter((i) => !i.heldUntil), quiet, now);
  if (hold.length && until) {
    const reason = `held for quiet hours ${quiet!.start}–${quiet!.end} (${quiet!.zone}) until ${until.toISOString()}`;
    await tx.update(alertNotifications).set({ heldUntil: until, reason }).where(inArray(alertNotifications.id, hold.map((i) => i.id)));
  }
  // Items already held whose window has ended go now, with the others.
  return [...items.filter((i) => i.heldUntil), ...send];
}

