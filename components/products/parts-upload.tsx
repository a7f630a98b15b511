"use client";
// The parts-list form: a CSV (or codes pasted) and one or two dates → POST /api/v1/products/parts. With script the
// answer shows here (changed lines first) and downloads as CSV from the same answer; without, the form posts for the
// CSV file itself. Labels come from the server page.
import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { buttonClassName } from "@/components/ui/button";
import { dottedHts } from "./format";

type Row = { row: number; label: string; code: string; hts: string | null; description: string | null; dutyA: number | null; dutyB: number | null; changePct: number | null; uncertain: boolean };
type Problem = { row: number; field: string; message: string };
type Answer = { date: string; compare: string | null; summary: { rows: number; rated: number; problems: number; changed: number }; rows: Row[]; problems: Problem[] };
export type PartsLabels = Record<"file" | "fileHint" | "codes" | "date" | "compare" | "submit" | "download" | "summary" | "problems" | "row" | "label" | "hts" | "dutyA" | "dutyB" | "change" | "uncertain" | "failed" | "shownFirst", string>;

const SHOWN = 200;
const csvCell = (v: unknown) => (v === null || v === undefined ? "" : /[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

export function PartsUpload({ labels, today }: { labels: PartsLabels; today: string }) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/v1/products/parts", { method: "POST", body: new FormData(e.currentTarget) });
      const body = await res.json();
      if (!res.ok) return setError(body.error?.message ?? labels.failed);
      setAnswer(body as Answer);
    } catch {
      setError(labels.failed);
    } finally {
      setBusy(false);
    }
  }

  function download() {
    if (!answer) return;
    const head = ["row", "label", "hts", "description", `duty_${answer.date}`, answer.compare ? `duty_${answer.compare}` : "", "change_pct", "uncertain", "problem"];
    const problems = new Map(answer.problems.map((p) => [p.row, `${p.field}: ${p.message}`]));
    const lines = answer.rows.map((r) => [r.row, r.label, r.hts ?? r.code, r.description, r.dutyA, r.dutyB, r.changePct, r.uncertain, problems.get(r.row) ?? ""]);
    const text = [head, ...lines].map((l) => l.map(csvCell).join(",")).join("\r\n") + "\r\n";
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
    a.download = `parts-${answer.date}${answer.compare ? `-vs-${answer.compare}` : ""}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  }

  return (
    <div className="space-y-6">
      <form action="/api/v1/products/parts?format=csv" method="post" encType="multipart/form-data" onSubmit={submit} className="grid max-w-2xl gap-3">
        <label className="grid gap-1 text-sm font-medium">
          {labels.file}
          <input type="file" name="file" accept=".csv,.txt,text/csv,text/plain" className="text-sm" aria-describedby="parts-file-hint" />
        </label>
        <p id="parts-file-hint" className="text-xs text-muted-foreground">{labels.fileHint}</p>
        <label className="grid gap-1 text-sm font-medium">
          {labels.codes}
          <textarea name="codes" rows={4} className={`${inputClass} h-auto py-1 font-mono`} placeholder={"hts,label\n8708.29.15.00,Door panel"} />
        </label>
        <div className="flex flex-wrap gap-3">
          <label className="grid gap-1 text-sm font-medium">
            {labels.date}
            <input type="date" name="date" defaultValue={today} className={inputClass} required />
          </label>
          <label className="grid gap-1 text-sm font-medium">
            {labels.compare}
            <input type="date" name="compare" className={inputClass} />
          </label>
        </div>
        <div>
          <button type="submit" className={buttonClassName()} disabled={busy}>{labels.submit}</button>
        </div>
      </form>
      {error && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p>}
      {answer && <PartsResult answer={answer} labels={labels} onDownload={download} />}
    </div>
  );
}

function PartsResult({ answer, labels, onDownload }: { answer: Answer; labels: PartsLabels; onDownload: () => void }) {
  const rows = [...answer.rows].sort((a, b) => Math.abs(b.changePct ?? 0) - Math.abs(a.changePct ?? 0) || a.row - b.row).slice(0, SHOWN);
  return (
        <section aria-live="polite" className="space-y-3">
          <p className="flex flex-wrap items-center gap-3 text-sm">
            <span>{labels.summary.replace("{rows}", String(answer.summary.rows)).replace("{rated}", String(answer.summary.rated)).replace("{changed}", String(answer.summary.changed)).replace("{problems}", String(answer.summary.problems))}</span>
            <button type="button" onClick={onDownload} className={buttonClassName({ variant: "outline", size: "sm" })}>{labels.download}</button>
          </p>
          {answer.rows.length > SHOWN && <p className="text-xs text-muted-foreground">{labels.shownFirst.replace("{n}", String(SHOWN))}</p>}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-muted-foreground">
                <tr>
                  <th className="px-2 py-1">{labels.row}</th><th className="px-2 py-1">{labels.label}</th><th className="px-2 py-1">{labels.hts}</th>
                  <th className="px-2 py-1 text-right">{labels.dutyA} {answer.date}</th>
                  {answer.compare && <th className="px-2 py-1 text-right">{labels.dutyB} {answer.compare}</th>}
                  {answer.compare && <th className="px-2 py-1 text-right">{labels.change}</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.row} className="border-t border-border">
                    <td className="px-2 py-1 tabular-nums">{r.row}</td>
                    <td className="px-2 py-1">{r.label}</td>
                    <td className="px-2 py-1 font-mono">{r.hts ? <a className="text-accent underline" href={`/products/${r.hts}`}>{dottedHts(r.hts)}</a> : r.code}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{r.dutyA === null ? "—" : `${r.dutyA}%`}{r.uncertain ? " *" : ""}</td>
                    {answer.compare && <td className="px-2 py-1 text-right tabular-nums">{r.dutyB === null ? "—" : `${r.dutyB}%`}</td>}
                    {answer.compare && <td className="px-2 py-1 text-right tabular-nums">{r.changePct ? `${r.changePct > 0 ? "+" : ""}${r.changePct}` : ""}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {answer.problems.length > 0 && (
            <>
              <h2 className="text-sm font-semibold">{labels.problems}</h2>
              <ul className="list-disc pl-5 text-sm">
                {answer.problems.map((p) => (
                  <li key={p.row}>{labels.row} {p.row}: {p.message}</li>
                ))}
              </ul>
            </>
          )}
        </section>
  );
}
