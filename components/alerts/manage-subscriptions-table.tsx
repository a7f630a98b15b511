"use client";
// The manage page's list of one subscriber's subscriptions, each with its pause/resume button.
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { SubscriptionScope } from "@/server/alerts/constants";
import { followsLabel } from "./follows";

export type ManagedSubscription = { id: number; scope: SubscriptionScope; scopeValue: string; offsets: string; notifyMeasures: boolean; active: boolean };

export function ManageSubscriptionsTable({
  subscriptions,
  pending,
  onToggle,
}: {
  subscriptions: ManagedSubscription[];
  pending: boolean;
  onToggle: (subscription: ManagedSubscription) => void;
}) {
  const t = useTranslations("alerts");
  const tAll = useTranslations();
  const cell = "py-2 pr-4";
  return (
    <table className="w-full text-left text-sm" data-testid="manage-subscriptions">
      <thead className="text-xs text-muted-foreground">
        <tr>
          <th scope="col" className={`${cell} font-medium`}>{t("follows")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("offsets")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("changeNotices")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("status")}</th>
          <th scope="col" className="py-2 font-medium">{t("actions")}</th>
        </tr>
      </thead>
      <tbody>
        {subscriptions.map((s) => {
          const label = followsLabel(tAll, s.scope, s.scopeValue);
          return (
            <tr key={s.id} className="border-t border-border align-middle">
              <th scope="row" className={`${cell} font-medium`}>{label}</th>
              <td className={`${cell} font-mono text-xs`}>{s.offsets}</td>
              <td className={cell}>{s.notifyMeasures ? t("yes") : t("no")}</td>
              <td className={cell}>
                <Badge tone={s.active ? "success" : "neutral"}>{s.active ? t("active") : t("paused")}</Badge>
              </td>
              <td className="py-2">
                <Button variant="outline" size="sm" disabled={pending} onClick={() => onToggle(s)} aria-label={`${s.active ? t("pause") : t("resume")}: ${label}`}>
                  {s.active ? t("pause") : t("resume")}
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
