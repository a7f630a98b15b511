// Alert subscriptions as a person (or an admin, or the CLI) enters them; shared by the forms, tRPC and the CLI.
import { z } from "zod";
import { DEADLINE_KINDS, LOCALES, SECTORS } from "@/server/core/constants";
import { CONTACT_POINT_TYPES, DEFAULT_ADMIN_PAGE, MAX_ADMIN_PAGE, MAX_HISTORY_PAGE, NOTIFICATION_KINDS, NOTIFICATION_STATUSES, SUBSCRIPTION_SCOPES } from "./constants";
import { DEFAULT_OFFSETS, formatOffsets, offsetsSchema } from "./reminder-rules";
import { KEY_RE, limitUpTo, offset as pageOffset, optionalText, rowId, zone } from "@/server/core/schemas";

export const subscriberEmail = z
  .email("must be an email address such as name@example.org")
  .max(254, "must be at most 254 characters")
  .transform((e) => e.trim().toLowerCase());

/** What one subscription follows, checked against its scope. */
export const subscriptionFields = z
  .object({
    scope: z.enum(SUBSCRIPTION_SCOPES).default("all"),
    scopeValue: z.string().max(80).optional(),
    offsets: offsetsSchema.default([...DEFAULT_OFFSETS]).transform(formatOffsets),
    notifyMeasures: z.boolean().default(false),
    /** A daily KOSPI move beyond ± this many percent (e.g. 3); none when empty. */
    marketMovePct: z.number().finite().min(0.1, "must be at least 0.1 (%)").max(50, "must be at most 50 (%)").nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    const bad = (message: string) => ctx.addIssue({ code: "custom", path: ["scopeValue"], message });
    if (v.scope === "all" && v.scopeValue) bad("must be empty when following every deadline");
    if (v.scope === "sector" && !(SECTORS as readonly string[]).includes(v.scopeValue ?? "")) bad(`must be a sector: ${SECTORS.join(", ")}`);
    if (v.scope === "kind" && !(DEADLINE_KINDS as readonly string[]).includes(v.scopeValue ?? "")) bad(`must be a deadline kind: ${DEADLINE_KINDS.join(", ")}`);
    if (v.scope === "deadline" && !KEY_RE.test(v.scopeValue ?? "")) bad("must be a deadline key such as reciprocal-kr-aug1");
    if (v.scope === "watchlist" && !/^wl-[0-9a-f]{16}$/.test(v.scopeValue ?? "")) bad("must be a watchlist key such as wl-0123456789abcdef (from the watchlist's page)");
  })
  .transform((v) => ({ ...v, scopeValue: v.scope === "all" ? "" : v.scopeValue! }));

export const subscribeInput = z.object({
  email: subscriberEmail,
  name: optionalText(120),
  timeZone: zone.default("Asia/Seoul"),
  language: z.enum(LOCALES).default("en"),
  subscription: subscriptionFields,
});
export type SubscribeInput = z.input<typeof subscribeInput>;
export type SubscribeData = z.output<typeof subscribeInput>;

export const tokenInput = z.object({ token: z.string().min(1).max(1024) });

// Inputs of the alerts router (server/alerts/router.ts).
const id = rowId;

export const manageSetActiveInput = tokenInput.extend({ subscriptionId: id, active: z.boolean() });
export const manageAddInput = tokenInput.extend({ subscription: subscriptionFields });
/** Quiet hours as local times ("22:00"–"07:00"), both or neither; urgent reminders (≤ 1 day) go through by default. */
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time such as 22:00");
export const quietHoursFields = z
  .object({ quietStart: localTime.nullish(), quietEnd: localTime.nullish(), quietUrgent: z.boolean().optional() })
  .superRefine((v, ctx) => {
    if (!v.quietStart !== !v.quietEnd) ctx.addIssue({ code: "custom", path: [v.quietStart ? "quietEnd" : "quietStart"], message: "give both the start and the end of quiet hours, or neither" });
    if (v.quietStart && v.quietStart === v.quietEnd) ctx.addIssue({ code: "custom", path: ["quietEnd"], message: "must differ from the start" });
  });

export const managePreferencesInput = tokenInput
  .extend({
    name: optionalText(120),
    timeZone: zone,
    language: z.enum(LOCALES),
  })
  .and(quietHoursFields);

export const adminSetActiveInput = z.object({ subscriberId: id, subscriptionId: id, active: z.boolean() });

/** The notification history's filters (all optional) and keyset paging: `before` is the last id of the page seen. */
export const historyInput = z.object({
  email: z.string().trim().max(254).optional().transform((e) => e || undefined),
  deadlineKey: z
    .string()
    .trim()
    .max(80)
    .optional()
    .transform((k) => k || undefined)
    .refine((k) => k === undefined || KEY_RE.test(k), "must be a deadline key such as reciprocal-kr-aug1"),
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  kind: z.enum(NOTIFICATION_KINDS).optional(),
  before: id.optional(),
  limit: limitUpTo(MAX_HISTORY_PAGE).default(50),
});
export type HistoryInput = z.input<typeof historyInput>;

export const outboxInput = z.object({ before: id.optional(), limit: limitUpTo(MAX_HISTORY_PAGE).default(50) }).default({ limit: 50 });

/** A page of the admin's people or contact points: `limit` (≤ MAX_ADMIN_PAGE) from `offset`. */
export const adminPageInput = z
  .object({ offset: pageOffset.default(0), limit: limitUpTo(MAX_ADMIN_PAGE).default(DEFAULT_ADMIN_PAGE) })
  .default({ offset: 0, limit: DEFAULT_ADMIN_PAGE });

export const emailIdInput = z.object({ id });

export const sendTestInput = z.object({
  email: subscriberEmail,
  language: z.enum(LOCALES).default("en"),
  timeZone: zone.default("Asia/Seoul"),
});
export type SendTestInput = z.input<typeof sendTestInput>;

/** A contact point as an admin enters it: where (a Slack / Teams Workflows / webhook URL) and what it follows. */
export const contactPointUrl = z
  .string()
  .trim()
  .max(2000, "must be at most 2,000 characters")
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), "must be a full URL starting with https://");

export const createContactPointInput = z.object({
  name: z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters"),
  type: z.enum(CONTACT_POINT_TYPES),
  url: contactPointUrl,
  language: z.enum(LOCALES).default("en"),
  timeZone: zone.default("Asia/Seoul"),
  subscription: subscriptionFields,
});
export type CreateContactPointInput = z.input<typeof createContactPointInput>;

export const updateContactPointInput = z.object({
  id,
  name: z.string().trim().min(1, "must not be empty").max(120).optional(),
  /** A new URL replaces the old one (the old one is never shown). */
  url: contactPointUrl.optional(),
  paused: z.boolean().optional(),
  language: z.enum(LOCALES).optional(),
  timeZone: zone.optional(),
});

export const contactPointIdInput = z.object({ id });

export const contactPointQuietInput = z.object({ id }).and(quietHoursFields);

/** An admin's mute window for a contact point: from, to (instants), why. */
export const addMuteInput = z
  .object({ contactPointId: id, startsAt: z.coerce.date(), endsAt: z.coerce.date(), reason: optionalText(300) })
  .refine((v) => v.endsAt.getTime() > v.startsAt.getTime(), { path: ["endsAt"], message: "must be after the start" });
export const muteIdInput = z.object({ id });

/** A person's own channel for one of their subscriptions, through the manage link. */
export const manageAddChannelInput = tokenInput.extend({ type: z.enum(CONTACT_POINT_TYPES), url: contactPointUrl, subscriptionId: id });
export const manageRemoveChannelInput = tokenInput.extend({ id });

/** Quiet hours alone, through the manage link (the other preferences are left as they are). */
export const manageQuietInput = tokenInput.and(quietHoursFields);
