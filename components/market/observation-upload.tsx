"use client";
// Observations from a CSV file: read in the browser in chunks, every row checked with the server's own rule, then
// sent in one request whose upload progress is shown; the server writes all rows or none and answers with a report
// per bad row. Columns: date, close, and optionally open, high, low, volume (any order, any case).
import { useState, type FormEvent } from "react";
import superjson from "superjson";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useForm } from "@/components/ui/use-form";
import { MAX_OBSERVATION_ROWS } from "@/server/market/schemas";
import type { FormProblem, RowProblem } from "@/lib/trpc-client";
import { postWithProgress, readCsv, rowProblems, rowsFromRecords } from "./observation-rows";
import { RowReport } from "./row-report";
import { SeriesField } from "./series-field";

type Phase = "reading" | "checking" | "uploading" | "writing";

/** Why an upload stopped, with the bad rows when there are any. */
class UploadFailed extends Error {
  constructor(message: string, readonly rows: RowProblem[] = []) {
    super(message);
  }
}

type TrpcAnswer = { result?: { data: unknown }; error?: { json: unknown; meta?: unknown } } | null;
type TrpcError = { message?: string; data?: { rowErrors?: RowProblem[] | null } } | null;

/** One upload: read, check, send; the phase and its progress while it runs. Resolves to the success message. */
function useCsvUpload() {
  const t = useTranslations("observations");
  const [phase, setPhase] = useState<Phase | null>(null);
  const [progress, setProgress] = useState(0);

  async function upload(file: File, series: string): Promise<string> {
    setPhase("reading");
    setProgress(0);
    const parsed = await readCsv(file, setProgress).catch(() => {
      throw new UploadFailed(t("unreadable"));
    });
    if (parsed.missing.length) throw new UploadFailed(t("missingColumns", { columns: parsed.missing.join(", ") }));
    if (parsed.records.length === 0) throw new UploadFailed(t("noRows"));
    if (parsed.records.length > MAX_OBSERVATION_ROWS) throw new UploadFailed(t("tooMany", { max: MAX_OBSERVATION_ROWS }));

    setPhase("checking");
    const rows = rowsFromRecords(parsed.records);
    const problems = rowProblems(rows);
    if (problems.length) throw new UploadFailed(t("badRows", { count: problems.length, rows: rows.length }), problems);

    setPhase("uploading");
    setProgress(0);
    const input = { series, rows, note: t("uploadNote", { file: file.name.slice(0, 200) }) };
    const body = JSON.stringify(superjson.serialize(input));
    const { status, json } = await postWithProgress("/api/trpc/edit.observations.upsert", body, setProgress, () => setPhase("writing"));
    const answer = json as TrpcAnswer;
    if (status === 200 && answer?.result) {
      const data = superjson.deserialize(answer.result.data as never) as { written: number; replaced: number };
      return t("written", { written: data.written, replaced: data.replaced });
    }
    const error = (answer?.error ? superjson.deserialize(answer.error as never) : null) as TrpcError;
    throw new UploadFailed(error?.message ?? t("failedStatus", { status }), error?.data?.rowErrors ?? []);
  }

  /** An UploadFailed says what went wrong; anything else means the request did not get through. */
  const problem = (error: unknown): FormProblem =>
    error instanceof UploadFailed
      ? { message: error.message, fields: {}, rows: error.rows, code: null }
      : { message: t("network"), fields: {}, rows: [], code: null };

  return { phase, progress, upload, problem, finish: () => setPhase(null) };
}

export function ObservationUpload({ series }: { series: string[] }) {
  const t = useTranslations("observations");
  const form = useForm({ refresh: true });
  const csv = useCsvUpload();
  const [file, setFile] = useState<File | null>(null);
  const [seriesKey, setSeriesKey] = useState(series[0] ?? "kospi");

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return form.fail(t("chooseFile"));
    form.reset(); // a new upload: the last one's message and report go
    await form.run(() => csv.upload(file, seriesKey), { problem: csv.problem });
    csv.finish();
  }

  const message = form.problem?.message ?? form.done;
  const report = form.problem?.rows ?? [];
  return (
    <form onSubmit={submit} aria-label={t("uploadTitle")} aria-busy={form.pending} className="grid gap-3">
      <fieldset disabled={!form.ready} className="contents">
        <div className="flex flex-wrap items-end gap-3">
          <SeriesField id="upload-series" series={series} value={seriesKey} onChange={setSeriesKey} />
          <Field id="upload-file" label={t("file")}>
            {(control) => <input {...control} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="text-sm" />}
          </Field>
          <Button type="submit" disabled={!form.ready || form.pending}>
            {t("upload")}
          </Button>
        </div>
        <p className="text-xs text-muted-foreground">{t("uploadHint", { max: MAX_OBSERVATION_ROWS })}</p>
        {form.pending && csv.phase ? (
          <div className="grid gap-1">
            <label htmlFor="upload-progress" className="text-xs">
              {t(`phase.${csv.phase}`)}
            </label>
            {/* Indeterminate while the server writes: no value. */}
            <progress id="upload-progress" className="h-2 w-full" max={1} value={csv.phase === "writing" || csv.phase === "checking" ? undefined : csv.progress} />
          </div>
        ) : null}
        <div role="status" aria-live="polite" className="text-sm" data-testid="upload-status">
          {message ? <p className={form.problem ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}>{message}</p> : null}
        </div>
        {report.length ? <RowReport report={report} /> : null}
      </fieldset>
    </form>
  );
}
