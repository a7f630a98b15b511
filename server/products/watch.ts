// The watch: each alert tick compares the lines of the watchlists not looked at for WATCH_INTERVAL_MS with their last
// known duty (as known now: a correction or a new measure counts as a change), records each change once
// (watchlist_changes) and tells the people following the list (subscription scope "watchlist"): one
// `product_change` notification per change and subscription, deduplicated, delivered by the alerts' usual channels.
// A list's first check only sets the baseline.
import { and, asc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertSubscribers, alertSubscriptions, watchlistChanges, watchlistItems, watchlists } from "@/db/schema";
import { activeSubscription, insertNotifications, type NotificationInsert } from "@/server/alerts/plan-subscriptions";
import { openDutyBook } from "./book";
import type { CoverageHit } from "./duty-rules";
import { PRODUCT_LIMITS, WATCH_INTERVAL_MS } from "./constants";
import { PROGRAMME_LABELS } from "./labels";

export type WatchResult = { lists: number; lines: number; changes: number; notified: number };

const dotted = (c: string) => `${c.slice(0, 4)}.${c.slice(4, 6)}.${c.slice(6, 8)}.${c.slice(8, 10)}`;
const names = (programmes: string | null, lang: "en" | "ko") =>
  (programmes ?? "").split("|").filter(Boolean).map((p) => PROGRAMME_LABELS[p]?.[lang] ?? p).join(", ") || (lang === "en" ? "no additional duty" : "추가 관세 없음");

/** The lists naming a line at `now`, as a stable signature. */
export const listsAt = (hits: CoverageHit[], now: Date) =>
  [...new Set(hits.filter((h) => h.from <= now && (h.to === null || now < h.to)).map((h) => h.listKey))].sort().join("|");

/** "+joined −left" between two signatures (null when the lists are the same). */
export function listDiff(before: string | null, after: string): string | null {
  const a = new Set((before ?? "").split("|").filter(Boolean));
  const b = new Set(after.split("|").filter(Boolean));
  const parts = [...[...b].filter((k) => !a.has(k)).map((k) => `+${k}`), ...[...a].filter((k) => !b.has(k)).map((k) => `−${k}`)];
  return before === null || parts.length === 0 ? null : parts.join(" ");
}

export async function watchProducts(db: Db, now: Date): Promise<WatchResult> {
  const due = await db
    .select()
    .from(watchlists)
    .where(or(isNull(watchlists.checkedAt), lt(watchlists.checkedAt, new Date(now.getTime() - WATCH_INTERVAL_MS))))
    .orderBy(asc(watchlists.checkedAt))
    .limit(PRODUCT_LIMITS.watchPerTick);
  if (!due.length) return { lists: 0, lines: 0, changes: 0, notified: 0 };
  const items = await db.select().from(watchlistItems).where(inArray(watchlistItems.watchlistId, due.map((w) => w.id)));
  const book = await openDutyBook(db, items.map((i) => i.hts10));
  const found: (typeof watchlistChanges.$inferInsert & { label: string })[] = [];
  await db.transaction(async (tx) => {
    for (const item of items) {
      const duty = book.duty(item.hts10, now);
      const programmes = duty.components.map((c) => c.programme).join("|");
      const lists = listsAt(book.hits(item.hts10), now);
      if (item.dutyPct === duty.additionalDutyPct && item.programmes === programmes && item.lists === lists) continue;
      if (item.dutyPct !== null) {
        const listChanges = listDiff(item.lists, lists);
        found.push({ watchlistId: item.watchlistId, hts10: item.hts10, fromPct: item.dutyPct, toPct: duty.additionalDutyPct, fromProgrammes: item.programmes, toProgrammes: programmes, listChanges, foundAt: now, label: item.label });
      }
      await tx
        .update(watchlistItems)
        .set({ dutyPct: duty.additionalDutyPct, programmes, lists })
        .where(and(eq(watchlistItems.watchlistId, item.watchlistId), eq(watchlistItems.hts10, item.hts10)));
    }
    await tx.update(watchlists).set({ checkedAt: now }).where(inArray(watchlists.id, due.map((w) => w.id)));
  });
  const changes = found.length ? await db.insert(watchlistChanges).values(found.map(({ label: _l, ...c }) => c)).returning() : [];
  const labels = new Map(found.map((f) => [`${f.watchlistId}:${f.hts10}`, f.label]));
  const notified = await notifyChanges(db, due, changes, labels, now);
  return { lists: due.length, lines: items.length, changes: changes.length, notified };
}

/** One notification per change for each active subscription following its list (since before the change). */
async function notifyChanges(
  db: Db,
  lists: (typeof watchlists.$inferSelect)[],
  changes: (typeof watchlistChanges.$inferSelect)[],
  labels: Map<string, string>,
  now: Date,
): Promise<number> {
  if (!changes.length) return 0;
  const byId = new Map(lists.map((w) => [w.id, w]));
  const subs = await db
    .select({ id: alertSubscriptions.id, subscriberId: alertSubscriptions.subscriberId, key: alertSubscriptions.scopeValue })
    .from(alertSubscriptions)
    .innerJoin(alertSubscribers, eq(alertSubscribers.id, alertSubscriptions.subscriberId))
    .where(and(activeSubscription, eq(alertSubscriptions.scope, "watchlist"), inArray(alertSubscriptions.scopeValue, lists.map((w) => w.key))));
  const rows: NotificationInsert[] = [];
  for (const c of changes) {
    const w = byId.get(c.watchlistId)!;
    const label = labels.get(`${c.watchlistId}:${c.hts10}`);
    const title = `${dotted(c.hts10)}${label ? ` (${label})` : ""}: ${c.fromPct}% → ${c.toPct}%`;
    for (const s of subs.filter((s) => s.key === w.key)) {
      rows.push({
        dedupeKey: `product:${s.id}:${c.id}`,
        subscriberId: s.subscriberId,
        subscriptionId: s.id,
        kind: "product_change",
        status: "queued",
        createdAt: now,
        remindAt: now,
        detail: {
          title,
          titleKo: `${dotted(c.hts10)}${label ? ` (${label})` : ""}: ${c.fromPct}% → ${c.toPct}%`,
          summary: `${w.name}: ${names(c.fromProgrammes, "en")} → ${names(c.toProgrammes, "en")}${c.listChanges ? ` (lists: ${c.listChanges})` : ""}`,
          hts10: c.hts10,
          watchlist: w.key,
          fromPct: c.fromPct,
          toPct: c.toPct,
        },
      });
    }
  }
  return insertNotifications(db, rows);
}
