// One record: its edit form (a new version known from now, or a correction), "postpone to …" for an upcoming
// deadline, and the record's own audit history.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/i18n/translations";
import { AuditEntries } from "@/components/records/audit-entries";
import { PageHeader } from "@/components/layout/page-header";
import { TitledCard } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { kindFromSlug } from "@/components/records/fields";
import { PostponeForm } from "@/components/records/postpone-form";
import { RecordForm } from "@/components/records/record-form";
import { formatInstant } from "@/lib/format";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { KEY_RE } from "@/server/core/schemas";
import { signedInContext } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

type Params = Promise<{ kind: string; key: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { key } = await params;
  return { title: key };
}

export default async function EditRecordPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { kind: slug, key } = await params;
  const kind = kindFromSlug(slug);
  if (!kind || !KEY_RE.test(key)) notFound();
  const ctx = await signedInContext(`/edit/${slug}/${key}`);
  const t = await getTranslations("edit");
  if (!ctx.canEdit) return <PageHeader title={key} description={t("editorsOnly")} />;
  const [record, history] = await Promise.all([
    ctx.api.records.get({ kind, key }),
    ctx.api.audit.forRecord({ recordType: kind, recordKey: key, limit: 20 }),
  ]);
  if (!record) notFound();
  // The newest sources, and the ones the record cites whatever their age (the picker searches the rest).
  const choices = kind === "source" ? [] : await ctx.api.records.sourceChoices({ ids: record.sources });
  const query = await searchParams;
  const justCreated = query.saved === "1";
  const postponedFrom = typeof query.postponedFrom === "string" && KEY_RE.test(query.postponedFrom) ? query.postponedFrom : null;
  const due = kind === "deadline" ? (record.values.due as { local: string; zone: string } | null) : null;
  return (
    <>
      <PageHeader
        title={String(record.values.title ?? key)}
        description={t("versionKnown", {
          washington: formatInstant(record.knownAt, DISPLAY_ZONES.washington, ctx.locale),
          seoul: formatInstant(record.knownAt, DISPLAY_ZONES.seoul, ctx.locale),
        })}
        actions={
          <Link href={`/edit/${slug}`} className="text-sm text-accent underline underline-offset-4">
            {t("backTo", { kind: t(`kinds.${kind}`) })}
          </Link>
        }
      />
      {justCreated || postponedFrom ? (
        <p role="status" className="mb-4 text-sm text-emerald-700 dark:text-emerald-400" data-testid="page-status">
          {postponedFrom ? t("postponedFrom", { key: postponedFrom }) : t("created")}{" "}
          {postponedFrom ? (
            <Link href="/" className="text-accent underline underline-offset-4">
              {t("seeChain")}
            </Link>
          ) : null}
        </p>
      ) : null}
      <div className="grid gap-6">
        <TitledCard title={t("editTitle")} description={kind === "source" ? t("sourceEditHint") : t("editHint")}>
          <RecordForm key={record.knownAt.toISOString()} kind={kind} mode="update" recordKey={key} initial={record.values} initialSources={record.sources} choices={choices} />
        </TitledCard>
        {kind === "deadline" && record.values.status === "upcoming" ? (
          <TitledCard title={t("postpone")} description={t("postponeHint")}>
            <PostponeForm deadlineKey={key} zone={due?.zone ?? "America/New_York"} initialSources={record.sources} choices={choices} />
          </TitledCard>
        ) : null}
        <TitledCard
          title={t("history")}
          description={<TextLink href={`/audit?recordType=${kind}&recordKey=${key}`}>{t("fullHistory")}</TextLink>}
        >
          <AuditEntries entries={history.entries} locale={ctx.locale} showRecord={false} />
        </TitledCard>
      </div>
    </>
  );
}
