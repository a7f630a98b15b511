// Sources: each source, what it states, how many records cite it, and where sources disagree.
import { getTranslations } from "@/i18n/translations";
import { AsOfControl } from "@/components/layout/as-of-control";
import { AsOfNotice } from "@/components/dashboard/overview/bits";
import { ConflictCards } from "@/components/dashboard/sources/conflict-cards";
import { SourceList } from "@/components/dashboard/sources/source-list";
import { PageHeader } from "@/components/layout/page-header";
import { Pager } from "@/components/ui/pager";
import { pageContext, type SearchParams } from "@/app/_lib/page-context";
import { offsetParam, pageHref } from "@/app/_lib/search-params";

export const dynamic = "force-dynamic";

export default async function SourcesPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext(searchParams);
  const { api, asOf, locale } = ctx;
  const offset = offsetParam((await searchParams).offset);
  const [t, data] = await Promise.all([getTranslations(), api.sources.list({ asOf: asOf.at.toISOString(), offset })]);

  return (
    <>
      <PageHeader
        title={t("sourcesPage.title")}
        description={t("sourcesPage.description", { count: data.total })}
        actions={<AsOfControl value={ctx.asOfParam} today={ctx.today} />}
      />
      <AsOfNotice asOf={asOf.at} live={ctx.live} invalid={ctx.invalidAsOf} locale={locale} />
      <ConflictCards conflicts={data.conflicts} total={data.conflictsTotal} locale={locale} />
      <SourceList sources={data.sources} locale={locale} />
      <Pager offset={data.offset} limit={data.limit} shown={data.sources.length} total={data.total} hrefFor={(o) => pageHref("/sources", ctx.asOfParam, o)} />
    </>
  );
}
