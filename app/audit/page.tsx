// The audit log: every change, newest first, filterable by kind, record, person and dates (Seoul calendar days);
// a plain GET form, so filters live in the URL and work without JavaScript.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuditEntries } from "@/components/records/audit-entries";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { inputClass } from "@/components/records/field-input";
import { AUDIT_RECORD_TYPES } from "@/server/core/constants";
import { auditListInput } from "@/server/records/schemas/audit";
import { signedInContext, type SearchParams } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

const FILTERS = ["recordType", "recordKey", "userId", "from", "to"] as const;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await signedInContext("/audit");
  const t = await getTranslations("audit");
  const params = await searchParams;
  const raw: Record<string, string> = {};
  for (const name of [...FILTERS, "before"] as const) {
    const v = params[name];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) raw[name] = s;
  }
  const parsed = auditListInput.safeParse({ ...raw, before: raw.before ? Number(raw.before) : undefined, limit: 50 });
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".") || "filter"}: ${i.message}`);
  const input = parsed.success ? parsed.data : { limit: 50 };
  const [page, authors] = await Promise.all([ctx.api.audit.list(input), ctx.api.audit.authors()]);
  const next = new URLSearchParams(Object.entries(raw).filter(([k]) => k !== "before"));
  if (page.nextBefore) next.set("before", String(page.nextBefore));
  const label = "text-xs font-medium";
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="mb-6">
        <CardContent className="pt-4">
          <form method="get" action="/audit" aria-label={t("filters")} className="flex flex-wrap items-end gap-3">
            <div className="grid gap-1">
              <label htmlFor="audit-type" className={label}>{t("recordType")}</label>
              <select id="audit-type" name="recordType" defaultValue={raw.recordType ?? ""} className={inputClass}>
                <option value="">{t("all")}</option>
                {AUDIT_RECORD_TYPES.map((r) => (
                  <option key={r} value={r}>
                    {t(`type.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="grid gap-1">
              <label htmlFor="audit-key" className={label}>{t("recordKey")}</label>
              <input id="audit-key" name="recordKey" defaultValue={raw.recordKey ?? ""} maxLength={80} className={inputClass} />
            </div>
            <div className="grid gap-1">
              <label htmlFor="audit-user" className={label}>{t("who")}</label>
              <select id="audit-user" name="userId" defaultValue={raw.userId ?? ""} className={inputClass}>
                <option value="">{t("everyone")}</option>
                {authors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.email}
                  </option>
                ))}
              </select>
            </div>
            <div className="grid gap-1">
              <label htmlFor="audit-from" className={label}>{t("from")}</label>
              <input id="audit-from" name="from" type="date" defaultValue={raw.from ?? ""} className={inputClass} />
            </div>
            <div className="grid gap-1">
              <label htmlFor="audit-to" className={label}>{t("to")}</label>
              <input id="audit-to" name="to" type="date" defaultValue={raw.to ?? ""} className={inputClass} />
            </div>
            <Button type="submit">{t("apply")}</Button>
            <Link href="/audit" className="text-sm text-accent underline underline-offset-4">
              {t("clear")}
            </Link>
          </form>
          {problems.length ? (
            <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
              {t("badFilter")} {problems.join("; ")}
            </p>
          ) : null}
        </CardContent>
      </Card>
      <AuditEntries entries={page.entries} locale={ctx.locale} />
      {page.nextBefore ? (
        <p className="mt-4">
          <Link href={`/audit?${next.toString()}`} className="text-sm text-accent underline underline-offset-4">
            {t("older")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
