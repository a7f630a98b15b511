// The overview's support budgets: the KRW budgets as a chart, then every budget with its status and sources.
import { getTranslations } from "@/i18n/translations";
import { LazyBudgetChart } from "@/components/dashboard/charts/lazy";
import { SourcesPopover } from "@/components/dashboard/sources-popover";
import { Badge, statusTone } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { formatMoney, titleIn, type DisplayLocale } from "@/lib/format";
import type { SupportSummary } from "@/server/dashboard/support";
import { sourcesOf } from "./bits";

export async function BudgetsCard({ support, locale }: { support: SupportSummary; locale: DisplayLocale }) {
  const t = await getTranslations();
  return (
    <TitledCard title={t("charts.supportBudgets")}>
      <LazyBudgetChart
        locale={locale}
        items={support.items
          .filter((b) => b.currency === "KRW")
          .map((b) => ({ key: b.budgetKey, title: titleIn(b, locale), amountKrw: b.amount, status: b.status }))}
      />
      <ul className="mt-3 space-y-2 text-sm">
        {support.items.map((b) => (
          <li key={b.budgetKey} className="flex flex-wrap items-center gap-2">
            <Badge tone={statusTone("budget", b.status)}>{t(`budgetStatus.${b.status}`)}</Badge>
            <span className="font-medium">{titleIn(b, locale)}</span>
            <span className="tabular-nums">{formatMoney(b.amount, b.currency, locale)}</span>
            {b.amountUsd !== null && <span className="text-muted-foreground">≈ {formatMoney(b.amountUsd, "USD", locale)}</span>}
            <SourcesPopover sources={sourcesOf(b.sources)} label={titleIn(b, locale)} />
          </li>
        ))}
      </ul>
    </TitledCard>
  );
}
