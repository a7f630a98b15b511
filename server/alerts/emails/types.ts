// What the alert email templates are given. Kept apart from the renderers so the templates and index.ts share it.
import type { Locale } from "@/server/core/constants";
import type { NotificationKind } from "@/server/alerts/constants";

/** One piece of alert content: a reminder, a notice (postponed, met, missed), a measure change or a market move. */
export type AlertItem = {
  kind: NotificationKind;
  deadlineKey?: string | null;
  title: string;
  titleKo?: string | null;
  /** The deadline's instant and the zone it was stated in. */
  dueAt?: Date | null;
  dueZone?: string | null;
  /** The reminder offset ("7d"; "0" = at the due time). The email states the time actually left, not this. */
  offset?: string | null;
  /** It fell due while nothing was running: the email says so. */
  late?: boolean;
  /** Held during quiet hours, sent when they ended. */
  held?: boolean;
  postponedTo?: { key: string; title: string; dueAt: Date; dueZone: string } | null;
  /** A met deadline's outcome, a change's text, a market move's text. */
  outcome?: string | null;
  summary?: string | null;
};

export type Recipient = { email: string; name?: string | null; timeZone: string; language: Locale };

/** `dashboard` is the public URL of the app; the others are signed links for this recipient. */
export type Links = { dashboard: string; unsubscribe: string; manage: string };

export type RenderedEmail = { subject: string; html: string; text: string };
export type RenderedEmailWithIcs = RenderedEmail & { ics: string | null };
