// The editors' desk: every kind of record with how many there are, observations, conflicts and the audit log.
import Link from "next/link";
import { getTranslations } from "@/i18n/translations";
import { PageHeader } from "@/components/layout/page-header";
import { TitledCard } from "@/components/ui/card";
import { KIND_SLUGS } from "@/components/records/fields";
import { EDITABLE_KINDS } from "@/server/core/constants";
import { signedInContext } from "@/app/_lib/page-context";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("edit.title");

export default async function EditPage() {
  const ctx = await signedInContext("/edit");
  const t = await getTranslations("edit");
  if (!ctx.canEdit) return <PageHeader title={t("title")} description={t("editorsOnly")} />;
  const [counts, conflicts] = await Promise.all([
    Promise.all(EDITABLE_KINDS.map((kind) => ctx.api.records.list({ kind, limit: 1 }).then((page) => page.total))),
    ctx.api.conflicts.counts({}),
  ]);
  const open = conflicts.open;
  const link = "text-sm font-medium text-accent underline underline-offset-4";
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {EDITABLE_KINDS.map((kind, i) => (
          <TitledCard key={kind} title={t(`kinds.${kind}`)} description={t("count", { count: counts[i]! })} contentClassName="flex gap-4">
            <Link href={`/edit/${KIND_SLUGS[kind]}`} className={link}>
              {t("browse")}
            </Link>
            <Link href={`/edit/${KIND_SLUGS[kind]}/new`} className={link}>
              {t(`new.${kind}`)}
            </Link>
          </TitledCard>
        ))}
        <TitledCard title={t("kinds.observation")} description={t("observationsHint")}>
          <Link href="/edit/observations" className={link}>
            {t("enterObservations")}
          </Link>
        </TitledCard>
        <TitledCard title={t("conflictsTitle")} description={t("openConflicts", { count: open })} contentClassName="flex gap-4">
          <Link href="/conflicts" className={link}>
            {t("reviewConflicts")}
          </Link>
          <Link href="/audit" className={link}>
            {t("auditLog")}
          </Link>
        </TitledCard>
      </div>
    </>
  );
}
