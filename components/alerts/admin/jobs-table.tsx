// The scheduled jobs: schedule, next run, last run and its error.
import { getTranslations } from "@/i18n/translations";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
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
  const lastOutcome = (j: JobRow) =>
    j.lastError ? (
      <span className="text-red-700 dark:text-red-400">{j.lastError}</span>
    ) : j.lastFinishedAt ? (
      <Badge tone="success">{t("ok")}</Badge>
    ) : (
      "—"
    );
  return (
    <DataTable
      data-testid="alert-jobs"
      rows={jobs}
      rowKey={(j) => j.name}
      columns={[
        {
          header: t("job"),
          rowHeader: true,
          cell: (j) => (
            <>
              <span className="font-mono">{j.name}</span>
              <span className="block max-w-sm text-xs font-normal text-muted-foreground">{j.description}</span>
            </>
          ),
        },
        {
          header: t("schedule"),
          cell: (j) => (
            <>
              <code className="font-mono text-xs">{j.cron}</code> · {j.timeZone}
            </>
          ),
        },
        { header: t("nextRun"), cell: (j) => when(j.next) },
        {
          header: t("lastRun"),
          cell: (j) => (
            <>
              {when(j.lastStartedAt)}
              {j.runner ? <span className="block text-xs text-muted-foreground">{j.runner}</span> : null}
            </>
          ),
        },
        { header: t("lastError"), cell: lastOutcome },
      ]}
    />
  );
}
