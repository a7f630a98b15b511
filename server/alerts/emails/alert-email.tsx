// Reminders and notices for one person, possibly several in one email (grouped by the planner).
import { alertSubject, frame, itemView, readerFor, type EmailView } from "./content";
import { EmailLayout } from "./layout";
import type { AlertItem, Links, Recipient } from "./types";

export type AlertEmailProps = { to: Recipient; items: readonly AlertItem[]; links: Links; now: Date };

export function alertEmailView({ to, items, links, now }: AlertEmailProps): EmailView {
  if (items.length === 0) throw new RangeError("An alert email needs at least one item");
  const r = readerFor(to, links, now);
  const views = items.map((item) => itemView(r, item));
  const subject = alertSubject(r, items);
  const allReminders = items.every((i) => i.kind === "reminder");
  return {
    lang: r.lang,
    subject,
    preview: subject,
    title: r.m.alertCount(views.length, allReminders),
    intro: [r.m.alertIntro(views.length)],
    sections: [{ heading: null, items: views, empty: null }],
    action: null,
    outro: [],
    ...frame(r),
  };
}

export function AlertEmail(props: AlertEmailProps) {
  return <EmailLayout view={alertEmailView(props)} />;
}
