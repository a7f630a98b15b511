// A sector's related deadlines and support budgets, each with its status and sources.
import { getTranslations } from "@/i18n/translations";
import { sourcesOf } from "@/components/dashboard/overview/bits";
import { SourcesPopover } from "@/components/dashboard/sources-popover";
import { Badge, statusTone } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { formatInstant, formatMoney, titleIn, type DisplayLocale } from "@/lib/format";
import type { DeadlineList } from "@/server/dashboard/deadlines";
import type { SupportSummary } from "@/server/dashboard/support";

/** A sector's deadlines (or, with `title` and `empty`, any other list of them: a product's). */
export async function SectorDeadlinesCard({ deadlines, locale, title, empty }: { deadlines: DeadlineList; locale: DisplayLocale; title?: string; empty?: string }) {
  const t = await getTranslations();
  const listed = [...deadlines.upcoming, ...deadlines.past];
  return (
    <TitledCard title={title ?? t("sector.deadlines")}>
      <ul className="space-y-2 text-sm">
        {listed.map((d) => (
          <li key={d.deadlineKey} className="flex flex-wrap items-center gap-2">
            <Badge tone={statusTone("deadline", d.status)}>{t(`deadlineStatus.${d.status}`)}</Badge>
            <span>{titleIn(d, locale)}</span>
            <span className="text-muted-foreground">{formatInstant(d.dueAt, d.dueZone, locale)}</span>
            <SourcesPopover sources={sourcesOf(d.sources)} label={titleIn(d, locale)} />
          </li>
        ))}
        {listed.length === 0 && <li className="text-muted-foreground">{empty ?? t("sector.noDeadlines")}</li>}
      </ul>
    </TitledCard>
  );
}

export async function SectorBudgetsCard({ budgets, locale }: { budgets: SupportSummary; locale: DisplayLocale }) {
  const t = await getTranslations();
  return (
    <TitledCard title={t("sector.budgets")}>
      <ul className="space-y-2 text-sm">
        {budgets.items.map((b) => (
          <li key={b.budgetKey} className="flex flex-wrap items-center gap-2">
            <Badge tone={statusTone("budget", b.status)}>{t(`budgetStatus.${b.status}`)}</Badge>
            <span>{titleIn(b, locale)}</span>
            <span className="tabular-nums">{formatMoney(b.amount, b.currency, locale)}</span>
            <SourcesPopover sources={sourcesOf(b.sources)} label={titleIn(b, locale)} />
          </li>
        ))}
        {budgets.items.length === 0 && <li className="text-muted-foreground">{t("sector.noBudgets")}</li>}
      </ul>
    </TitledCard>
  );
}
