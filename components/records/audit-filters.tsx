// The audit log's filters (kind, record, person, Seoul calendar days): a plain GET form, so they live in the URL and
// work without JavaScript.
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/records/field-input";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { AUDIT_RECORD_TYPES } from "@/server/core/constants";

export type AuditFilterValues = { recordType?: string; recordKey?: string; userId?: string; from?: string; to?: string };

const label = "text-xs font-medium";

export async function AuditFilters({
  values,
  authors,
  problems,
}: {
  values: AuditFilterValues;
  authors: { id: string; email: string }[];
  problems: string[];
}) {
  const t = await getTranslations("audit");
  return (
    <Card className="mb-6">
      <CardContent className="pt-4">
        <form method="get" action="/audit" aria-label={t("filters")} className="flex flex-wrap items-end gap-3">
          <div className="grid gap-1">
            <label htmlFor="audit-type" className={label}>{t("recordType")}</label>
            <select id="audit-type" name="recordType" defaultValue={values.recordType ?? ""} className={inputClass}>
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
            <input id="audit-key" name="recordKey" defaultValue={values.recordKey ?? ""} maxLength={80} className={inputClass} />
          </div>
          <div className="grid gap-1">
            <label htmlFor="audit-user" className={label}>{t("who")}</label>
            <select id="audit-user" name="userId" defaultValue={values.userId ?? ""} className={inputClass}>
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
            <input id="audit-from" name="from" type="date" defaultValue={values.from ?? ""} className={inputClass} />
          </div>
          <div className="grid gap-1">
            <label htmlFor="audit-to" className={label}>{t("to")}</label>
            <input id="audit-to" name="to" type="date" defaultValue={values.to ?? ""} className={inputClass} />
          </div>
          <Button type="submit">{t("apply")}</Button>
          <TextLink href="/audit" className="text-sm">
            {t("clear")}
          </TextLink>
        </form>
        {problems.length ? (
          <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
            {t("badFilter")} {problems.join("; ")}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
