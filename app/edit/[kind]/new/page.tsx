// A new record of one kind.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/i18n/translations";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { kindFromSlug, NEW_DEFAULTS } from "@/components/records/fields";
import { RecordForm } from "@/components/records/record-form";
import { signedInContext } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

type Params = Promise<{ kind: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const kind = kindFromSlug((await params).kind);
  const t = await getTranslations("edit");
  return { title: kind ? t(`new.${kind}`) : t("title") };
}

export default async function NewRecordPage({ params }: { params: Params }) {
  const slug = (await params).kind;
  const kind = kindFromSlug(slug);
  if (!kind) notFound();
  const ctx = await signedInContext(`/edit/${slug}/new`);
  const t = await getTranslations("edit");
  if (!ctx.canEdit) return <PageHeader title={t(`new.${kind}`)} description={t("editorsOnly")} />;
  const choices = kind === "source" ? [] : await ctx.api.records.sourceChoices();
  return (
    <>
      <PageHeader
        title={t(`new.${kind}`)}
        description={kind === "source" ? t("newSourceHint") : t("newHint")}
        actions={
          <Link href={`/edit/${slug}`} className="text-sm text-accent underline underline-offset-4">
            {t("backTo", { kind: t(`kinds.${kind}`) })}
          </Link>
        }
      />
      <Card>
        <CardContent className="pt-4">
          <RecordForm kind={kind} mode="create" initial={NEW_DEFAULTS[kind]} initialSources={[]} choices={choices} />
        </CardContent>
      </Card>
    </>
  );
}
