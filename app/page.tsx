// Overview: the tariff story as of a date. Server-rendered with its data; charts hydrate as client islands.
// The five queries start together and each card renders as soon as its own data is in (not when the last one is):
// the database works on its own thread, so rendering the first cards overlaps the queries of the others.
import { getTranslations } from "@/i18n/translations";
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

/** Started now, awaited by the card that shows it; a failure reaches that card (and the error page), never unhandled. */
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext(searchParams);
  const { api, asOf, locale } = ctx;
  const input = { asOf: asOf.at.toISOString() };
  const overview = started(api.overview.get(input));
  const steps = started(api.tariffs.steps(input));
  const chart = started(api.market.chart({ ...input, key: "kospi", from: "2024-08-01", fields: "close" }));
  const reactions = started(api.market.reactions({ ...input, key: "kospi" }));
  const deadlines = started(api.deadlines.list({ ...input, limit: 12 }));
  const t = await getTranslations();

  return (
    <>
      <PageHeader
        title={t("overview.title")}
        description={t("overview.description")}
        actions={<AsOfControl value={ctx.asOfParam} today={ctx.today} />}
      />
      <AsOfNotice asOf={asOf.at} live={ctx.live} invalid={ctx.invalidAsOf} locale={locale} />
      <Awaited data={overview}>
        {(o) => <TariffTiles tiles={o.tariffs} asOfParam={ctx.asOfParam} locale={locale} />}
      </Awaited>
      <Awaited data={Promise.all([overview, chart])}>
        {([o, c]) => <KeyFigures overview={o} marketSources={c.sources} asOf={asOf} live={ctx.live} locale={locale} />}
      </Awaited>
      <div className="grid gap-6 xl:grid-cols-2">
        <Awaited data={steps}>{(s) => <TariffHistoryCard steps={s} end={asOf.at} locale={locale} />}</Awaited>
        <Awaited data={Promise.all([chart, reactions])}>
          {([c, r]) => <KospiCard chart={c} reactions={r} locale={locale} />}
        </Awaited>
        <Awaited data={deadlines}>{(d) => <DeadlinesCard deadlines={d} asOf={asOf.at} locale={locale} />}</Awaited>
        <Awaited data={overview}>{(o) => <BudgetsCard support={o.support} locale={locale} />}</Awaited>
      </div>
    </>
  );
}

/** Renders `children` with the data once it is in; React renders sibling cards meanwhile. */
async function Awaited<T>({ data, children }: { data: Promise<T>; children: (value: T) => React.ReactNode }) {
  return children(await data);
}
