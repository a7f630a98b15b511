// Overview: the tariff story as of a date. Server-rendered with its data; charts hydrate as client islands.
import { getTranslations } from "next-intl/server";
import { AsOfControl } from "@/components/layout/as-of-control";
import { AsOfNotice } from "@/components/dashboard/overview/bits";
import { BudgetsCard } from "@/components/dashboard/overview/budgets-card";
import { DeadlinesCard } from "@/components/dashboard/overview/deadlines-card";
import { KeyFigures } from "@/components/dashboard/overview/key-figures";
import { KospiCard } from "@/components/dashboard/overview/kospi-card";
import { TariffHistoryCard } from "@/components/dashboard/overview/tariff-history-card";
import { TariffTiles } from "@/components/dashboard/overview/tariff-tiles";
import { PageHeader } from "@/components/layout/page-header";
import { pageContext, type SearchParams } from "./_lib/page-context";

export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext(searchParams);
  const { api, asOf, locale } = ctx;
  const input = { asOf: asOf.at.toISOString() };
  const [t, overview, steps, chart, reactions, deadlines] = await Promise.all([
    getTranslations(),
    api.overview.get(input),
    api.tariffs.steps(input),
    api.market.chart({ ...input, key: "kospi", from: "2024-08-01", fields: "close" }),
    api.market.reactions({ ...input, key: "kospi" }),
    api.deadlines.list({ ...input, limit: 12 }),
  ]);

  return (
    <>
      <PageHeader
        title={t("overview.title")}
        description={t("overview.description")}
        actions={<AsOfControl value={ctx.asOfParam} today={ctx.today} />}
      />
      <AsOfNotice asOf={asOf.at} live={ctx.live} invalid={ctx.invalidAsOf} locale={locale} />
      <TariffTiles tiles={overview.tariffs} asOfParam={ctx.asOfParam} locale={locale} />
      <KeyFigures overview={overview} marketSources={chart.sources} asOf={asOf} live={ctx.live} locale={locale} />
      <div className="grid gap-6 xl:grid-cols-2">
        <TariffHistoryCard steps={steps} end={asOf.at} locale={locale} />
        <KospiCard chart={chart} reactions={reactions} locale={locale} />
        <DeadlinesCard deadlines={deadlines} asOf={asOf.at} locale={locale} />
        <BudgetsCard support={overview.support} locale={locale} />
      </div>
    </>
  );
}
