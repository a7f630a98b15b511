// The notification history's filters: a plain GET form, so they live in the URL and work without JavaScript.
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/records/field-input";
import { Button } from "@/components/ui/button";
import { TextLink } from "@/components/ui/text-link";
import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from "@/server/alerts/constants";

export type HistoryFilterValues = { email?: string; deadlineKey?: string; status?: string; kind?: string };

const label = "text-xs font-medium";

export async function HistoryFilters({ values, problems }: { values: HistoryFilterValues; problems: string[] }) {
  const t = await getTranslations("alertsAdmin");
  return (
    <>
      <form method="get" action="/admin/alerts#history" aria-label={t("filters")} className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1">
          <label htmlFor="history-email" className={label}>{t("filterEmail")}</label>
          <input id="history-email" name="email" type="email" defaultValue={values.email ?? ""} maxLength={254} className={inputClass} />
        </div>
        <div className="grid gap-1">
          <label htmlFor="history-deadline" className={label}>{t("filterDeadline")}</label>
          <input id="history-deadline" name="deadlineKey" defaultValue={values.deadlineKey ?? ""} maxLength={80} className={inputClass} />
        </div>
        <div className="grid gap-1">
          <label htmlFor="history-status" className={label}>{t("filterStatus")}</label>
          <select id="history-status" name="status" defaultValue={values.status ?? ""} className={inputClass}>
            <option value="">{t("any")}</option>
            {NOTIFICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`notificationStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1">
          <label htmlFor="history-kind" className={label}>{t("filterKind")}</label>
          <select id="history-kind" name="kind" defaultValue={values.kind ?? ""} className={inputClass}>
            <option value="">{t("any")}</option>
            {NOTIFICATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`notificationKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
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
