// The one source for every enum: Drizzle pgEnums, zod schemas and UI labels all derive from these arrays.

export const SECTORS = [
  "all_goods",
  "autos",
  "auto_parts",
  "steel_aluminium",
  "copper",
  "semiconductors",
  "pharmaceuticals",
  "lumber",
] as const;
export type Sector = (typeof SECTORS)[number];

export const MEASURE_STATUSES = [
  "threatened",
  "announced",
  "in_effect",
  "paused",
  "superseded",
  "rescinded",
] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/**
 * Statuses under which a measure counts as "in force" between its effective instant and its end. An announced
 * measure counts from its effective instant: it is presumed to take effect as scheduled until a later version says
 * otherwise (the tile still shows it as "announced", not confirmed). A threat never counts.
 */
export const FORCE_STATUSES: readonly MeasureStatus[] = ["in_effect", "announced", "superseded", "rescinded", "paused"];

export const DEADLINE_STATUSES = ["upcoming", "met", "passed", "postponed", "cancelled"] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const DEADLINE_KINDS = [
  "tariff_effective",
  "pause_expiry",
  "election",
  "comment_period",
  "hearing",
  "measure_expiry",
  "support_expiry",
  "negotiation",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const TIME_PRECISIONS = ["minute", "day"] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

export const BUDGET_STATUSES = ["proposed", "passed", "executed"] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

export const FIGURE_KINDS = ["trade_balance", "investment_pledge", "tax_rate_change", "export_value"] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export const EVENT_CATEGORIES = ["tariff", "market", "support", "politics", "deal", "legal"] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export const CONFIDENCE_LEVELS = ["high", "medium", "low"] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const SOURCE_KINDS = ["news", "government", "legal", "data", "research"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Record types a citation or a conflict can point at, by the record's stable key. */
export const RECORD_TYPES = ["measure", "deadline", "budget", "figure", "event", "series"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** What the audit log can be about: every record type, and the things edited outside of versioned records. */
export const AUDIT_RECORD_TYPES = [
  ...RECORD_TYPES,
  "source",
  "conflict",
  "observation",
  "screen",
  "article",
  "proposal",
  "feed",
] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

/** What an audited change did. */
export const AUDIT_ACTIONS = ["create", "update", "correct", "postpone", "resolve", "delete", "upsert"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Record kinds an editor edits through a form (observations have their own page). */
export const EDITABLE_KINDS = ["measure", "deadline", "budget", "figure", "source"] as const;
export type EditableKind = (typeof EDITABLE_KINDS)[number];

export const CONFLICT_STATUSES = ["open", "resolved"] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];

/** The two zones every instant is shown in. */
export const DISPLAY_ZONES = { washington: "America/New_York", seoul: "Asia/Seoul" } as const;

/** As-of dates are calendar days in this zone; a date means the end of that day there (see README). */
export const AS_OF_ZONE = "Asia/Seoul";

/** KRX regular session close, local time: an observation for a day is known from then. */
export const KRX_CLOSE = { hour: 15, minute: 30, zone: "Asia/Seoul" } as const;

/** What a signed-in person may do: viewers read, editors also edit, admins also manage users. */
export const USER_ROLES = ["admin", "editor", "viewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];
/** The role of a new account unless the admin chooses another. */
export const DEFAULT_USER_ROLE: UserRole = "viewer";

/** Who may read the dashboard and the REST API: anyone (the embedded demo's default) or signed-in users only. */
export const READ_ACCESS_MODES = ["public", "signed-in"] as const;
export type ReadAccess = (typeof READ_ACCESS_MODES)[number];

/**
 * Units of a reminder offset: minutes and hours are exact durations; days and weeks are calendar steps in the zone
 * the deadline was stated in (same wall-clock time N days earlier).
 */
export const OFFSET_UNITS = ["m", "h", "d", "w"] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];

/** Where a reminder stands at a scan (server/domain/reminders.ts `classifyReminder`). */
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
export const SUBSCRIPTION_SCOPES = ["all", "sector", "kind", "deadline"] as const;
export type SubscriptionScope = (typeof SUBSCRIPTION_SCOPES)[number];

/** One line of alert content for one person (reminders, notices, digest lines). */
export const NOTIFICATION_KINDS = ["reminder", "postponed", "met", "missed", "measure_change", "market_move"] as const;
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

/** What a status screen (a TV on a wall) can show: one panel each. */
export const SCREEN_PANELS = ["deadlines", "tariffs", "market", "support", "changes"] as const;
export type ScreenPanel = (typeof SCREEN_PANELS)[number];

/** All panels at once in a grid, or one after another, each for its own duration. */
export const SCREEN_LAYOUTS = ["grid", "rotation"] as const;
export type ScreenLayout = (typeof SCREEN_LAYOUTS)[number];

export const SCREEN_THEMES = ["dark", "light"] as const;
export type ScreenTheme = (typeof SCREEN_THEMES)[number];

/** The clocks a screen can show, by the DISPLAY_ZONES name. */
export const SCREEN_CLOCKS = ["washington", "seoul"] as const;
export type ScreenClock = (typeof SCREEN_CLOCKS)[number];

/** How a deadline looks on a screen at a glance: amber within 7 days, red within 1 day, then what happened. */
export const DEADLINE_GLANCE_STATES = ["normal", "amber", "red", "passed"] as const;
export type DeadlineGlanceState = (typeof DEADLINE_GLANCE_STATES)[number];

// ---------------------------------------------------------------------------------------------------------------
// News ingestion: articles, the facts extracted from them (proposals an editor reviews), feeds, market data.

/** How an article arrived. */
export const ARTICLE_ORIGINS = ["paste", "upload", "url", "feed"] as const;
export type ArticleOrigin = (typeof ARTICLE_ORIGINS)[number];

/** File types an editor may upload as an article. */
export const ARTICLE_FILE_TYPES = ["txt", "html", "md"] as const;
export type ArticleFileType = (typeof ARTICLE_FILE_TYPES)[number];

/** The largest article (pasted, uploaded, fetched or a feed document) read, in bytes. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/** Time allowed for one fetch (URL article, feed, market data) from connect to the last byte. */
export const FETCH_TIMEOUT_MS = 15_000;
/** Redirects followed by one fetch; every hop is checked again. */
export const MAX_REDIRECTS = 5;

/** A proposal waits for an editor; accepting writes the tracked record, rejecting keeps it for the record. */
export const PROPOSAL_STATUSES = ["pending", "accepted", "rejected"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A feed's state at its last poll. */
export const FEED_STATES = ["new", "ok", "error", "paused"] as const;
export type FeedState = (typeof FEED_STATES)[number];
/** Default minutes between polls of one feed; failures back off doubling up to the maximum. */
export const FEED_INTERVAL_MINUTES = 30;
export const FEED_MAX_BACKOFF_MINUTES = 24 * 60;
/** Words an item's title or summary must contain (any, case-insensitive) to be ingested, unless a feed sets its own. */
export const DEFAULT_FEED_KEYWORDS = ["tariff", "KOSPI", "관세"] as const;
