// The audit log's filters (kind, record, person, Seoul calendar days): a plain GET form, so they live in the URL and
// work without JavaScript.
import { getTranslations } from "@/i18n/translations";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Card, CardContent } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { AUDIT_RECORD_TYPES } from "@/server/core/constants";

export type AuditFilterValues = { recordType?: string; recordKey?: string; userId?: string; from?: string; to?: string };

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
          <Field id="audit-type" label={t("recordType")}>
            {(control) => (
              <select {...control} name="recordType" defaultValue={values.recordType ?? ""} className={inputClass}>
                <option value="">{t("all")}</option>
                {AUDIT_RECORD_TYPES.map((r) => (
                  <option key={r} value={r}>
                    {t(`type.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="audit-key" label={t("recordKey")}>
            {(control) => <input {...control} name="recordKey" defaultValue={values.recordKey ?? ""} maxLength={80} className={inputClass} />}
          </Field>
          <Field id="audit-user" label={t("who")}>
            {(control) => (
              <select {...control} name="userId" defaultValue={values.userId ?? ""} className={inputClass}>
                <option value="">{t("everyone")}</option>
                {authors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.email}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="audit-from" label={t("from")}>
            {(control) => <input {...control} name="from" type="date" defaultValue={values.from ?? ""} className={inputClass} />}
          </Field>
          <Field id="audit-to" label={t("to")}>
            {(control) => <input {...control} name="to" type="date" defaultValue={values.to ?? ""} className={inputClass} />}
          </Field>
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
