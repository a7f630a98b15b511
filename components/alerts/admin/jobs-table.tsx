// The scheduled jobs: schedule, next run, last run and its error.
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { formatInstant, type DisplayLocale } from "@/lib/format";
import { DISPLAY_ZONES } from "@/server/core/constants";

export type JobRow = {
  name: string;
  cron: string;
  timeZone: string;
  description: string;
  next: Date | null;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastError: string | null;
  runner: string | null;
};

export async function JobsTable({ jobs, locale }: { jobs: JobRow[]; locale: DisplayLocale }) {
  const t = await getTranslations("alertsAdmin");
  const when = (d: Date | null) => (d ? formatInstant(d, DISPLAY_ZONES.seoul, locale) : t("never"));
  const cell = "py-2 pr-4 align-top";
  return (
    <table className="w-full text-left text-sm" data-testid="alert-jobs">
      <thead className="text-xs text-muted-foreground">
        <tr>
          <th scope="col" className={`${cell} font-medium`}>{t("job")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("schedule")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("nextRun")}</th>
          <th scope="col" className={`${cell} font-medium`}>{t("lastRun")}</th>
          <th scope="col" className="py-2 font-medium">{t("lastError")}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((j) => (
          <tr key={j.name} className="border-t border-border">
            <th scope="row" className={`${cell} font-medium`}>
              <span className="font-mono">{j.name}</span>
              <span className="block max-w-sm text-xs font-normal text-muted-foreground">{j.description}</span>
            </th>
            <td className={cell}>
              <code className="font-mono text-xs">{j.cron}</code> · {j.timeZone}
            </td>
            <td className={cell}>{when(j.next)}</td>
            <td className={cell}>
              {when(j.lastStartedAt)}
              {j.runner ? <span className="block text-xs text-muted-foreground">{j.runner}</span> : null}
            </td>
            <td className="py-2 align-top">
              {j.lastError ? (
                <span className="text-red-700 dark:text-red-400">{j.lastError}</span>
              ) : j.lastFinishedAt ? (
                <Badge tone="success">{t("ok")}</Badge>
              ) : (
                "—"
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
