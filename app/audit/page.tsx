// The audit log: every change, newest first, filterable by kind, record, person and dates (Seoul calendar days);
// a plain GET form, so filters live in the URL and work without JavaScript.
import { getTranslations } from "@/i18n/translations";
import { AuditEntries } from "@/components/records/audit-entries";
import { AuditFilters } from "@/components/records/audit-filters";
import { PageHeader } from "@/components/layout/page-header";
import { TextLink } from "@/components/ui/text-link";
import { auditListInput } from "@/server/records/schemas/audit";
import { signedInContext, type SearchParams } from "@/app/_lib/page-context";
import { filterProblems, pickParams } from "@/app/_lib/search-params";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("audit.title");

const FILTERS = ["recordType", "recordKey", "userId", "from", "to"] as const;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await signedInContext("/audit");
  const t = await getTranslations("audit");
  const raw = pickParams(await searchParams, [...FILTERS, "before"]);
  const parsed = auditListInput.safeParse({ ...raw, before: raw.before ? Number(raw.before) : undefined, limit: 50 });
  const input = parsed.success ? parsed.data : { limit: 50 };
  const [page, authors] = await Promise.all([ctx.api.audit.list(input), ctx.api.audit.authors()]);
  const next = new URLSearchParams(pickParams(raw, FILTERS));
  if (page.nextBefore) next.set("before", String(page.nextBefore));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AuditFilters values={raw} authors={authors} problems={filterProblems(parsed.error)} />
      <AuditEntries entries={page.entries} locale={ctx.locale} />
      {page.nextBefore ? (
        <p className="mt-4">
          <TextLink href={`/audit?${next.toString()}`} className="text-sm">
            {t("older")}
          </TextLink>
        </p>
      ) : null}
    </>
  );
}
