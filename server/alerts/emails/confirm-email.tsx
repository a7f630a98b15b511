// Double opt-in: nothing is sent to an address until its owner follows this link.
import { frame, oneLine, readerFor, type EmailView } from "./content";
import { EmailLayout } from "./layout";
import type { Links, Recipient } from "./types";

export type ConfirmEmailProps = { to: Recipient; confirmUrl: string; summary: string; links: Links };

export function confirmEmailView({ to, confirmUrl, summary, links }: ConfirmEmailProps): EmailView {
  // Nothing here depends on the time.
  const r = readerFor(to, links, new Date(0));
  return {
    lang: r.lang,
    subject: r.m.confirmSubject,
    preview: oneLine(summary),
    title: r.m.confirmSubject,
    intro: [r.m.confirmIntro, summary],
    sections: [],
    action: { label: r.m.confirmButton, href: confirmUrl },
    outro: [r.m.confirmIgnore],
    ...frame(r),
  };
}

export function ConfirmEmail(props: ConfirmEmailProps) {
  return <EmailLayout view={confirmEmailView(props)} />;
}
