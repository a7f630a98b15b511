// Alerts enums and limits: the one source for its Drizzle pgEnums, zod schemas and UI labels.
/**
 * Units of a reminder offset: minutes and hours are exact durations; days and weeks are calendar steps in the zone
 * the deadline was stated in (same wall-clock time N days earlier).
 */
export const OFFSET_UNITS = ["m", "h", "d", "w"] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];

/** Where a reminder stands at a scan (server/alerts/reminder-rules.ts `classifyReminder`). */
export const REMINDER_STATES = ["pending", "due", "late", "missed"] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

/** A reminder sent within this many minutes of its instant is on time, not late (absorbs scan jitter, restarts). */
export const REMINDER_GRACE_MINUTES = 10;
/** Reminders for one person whose instants fall within this many minutes of the first go out as one email. */
export const REMINDER_GROUP_WINDOW_MINUTES = 5;
/** The daily digest goes out at this local time in each subscriber's own zone. */
export const DIGEST_LOCAL_TIME = { hour: 8, minute: 0 } as const;
/** The digest lists deadlines due from now through the end of the local day this many days ahead. */
export const DIGEST_HORIZON_DAYS = 14;

/** What a signed link in an alert email may do; a token signed for one purpose is refused for another. */
export const TOKEN_PURPOSES = ["unsubscribe", "confirm", "manage"] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** What a subscription follows: every deadline, a sector's, a kind's, or one deadline (by key). */
export const SUBSCRIPTION_SCOPES = ["all", "sector", "kind", "deadline", "watchlist"] as const;
export type SubscriptionScope = (typeof SUBSCRIPTION_SCOPES)[number];

/** One line of alert content for one person (reminders, notices, digest lines). */
export const NOTIFICATION_KINDS = ["reminder", "postponed", "met", "missed", "measure_change", "market_move", "product_change"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Where a notification stands: `queued` waits to be put in an email, `emailed` is in one (see its email), `digest`
 * waits for the subscriber's next digest (missed while down, changes), `digested` went out in a digest, `skipped`
 * was deliberately not sent (the reason says why: superseded by a later reminder, unsubscribed, …).
 */
export const NOTIFICATION_STATUSES = ["queued", "emailed", "digest", "digested", "skipped"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** What an outbox email is. */
export const EMAIL_KINDS = ["alert", "digest", "confirm", "test"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * An outbox email: `pending` to send (or retry at next_attempt_at), `sending` leased by a worker, `sent`, `failed`
 * (permanent rejection or out of attempts; shown to admins), `held` (no SMTP_URL: kept for the mail preview, sent
 * once SMTP is configured).
 */
export const EMAIL_STATUSES = ["pending", "sending", "sent", "failed", "held"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** Delivery attempts before an email is marked failed; retries back off exponentially from the base. */
export const MAX_DELIVERY_ATTEMPTS = 10;
export const RETRY_BASE_SECONDS = 60;
/** A worker's lease on an email it is sending; a worker that dies mid-batch loses its emails for this long. */
export const DELIVERY_LEASE_SECONDS = 120;

/** What the change queue (alert_changes, filled by database triggers) reports to the planner. */
export const ALERT_CHANGE_KINDS = ["deadline", "subscription", "measure", "observation"] as const;
export type AlertChangeKind = (typeof ALERT_CHANGE_KINDS)[number];

/** What falls due in the planner's index: a reminder instant, a postponed/met notice, a measure change, a KOSPI close. */
export const ALERT_TRIGGER_KINDS = ["reminder", "notice", "measure", "market"] as const;
export type AlertTriggerKind = (typeof ALERT_TRIGGER_KINDS)[number];

/** Where a subscriber's alerts go: email, or a contact point (a chat channel or a webhook). */
export const ALERT_CHANNELS = ["email", "slack", "teams", "webhook"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];
export const CONTACT_POINT_TYPES = ["slack", "teams", "webhook"] as const;
export type ContactPointType = (typeof CONTACT_POINT_TYPES)[number];

/** A delivery to a contact point: `pending` (or retrying at next_attempt_at), `sending` leased, `sent`, `failed`. */
export const DELIVERY_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What one attempt to deliver came to: accepted, refused for good, or worth another try later. */
export const ATTEMPT_OUTCOMES = ["sent", "permanent", "transient", "held"] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** The webhook payload's schema version (docs/alerts.md); a breaking change gets a new one. */
export const WEBHOOK_SCHEMA_VERSION = "2026-12-01";

/** `alerts.admin.subscribers` and `alerts.admin.contactPoints.list`: people or points per page (limit + offset). */
export const MAX_ADMIN_PAGE = 200;
export const DEFAULT_ADMIN_PAGE = 50;

/** `alerts.admin.history` and `alerts.admin.outbox`: entries per page (keyset by id). */
export const MAX_HISTORY_PAGE = 200;

/** `alerts.manage.get`: the most subscriptions one person's manage page lists. */
export const MAX_PERSON_SUBSCRIPTIONS = 500;

/** `alerts.admin.contactPoints.history`: the latest deliveries shown (each with its attempts, ≤ MAX_DELIVERY_ATTEMPTS). */
export const CONTACT_POINT_HISTORY = 50;

/** `alerts.admin.contactPoints.mutes`: the most mute windows one contact point holds (refused beyond). */
export const MAX_MUTES = 100;
