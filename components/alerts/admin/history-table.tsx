// The notification history, one line per reminder or notice: "why did or didn't I get this?" — when it should have
// gone, its status and the reason when skipped, and the email it went in (delivery status, attempts, last error,
// Message-ID, preview).
import { getTranslations } from "@/i18n/translations";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { formatInstant, type DisplayLocale } from "@/lib/format";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { type EmailStatus, type NotificationKind, type NotificationStatus } from "@/server/alerts/constants";

export type HistoryEntry = {
  id: number;
  kind: NotificationKind;
  status: NotificationStatus;
  deadlineKey: string | null;
  offset: string | null;
  dueAt: Date | null;
  remindAt: Date | null;
  late: boolean;
  reason: string | null;
  email: string;
  mail: { id: number; status: EmailStatus; attempts: number; lastError: string | null; messageId: string; sentAt: Date | null; subject: string } | null;
};

const STATUS_TONES: Record<NotificationStatus, BadgeTone> = { queued: "info", emailed: "success", digest: "info", digested: "success", skipped: "warning" };
export const EMAIL_TONES: Record<EmailStatus, BadgeTone> = { pending: "info", sending: "info", sent: "success", failed: "danger", held: "warning" };

export async function HistoryTable({ entries, locale }: { entries: HistoryEntry[]; locale: DisplayLocale }) {
  const t = await getTranslations("alertsAdmin");
  const both = (d: Date | null) =>
    d ? (
      <>
        <span className="block">{formatInstant(d, DISPLAY_ZONES.washington, locale)}</span>
        <span className="block text-muted-foreground">{formatInstant(d, DISPLAY_ZONES.seoul, locale)}</span>
      </>
    ) : (
      "—"
    );
  return (
    <DataTable
      size="xs"
      data-testid="alert-history"
      rows={entries}
      rowKey={(e) => e.id}
      rowProps={() => ({ "data-testid": "history-entry" })}
      empty={t("historyEmpty")}
      columns={[
        { header: t("subscriber"), rowHeader: true, cell: (e) => e.email },
        {
          header: t("kind"),
          cell: (e) => (
            <>
              {t(`notificationKind.${e.kind}`)}
              {e.late ? (
                <Badge tone="warning" className="ml-1">
                  {t("late")}
                </Badge>
              ) : null}
            </>
          ),
        },
        {
          header: t("deadline"),
          cell: (e) => (
            <>
              {e.deadlineKey ? <span className="font-mono">{e.deadlineKey}</span> : "—"}
              {e.offset ? (
                <span className="block text-muted-foreground">
                  {t("offset")}: <span className="font-mono">{e.offset}</span>
                </span>
              ) : null}
            </>
          ),
        },
        { header: t("due"), cell: (e) => both(e.dueAt) },
        { header: t("remindAt"), cell: (e) => both(e.remindAt) },
        {
          header: t("status"),
          cell: (e) => (
            <>
              <Badge tone={STATUS_TONES[e.status]}>{t(`notificationStatus.${e.status}`)}</Badge>
              {e.reason ? <span className="mt-1 block max-w-48">{e.reason}</span> : null}
            </>
          ),
        },
        { header: t("delivery"), cell: (e) => (e.mail ? <Delivery mail={e.mail} /> : "—") },
      ]}
    />
  );
}

/** The email a notification went in: its delivery status, attempts, preview link, last error and Message-ID. */
async function Delivery({ mail }: { mail: NonNullable<HistoryEntry["mail"]> }) {
  const t = await getTranslations("alertsAdmin");
  return (
    <div className="grid gap-0.5">
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone={EMAIL_TONES[mail.status]}>{t(`emailStatus.${mail.status}`)}</Badge>
        <span>{t("attempts", { count: mail.attempts })}</span>
        <TextLink href={`/admin/alerts/mail/${mail.id}`} aria-label={`${t("preview")}: ${mail.subject}`}>
          {t("preview")}
        </TextLink>
      </span>
      {mail.lastError ? (
        <span className="max-w-64 text-red-700 dark:text-red-400">
          {t("lastError")}: {mail.lastError}
        </span>
      ) : null}
      <span className="max-w-64 break-all font-mono text-muted-foreground">
        {t("messageId")}: {mail.messageId}
      </span>
    </div>
  );
}
