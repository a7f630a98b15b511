// One schema for PGlite and PostgreSQL.
//
// Point in time: tracked records (measures, deadlines, budgets, figures) are versioned. Every version of one record
// shares a stable `*_key`; `known_at` is the instant the version became known. The state "as of" an instant is, per
// key, the latest version with `known_at` ≤ that instant. A correction that says the earlier value was wrong
// rewrites that version in place instead (the editing issue builds on this).
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth-schema";
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES, BUDGET_STATUSES, CONFIDENCE_LEVELS, CONFLICT_STATUSES, DEADLINE_KINDS, DEADLINE_STATUSES, LOCALES, EVENT_CATEGORIES, FIGURE_KINDS, MEASURE_STATUSES, RECORD_TYPES, SECTORS, SOURCE_KINDS, TIME_PRECISIONS } from "@/server/core/constants";
import { ALERT_CHANGE_KINDS, ALERT_CHANNELS, ALERT_TRIGGER_KINDS, ATTEMPT_OUTCOMES, CONTACT_POINT_TYPES, DELIVERY_STATUSES, EMAIL_KINDS, EMAIL_STATUSES, NOTIFICATION_KINDS, NOTIFICATION_STATUSES, SUBSCRIPTION_SCOPES } from "@/server/alerts/constants";
import { ARTICLE_ORIGINS, FEED_ITEM_OUTCOMES, FEED_STATES, PROPOSAL_STATUSES } from "@/server/news/constants";
import type { ScreenConfig } from "@/server/screens/schemas";

export const sectorEnum = pgEnum("sector", SECTORS);
export const measureStatusEnum = pgEnum("measure_status", MEASURE_STATUSES);
export const deadlineStatusEnum = pgEnum("deadline_status", DEADLINE_STATUSES);
export const deadlineKindEnum = pgEnum("deadline_kind", DEADLINE_KINDS);
export const timePrecisionEnum = pgEnum("time_precision", TIME_PRECISIONS);
export const budgetStatusEnum = pgEnum("budget_status", BUDGET_STATUSES);
export const figureKindEnum = pgEnum("figure_kind", FIGURE_KINDS);
export const eventCategoryEnum = pgEnum("event_category", EVENT_CATEGORIES);
export const confidenceEnum = pgEnum("confidence", CONFIDENCE_LEVELS);
export const sourceKindEnum = pgEnum("source_kind", SOURCE_KINDS);
export const recordTypeEnum = pgEnum("record_type", RECORD_TYPES);
export const conflictStatusEnum = pgEnum("conflict_status", CONFLICT_STATUSES);
export const auditRecordTypeEnum = pgEnum("audit_record_type", AUDIT_RECORD_TYPES);
export const auditActionEnum = pgEnum("audit_action", AUDIT_ACTIONS);

export const localeEnum = pgEnum("locale", LOCALES);
export const subscriptionScopeEnum = pgEnum("subscription_scope", SUBSCRIPTION_SCOPES);
export const notificationKindEnum = pgEnum("notification_kind", NOTIFICATION_KINDS);
export const notificationStatusEnum = pgEnum("notification_status", NOTIFICATION_STATUSES);
export const alertChangeKindEnum = pgEnum("alert_change_kind", ALERT_CHANGE_KINDS);
export const alertTriggerKindEnum = pgEnum("alert_trigger_kind", ALERT_TRIGGER_KINDS);
export const alertChannelEnum = pgEnum("alert_channel", ALERT_CHANNELS);
export const contactPointTypeEnum = pgEnum("contact_point_type", CONTACT_POINT_TYPES);
export const deliveryStatusEnum = pgEnum("delivery_status", DELIVERY_STATUSES);
export const attemptOutcomeEnum = pgEnum("attempt_outcome", ATTEMPT_OUTCOMES);
export const emailKindEnum = pgEnum("email_kind", EMAIL_KINDS);
export const emailStatusEnum = pgEnum("email_status", EMAIL_STATUSES);

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const knownAt = () => instant("known_at").notNull();
const recordedAt = () => instant("recorded_at").notNull().defaultNow();
const money = (name: string) => numeric(name, { precision: 24, scale: 2, mode: "number" });

export const sources = pgTable("sources", {
  id: serial("id").primaryKey(),
  key: text("key").notNull().unique(),
  title: text("title").notNull(),
  publisher: text("publisher").notNull(),
  publishedOn: date("published_on", { mode: "string" }),
  url: text("url"),
  kind: sourceKindEnum("kind").notNull(),
  language: text("language").notNull().default("en"),
  note: text("note"),
  knownAt: knownAt(),
  recordedAt: recordedAt(),
});

/** What a source states, in our own words, with the value where it is a figure. */
export const sourceStatements = pgTable(
  "source_statements",
  {
    id: serial("id").primaryKey(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    summary: text("summary").notNull(),
    value: numeric("value", { precision: 24, scale: 4, mode: "number" }),
    unit: text("unit"),
  },
  (t) => [uniqueIndex("source_statements_unique").on(t.sourceId, t.summary)],
);

/** Links any record (by type and stable key) to a source. */
export const citations = pgTable(
  "citations",
  {
    id: serial("id").primaryKey(),
    recordType: recordTypeEnum("record_type").notNull(),
    recordKey: text("record_key").notNull(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "restrict" }),
    locator: text("locator"),
  },
  (t) => [
    uniqueIndex("citations_unique").on(t.recordType, t.recordKey, t.sourceId),
    index("citations_source_idx").on(t.sourceId),
  ],
);

export const tariffMeasures = pgTable(
  "tariff_measures",
  {
    id: serial("id").primaryKey(),
    measureKey: text("measure_key").notNull(),
    title: text("title").notNull(),
    /** The title in Korean, shown to Korean readers (falls back to `title`). */
    titleKo: text("title_ko"),
    imposingCountry: text("imposing_country").notNull().default("US"),
    /** ISO country code of the target, or ALL when the measure applies to every country. */
    targetCountry: text("target_country").notNull(),
    sector: sectorEnum("sector").notNull(),
    ratePct: numeric("rate_pct", { precision: 7, scale: 3, mode: "number" }),
    rateNote: text("rate_note"),
    rateNoteKo: text("rate_note_ko"),
    instrument: text("instrument").notNull(),
    status: measureStatusEnum("status").notNull(),
    announcedOn: date("announced_on", { mode: "string" }),
    effectiveAt: instant("effective_at"),
    effectiveZone: text("effective_zone"),
    endsAt: instant("ends_at"),
    endsZone: text("ends_zone"),
    confidence: confidenceEnum("confidence").notNull().default("high"),
    knownAt: knownAt(),
    recordedAt: recordedAt(),
  },
  (t) => [
    uniqueIndex("tariff_measures_version").on(t.measureKey, t.knownAt),
    // The board walks each sector by effective instant and stops at the first version in force.
    index("tariff_measures_sector_effective_idx").on(t.sector, t.effectiveAt),
    index("tariff_measures_pending_idx")
      .on(t.sector, t.effectiveAt)
      .where(sql`${t.status} in ('announced', 'threatened')`),
    // The step chart's instants where a measure ends (server/dashboard/tariff-steps.ts): without it, a scan of them all.
    index("tariff_measures_sector_ends_idx").on(t.sector, t.endsAt).where(sql`${t.endsAt} is not null`),
  ],
);

export const deadlines = pgTable(
  "deadlines",
  {
    id: serial("id").primaryKey(),
    deadlineKey: text("deadline_key").notNull(),
    title: text("title").notNull(),
    /** The title in Korean, shown to Korean readers (falls back to `title`). */
    titleKo: text("title_ko"),
    description: text("description"),
    kind: deadlineKindEnum("kind").notNull(),
    dueAt: instant("due_at").notNull(),
    /** The legal time zone the instant was stated in, e.g. 00:01 America/New_York. */
    dueZone: text("due_zone").notNull(),
    precision: timePrecisionEnum("precision").notNull().default("minute"),
    status: deadlineStatusEnum("status").notNull(),
    postponedToKey: text("postponed_to_key"),
    outcome: text("outcome"),
    outcomeKo: text("outcome_ko"),
    measureKey: text("measure_key"),
    sector: sectorEnum("sector"),
    knownAt: knownAt(),
    recordedAt: recordedAt(),
  },
  (t) => [
    uniqueIndex("deadlines_version").on(t.deadlineKey, t.knownAt),
    index("deadlines_due_idx").on(t.dueAt),
  ],
);

export const series = pgTable("series", {
  id: serial("id").primaryKey(),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  unit: text("unit").notNull(),
  /** Zone of the exchange's trading calendar: an observation's date is a trading day there. */
  zone: text("zone").notNull(),
  knownAt: knownAt(),
});

export const observations = pgTable(
  "observations",
  {
    seriesId: integer("series_id")
      .notNull()
      .references(() => series.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    open: numeric("open", { precision: 14, scale: 4, mode: "number" }),
    high: numeric("high", { precision: 14, scale: 4, mode: "number" }),
    low: numeric("low", { precision: 14, scale: 4, mode: "number" }),
    close: numeric("close", { precision: 14, scale: 4, mode: "number" }).notNull(),
    volume: bigint("volume", { mode: "number" }),
    knownAt: knownAt(),
  },
  (t) => [
    primaryKey({ columns: [t.seriesId, t.date] }),
    // The live change detector reads max(known_at) every second (server/core/data-version.ts).
    index("observations_known_idx").on(t.knownAt),
  ],
);

/** News events (the 30 of the seed and later ones): marked on charts, with the market's reaction. */
export const events = pgTable(
  "events",
  {
    id: serial("id").primaryKey(),
    eventKey: text("event_key").notNull().unique(),
    title: text("title").notNull(),
    /** The title in Korean, shown to Korean readers (falls back to `title`). */
    titleKo: text("title_ko"),
    category: eventCategoryEnum("category").notNull(),
    sector: sectorEnum("sector"),
    occurredAt: instant("occurred_at").notNull(),
    occurredZone: text("occurred_zone").notNull(),
    /** When the event became public, if later than it took effect (a retroactive change): reactions start here. */
    publicAt: instant("public_at"),
    precision: timePrecisionEnum("precision").notNull().default("day"),
    confidence: confidenceEnum("confidence").notNull().default("high"),
    knownAt: knownAt(),
    recordedAt: recordedAt(),
  },
  (t) => [index("events_occurred_idx").on(t.occurredAt)],
);

export const budgets = pgTable(
  "budgets",
  {
    id: serial("id").primaryKey(),
    budgetKey: text("budget_key").notNull(),
    title: text("title").notNull(),
    /** The title in Korean, shown to Korean readers (falls back to `title`). */
    titleKo: text("title_ko"),
    programme: text("programme").notNull(),
    purpose: text("purpose").notNull(),
    /** The sector the support is aimed at, when it is aimed at one. */
    sector: sectorEnum("sector"),
    amount: money("amount").notNull(),
    currency: text("currency").notNull().default("KRW"),
    amountUsd: money("amount_usd"),
    /** Units of `currency` per US dollar used for `amount_usd`, with its date and where it comes from. */
    usdRate: numeric("usd_rate", { precision: 14, scale: 4, mode: "number" }),
    usdRateDate: date("usd_rate_date", { mode: "string" }),
    usdRateNote: text("usd_rate_note"),
    status: budgetStatusEnum("status").notNull(),
    proposedOn: date("proposed_on", { mode: "string" }),
    passedOn: date("passed_on", { mode: "string" }),
    executedOn: date("executed_on", { mode: "string" }),
    note: text("note"),
    knownAt: knownAt(),
    recordedAt: recordedAt(),
  },
  (t) => [uniqueIndex("budgets_version").on(t.budgetKey, t.knownAt)],
);

/** Other tracked figures: trade balance by year, investment pledges, tax-rate changes, export values. */
export const figures = pgTable(
  "figures",
  {
    id: serial("id").primaryKey(),
    figureKey: text("figure_key").notNull(),
    kind: figureKindEnum("kind").notNull(),
    title: text("title").notNull(),
    titleKo: text("title_ko"),
    period: text("period"),
    value: numeric("value", { precision: 24, scale: 4, mode: "number" }).notNull(),
    /** For a change (tax rate): the value before. */
    fromValue: numeric("from_value", { precision: 24, scale: 4, mode: "number" }),
    unit: text("unit").notNull(),
    validUntil: date("valid_until", { mode: "string" }),
    note: text("note"),
    knownAt: knownAt(),
    recordedAt: recordedAt(),
  },
  (t) => [uniqueIndex("figures_version").on(t.figureKey, t.knownAt), index("figures_kind_idx").on(t.kind)],
);

/** The same fact stated differently by sources; kept with every claim until an editor resolves it. */
export const conflicts = pgTable("conflicts", {
  id: serial("id").primaryKey(),
  conflictKey: text("conflict_key").notNull().unique(),
  recordType: recordTypeEnum("record_type").notNull(),
  recordKey: text("record_key").notNull(),
  field: text("field").notNull(),
  title: text("title").notNull(),
  titleKo: text("title_ko"),
  status: conflictStatusEnum("status").notNull().default("open"),
  resolvedValue: numeric("resolved_value", { precision: 24, scale: 4, mode: "number" }),
  resolutionNote: text("resolution_note"),
  resolvedAt: instant("resolved_at"),
  knownAt: knownAt(),
});

export const conflictClaims = pgTable(
  "conflict_claims",
  {
    id: serial("id").primaryKey(),
    conflictId: integer("conflict_id")
      .notNull()
      .references(() => conflicts.id, { onDelete: "cascade" }),
    value: numeric("value", { precision: 24, scale: 4, mode: "number" }).notNull(),
    label: text("label").notNull(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "restrict" }),
  },
  (t) => [uniqueIndex("conflict_claims_unique").on(t.conflictId, t.sourceId, t.value)],
);

/** Which seed data set has been applied, so restarts skip it and changed seed files re-apply idempotently. */
export const seedRuns = pgTable("seed_runs", {
  name: text("name").primaryKey(),
  checksum: text("checksum").notNull(),
  details: jsonb("details"),
  appliedAt: instant("applied_at").notNull().default(sql`now()`),
});

/** Who changed what, when, before and after: written in the same transaction as the change. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    at: instant("at").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    action: auditActionEnum("action").notNull(),
    recordType: auditRecordTypeEnum("record_type").notNull(),
    recordKey: text("record_key").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    note: text("note"),
  },
  (t) => [
    index("audit_log_record_idx").on(t.recordType, t.recordKey, t.at),
    index("audit_log_at_idx").on(t.at),
    index("audit_log_user_idx").on(t.userId, t.at),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// Email alerts. Deduplication lives in the database: one notification per dedupe_key (e.g. one reminder per
// subscription, deadline, due instant and offset), one outbox email per Message-ID, workers lease emails with
// FOR UPDATE SKIP LOCKED.

/** A person who receives alerts (not necessarily a user of the dashboard). Double opt-in: confirmed_at. */
export const alertSubscribers = pgTable("alert_subscribers", {
  id: serial("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name"),
  timeZone: text("time_zone").notNull(),
  language: localeEnum("language").notNull().default("en"),
  confirmedAt: instant("confirmed_at"),
  unsubscribedAt: instant("unsubscribed_at"),
  /** Bumped to revoke every signed link sent so far. */
  linkVersion: integer("link_version").notNull().default(1),
  lastDigestAt: instant("last_digest_at"),
  /** Quiet hours in time_zone ("22:00"–"07:00"); none when either is null (server/alerts/quiet-rules.ts). */
  quietStart: text("quiet_start"),
  quietEnd: text("quiet_end"),
  /** Reminders 1 day or less ahead, and at the due time, go through quiet hours. */
  quietUrgent: boolean("quiet_urgent").notNull().default(true),
  /** email, or the contact point this subscriber stands for (its address is then a placeholder, never mailed). */
  channel: alertChannelEnum("channel").notNull().default("email"),
  createdAt: instant("created_at").notNull(),
});

/** What a subscriber follows, with reminder offsets and optional change notices. */
export const alertSubscriptions = pgTable(
  "alert_subscriptions",
  {
    id: serial("id").primaryKey(),
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => alertSubscribers.id, { onDelete: "cascade" }),
    scope: subscriptionScopeEnum("scope").notNull(),
    /** Sector, deadline kind or deadline key; '' for all. */
    scopeValue: text("scope_value").notNull().default(""),
    /** Reminder offsets as text, e.g. "30d,7d,1d,0" (server/alerts/reminder-rules.ts). */
    offsets: text("offsets").notNull(),
    /** A tariff measure added or changed in a followed sector. */
    notifyMeasures: boolean("notify_measures").notNull().default(false),
    /** A daily KOSPI move beyond ±this many percent; null for none. */
    marketMovePct: numeric("market_move_pct", { precision: 6, scale: 2, mode: "number" }),
    active: boolean("active").notNull().default(true),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("alert_subscriptions_scope").on(t.subscriberId, t.scope, t.scopeValue),
    // The planner fans a trigger out by scope: everyone on "all", a sector's, a kind's, a deadline's followers.
    index("alert_subscriptions_fanout_idx").on(t.scope, t.scopeValue, t.id).where(sql`${t.active}`),
  ],
);

/** Outbox: one email to one address, rendered once, sent at most once per Message-ID. */
export const alertEmails = pgTable(
  "alert_emails",
  {
    id: serial("id").primaryKey(),
    subscriberId: integer("subscriber_id").references(() => alertSubscribers.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    kind: emailKindEnum("kind").notNull(),
    language: localeEnum("language").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    ics: text("ics"),
    /** Headers beyond the usual (List-Unsubscribe, List-Unsubscribe-Post). */
    headers: jsonb("headers").$type<Record<string, string>>(),
    messageId: text("message_id").notNull().unique(),
    status: emailStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull(),
    leaseUntil: instant("lease_until"),
    leasedBy: text("leased_by"),
    lastError: text("last_error"),
    /** Late: some of its reminders fell due while nothing was running. */
    late: boolean("late").notNull().default(false),
    createdAt: instant("created_at").notNull(),
    sentAt: instant("sent_at"),
  },
  (t) => [index("alert_emails_due_idx").on(t.status, t.nextAttemptAt), index("alert_emails_subscriber_idx").on(t.subscriberId, t.createdAt)],
);

/**
 * A contact point: a Slack or Microsoft Teams channel (incoming / Workflows webhook) or a signed webhook. It is planned
 * as a subscriber of its own (subscriber_id: channel, language, zone, subscriptions), so it follows deadlines exactly
 * as a person does. The URL and the signing secret are encrypted (server/alerts/channels/secrets.ts) and never shown
 * back; url_hint is what the admin sees. A team's contact point has created_by; a person's own has owner_subscriber_id.
 */
export const alertContactPoints = pgTable("alert_contact_points", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  type: contactPointTypeEnum("type").notNull(),
  subscriberId: integer("subscriber_id")
    .notNull()
    .unique()
    .references(() => alertSubscribers.id, { onDelete: "cascade" }),
  /** Encrypted URL (null after a restore without secrets: the point waits for its URL, paused). */
  urlCipher: text("url_cipher"),
  /** e.g. "hooks.slack.com …a1b2": enough to recognise it, not to use it. */
  urlHint: text("url_hint").notNull(),
  /** Encrypted signing secret (webhooks). */
  secretCipher: text("secret_cipher"),
  paused: boolean("paused").notNull().default(false),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  ownerSubscriberId: integer("owner_subscriber_id").references(() => alertSubscribers.id, { onDelete: "cascade" }),
  createdAt: instant("created_at").notNull(),
});

/** Outbox for contact points: one message to one contact point, its body fixed when composed, sent at most once per id. */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: serial("id").primaryKey(),
    contactPointId: integer("contact_point_id")
      .notNull()
      .references(() => alertContactPoints.id, { onDelete: "cascade" }),
    kind: emailKindEnum("kind").notNull(),
    /** Sent as the webhook-id / idempotency key: a retry carries the same one, so receivers can drop the copy. */
    messageId: text("message_id").notNull().unique(),
    /** What the message says, channel-neutral (items, links, zone, language): rendered for the channel at send. */
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    status: deliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull(),
    leaseUntil: instant("lease_until"),
    leasedBy: text("leased_by"),
    lastError: text("last_error"),
    late: boolean("late").notNull().default(false),
    createdAt: instant("created_at").notNull(),
    sentAt: instant("sent_at"),
  },
  (t) => [index("alert_deliveries_due_idx").on(t.status, t.nextAttemptAt), index("alert_deliveries_point_idx").on(t.contactPointId, t.createdAt)],
);

/** An admin's mute window for a contact point (maintenance, a holiday): its deliveries wait, nothing is lost. */
export const alertMutes = pgTable(
  "alert_mutes",
  {
    id: serial("id").primaryKey(),
    contactPointId: integer("contact_point_id")
      .notNull()
      .references(() => alertContactPoints.id, { onDelete: "cascade" }),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    reason: text("reason"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("alert_mutes_point_idx").on(t.contactPointId, t.endsAt)],
);

/** Every attempt to deliver: why a channel did or did not get a message. */
export const alertDeliveryAttempts = pgTable(
  "alert_delivery_attempts",
  {
    id: serial("id").primaryKey(),
    deliveryId: integer("delivery_id")
      .notNull()
      .references(() => alertDeliveries.id, { onDelete: "cascade" }),
    at: instant("at").notNull(),
    outcome: attemptOutcomeEnum("outcome").notNull(),
    httpStatus: integer("http_status"),
    /** The receiver's answer or the network error, short; never the URL. */
    detail: text("detail"),
    /** A 429/503's Retry-After, honoured for the next attempt. */
    retryAfterSeconds: integer("retry_after_seconds"),
    durationMs: integer("duration_ms"),
  },
  (t) => [index("alert_delivery_attempts_delivery_idx").on(t.deliveryId, t.at)],
);

/** One piece of alert content for one subscriber: a reminder, a notice, a digest line. */
export const alertNotifications = pgTable(
  "alert_notifications",
  {
    id: serial("id").primaryKey(),
    /** Unique per piece of content, so any number of workers plan it once. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => alertSubscribers.id, { onDelete: "cascade" }),
    subscriptionId: integer("subscription_id").references(() => alertSubscriptions.id, { onDelete: "set null" }),
    kind: notificationKindEnum("kind").notNull(),
    status: notificationStatusEnum("status").notNull(),
    deadlineKey: text("deadline_key"),
    /** The reminder offset, as text ("7d"). */
    offset: text("offset"),
    dueAt: instant("due_at"),
    /** When it should go out. */
    remindAt: instant("remind_at"),
    late: boolean("late").notNull().default(false),
    /** What the email says about it (title, zone, postponed to, change…), fixed when planned. */
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    /** Why it was skipped or held back. */
    reason: text("reason"),
    emailId: integer("email_id").references(() => alertEmails.id, { onDelete: "set null" }),
    /** Held for the recipient's quiet hours until then (compose leaves it until that instant). */
    heldUntil: instant("held_until"),
    /** The contact-point delivery it went out in (instead of an email). */
    deliveryId: integer("delivery_id").references(() => alertDeliveries.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    index("alert_notifications_subscriber_idx").on(t.subscriberId, t.status, t.remindAt),
    index("alert_notifications_email_idx").on(t.emailId),
    // What compose reads each tick: queued, not yet in an email, by instant.
    index("alert_notifications_queued_idx").on(t.remindAt, t.subscriberId).where(sql`${t.status} = 'queued' and ${t.emailId} is null`),
    index("alert_notifications_delivery_idx").on(t.deliveryId),
  ],
);

/**
 * What changed since the planner last looked: a deadline version, a subscription (or its subscriber), a tariff measure
 * version or a KOSPI close, written by database triggers in the writer's own transaction (migration 0010), so every
 * path that writes (editing, seeding, a restore, the market job, psql) is seen. The planner drains it.
 */
export const alertChanges = pgTable("alert_changes", {
  id: serial("id").primaryKey(),
  kind: alertChangeKindEnum("kind").notNull(),
  /** deadlines.id, alert_subscriptions.id or tariff_measures.id. */
  refId: integer("ref_id"),
  /** An observation's trading day (observations have no id). */
  refDate: date("ref_date", { mode: "string" }),
});

/** The reminder offsets some subscription uses ("7d", "6h"): triggers are materialised for each. */
export const alertOffsets = pgTable("alert_offsets", {
  offset: text("offset").primaryKey(),
});

/**
 * The planner's index of what falls due when: one row per (deadline, due instant, offset) reminder instant, per
 * postponed/met notice, per measure change and per KOSPI close, with the instant `at` it falls due. A tick reads only
 * the rows due by then (partial index on `at`), fans each out to the subscriptions it concerns in batches (`cursor`:
 * the last subscription id done, so another worker carries on where one stopped), and marks it done.
 */
export const alertTriggers = pgTable(
  "alert_triggers",
  {
    id: serial("id").primaryKey(),
    /** Unique per trigger, e.g. reminder:<key>:<due ISO>:<offset>. */
    ref: text("ref").notNull().unique(),
    kind: alertTriggerKindEnum("kind").notNull(),
    deadlineKey: text("deadline_key"),
    dueAt: instant("due_at"),
    offset: text("offset"),
    /** tariff_measures.id for a measure change. */
    refId: integer("ref_id"),
    /** The trading day of a KOSPI close. */
    refDate: date("ref_date", { mode: "string" }),
    at: instant("at").notNull(),
    cursor: integer("cursor").notNull().default(0),
    doneAt: instant("done_at"),
  },
  (t) => [index("alert_triggers_due_idx").on(t.at).where(sql`${t.doneAt} is null`)],
);

/** Revocable read tokens for calendar feeds (and other read-only URLs) when reading is not public. */
export const feedTokens = pgTable("feed_tokens", {
  id: serial("id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  label: text("label").notNull(),
  /** SHA-256 of the token; the token itself is shown once. */
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: instant("created_at").notNull(),
  lastUsedAt: instant("last_used_at"),
  revokedAt: instant("revoked_at"),
});

/** Each scheduled job's last run, for the dashboard ("next run", last error). */
export const jobRuns = pgTable("job_runs", {
  name: text("name").primaryKey(),
  lastStartedAt: instant("last_started_at"),
  lastFinishedAt: instant("last_finished_at"),
  lastError: text("last_error"),
  lastResult: jsonb("last_result"),
  runner: text("runner"),
});

// ---------------------------------------------------------------------------------------------------------------
// Status screens: TVs on a wall showing a named configuration, reached with a per-device token (no sign-in).

/** A named screen configuration; `config_version` is bumped on every change so open screens pick it up. */
export const screens = pgTable("screens", {
  id: serial("id").primaryKey(),
  /** Slug of the name, in the screen's URL (/screen/<key>). */
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  /** The validated configuration (server/screens/schemas.ts `screenConfig`). */
  config: jsonb("config").$type<ScreenConfig>().notNull(),
  configVersion: integer("config_version").notNull().default(1),
  /** An editor asked every open copy of the screen to reload (the stream sends `reload` once per request). */
  reloadRequestedAt: instant("reload_requested_at"),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
});

/** A device (a TV) allowed to show one screen: a hashed token, or a short pairing code waiting to be exchanged. */
export const screenDevices = pgTable(
  "screen_devices",
  {
    id: serial("id").primaryKey(),
    screenId: integer("screen_id")
      .notNull()
      .references(() => screens.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    /** SHA-256 of the device token; null while the device only has a pairing code. */
    tokenHash: text("token_hash").unique(),
    /** Normalised pairing code (no separator), single use: cleared when exchanged for a token. */
    pairingCode: text("pairing_code").unique(),
    pairingExpiresAt: instant("pairing_expires_at"),
    createdAt: instant("created_at").notNull(),
    lastSeenAt: instant("last_seen_at"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [index("screen_devices_screen_idx").on(t.screenId)],
);

// ---------------------------------------------------------------------------------------------------------------
// News ingestion: an article (pasted, uploaded, fetched from a URL or a feed) is stored once as readable text; the
// facts extracted from it wait as proposals until an editor accepts (writing a tracked record that cites the
// article) or rejects them. Duplicates are refused by the database: one article per normalised URL and per
// content hash; one feed item per (feed, guid).

export const articleOriginEnum = pgEnum("article_origin", ARTICLE_ORIGINS);
export const proposalStatusEnum = pgEnum("proposal_status", PROPOSAL_STATUSES);
export const feedStateEnum = pgEnum("feed_state", FEED_STATES);
export const feedItemOutcomeEnum = pgEnum("feed_item_outcome", FEED_ITEM_OUTCOMES);

/** An RSS or Atom feed polled for new items (conditional requests, backoff on errors). */
export const feeds = pgTable("feeds", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  url: text("url").notNull().unique(),
  /** Any of these words (case-insensitive) in an item's title or summary gets it ingested; empty = every item. */
  keywords: jsonb("keywords").$type<string[]>().notNull(),
  intervalMinutes: integer("interval_minutes").notNull(),
  active: boolean("active").notNull().default(true),
  state: feedStateEnum("state").notNull().default("new"),
  etag: text("etag"),
  lastModified: text("last_modified"),
  lastCheckedAt: instant("last_checked_at"),
  lastSuccessAt: instant("last_success_at"),
  /** HTTP status of the last answer (304 = not modified), null when no answer came. */
  lastHttpStatus: integer("last_http_status"),
  lastError: text("last_error"),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  nextCheckAt: instant("next_check_at").notNull(),
  /** Items seen / ingested over the feed's life. */
  itemsSeen: integer("items_seen").notNull().default(0),
  itemsIngested: integer("items_ingested").notNull().default(0),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: instant("created_at").notNull(),
});

/** A news article as readable text, with where it came from. */
export const articles = pgTable(
  "articles",
  {
    id: serial("id").primaryKey(),
    origin: articleOriginEnum("origin").notNull(),
    /** Normalised URL (no fragment, no tracking parameters), when it has one. */
    url: text("url").unique(),
    /** SHA-256 of the normalised text: the same article reached twice is recognised. */
    contentHash: text("content_hash").notNull().unique(),
    title: text("title").notNull(),
    publisher: text("publisher"),
    /** Publication date (YYYY-MM-DD): weekdays and years in the text are resolved against it. */
    publishedOn: date("published_on", { mode: "string" }),
    language: text("language").notNull().default("en"),
    fileName: text("file_name"),
    text: text("text").notNull(),
    feedId: integer("feed_id").references(() => feeds.id, { onDelete: "set null" }),
    /** The source row created for the article the first time one of its facts is accepted (citations point there). */
    sourceId: integer("source_id").references(() => sources.id, { onDelete: "set null" }),
    factCount: integer("fact_count").notNull().default(0),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("articles_created_idx").on(t.createdAt), index("articles_feed_idx").on(t.feedId)],
);

/** One fact extracted from an article, waiting for review; `fact` is what the editor will accept (possibly edited). */
export const factProposals = pgTable(
  "fact_proposals",
  {
    id: serial("id").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** Position among the article's facts, so re-extraction cannot duplicate a proposal. */
    ordinal: integer("ordinal").notNull(),
    kind: text("kind").notNull(),
    /** The fact as extracted (server/news/extract/types.ts), kept unchanged. */
    extracted: jsonb("extracted").$type<Record<string, unknown>>().notNull(),
    /** The fact as it stands after the editor's edits (equal to `extracted` until edited). */
    fact: jsonb("fact").$type<Record<string, unknown>>().notNull(),
    evidenceStart: integer("evidence_start").notNull(),
    evidenceEnd: integer("evidence_end").notNull(),
    confidence: numeric("confidence", { precision: 4, scale: 3, mode: "number" }).notNull(),
    status: proposalStatusEnum("status").notNull().default("pending"),
    /** The tracked figure this fact contradicts, when it does: { recordType, recordKey, field, tracked, proposed }. */
    conflict: jsonb("conflict").$type<Record<string, unknown>>(),
    /** The record written on accept. */
    recordType: recordTypeEnum("record_type"),
    recordKey: text("record_key"),
    reviewNote: text("review_note"),
    reviewedBy: text("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: instant("reviewed_at"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("fact_proposals_article_ordinal").on(t.articleId, t.ordinal),
    index("fact_proposals_status_idx").on(t.status, t.createdAt),
    // the review queue's "least sure first"
    index("fact_proposals_confidence_idx").on(t.status, t.confidence, t.id),
  ],
);

/** Every item a feed listed: seen once per (feed, guid); what became of it (ingested, skipped, error). */
export const feedItems = pgTable(
  "feed_items",
  {
    id: serial("id").primaryKey(),
    feedId: integer("feed_id")
      .notNull()
      .references(() => feeds.id, { onDelete: "cascade" }),
    /** The item's guid/id, or its link when it has none. */
    guid: text("guid").notNull(),
    link: text("link"),
    title: text("title").notNull(),
    publishedAt: instant("published_at"),
    matched: boolean("matched").notNull(),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "set null" }),
    /**
     * What became of the item (FEED_ITEM_OUTCOMES). Nullable only so that backups made before it was an enum
     * (migration 0009) still import; a null reads as pending.
     */
    outcome: feedItemOutcomeEnum("outcome").default("pending"),
    error: text("error"),
    seenAt: instant("seen_at").notNull(),
  },
  (t) => [uniqueIndex("feed_items_guid").on(t.feedId, t.guid), index("feed_items_seen_idx").on(t.feedId, t.seenAt)],
);

// Sign-in (better-auth): users, sessions, accounts, verifications, rate limits.
export * from "./auth-schema";
export * from "./product-schema";
export * from "./watchlist-schema";
