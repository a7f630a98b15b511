// The notification history's filters: a plain GET form, so they live in the URL and work without JavaScript.
import { getTranslations } from "@/i18n/translations";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { TextLink } from "@/components/ui/text-link";
import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from "@/server/alerts/constants";

export type HistoryFilterValues = { email?: string; deadlineKey?: string; status?: string; kind?: string };

export async function HistoryFilters({ values, problems }: { values: HistoryFilterValues; problems: string[] }) {
  const t = await getTranslations("alertsAdmin");
  return (
    <>
      <form method="get" action="/admin/alerts#history" aria-label={t("filters")} className="flex flex-wrap items-end gap-3">
        <Field id="history-email" label={t("filterEmail")}>
          {(control) => <input {...control} name="email" type="email" defaultValue={values.email ?? ""} maxLength={254} className={inputClass} />}
        </Field>
        <Field id="history-deadline" label={t("filterDeadline")}>
          {(control) => <input {...control} name="deadlineKey" defaultValue={values.deadlineKey ?? ""} maxLength={80} className={inputClass} />}
        </Field>
        <Field id="history-status" label={t("filterStatus")}>
          {(control) => (
            <select {...control} name="status" defaultValue={values.status ?? ""} className={inputClass}>
              <option value="">{t("any")}</option>
              {NOTIFICATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`notificationStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="history-kind" label={t("filterKind")}>
          {(control) => (
            <select {...control} name="kind" defaultValue={values.kind ?? ""} className={inputClass}>
              <option value="">{t("any")}</option>
              {NOTIFICATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`notificationKind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit">{t("apply")}</Button>
        <TextLink href="/admin/alerts#history" className="text-sm">
          {t("clear")}
        </TextLink>
      </form>
      {problems.length ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t("badFilter")} {problems.join("; ")}
        </p>
      ) : null}
    </>
  );
}
