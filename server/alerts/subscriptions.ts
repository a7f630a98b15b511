// Subscribing, double opt-in, one-click unsubscribe and managing subscriptions through signed links; the admin's
// views (everyone's subscriptions, the notification history "why did or didn't I get this?") and the test email.
import { and, count, desc, eq, getTableColumns, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertContactPoints, alertEmails, alertNotifications, alertSubscribers, alertSubscriptions, watchlists } from "@/db/schema";
import type { Locale } from "@/server/core/constants";
import { MAX_PERSON_SUBSCRIPTIONS, type NotificationKind, type NotificationStatus } from "./constants";
import type { SubscribeData } from "./schemas";
import { BadInputError, NotFoundError } from "@/server/core/errors";
import { renderConfirmEmail, renderTestEmail } from "./emails";
import { enqueueEmail, linksFor, recipientOf } from "./deliver";
import type { AlertsConfig } from "@/server/core/config";
import type { Tx } from "@/server/core/transactions";
import { signToken, verifyToken, type TokenFailure } from "./tokens";
import type { TokenPurpose } from "./constants";

/** A confirmation link is valid this long. */
export const CONFIRM_TTL_SECONDS = 7 * 24 * 3600;
/** At most one confirmation email per address in this many minutes (a form cannot be used to flood someone). */
export const CONFIRM_RESEND_MINUTES = 10;

type Subscriber = typeof alertSubscribers.$inferSelect;

const REASONS: Record<TokenFailure, string> = {
  malformed: "This link is not a Tradewatch link (it may have been cut short); open the whole link from the email.",
  "bad-signature": "This link has been altered and is refused; open the link from the email as it is.",
  "wrong-purpose": "This link is meant for something else; use the matching link from the email.",
  expired: "This link has expired; subscribe again to get a new one.",
};

/** The subscriber a signed link is about, or a BAD_REQUEST that says what is wrong with the link. */
export async function subscriberFromToken(db: Db, config: Pick<AlertsConfig, "secret">, token: string, purpose: TokenPurpose, now: Date): Promise<Subscriber> {
  const check = verifyToken(config.secret, token, purpose, now);
  if (!check.ok) throw new BadInputError("token", REASONS[check.reason]);
  const [id, version] = String(check.payload.sub).split(".").map(Number);
  const [s] = await db.select().from(alertSubscribers).where(eq(alertSubscribers.id, id ?? -1));
  if (!s) throw new NotFoundError("This subscription");
  if (s.linkVersion !== version) throw new BadInputError("token", "This link has been revoked; use the link in a more recent email.");
  return s;
}

/** A watchlist subscription names a list that exists (its key comes from the list's page). */
export async function checkWatchlistExists(db: Db, s: Pick<SubscribeData["subscription"], "scope" | "scopeValue">): Promise<void> {
  if (s.scope !== "watchlist") return;
  const [w] = await db.select({ id: watchlists.id }).from(watchlists).where(eq(watchlists.key, s.scopeValue));
  if (!w) throw new BadInputError("scopeValue", `No watchlist ${s.scopeValue}: copy the key from the watchlist's page`);
}

export const describeSubscription = (s: Pick<SubscribeData["subscription"], "scope" | "scopeValue" | "offsets">) =>
  `${s.scope === "all" ? "every deadline" : `${s.scope} ${s.scopeValue}`} (${s.offsets})`;

/**
 * Queues the confirmation email of a double opt-in — at most one per address in CONFIRM_RESEND_MINUTES, so a form
 * cannot be used to flood someone; false when one went out too recently. `resume` names a paused subscription the
 * link resumes (a confirmed subscriber asking for more through the public form).
 */
export async function sendConfirmation(
  tx: Tx,
  config: AlertsConfig,
  subscriber: Subscriber,
  { summary, resume }: { summary: string; resume?: number },
  now: Date,
): Promise<boolean> {
  const [recent] = await tx
    .select({ id: alertEmails.id })
    .from(alertEmails)
    .where(
      and(
        eq(alertEmails.subscriberId, subscriber.id),
        eq(alertEmails.kind, "confirm"),
        gte(alertEmails.createdAt, new Date(now.getTime() - CONFIRM_RESEND_MINUTES * 60_000)),
      ),
    )
    .limit(1);
  if (recent) return false;
  const token = signToken(config.secret, {
    purpose: "confirm",
    // subscriberFromToken reads "<id>.<link version>"; a third part names the subscription to resume.
    sub: `${subscriber.id}.${subscriber.linkVersion}${resume === undefined ? "" : `.${resume}`}`,
    exp: Math.floor(now.getTime() / 1000) + CONFIRM_TTL_SECONDS,
  });
  const links = linksFor(config, subscriber);
  const rendered = await renderConfirmEmail({ to: recipientOf(subscriber), confirmUrl: `${links.dashboard}/alerts/confirm?token=${token}`, summary, links });
  await enqueueEmail(tx, config, { subscriber, to: subscriber.email, kind: "confirm", language: subscriber.language as Locale, rendered, now });
  return true;
}

export type SubscribeResult = { subscriberId: number; subscriptionId: number; confirmationSent: boolean; confirmed: boolean };

export async function subscribe(
  db: Db,
  config: AlertsConfig,
  input: SubscribeData,
  now: Date,
  { confirmed = false }: { confirmed?: boolean } = {},
): Promise<SubscribeResult> {
  await checkWatchlistExists(db, input.subscription);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(alertSubscribers).where(eq(alertSubscribers.email, input.email)).for("update");
    let subscriber: Subscriber;
    if (existing) {
      const rejoining = existing.unsubscribedAt !== null;
      [subscriber] = (await tx
        .update(alertSubscribers)
        .set({
          name: input.name ?? existing.name,
          timeZone: input.timeZone,
          language: input.language,
          unsubscribedAt: null,
          // Someone who unsubscribed confirms again (whoever fills in a form cannot re-subscribe them silently).
          confirmedAt: confirmed ? (existing.confirmedAt ?? now) : rejoining ? null : existing.confirmedAt,
        })
        .where(eq(alertSubscribers.id, existing.id))
        .returning()) as [Subscriber];
    } else {
      [subscriber] = (await tx
        .insert(alertSubscribers)
        .values({ email: input.email, name: input.name, timeZone: input.timeZone, language: input.language, confirmedAt: confirmed ? now : null, createdAt: now })
        .returning()) as [Subscriber];
    }
    const s = input.subscription;
    const [subscription] = await tx
      .insert(alertSubscriptions)
      .values({ subscriberId: subscriber.id, scope: s.scope, scopeValue: s.scopeValue, offsets: s.offsets, notifyMeasures: s.notifyMeasures, marketMovePct: s.marketMovePct, active: true, createdAt: now })
      .onConflictDoUpdate({
        target: [alertSubscriptions.subscriberId, alertSubscriptions.scope, alertSubscriptions.scopeValue],
        set: { offsets: s.offsets, notifyMeasures: s.notifyMeasures, marketMovePct: s.marketMovePct, active: true },
      })
      .returning({ id: alertSubscriptions.id });

    const confirmationSent = !subscriber.confirmedAt && (await sendConfirmation(tx, config, subscriber, { summary: describeSubscription(s) }, now));
    return { subscriberId: subscriber.id, subscriptionId: subscription!.id, confirmationSent, confirmed: !!subscriber.confirmedAt };
  });
}

export async function confirmSubscriber(db: Db, config: AlertsConfig, token: string, now: Date): Promise<Subscriber> {
  const s = await subscriberFromToken(db, config, token, "confirm", now);
  if (s.confirmedAt && !s.unsubscribedAt) return s;
  const [row] = await db.update(alertSubscribers).set({ confirmedAt: now, unsubscribedAt: null }).where(eq(alertSubscribers.id, s.id)).returning();
  return row!;
}

/** One-click unsubscribe: idempotent; whatever is still queued for them is skipped with the reason. */
export async function unsubscribe(db: Db, config: AlertsConfig, token: string, now: Date): Promise<Subscriber> {
  const s = await subscriberFromToken(db, config, token, "unsubscribe", now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(alertSubscribers)
      .set({ unsubscribedAt: s.unsubscribedAt ?? now })
      .where(eq(alertSubscribers.id, s.id))
      .returning();
    await tx
      .update(alertNotifications)
      .set({ status: "skipped", reason: "unsubscribed before it was sent" })
      .where(and(eq(alertNotifications.subscriberId, s.id), inArray(alertNotifications.status, ["queued", "digest"])));
    // Their own channels (Slack, Teams, webhooks added through the manage link) stop with them.
    const own = tx.select({ id: alertContactPoints.subscriberId }).from(alertContactPoints).where(eq(alertContactPoints.ownerSubscriberId, s.id));
    await tx.update(alertSubscribers).set({ unsubscribedAt: row!.unsubscribedAt }).where(and(inArray(alertSubscribers.id, own), isNull(alertSubscribers.unsubscribedAt)));
    return row!;
  });
}

/** A person's subscriptions (the first MAX_PERSON_SUBSCRIPTIONS), oldest first. */
export async function subscriptionsOf(db: Db, subscriberId: number) {
  return db
    .select()
    .from(alertSubscriptions)
    .where(eq(alertSubscriptions.subscriberId, subscriberId))
    .orderBy(alertSubscriptions.id)
    .limit(MAX_PERSON_SUBSCRIPTIONS);
}

export async function setSubscriptionActive(db: Db, subscriberId: number, subscriptionId: number, active: boolean) {
  const [row] = await db
    .update(alertSubscriptions)
    .set({ active })
    .where(and(eq(alertSubscriptions.id, subscriptionId), eq(alertSubscriptions.subscriberId, subscriberId)))
    .returning();
  if (!row) throw new NotFoundError("This subscription");
  return row;
}

/** A page of the subscribers for the admin (by email), each with their subscriptions, and how many there are. */
export async function listSubscribers(db: Db, page: { offset: number; limit: number }) {
  // People; contact points have their own list (contact-points.ts).
  const people = eq(alertSubscribers.channel, "email");
  const [rows, [total]] = await Promise.all([
    db.select().from(alertSubscribers).where(people).orderBy(alertSubscribers.email, alertSubscribers.id).offset(page.offset).limit(page.limit),
    db.select({ n: count() }).from(alertSubscribers).where(people),
  ]);
  const subs = rows.length
    ? await db
        .select()
        .from(alertSubscriptions)
        .where(inArray(alertSubscriptions.subscriberId, rows.map((p) => p.id)))
        .orderBy(alertSubscriptions.id)
        .limit(rows.length * MAX_PERSON_SUBSCRIPTIONS)
    : [];
  return {
    subscribers: rows.map((p) => ({ ...p, subscriptions: subs.filter((s) => s.subscriberId === p.id) })),
    total: Number(total?.n ?? 0),
    ...page,
  };
}

export type HistoryFilter = {
  email?: string;
  deadlineKey?: string;
  status?: NotificationStatus;
  kind?: NotificationKind;
  before?: number;
  limit: number;
};

/** The notification history, newest first, with each one's email (status, attempts, last error, Message-ID). */
export async function notificationHistory(db: Db, f: HistoryFilter) {
  const conds: SQL[] = [];
  if (f.email) conds.push(eq(alertSubscribers.email, f.email.trim().toLowerCase()));
  if (f.deadlineKey) conds.push(eq(alertNotifications.deadlineKey, f.deadlineKey));
  if (f.status) conds.push(eq(alertNotifications.status, f.status));
  if (f.kind) conds.push(eq(alertNotifications.kind, f.kind));
  if (f.before) conds.push(lt(alertNotifications.id, f.before));
  const rows = await db
    .select({
      id: alertNotifications.id,
      kind: alertNotifications.kind,
      status: alertNotifications.status,
      deadlineKey: alertNotifications.deadlineKey,
      offset: alertNotifications.offset,
      dueAt: alertNotifications.dueAt,
      remindAt: alertNotifications.remindAt,
      late: alertNotifications.late,
      reason: alertNotifications.reason,
      detail: alertNotifications.detail,
      createdAt: alertNotifications.createdAt,
      email: alertSubscribers.email,
      mail: {
        id: alertEmails.id,
        status: alertEmails.status,
        attempts: alertEmails.attempts,
        lastError: alertEmails.lastError,
        messageId: alertEmails.messageId,
        sentAt: alertEmails.sentAt,
        subject: alertEmails.subject,
      },
    })
    .from(alertNotifications)
    .innerJoin(alertSubscribers, eq(alertSubscribers.id, alertNotifications.subscriberId))
    .leftJoin(alertEmails, eq(alertEmails.id, alertNotifications.emailId))
    .where(and(...conds))
    .orderBy(desc(alertNotifications.id))
    .limit(f.limit + 1);
  const entries = rows.slice(0, f.limit);
  return { entries, nextBefore: rows.length > f.limit ? entries.at(-1)!.id : null };
}

/** The outbox, newest first (the mail preview and the admin's delivery view). */
/** A page of the outbox, newest first, without the bodies (whether it carries an .ics is computed in SQL). */
export async function outbox(db: Db, { limit = 50, before }: { limit?: number; before?: number } = {}) {
  const { html: _html, text: _text, ics: _ics, ...columns } = getTableColumns(alertEmails);
  return db
    .select({ ...columns, hasIcs: sql<boolean>`${alertEmails.ics} is not null` })
    .from(alertEmails)
    .where(before ? lt(alertEmails.id, before) : undefined)
    .orderBy(desc(alertEmails.id))
    .limit(limit);
}

/** One outbox email with everything the mail preview shows (HTML, text, .ics, headers). */
export async function outboxEmail(db: Db, id: number) {
  const [row] = await db.select().from(alertEmails).where(eq(alertEmails.id, id));
  if (!row) throw new NotFoundError(`Email ${id}`);
  return row;
}

export async function outboxCounts(db: Db) {
  return db.select({ status: alertEmails.status, n: sql<number>`count(*)::int` }).from(alertEmails).groupBy(alertEmails.status);
}

/** Queues a test email to any address (admins), so delivery can be checked end to end. */
export async function sendTestEmail(db: Db, config: AlertsConfig, to: { email: string; language: Locale; timeZone: string }, now: Date) {
  return db.transaction(async (tx) => {
    const links = { dashboard: config.publicUrl.replace(/\/+$/, ""), unsubscribe: config.publicUrl, manage: config.publicUrl };
    const rendered = await renderTestEmail({ to: { email: to.email, timeZone: to.timeZone, language: to.language }, links, now });
    const id = await enqueueEmail(tx, config, { subscriber: null, to: to.email, kind: "test", language: to.language, rendered, now });
    return { emailId: id };
  });
}
