// "Send a test email": proves the SMTP settings and shows the reader's zones as the alerts will.
import { frame, readerFor, timeRows, type EmailView } from "./content";
import { EmailLayout } from "./layout";
import type { Links, Recipient } from "./types";

export type TestEmailProps = { to: Recipient; links: Links; now: Date };

export function testEmailView({ to, links, now }: TestEmailProps): EmailView {
  const r = readerFor(to, links, now);
  return {
    lang: r.lang,
    subject: r.m.testSubject,
    preview: r.m.testIntro,
    title: r.m.testSubject,
    intro: [r.m.testIntro],
    sections: [{ heading: null, items: [{ heading: r.m.testSentAt, note: null, rows: timeRows(r, now), lines: [], link: null }], empty: null }],
    action: null,
    outro: [],
    ...frame(r),
  };
}

export function TestEmail(props: TestEmailProps) {
  return <EmailLayout view={testEmailView(props)} />;
}
