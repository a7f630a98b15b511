// What a contact point's message says, decided once when it is composed (in the contact point's language and zone,
// at that moment) and kept on the delivery: the same words whatever channel renders it and however late a retry.
import { alertSubject, dashboardAsOf, itemView, readerFor, type ItemView } from "@/server/alerts/emails/content";
import type { AlertItem, Recipient } from "@/server/alerts/emails/types";

export type ChannelItem = ItemView & {
  /** Structured facts for machines (the webhook payload). */
  kind: AlertItem["kind"];
  deadlineKey: string | null;
  dueAt: string | null;
  dueZone: string | null;
  offset: string | null;
  late: boolean;
};

export type ChannelContent = {
  kind: "alert" | "test";
  language: "en" | "ko";
  subject: string;
  items: ChannelItem[];
  /** The dashboard as of the moment it was composed. */
  link: { label: string; href: string };
  composedAt: string;
};

export function channelContent(recipient: Recipient, items: readonly AlertItem[], dashboard: string, now: Date): ChannelContent {
  const r = readerFor(recipient, { dashboard, unsubscribe: dashboard, manage: dashboard }, now);
  return {
    kind: "alert",
    language: r.lang,
    subject: alertSubject(r, items),
    items: items.map((item) => ({
      ...itemView(r, item),
      kind: item.kind,
      deadlineKey: item.deadlineKey ?? null,
      dueAt: item.dueAt?.toISOString() ?? null,
      dueZone: item.dueZone ?? null,
      offset: item.offset ?? null,
      late: item.late ?? false,
    })),
    link: dashboardAsOf(r, now),
    composedAt: now.toISOString(),
  };
}

/** The "send test" message: says what it is, and nothing else. */
export function testContent(recipient: Recipient, name: string, dashboard: string, now: Date): ChannelContent {
  const r = readerFor(recipient, { dashboard, unsubscribe: dashboard, manage: dashboard }, now);
  const subject = r.lang === "ko" ? `Tradewatch 테스트 메시지: ${name}` : `Tradewatch test message for ${name}`;
  const line = r.lang === "ko" ? "이 연락처로 알림이 전달됩니다." : "Alerts for this contact point will arrive here.";
  return { kind: "test", language: r.lang, subject, items: [{ heading: subject, note: null, rows: [], lines: [line], link: null, kind: "reminder", deadlineKey: null, dueAt: null, dueZone: null, offset: null, late: false }], link: dashboardAsOf(r, now), composedAt: now.toISOString() };
}
