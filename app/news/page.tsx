// News: editors add articles (paste, upload, URL) and see the recent ones with their facts and pending proposals.
import { getTranslations } from "@/i18n/translations";
import { PageHeader } from "@/components/layout/page-header";
import { IngestForms } from "@/components/news/ingest/ingest-forms";
import { DataTable } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { formatDate, formatDateIn, type DisplayLocale } from "@/lib/format";
import { AS_OF_ZONE } from "@/server/core/constants";
import type { listArticles } from "@/server/news/ingest/articles";
import { signedInContext } from "@/app/_lib/page-context";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("news.title");

export default async function NewsPage() {
  const ctx = await signedInContext("/news");
  const t = await getTranslations("news");
  if (!ctx.canEdit) return <PageHeader title={t("title")} description={t("editorsOnly")} />;
  const recent = await ctx.api.articles.list({ limit: 50 });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IngestForms />
      <section aria-labelledby="recent-heading" className="mt-8">
        <h2 id="recent-heading" className="mb-3 text-lg font-semibold">
          {t("recent")}
        </h2>
        <RecentArticles articles={recent} locale={ctx.locale} />
      </section>
    </>
  );
}

type ArticleSummary = Awaited<ReturnType<typeof listArticles>>[number];

async function RecentArticles({ articles, locale }: { articles: ArticleSummary[]; locale: DisplayLocale }) {
  const t = await getTranslations("news");
  const count = { align: "right", className: "tabular-nums" } as const;
  return (
    <DataTable
      scrollable
      valign="middle"
      data-testid="recent-articles"
      rows={articles}
      rowKey={(a) => a.id}
      empty={t("none")}
      columns={[
        { header: t("columns.title"), rowHeader: true, cell: (a) => <TextLink href={`/news/${a.id}`}>{a.title}</TextLink> },
        { header: t("columns.origin"), cell: (a) => t(`origins.${a.origin}`) },
        { header: t("columns.publisher"), cell: (a) => a.publisher ?? "—" },
        { header: t("columns.published"), cell: (a) => (a.publishedOn ? formatDate(a.publishedOn, locale) : "—") },
        { header: t("columns.added"), cell: (a) => formatDateIn(a.createdAt, AS_OF_ZONE, locale) },
        { header: t("columns.facts"), cell: (a) => a.factCount, ...count },
        { header: t("columns.pending"), cell: (a) => a.pendingCount, ...count },
      ]}
    />
  );
}
