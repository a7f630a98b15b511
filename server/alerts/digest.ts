// The daily digest at 08:00 in each subscriber's own zone: deadlines due in the next 14 days that they follow, what
// changed since the last digest, and reminders missed while nothing was running. One per subscriber per day, even
// with several workers (the subscriber row is locked, the "due" check repeated under the lock) and after downtime
// (one digest, not one per missed day).
import { and, eq, gt, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertNotifications, alertSubscribers, deadlines } from "@/db/schema";
import { digestWindow, inDigestWindow, isDigestDue } from "./reminder-rules";
import { renderDigestEmail, type AlertItem } from "./emails";
import { cachedRenderer, emailRow, insertEmails, itemOf, linkNotifications, linksFor, listHeaders, recipientOf, type EmailRow } from "./deliver";
import type { AlertsConfig } from "@/server/core/config";
import { activeSubscriptions, deadlinesNow, followedKeys, type DeadlineNow } from "./plan-subscriptions";

const deadlineItem = (d: DeadlineNow, kind: AlertItem["kind"] = "reminder"): AlertItem => ({
  kind,
  deadlineKey: d.deadlineKey,
  title: d.title,
  titleKo: d.titleKo,
  dueAt: d.dueAt,
  dueZone: d.dueZone,
  outcome: d.outcome,
});

const BATCH = 200;

export async function composeDigests(db: Db, config: AlertsConfig, now: Date): Promise<{ digests: number; empty: number }> {
  const subscribers = await db
    .select({ id: alertSubscribers.id, timeZone: alertSubscribers.timeZone, lastDigestAt: alertSubscribers.lastDigestAt })
    .from(alertSubscribers)
    // Confirmed by now (a replay of an earlier instant owes no digest to someone who subscribed later).
    // People only: a contact point gets reminders and notices, not the daily email digest.
    .where(and(eq(alertSubscribers.channel, "email"), isNotNull(alertSubscribers.confirmedAt), lte(alertSubscribers.confirmedAt, now), isNull(alertSubscribers.unsubscribedAt)));
  const owed = subscribers.filter((s) => isDigestDue({ zone: s.timeZone, now, lastDigestAt: s.lastDigestAt })).map((s) => s.id);
  const result = { digests: 0, empty: 0 };
  if (owed.length === 0) return result;
  const [subs, current] = await Promise.all([activeSubscriptions(db), deadlinesNow(db, now)]);
  const byKey = new Map(current.map((d) => [d.deadlineKey, d]));
  const subsOf = new Map<number, typeof subs>();
  for (const sub of subs) subsOf.set(sub.subscriberId, [...(subsOf.get(sub.subscriberId) ?? []), sub]);
  const render = cachedRenderer(renderDigestEmail);

  for (let i = 0; i < owed.length; i += BATCH) {
    const ids = owed.slice(i, i + BATCH);
    await db.transaction(async (tx) => {
      // Locked, and "due" checked again under the lock: another worker may have sent them a digest meanwhile.
      const locked = (
        await tx.select().from(alertSubscribers).where(inArray(alertSubscribers.id, ids)).for("update", { skipLocked: true })
      ).filter((s) => s.confirmedAt && !s.unsubscribedAt && isDigestDue({ zone: s.timeZone, now, lastDigestAt: s.lastDigestAt }));
      if (locked.length === 0) return;
      const followedOf = new Map<number, Set<string>>();
      for (const s of locked) {
        const keys = new Set<string>();
        for (const sub of subsOf.get(s.id) ?? []) for (const k of followedKeys(sub, current, byKey)) keys.add(k);
        followedOf.set(s.id, keys);
      }
      // Deadlines followed by anyone here that changed since the earliest last digest (new, moved, met, postponed).
      const allFollowed = [...new Set([...followedOf.values()].flatMap((k) => [...k]))];
      const earliest = new Date(Math.min(...locked.map((s) => (s.lastDigestAt ?? s.confirmedAt!).getTime())));
      const versions = allFollowed.length
        ? await tx
            .select({ key: deadlines.deadlineKey, knownAt: deadlines.knownAt })
            .from(deadlines)
            .where(and(inArray(deadlines.deadlineKey, allFollowed), gt(deadlines.knownAt, earliest), lte(deadlines.knownAt, now)))
        : [];
      const lines = await tx
        .select()
        .from(alertNotifications)
        .where(and(inArray(alertNotifications.subscriberId, locked.map((s) => s.id)), eq(alertNotifications.status, "digest")))
        .for("update");
      const emails: { row: EmailRow; lineIds: number[] }[] = [];
      for (const s of locked) {
        const followed = followedOf.get(s.id)!;
        const window = digestWindow(s.timeZone, now);
        const upcoming = [...followed]
          .map((k) => byKey.get(k))
          .filter((d): d is DeadlineNow => !!d && d.status === "upcoming" && inDigestWindow(d.dueAt, window))
          .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
        const since = (s.lastDigestAt ?? s.confirmedAt!).getTime();
        const changedKeys = new Set(versions.filter((v) => followed.has(v.key) && v.knownAt.getTime() > since).map((v) => v.key));
        const changes: AlertItem[] = [...changedKeys]
          .map((k) => byKey.get(k))
          .filter((d): d is DeadlineNow => !!d)
          .map((d) => deadlineItem(d, d.status === "postponed" ? "postponed" : d.status === "met" ? "met" : "reminder"));
        const mine = lines.filter((l) => l.subscriberId === s.id);
        const missed = mine.filter((l) => l.kind === "missed").map(itemOf);
        changes.push(...mine.filter((l) => l.kind !== "missed").map(itemOf));
        if (upcoming.length === 0 && changes.length === 0 && missed.length === 0) {
          result.empty++;
          continue;
        }
        const links = linksFor(config, s);
        const rendered = await render({ to: recipientOf(s), upcoming: upcoming.map((d) => deadlineItem(d)), changes, missed, links, now });
        emails.push({ row: emailRow(config, s, "digest", rendered, listHeaders(links), missed.length > 0, now), lineIds: mine.map((l) => l.id) });
      }
      await tx.update(alertSubscribers).set({ lastDigestAt: now }).where(inArray(alertSubscribers.id, locked.map((s) => s.id)));
      if (emails.length === 0) return;
      const idByMessage = await insertEmails(tx, emails.map((e) => e.row));
      await linkNotifications(tx, emails.flatMap((e) => e.lineIds.map((n): [number, number] => [n, idByMessage.get(e.row.messageId)!])), "digested");
      result.digests += emails.length;
    });
  }
  return result;
}
