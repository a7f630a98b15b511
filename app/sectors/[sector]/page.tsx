// A sector: the rate in force and its history, legal instruments, related deadlines and budgets, sources.
import { notFound } from "next/navigation";
import { getTranslations } from "@/i18n/translations";
import { AsOfControl } from "@/components/layout/as-of-control";
import { StepChart } from "@/components/dashboard/charts/step-chart";
import { AsOfNotice } from "@/components/dashboard/overview/bits";
import { InForceCard } from "@/components/dashboard/sector/in-force-card";
import { MeasuresCard } from "@/components/dashboard/sector/measures-card";
import { SectorBudgetsCard, SectorDeadlinesCard } from "@/components/dashboard/sector/related-cards";
import { PageHeader } from "@/components/layout/page-header";
import { TitledCard } from "@/components/ui/card";
import { SECTORS, type Sector } from "@/server/core/constants";
import { pageContext, type SearchParams } from "@/app/_lib/page-context";
import { offsetParam, pageHref } from "@/app/_lib/search-params";

export const dynamic = "force-dynamic";

export default async function SectorPage({
  params,
  searchParams,
}: {
  params: Promise<{ sector: string }>;
  searchParams: SearchParams;
}) {
  const { sector: raw } = await params;
  if (!(SECTORS as readonly string[]).includes(raw)) notFound();
  const sector = raw as Sector;
  const ctx = await pageContext(searchParams);
  const { api, asOf, locale } = ctx;
  const input = { asOf: asOf.at.toISOString() };
  const offset = offsetParam((await searchParams).offset);
  const [t, detail, deadlines, budgets] = await Promise.all([
    getTranslations(),
    api.tariffs.sector({ ...input, sector, offset }),
    api.deadlines.list({ ...input, sector, limit: 20, chains: 0 }),
    api.support.budgets({ ...input, sector }),
  ]);
  const name = t(`sectors.${sector}`);

  return (
    <>
      <PageHeader
        title={name}
        description={t("sector.description")}
        actions={<AsOfControl value={ctx.asOfParam} today={ctx.today} />}
      />
      <AsOfNotice asOf={asOf.at} live={ctx.live} invalid={ctx.invalidAsOf} locale={locale} />
      <div className="grid gap-6 lg:grid-cols-3">
        <InForceCard detail={detail} name={name} locale={locale} />
        <TitledCard title={t("sector.rateHistory")} className="lg:col-span-2">
          <StepChart
            locale={locale}
            end={asOf.at.getTime()}
            series={[{ sector, steps: detail.steps.map((s) => ({ t: s.at.getTime(), ratePct: s.ratePct })) }]}
          />
        </TitledCard>
      </div>
      <MeasuresCard detail={detail} locale={locale} pageHref={(o) => pageHref(`/sectors/${sector}`, ctx.asOfParam, o)} />
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <SectorDeadlinesCard deadlines={deadlines} locale={locale} />
        <SectorBudgetsCard budgets={budgets} locale={locale} />
      </div>
    </>
  );
}
