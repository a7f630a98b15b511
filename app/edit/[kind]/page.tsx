// Every record of one kind as it stands now, each linking to its edit form.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/i18n/translations";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { kindFromSlug } from "@/components/records/fields";
import { Pager } from "@/components/ui/pager";
import { signedInContext, type SearchParams } from "@/app/_lib/page-context";
import { offsetParam, pageHref } from "@/app/_lib/search-params";

export const dynamic = "force-dynamic";

type Params = Promise<{ kind: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const kind = kindFromSlug((await params).kind);
  const t = await getTranslations("edit");
  return { title: kind ? t(`kinds.${kind}`) : t("title") };
}

export default async function RecordListPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const slug = (await params).kind;
  const kind = kindFromSlug(slug);
  if (!kind) notFound();
  const ctx = await signedInContext(`/edit/${slug}`);
  const t = await getTranslations("edit");
  if (!ctx.canEdit) return <PageHeader title={t(`kinds.${kind}`)} description={t("editorsOnly")} />;
  const page = await ctx.api.records.list({ kind, offset: offsetParam((await searchParams).offset) });
  const rows = page.records;
  return (
    <>
      <PageHeader
        title={t(`kinds.${kind}`)}
        description={t("count", { count: page.total })}
        actions={
          <Link href={`/edit/${slug}/new`} className={buttonClassName()}>
            {t(`new.${kind}`)}
          </Link>
        }
      />
      <Card>
        <CardContent className="overflow-x-auto pt-4">
          <DataTable
            rows={rows}
            rowKey={(r) => r.key}
            columns={[
              { header: t("recordTitle"), rowHeader: true, cell: (r) => <TextLink href={`/edit/${slug}/${r.key}`}>{r.title}</TextLink> },
              { header: t("detail"), cell: (r) => r.detail, className: "text-muted-foreground" },
              { header: t("status"), cell: (r) => (r.status ? <Badge>{r.status}</Badge> : null) },
              { header: t("key"), cell: (r) => r.key, className: "font-mono text-xs" },
            ]}
          />
          <Pager offset={page.offset} limit={page.limit} shown={rows.length} total={page.total} hrefFor={(o) => pageHref(`/edit/${slug}`, null, o)} />
        </CardContent>
      </Card>
    </>
  );
}
