// The daily digest (08:00 in the subscriber's zone): what is coming up, what changed, what was missed while down.
import { formatDate } from "@/lib/format";
import { DIGEST_HORIZON_DAYS } from "@/server/alerts/constants";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { localDate } from "@/server/core/time";
import { frame, itemView, oneLine, readerFor, type EmailView } from "./content";
import { EmailLayout } from "./layout";
import type { AlertItem, Links, Recipient } from "./types";

export type DigestEmailProps = {
  to: Recipient;
  upcoming: readonly AlertItem[];
  changes: readonly AlertItem[];
  missed: readonly AlertItem[];
  links: Links;
  now: Date;
};

export function digestEmailView({ to, upcoming, changes, missed, links, now }: DigestEmailProps): EmailView {
  const r = readerFor(to, links, now);
  const today = localDate(now, r.zone ?? DISPLAY_ZONES.seoul);
  const subject = oneLine(
    r.m.digestSubject(formatDate(today, r.lang), { upcoming: upcoming.length, changes: changes.length, missed: missed.length }),
  );
  const sections: EmailView["sections"] = [
    {
      heading: r.m.upcomingHeading(DIGEST_HORIZON_DAYS),
      items: upcoming.map((i) => itemView(r, i)),
      empty: r.m.nothingUpcoming(DIGEST_HORIZON_DAYS),
    },
  ];
  if (changes.length) sections.push({ heading: r.m.changesHeading, items: changes.map((i) => itemView(r, i)), empty: null });
  if (missed.length) sections.push({ heading: r.m.missedHeading, items: missed.map((i) => itemView(r, i)), empty: null });
  return {
    lang: r.lang,
    subject,
    preview: subject,
    title: r.m.digestTitle(formatDate(today, r.lang, { weekday: true })),
    intro: [],
    sections,
    action: null,
    outro: [],
    ...frame(r),
  };
}

export function DigestEmail(props: DigestEmailProps) {
  return <EmailLayout view={digestEmailView(props)} />;
}
