// Everyone who subscribed, with what they follow; each subscription can be paused or resumed.
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
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
  if (subscribers.length === 0) return <p className="text-sm text-muted-foreground">{t("noSubscribers")}</p>;
  const cell = "py-2 pr-4 align-top";
  return (
    <table className="w-full text-left text-sm" data-testid="alert-subscribers">
      <thead className="text-xs text-muted-foreground">
        <tr>
          <th scope="col" className={`${cell} font-medium`}>{t("email")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("zoneLanguage")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("status")}</th>
          <th scope="col" className="py-2 font-medium">{t("subscriptions")}</th>
        </tr>
      </thead>
      <tbody>
        {subscribers.map((p) => (
          <tr key={p.id} className="border-t border-border">
            <th scope="row" className={`${cell} font-medium`}>
              {p.email}
              {p.name ? <span className="block text-xs font-normal text-muted-foreground">{p.name}</span> : null}
            </th>
            <td className={cell}>
              {p.timeZone} · {p.language}
            </td>
            <td className={cell}>
              <Badge tone={p.unsubscribedAt ? "danger" : p.confirmedAt ? "success" : "warning"}>
                {p.unsubscribedAt ? t("unsubscribed") : p.confirmedAt ? t("confirmed") : t("unconfirmed")}
              </Badge>
            </td>
            <td className="py-2 align-top">
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
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
