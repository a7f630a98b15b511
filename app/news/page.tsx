// News: editors add articles (paste, upload, URL) and see the recent ones with their facts and pending proposals.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { IngestForms } from "@/components/news/ingest/ingest-forms";
import { formatDate, formatDateIn } from "@/lib/format";
import { AS_OF_ZONE } from "@/server/core/constants";
import { signedInContext } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("news");
  return { title: t("title") };
}

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
        {recent.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="recent-articles">
              <thead className="text-xs text-muted-foreground">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("columns.title")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("columns.origin")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("columns.publisher")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("columns.published")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("columns.added")}</th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">{t("columns.facts")}</th>
                  <th scope="col" className="py-2 text-right font-medium">{t("columns.pending")}</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((a) => (
                  <tr key={a.id} className="border-t border-border">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      <Link href={`/news/${a.id}`} className="text-accent underline underline-offset-4">
                        {a.title}
                      </Link>
                    </th>
                    <td className="py-2 pr-4">{t(`origins.${a.origin}`)}</td>
                    <td className="py-2 pr-4">{a.publisher ?? "—"}</td>
                    <td className="py-2 pr-4">{a.publishedOn ? formatDate(a.publishedOn, ctx.locale) : "—"}</td>
                    <td className="py-2 pr-4">{formatDateIn(a.createdAt, AS_OF_ZONE, ctx.locale)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{a.factCount}</td>
                    <td className="py-2 text-right tabular-nums">{a.pendingCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
