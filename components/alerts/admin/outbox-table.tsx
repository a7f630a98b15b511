// The outbox (mail preview): every email with its delivery status and a link to its rendered preview.
import { getTranslations } from "@/i18n/translations";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
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
  return (
    <DataTable
      size="xs"
      data-testid="alert-outbox"
      rows={emails}
      rowKey={(e) => e.id}
      rowProps={() => ({ "data-testid": "outbox-email" })}
      empty={t("outboxEmpty")}
      columns={[
        { header: t("created"), cell: (e) => formatInstant(e.createdAt, DISPLAY_ZONES.seoul, locale) },
        { header: t("to"), cell: (e) => e.toAddress },
        { header: t("kind"), cell: (e) => t(`emailKind.${e.kind}`) },
        { header: t("subject"), rowHeader: true, cell: (e) => <TextLink href={`/admin/alerts/mail/${e.id}`}>{e.subject}</TextLink> },
        {
          header: t("status"),
          cell: (e) => (
            <>
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone={EMAIL_TONES[e.status]}>{t(`emailStatus.${e.status}`)}</Badge>
                <span>{t("attempts", { count: e.attempts })}</span>
              </span>
              {e.lastError ? <span className="mt-1 block max-w-64 text-muted-foreground">{e.lastError}</span> : null}
            </>
          ),
        },
      ]}
    />
  );
}
