// Every record of one kind as it stands now, each linking to its edit form.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { kindFromSlug } from "@/components/records/fields";
import { signedInContext } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

type Params = Promise<{ kind: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const kind = kindFromSlug((await params).kind);
  const t = await getTranslations("edit");
  return { title: kind ? t(`kinds.${kind}`) : t("title") };
}

export default async function RecordListPage({ params }: { params: Params }) {
  const slug = (await params).kind;
  const kind = kindFromSlug(slug);
  if (!kind) notFound();
  const ctx = await signedInContext(`/edit/${slug}`);
  const t = await getTranslations("edit");
  if (!ctx.canEdit) return <PageHeader title={t(`kinds.${kind}`)} description={t("editorsOnly")} />;
  const rows = await ctx.api.records.list({ kind });
  return (
    <>
      <PageHeader
        title={t(`kinds.${kind}`)}
        description={t("count", { count: rows.length })}
        actions={
          <Link href={`/edit/${slug}/new`} className={buttonClassName()}>
            {t(`new.${kind}`)}
          </Link>
        }
      />
      <Card>
        <CardContent className="overflow-x-auto pt-4">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t("recordTitle")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("detail")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("status")}</th>
                <th scope="col" className="py-2 font-medium">{t("key")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="border-t border-border align-top">
                  <th scope="row" className="py-2 pr-4 font-medium">
                    <Link href={`/edit/${slug}/${r.key}`} className="text-accent underline underline-offset-4">
                      {r.title}
                    </Link>
                  </th>
                  <td className="py-2 pr-4 text-muted-foreground">{r.detail}</td>
                  <td className="py-2 pr-4">{r.status ? <Badge>{r.status}</Badge> : null}</td>
                  <td className="py-2 font-mono text-xs">{r.key}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>
    </>
  );
}
