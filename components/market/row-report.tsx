"use client";
// The bad rows of a refused upload: row, column, problem (the first REPORT_LIMIT, then how many more).
import { useTranslations } from "next-intl";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RowProblem } from "@/lib/trpc-client";

const REPORT_LIMIT = 200;

export function RowReport({ report }: { report: RowProblem[] }) {
  const t = useTranslations("observations");
  return (
    <div className="max-h-80 overflow-auto rounded-md border border-border">
      <Table density="dense" data-testid="row-report">
        <caption className="sr-only">{t("reportCaption")}</caption>
        <TableHeader>
          <TableRow>
            <TableHead className="pl-2">{t("row")}</TableHead>
            <TableHead>{t("column")}</TableHead>
            <TableHead>{t("problem")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.slice(0, REPORT_LIMIT).map((p, i) => (
            <TableRow key={i}>
              <TableCell className="pl-2 tabular-nums">{p.row}</TableCell>
              <TableCell>{p.field}</TableCell>
              <TableCell>{p.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {report.length > REPORT_LIMIT ? <p className="p-2 text-xs text-muted-foreground">{t("more", { count: report.length - REPORT_LIMIT })}</p> : null}
    </div>
  );
}
