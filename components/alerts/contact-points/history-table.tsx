// "Why did or didn't this channel get it?": each delivery with its status and every attempt (when, the receiver's
// answer or the network error, Retry-After, how long it took).
import { getTranslations } from "@/i18n/translations";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { formatInstant } from "@/lib/format";
import type { Locale } from "@/server/core/constants";

type Attempt = { id: number; at: Date; outcome: string; httpStatus: number | null; detail: string | null; retryAfterSeconds: number | null; durationMs: number | null };
export type DeliveryRow = { id: number; kind: string; messageId: string; status: string; attempts: number; lastError: string | null; nextAttemptAt: Date; createdAt: Date; sentAt: Date | null; history: Attempt[] };

const TONES: Record<string, BadgeTone> = { sent: "success", pending: "warning", sending: "info", failed: "danger" };

export async function DeliveriesTable({ deliveries, locale, zone }: { deliveries: DeliveryRow[]; locale: Locale; zone: string }) {
  const t = await getTranslations("contactPoints");
  const at = (d: Date) => formatInstant(d, zone, locale);
  return (
    <DataTable
      data-testid="deliveries"
      rows={deliveries}
      rowKey={(d) => d.id}
      empty={t("noDeliveries")}
      density="compact"
      columns={[
        { header: t("created"), rowHeader: true, cell: (d) => <>{at(d.createdAt)}<span className="block font-mono text-xs text-muted-foreground">{d.messageId}</span></> },
        { header: t("kind"), cell: (d) => t(`kinds.${d.kind === "test" ? "test" : "alert"}`) },
        { header: t("status"), cell: (d) => <Badge tone={TONES[d.status] ?? "neutral"}>{t(`deliveryStatus.${d.status as "pending"}`)}</Badge> },
        {
          header: t("attempts"),
          cell: (d) => (
            <ol className="grid gap-1">
              {d.history.map((a) => (
                <li key={a.id}>
                  <span className="text-xs text-muted-foreground">{at(a.at)}</span> · {t(`outcome.${a.outcome as "sent"}`)}
                  {a.detail ? <> · {a.detail}</> : null}
                  {a.retryAfterSeconds !== null ? <> · {t("retryAfter", { seconds: a.retryAfterSeconds })}</> : null}
                  {a.durationMs !== null ? <span className="text-xs text-muted-foreground"> · {a.durationMs} ms</span> : null}
                </li>
              ))}
              {d.status === "pending" ? <li className="text-xs text-muted-foreground">{t("nextAttempt", { at: at(d.nextAttemptAt) })}</li> : null}
            </ol>
          ),
        },
      ]}
    />
  );
}
