// Observation rows in the browser: CSV records read in chunks (papaparse) and turned into rows, checked with the
// server's own row rule, and sent in one request whose upload progress is reported.
import Papa from "papaparse";
import { MAX_OBSERVATION_ROWS, observationRowProblems, type ObservationRowInput } from "@/server/market/schemas";
import type { RowProblem } from "@/lib/trpc-client";

const COLUMNS = ["date", "open", "high", "low", "close", "volume"] as const;

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

/** A file's records (columns lower-cased) and the required columns it lacks; stops past MAX_OBSERVATION_ROWS. */
export function readCsv(file: File, onProgress: (share: number) => void): Promise<{ records: Record<string, string>[]; missing: string[] }> {
  return new Promise((resolve, reject) => {
    const records: Record<string, string>[] = [];
    let missing: string[] = [];
    let first = true;
    Papa.parse<Record<string, string>>(file, {
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
        onProgress(Math.min(1, results.meta.cursor / Math.max(1, file.size)));
      },
      complete: () => resolve({ records, missing }),
      error: (e) => reject(e),
    });
  });
}

/** Every row's problems (numbered from 1), a date given twice included. */
export function rowProblems(rows: ObservationRowInput[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    problems.push(...observationRowProblems(r, i + 1));
    const earlier = seen.get(r.date);
    if (earlier !== undefined) problems.push({ row: i + 1, field: "date", message: `${r.date} is already in row ${earlier}` });
    else seen.set(r.date, i + 1);
  });
  return problems;
}

/** POSTs a tRPC body with XMLHttpRequest, which reports upload progress (fetch does not); `onSent`: the server writes. */
export function postWithProgress(url: string, body: string, onProgress: (share: number) => void, onSent: () => void): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = onSent;
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
