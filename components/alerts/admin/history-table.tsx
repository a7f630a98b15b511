// The notification history, one line per reminder or notice: "why did or didn't I get this?" — when it should have
// gone, its status and the reason when skipped, and the email it went in (delivery status, attempts, last error,
// Message-ID, preview).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
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
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">{t("historyEmpty")}</p>;
  const cell = "py-2 pr-4 align-top";
  const both = (d: Date) => (
    <>
      <span className="block">{formatInstant(d, DISPLAY_ZONES.washington, locale)}</span>
      <span className="block text-muted-foreground">{formatInstant(d, DISPLAY_ZONES.seoul, locale)}</span>
    </>
  );
  return (
    <table className="w-full text-left text-xs" data-testid="alert-history">
      <thead className="text-muted-foreground">
        <tr>
          <th scope="col" className={`${cell} font-medium`}>{t("subscriber")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("kind")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("deadline")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("due")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("remindAt")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("status")}</th>
          <th scope="col" className="py-2 font-medium">{t("delivery")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className="border-t border-border" data-testid="history-entry">
            <th scope="row" className={`${cell} font-medium`}>{e.email}</th>
            <td className={cell}>
              {t(`notificationKind.${e.kind}`)}
              {e.late ? (
                <Badge tone="warning" className="ml-1">
                  {t("late")}
                </Badge>
              ) : null}
            </td>
            <td className={cell}>
              {e.deadlineKey ? <span className="font-mono">{e.deadlineKey}</span> : "—"}
              {e.offset ? <span className="block text-muted-foreground">{t("offset")}: <span className="font-mono">{e.offset}</span></span> : null}
            </td>
            <td className={cell}>{e.dueAt ? both(e.dueAt) : "—"}</td>
            <td className={cell}>{e.remindAt ? both(e.remindAt) : "—"}</td>
            <td className={cell}>
              <Badge tone={STATUS_TONES[e.status]}>{t(`notificationStatus.${e.status}`)}</Badge>
              {e.reason ? <span className="mt-1 block max-w-48">{e.reason}</span> : null}
            </td>
            <td className="py-2 align-top">
              {e.mail ? (
                <div className="grid gap-0.5">
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge tone={EMAIL_TONES[e.mail.status]}>{t(`emailStatus.${e.mail.status}`)}</Badge>
                    <span>{t("attempts", { count: e.mail.attempts })}</span>
                    <Link href={`/admin/alerts/mail/${e.mail.id}`} className="text-accent underline underline-offset-4" aria-label={`${t("preview")}: ${e.mail.subject}`}>
                      {t("preview")}
                    </Link>
                  </span>
                  {e.mail.lastError ? <span className="max-w-64 text-red-700 dark:text-red-400">{t("lastError")}: {e.mail.lastError}</span> : null}
                  <span className="max-w-64 break-all font-mono text-muted-foreground">{t("messageId")}: {e.mail.messageId}</span>
                </div>
              ) : (
                "—"
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
