// The daily digest at 08:00 in each subscriber's own zone: deadlines due in the next 14 days that they follow, what
// changed since the last digest, and reminders missed while nothing was running. One per subscriber per day, even
// with several workers (the subscriber row is locked, the "due" check repeated under the lock) and after downtime
// (one digest, not one per missed day).
import { and, eq, gt, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertNotifications, alertSubscribers, deadlines } from "@/db/schema";
import type { Locale } from "@/server/domain/constants";
import { digestWindow, inDigestWindow, isDigestDue } from "@/server/domain/reminders";
import { renderDigestEmail, type AlertItem } from "./emails";
import { enqueueEmail, itemOf, linksFor, listHeaders, recipientOf, type AlertsConfig } from "./deliver";
import { activeSubscriptions, deadlinesNow, followedKeys, type DeadlineNow } from "./plan";

const deadlineItem = (d: DeadlineNow, kind: AlertItem["kind"] = "reminder"): AlertItem => ({
  kind,
  deadlineKey: d.deadlineKey,
  title: d.title,
  titleKo: d.titleKo,
  dueAt: d.dueAt,
  dueZone: d.dueZone,
  outcome: d.outcome,
});

export async function composeDigests(db: Db, config: AlertsConfig, now: Date): Promise<{ digests: number; empty: number }> {
  const subscribers = await db
    .select()
    .from(alertSubscribers)
    .where(and(isNotNull(alertSubscribers.confirmedAt), isNull(alertSubscribers.unsubscribedAt)));
  const owed = subscribers.filter((s) => isDigestDue({ zone: s.timeZone, now, lastDigestAt: s.lastDigestAt }));
  if (owed.length === 0) return { digests: 0, empty: 0 };
  const [subs, current] = await Promise.all([activeSubscriptions(db), deadlinesNow(db, now)]);
  const byKey = new Map(current.map((d) => [d.deadlineKey, d]));
  const result = { digests: 0, empty: 0 };

  for (const candidate of owed) {
    const sent = await db.transaction(async (tx) => {
      const [s] = await tx.select().from(alertSubscribers).where(eq(alertSubscribers.id, candidate.id)).for("update", { skipLocked: true });
      if (!s || !isDigestDue({ zone: s.timeZone, now, lastDigestAt: s.lastDigestAt })) return null;
      const followed = new Set<string>();
      for (const sub of subs.filter((x) => x.subscriberId === s.id)) for (const k of followedKeys(sub, current, byKey)) followed.add(k);
      const window = digestWindow(s.timeZone, now);
      const upcoming = [...followed]
        .map((k) => byKey.get(k)!)
        .filter((d) => d && d.status === "upcoming" && inDigestWindow(d.dueAt, window))
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
      // Deadlines followed that changed since the last digest (new, moved, met, postponed).
      const since = s.lastDigestAt ?? s.confirmedAt!;
      const changedKeys = followed.size
        ? await tx
            .selectDistinct({ key: deadlines.deadlineKey })
            .from(deadlines)
            .where(and(inArray(deadlines.deadlineKey, [...followed]), gt(deadlines.knownAt, since), lte(deadlines.knownAt, now)))
        : [];
      const changes: AlertItem[] = changedKeys.map((c) => byKey.get(c.key)).filter((d): d is DeadlineNow => !!d).map((d) => deadlineItem(d, d.status === "postponed" ? "postponed" : d.status === "met" ? "met" : "reminder"));
      const lines = await tx
        .select()
        .from(alertNotifications)
        .where(and(eq(alertNotifications.subscriberId, s.id), eq(alertNotifications.status, "digest")))
        .for("update");
      const missed = lines.filter((l) => l.kind === "missed").map(itemOf);
      changes.push(...lines.filter((l) => l.kind !== "missed").map(itemOf));
      await tx.update(alertSubscribers).set({ lastDigestAt: now }).where(eq(alertSubscribers.id, s.id));
      if (upcoming.length === 0 && changes.length === 0 && missed.length === 0) return "empty" as const;
      const links = linksFor(config, s);
      const rendered = await renderDigestEmail({ to: recipientOf(s), upcoming: upcoming.map((d) => deadlineItem(d)), changes, missed, links, now });
      const emailId = await enqueueEmail(tx, config, {
        subscriber: s,
        to: s.email,
        kind: "digest",
        language: s.language as Locale,
        rendered,
        headers: listHeaders(links),
        late: missed.length > 0,
        now,
      });
      if (lines.length) {
        await tx.update(alertNotifications).set({ status: "digested", emailId }).where(inArray(alertNotifications.id, lines.map((l) => l.id)));
      }
      return "sent" as const;
    });
    if (sent === "sent") result.digests++;
    else if (sent === "empty") result.empty++;
  }
  return result;
}
