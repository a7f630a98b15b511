// The one source for the enums every feature shares (sectors, record kinds and statuses, roles, zones): Drizzle
// pgEnums, zod schemas and UI labels all derive from these arrays. Each feature keeps its own enums in its own
// constants.ts (alerts, screens, news).

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
  "contact_point",
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
export { READ_ACCESS_MODES } from "./read-access.js";
import { READ_ACCESS_MODES } from "./read-access.js";
export type ReadAccess = (typeof READ_ACCESS_MODES)[number];

/** Time allowed for one fetch (URL article, feed, market data) from connect to the last byte. */
export const FETCH_TIMEOUT_MS = 15_000;
/** Redirects followed by one fetch; every hop is checked again. */
export const MAX_REDIRECTS = 5;
