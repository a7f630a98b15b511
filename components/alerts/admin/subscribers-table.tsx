// Everyone who subscribed, with what they follow; each subscription can be paused or resumed.
import { getTranslations } from "@/i18n/translations";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import type { SubscriptionScope } from "@/server/alerts/constants";
import { followsLabel } from "@/components/alerts/follows";
import { SubscriptionToggle } from "./controls";

export type AdminSubscriber = {
  id: number;
  email: string;
  name: string | null;
  timeZone: string;
  language: string;
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
  subscriptions: { id: number; scope: SubscriptionScope; scopeValue: string; offsets: string; notifyMeasures: boolean; active: boolean }[];
};

export async function SubscribersTable({ subscribers }: { subscribers: AdminSubscriber[] }) {
  const [t, tAll] = await Promise.all([getTranslations("alertsAdmin"), getTranslations()]);
  const subscriptions = (p: AdminSubscriber) => (
    <ul className="grid gap-1">
      {p.subscriptions.map((s) => {
        const label = followsLabel(tAll, s.scope, s.scopeValue);
        return (
          <li key={s.id} className="flex flex-wrap items-center gap-2">
            <span>{label}</span>
            <span className="font-mono text-xs text-muted-foreground">{s.offsets}</span>
            <Badge tone={s.active ? "success" : "neutral"}>{s.active ? t("active") : t("paused")}</Badge>
            <SubscriptionToggle subscriberId={p.id} subscriptionId={s.id} active={s.active} label={`${p.email} — ${label}`} />
          </li>
        );
      })}
    </ul>
  );
  return (
    <DataTable
      data-testid="alert-subscribers"
      rows={subscribers}
      rowKey={(p) => p.id}
      empty={t("noSubscribers")}
      columns={[
        {
          header: t("email"),
          rowHeader: true,
          cell: (p) => (
            <>
              {p.email}
              {p.name ? <span className="block text-xs font-normal text-muted-foreground">{p.name}</span> : null}
            </>
          ),
        },
        {
          header: t("zoneLanguage"),
          cell: (p) => (
            <>
              {p.timeZone} · {p.language}
            </>
          ),
        },
        {
          header: t("status"),
          cell: (p) => (
            <Badge tone={p.unsubscribedAt ? "danger" : p.confirmedAt ? "success" : "warning"}>
              {p.unsubscribedAt ? t("unsubscribed") : p.confirmedAt ? t("confirmed") : t("unconfirmed")}
            </Badge>
          ),
        },
        { header: t("subscriptions"), cell: subscriptions },
      ]}
    />
  );
}
