// One HTS line: where it sits in the schedule, the additional duty from Korea as of the date chosen (and as known
// today), the duty over time, the lists that name it and the deadlines ahead that concern it.
import { notFound } from "next/navigation";
import { getTranslations } from "@/i18n/translations";
import { AsOfControl } from "@/components/layout/as-of-control";
import { AsOfNotice } from "@/components/dashboard/overview/bits";
import { StepChart } from "@/components/dashboard/charts/step-chart";
import { SectorDeadlinesCard } from "@/components/dashboard/sector/related-cards";
import { PageHeader } from "@/components/layout/page-header";
import { CoverageCard } from "@/components/products/coverage-card";
import { DutyCard } from "@/components/products/duty-card";
import { dottedHts } from "@/components/products/format";
import { TitledCard } from "@/components/ui/card";
import { textLinkClassName } from "@/components/ui/text-link";
import { pageContext, type SearchParams } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

export default async function ProductPage({ params, searchParams }: { params: Promise<{ hts: string }>; searchParams: SearchParams }) {
  const hts = (await params).hts.replace(/\./g, "");
  if (!/^\d{10}$/.test(hts)) notFound();
  const ctx = await pageContext(searchParams);
  const { api, asOf, locale } = ctx;
  const [t, page] = await Promise.all([getTranslations(), api.products.get({ hts, asOf: asOf.at.toISOString() }).catch(() => null)]);
  if (!page) notFound();
  const { product } = page;
  const end = Math.max(asOf.at.getTime(), page.steps.at(-1)?.at.getTime() ?? 0) + 30 * 86_400_000;
  const apiHref = `/api/v1/products/${hts}${ctx.asOfParam ? `?asOf=${ctx.asOfParam}` : ""}`;

  return (
    <>
      <PageHeader
        title={`${dottedHts(hts)} · ${product.name}`}
        description={t("products.description")}
        actions={<AsOfControl value={ctx.asOfParam} today={ctx.today} />}
      />
      <AsOfNotice asOf={asOf.at} live={ctx.live} invalid={ctx.invalidAsOf} locale={locale} />
      <nav aria-label={t("products.path")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-x-1 text-muted-foreground" lang="en">
          {product.path.map((p, i) => (
            <li key={i} className="after:ml-1 after:content-['›'] last:text-foreground last:after:content-none">{p}</li>
          ))}
        </ol>
        <p className="mt-1 text-xs text-muted-foreground">
          {t("products.descriptionEnglish")} ·{" "}
          {/* A plain link: Next's <Link> would prefetch the JSON endpoint as a page (a 400 in the console). */}
          <a href={apiHref} className={textLinkClassName}>
            {t("products.api")}
          </a>
        </p>
      </nav>
      <div className="grid gap-6 lg:grid-cols-2">
        <DutyCard duty={page.duty} knownToday={page.dutyKnownToday} locale={locale} />
        <TitledCard title={t("products.chart")}>
          <StepChart
            locale={locale}
            end={end}
            series={[{ sector: "all_goods", label: t("products.chartLabel"), steps: page.steps.map((s) => ({ t: s.at.getTime(), ratePct: s.additionalDutyPct })) }]}
          />
        </TitledCard>
        <CoverageCard coverage={page.coverage} locale={locale} />
        <SectorDeadlinesCard deadlines={{ upcoming: page.deadlines, past: [], chains: [] }} locale={locale} title={t("products.deadlines")} empty={t("products.noDeadlines")} />
      </div>
    </>
  );
}
