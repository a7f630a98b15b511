// Rendering of every alert email: subject, HTML (react-email) and a text part with the same content, plus an
// iCalendar attachment for emails about deadlines. In the subscriber's language (en/ko) and zones.
import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import { AlertEmail, alertEmailView, type AlertEmailProps } from "./alert-email";
import { ConfirmEmail, confirmEmailView, type ConfirmEmailProps } from "./confirm-email";
import { calendarFor, readerFor, viewToText, type EmailView } from "./content";
import { DigestEmail, digestEmailView, type DigestEmailProps } from "./digest-email";
import { TestEmail, testEmailView, type TestEmailProps } from "./test-email";
import type { AlertItem, Links, Recipient, RenderedEmail, RenderedEmailWithIcs } from "./types";

export type { AlertItem, Links, Recipient, RenderedEmail, RenderedEmailWithIcs } from "./types";
export { countdownPhrase } from "./content";

async function rendered(view: EmailView, element: ReactElement): Promise<RenderedEmail> {
  return { subject: view.subject, html: await render(element), text: viewToText(view) };
}

/** Reminders and notices (one or several) for one person; `ics` has the deadlines they are about. */
export async function renderAlertEmail(a: {
  to: Recipient;
  items: AlertItem[];
  links: Links;
  now: Date;
}): Promise<RenderedEmailWithIcs> {
  const props: AlertEmailProps = a;
  const email = await rendered(alertEmailView(props), createElement(AlertEmail, props));
  return { ...email, ics: calendarFor(readerFor(a.to, a.links, a.now), a.items) };
}

/** The daily digest; `ics` has the upcoming deadlines and postponements it lists. */
export async function renderDigestEmail(a: {
  to: Recipient;
  upcoming: AlertItem[];
  changes: AlertItem[];
  missed: AlertItem[];
  links: Links;
  now: Date;
}): Promise<RenderedEmailWithIcs> {
  const props: DigestEmailProps = a;
  const email = await rendered(digestEmailView(props), createElement(DigestEmail, props));
  return { ...email, ics: calendarFor(readerFor(a.to, a.links, a.now), [...a.upcoming, ...a.changes]) };
}

/** Double opt-in: `summary` says what was subscribed to. */
export async function renderConfirmEmail(a: {
  to: Recipient;
  confirmUrl: string;
  summary: string;
  links: Links;
}): Promise<RenderedEmail> {
  const props: ConfirmEmailProps = a;
  return rendered(confirmEmailView(props), createElement(ConfirmEmail, props));
}

/** A test message proving the mail settings. */
export async function renderTestEmail(a: { to: Recipient; links: Links; now: Date }): Promise<RenderedEmail> {
  const props: TestEmailProps = a;
  return rendered(testEmailView(props), createElement(TestEmail, props));
}
