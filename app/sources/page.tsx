// Sources: each source, what it states, how many records cite it, and where sources disagree.
import { getTranslations } from "next-intl/server";
import { AsOfControl } from "@/components/layout/as-of-control";
import { AsOfNotice } from "@/components/dashboard/overview/bits";
import { ConflictCards } from "@/components/dashboard/sources/conflict-cards";
import { SourceList } from "@/components/dashboard/sources/source-list";
import { PageHeader } from "@/components/layout/page-header";
import { pageContext, type SearchParams } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

export default async function SourcesPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext(searchParams);
  const { api, asOf, locale } = ctx;
  const [t, data] = await Promise.all([getTranslations(), api.sources.list({ asOf: asOf.at.toISOString() })]);

  return (
    <>
      <PageHeader
        title={t("sourcesPage.title")}
        description={t("sourcesPage.description", { count: data.sources.length })}
        actions={<AsOfControl value={ctx.asOfParam} today={ctx.today} />}
      />
      <AsOfNotice asOf={asOf.at} live={ctx.live} invalid={ctx.invalidAsOf} locale={locale} />
      <ConflictCards conflicts={data.conflicts} locale={locale} />
      <SourceList sources={data.sources} locale={locale} />
    </>
  );
}
