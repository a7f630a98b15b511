"use client";
// The bad rows of a refused upload: row, column, problem (the first REPORT_LIMIT, then how many more).
import { useTranslations } from "next-intl";
import type { RowProblem } from "@/lib/trpc-client";

const REPORT_LIMIT = 200;

export function RowReport({ report }: { report: RowProblem[] }) {
  const t = useTranslations("observations");
  return (
    <div className="max-h-80 overflow-auto rounded-md border border-border">
      <table className="w-full text-left text-sm" data-testid="row-report">
        <caption className="sr-only">{t("reportCaption")}</caption>
        <thead className="text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-2 py-1 font-medium">{t("row")}</th>
            <th scope="col" className="px-2 py-1 font-medium">{t("column")}</th>
            <th scope="col" className="px-2 py-1 font-medium">{t("problem")}</th>
          </tr>
        </thead>
        <tbody>
          {report.slice(0, REPORT_LIMIT).map((p, i) => (
            <tr key={i} className="border-t border-border">
              <td className="px-2 py-1 tabular-nums">{p.row}</td>
              <td className="px-2 py-1">{p.field}</td>
              <td className="px-2 py-1">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.length > REPORT_LIMIT ? <p className="p-2 text-xs text-muted-foreground">{t("more", { count: report.length - REPORT_LIMIT })}</p> : null}
    </div>
  );
}
