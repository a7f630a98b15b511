"use client";
// Observations from a CSV file: read in the browser in chunks (papaparse), every row checked with the server's own
// rule, then sent in one request whose upload progress is shown; the server writes all rows or none and answers
// with a report per bad row. Columns: date, close, and optionally open, high, low, volume (any order, any case).
import { useState, type FormEvent } from "react";
import Papa from "papaparse";
import superjson from "superjson";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { MAX_OBSERVATION_ROWS, observationRowProblems, type ObservationRowInput } from "@/server/market/schemas";
import type { RowProblem } from "@/lib/trpc-client";
import { inputClass } from "@/components/records/field-input";

type Phase = "idle" | "reading" | "checking" | "uploading" | "writing" | "done" | "failed";
const COLUMNS = ["date", "open", "high", "low", "close", "volume"] as const;
const REPORT_LIMIT = 200;

function toNumber(raw: unknown): number | null {
  const s = typeof raw === "string" ? raw.trim().replace(/,/g, "") : "";
  if (s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** CSV records → rows with numbers; a missing or unreadable number becomes NaN so the row rule reports it. */
export function rowsFromRecords(records: Record<string, string>[]): ObservationRowInput[] {
  return records.map((r) => ({
    date: (r.date ?? "").trim().slice(0, 10),
    open: toNumber(r.open),
    high: toNumber(r.high),
    low: toNumber(r.low),
    close: toNumber(r.close) ?? Number.NaN,
    volume: toNumber(r.volume),
  }));
}

export function ObservationUpload({ series }: { series: string[] }) {
  const t = useTranslations("observations");
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [seriesKey, setSeriesKey] = useState(series[0] ?? "kospi");
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<RowProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  function fail(text: string, rows: RowProblem[] = []) {
    setPhase("failed");
    setMessage(text);
    setReport(rows);
  }

  function read(f: File): Promise<{ records: Record<string, string>[]; missing: string[] }> {
    return new Promise((resolve, reject) => {
      const records: Record<string, string>[] = [];
      let missing: string[] = [];
      let first = true;
      Papa.parse<Record<string, string>>(f, {
        header: true,
        skipEmptyLines: "greedy",
        comments: "#",
        transformHeader: (h) => h.trim().toLowerCase(),
        chunkSize: 256 * 1024,
        chunk(results, parser) {
          if (first) {
            first = false;
            missing = ["date", "close"].filter((c) => !results.meta.fields?.includes(c));
            if (missing.length) parser.abort();
          }
          for (const r of results.data) {
            records.push(Object.fromEntries(COLUMNS.map((c) => [c, r[c] ?? ""])));
            if (records.length > MAX_OBSERVATION_ROWS) {
              parser.abort();
              break;
            }
          }
          setProgress(Math.min(1, results.meta.cursor / Math.max(1, f.size)));
        },
        complete: () => resolve({ records, missing }),
        error: (e) => reject(e),
      });
    });
  }

  function send(body: string): Promise<{ status: number; json: unknown }> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/trpc/edit.observations.upsert");
      xhr.setRequestHeader("content-type", "application/json");
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) setProgress(e.loaded / e.total);
      };
      xhr.upload.onload = () => setPhase("writing");
      xhr.onload = () => {
        try {
          resolve({ status: xhr.status, json: JSON.parse(xhr.responseText) });
        } catch {
          resolve({ status: xhr.status, json: null });
        }
      };
      xhr.onerror = () => reject(new Error("network"));
      xhr.send(body);
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return fail(t("chooseFile"));
    setReport([]);
    setMessage(null);
    setPhase("reading");
    setProgress(0);
    let parsed;
    try {
      parsed = await read(file);
    } catch {
      return fail(t("unreadable"));
    }
    if (parsed.missing.length) return fail(t("missingColumns", { columns: parsed.missing.join(", ") }));
    if (parsed.records.length === 0) return fail(t("noRows"));
    if (parsed.records.length > MAX_OBSERVATION_ROWS) return fail(t("tooMany", { max: MAX_OBSERVATION_ROWS }));

    setPhase("checking");
    const rows = rowsFromRecords(parsed.records);
    const problems: RowProblem[] = [];
    const seen = new Map<string, number>();
    rows.forEach((r, i) => {
      problems.push(...observationRowProblems(r, i + 1));
      const earlier = seen.get(r.date);
      if (earlier !== undefined) problems.push({ row: i + 1, field: "date", message: `${r.date} is already in row ${earlier}` });
      else seen.set(r.date, i + 1);
    });
    if (problems.length) return fail(t("badRows", { count: problems.length, rows: rows.length }), problems);

    setPhase("uploading");
    setProgress(0);
    const input = { series: seriesKey, rows: rows.map((r) => ({ ...r, close: r.close })), note: t("uploadNote", { file: file.name.slice(0, 200) }) };
    try {
      const { status, json } = await send(JSON.stringify(superjson.serialize(input)));
      const body = json as { result?: { data: unknown }; error?: { json: unknown; meta?: unknown } } | null;
      if (status === 200 && body?.result) {
        const data = superjson.deserialize(body.result.data as never) as { written: number; replaced: number };
        setPhase("done");
        setMessage(t("written", { written: data.written, replaced: data.replaced }));
        router.refresh();
        return;
      }
      const error = (body?.error ? superjson.deserialize(body.error as never) : null) as {
        message?: string;
        data?: { rowErrors?: RowProblem[] | null };
      } | null;
      fail(error?.message ?? t("failedStatus", { status }), error?.data?.rowErrors ?? []);
    } catch {
      fail(t("network"));
    }
  }

  const busy = phase === "reading" || phase === "checking" || phase === "uploading" || phase === "writing";
  return (
    <form onSubmit={submit} aria-label={t("uploadTitle")} aria-busy={busy} className="grid gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1">
          <label htmlFor="upload-series" className="text-xs font-medium">
            {t("series")}
          </label>
          <select id="upload-series" value={seriesKey} onChange={(e) => setSeriesKey(e.target.value)} className={inputClass}>
            {series.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1">
          <label htmlFor="upload-file" className="text-xs font-medium">
            {t("file")}
          </label>
          <input id="upload-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="text-sm" />
        </div>
        <Button type="submit" disabled={busy}>
          {t("upload")}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">{t("uploadHint", { max: MAX_OBSERVATION_ROWS })}</p>
      {phase !== "idle" && phase !== "failed" && phase !== "done" ? (
        <div className="grid gap-1">
          <label htmlFor="upload-progress" className="text-xs">
            {t(`phase.${phase}`)}
          </label>
          {/* Indeterminate while the server writes: no value. */}
          <progress id="upload-progress" className="h-2 w-full" max={1} value={phase === "writing" || phase === "checking" ? undefined : progress} />
        </div>
      ) : null}
      <div role="status" aria-live="polite" className="text-sm" data-testid="upload-status">
        {message ? <p className={phase === "failed" ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}>{message}</p> : null}
      </div>
      {report.length ? (
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
      ) : null}
    </form>
  );
}
