"use client";
// The manage page's list of one subscriber's subscriptions, each with its pause/resume button.
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/table";
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
  const label = (s: ManagedSubscription) => followsLabel(tAll, s.scope, s.scopeValue);
  return (
    <DataTable
      valign="middle"
      data-testid="manage-subscriptions"
      rows={subscriptions}
      rowKey={(s) => s.id}
      columns={[
        { header: t("follows"), rowHeader: true, cell: label },
        { header: t("offsets"), cell: (s) => s.offsets, className: "font-mono text-xs" },
        { header: t("changeNotices"), cell: (s) => (s.notifyMeasures ? t("yes") : t("no")) },
        { header: t("status"), cell: (s) => <Badge tone={s.active ? "success" : "neutral"}>{s.active ? t("active") : t("paused")}</Badge> },
        {
          header: t("actions"),
          cell: (s) => (
            <Button variant="outline" size="sm" disabled={pending} onClick={() => onToggle(s)} aria-label={`${s.active ? t("pause") : t("resume")}: ${label(s)}`}>
              {s.active ? t("pause") : t("resume")}
            </Button>
          ),
        },
      ]}
    />
  );
}
