// Daily closes from a CSV file (columns date, close and optionally open, high, low, volume; any order, any case;
// "#" comment lines and thousands separators allowed), checked row by row with the observations' own rule
// (server/market/schemas.ts). Any bad row → a RowErrorsError with a report per row and nothing written; a clean
// file is appended like the job's bars: new days only, stored days the file disagrees with reported, never
// overwritten (replacing stored closes is the observations page's upload, which is audited under an editor).
import Papa from "papaparse";
import type { Db } from "@/db/client";
import { observationRowProblems, type ObservationRowInput } from "./schemas";
import { BadInputError, RowErrorsError, type RowProblem } from "@/server/core/errors";
import type { DailyBar } from "./provider";
import { appendCloses, type AppendResult } from "./store";

export const MAX_CSV_ROWS = 50_000;

function toNumber(raw: string | undefined): number | null {
  const s = (raw ?? "").trim().replace(/,/g, "");
  if (s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** The file's rows as bars, or every problem (row numbers count data rows from 1). */
export function parseClosesCsv(text: string): DailyBar[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    comments: "#",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const missing = ["date", "close"].filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length) throw new BadInputError("file", `The CSV needs a header row with columns ${missing.join(" and ")} (found: ${(parsed.meta.fields ?? []).join(", ") || "none"})`);
  if (parsed.data.length === 0) throw new BadInputError("file", "The CSV has no data rows");
  if (parsed.data.length > MAX_CSV_ROWS) throw new BadInputError("file", `The CSV has more than ${MAX_CSV_ROWS} rows`);
  const report: RowProblem[] = [];
  const seen = new Map<string, number>();
  const bars: DailyBar[] = [];
  parsed.data.forEach((r, i) => {
    const row: ObservationRowInput = {
      date: (r.date ?? "").trim(),
      open: toNumber(r.open),
      high: toNumber(r.high),
      low: toNumber(r.low),
      close: toNumber(r.close) ?? Number.NaN,
      volume: toNumber(r.volume),
    };
    let problems = observationRowProblems(row, i + 1);
    if ((r.close ?? "").trim() === "") problems = [...problems.filter((p) => p.field !== "close"), { row: i + 1, field: "close", message: "is missing" }];
    report.push(...problems);
    const first = seen.get(row.date);
    if (first !== undefined) report.push({ row: i + 1, field: "date", message: `${row.date} is already in row ${first}` });
    else seen.set(row.date, i + 1);
    if (problems.length === 0) bars.push({ date: row.date, open: row.open ?? null, high: row.high ?? null, low: row.low ?? null, close: row.close, volume: row.volume ?? null });
  });
  if (report.length) throw new RowErrorsError(report);
  return bars.sort((a, b) => a.date.localeCompare(b.date));
}

export async function importClosesCsv(db: Db, input: { text: string; seriesKey: string; now: Date; moveEventPct: number }): Promise<AppendResult & { rows: number }> {
  const bars = parseClosesCsv(input.text);
  const result = await appendCloses(db, { seriesKey: input.seriesKey, bars, now: input.now, moveEventPct: input.moveEventPct });
  return { rows: bars.length, ...result };
}
