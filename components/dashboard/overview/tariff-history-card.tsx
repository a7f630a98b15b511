// The overview's tariff history: each sector's rate as steps from the chart's start to the as-of instant.
import { getTranslations } from "@/i18n/translations";
import { StepChart } from "@/components/dashboard/charts/step-chart";
import { TitledCard } from "@/components/ui/card";
import { formatDate, type DisplayLocale } from "@/lib/format";
import { CHART_START } from "@/server/dashboard/constants";
import type { SectorSteps } from "@/server/dashboard/tariff-steps";

export async function TariffHistoryCard({ steps, end, locale }: { steps: SectorSteps[]; end: Date; locale: DisplayLocale }) {
  const t = await getTranslations();
  return (
    <TitledCard title={t("charts.tariffRates")}>
      <StepChart
        locale={locale}
        end={end.getTime()}
        series={steps.map((s) => ({ sector: s.sector, steps: s.steps.map((p) => ({ t: p.at.getTime(), ratePct: p.ratePct })) }))}
      />
      <p className="mt-2 text-xs text-muted-foreground">{t("overview.stepNote", { date: formatDate(CHART_START, locale) })}</p>
    </TitledCard>
  );
}
