// The outbox (mail preview): every email with its delivery status and a link to its rendered preview.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { formatInstant, type DisplayLocale } from "@/lib/format";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { type EmailKind, type EmailStatus } from "@/server/alerts/constants";
import { EMAIL_TONES } from "./history-table";

export type OutboxRow = {
  id: number;
  toAddress: string;
  kind: EmailKind;
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
};

export async function OutboxTable({ emails, locale }: { emails: OutboxRow[]; locale: DisplayLocale }) {
  const t = await getTranslations("alertsAdmin");
  if (emails.length === 0) return <p className="text-sm text-muted-foreground">{t("outboxEmpty")}</p>;
  const cell = "py-2 pr-4 align-top";
  return (
    <table className="w-full text-left text-xs" data-testid="alert-outbox">
      <thead className="text-muted-foreground">
        <tr>
          <th scope="col" className={`${cell} font-medium`}>{t("created")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("to")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("kind")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("subject")}</th>
          <th scope="col" className="py-2 font-medium">{t("status")}</th>
        </tr>
      </thead>
      <tbody>
        {emails.map((e) => (
          <tr key={e.id} className="border-t border-border" data-testid="outbox-email">
            <td className={cell}>{formatInstant(e.createdAt, DISPLAY_ZONES.seoul, locale)}</td>
            <td className={cell}>{e.toAddress}</td>
            <td className={cell}>{t(`emailKind.${e.kind}`)}</td>
            <th scope="row" className={`${cell} font-medium`}>
              <Link href={`/admin/alerts/mail/${e.id}`} className="text-accent underline underline-offset-4">
                {e.subject}
              </Link>
            </th>
            <td className="py-2 align-top">
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone={EMAIL_TONES[e.status]}>{t(`emailStatus.${e.status}`)}</Badge>
                <span>{t("attempts", { count: e.attempts })}</span>
              </span>
              {e.lastError ? <span className="mt-1 block max-w-64 text-muted-foreground">{e.lastError}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
