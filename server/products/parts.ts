// A parts list at once: a CSV of HTS codes (≤ 10,000 rows, with the user's own labels) → each line's additional
// duty on a date and, given a second date, what changed between them. Every input row comes back, in order: a row
// that cannot be rated says why (its row number, the column, the problem) and loses nothing else.
import Papa from "papaparse";
import type { Db } from "@/db/client";
import { BadInputError, type RowProblem } from "@/server/core/errors";
import { openDutyBook } from "./book";
import { PRODUCT_LIMITS } from "./constants";

const CODE_COLUMNS = ["hts", "hts10", "hts_code", "htscode", "code", "hs10", "tariff_code"];
const LABEL_COLUMNS = ["label", "name", "part", "part_name", "description", "sku", "item"];

export type PartRow = { row: number; code: string; label: string };
export type RatedPart = PartRow & {
  hts: string | null;
  description: string | null;
  dutyA: number | null;
  dutyB: number | null;
  changePct: number | null;
  programmesA: string[];
  programmesB: string[];
  uncertain: boolean;
  notes: string[];
  problem: RowProblem | null;
};

/** The list's rows: a header naming the code column (hts, code, …) and optionally a label; or one code per line. */
export function parsePartsCsv(text: string): PartRow[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const rows = parsed.data.filter((r) => r.some((c) => c.trim() !== ""));
  if (rows.length === 0) throw new BadInputError("file", "The list is empty: give one HTS code per row, with a header such as hts,label");
  const header = rows[0]!.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, "_"));
  let codeAt = header.findIndex((h) => CODE_COLUMNS.includes(h));
  const labelAt = header.findIndex((h) => LABEL_COLUMNS.includes(h));
  const hasHeader = codeAt >= 0 || labelAt >= 0;
  if (hasHeader && codeAt < 0) throw new BadInputError("file", `No column of HTS codes: name one ${CODE_COLUMNS.slice(0, 3).join(", ")} or code`);
  if (!hasHeader) codeAt = 0;
  const body = hasHeader ? rows.slice(1) : rows;
  if (body.length > PRODUCT_LIMITS.partsRows) {
    throw new BadInputError("file", `${body.length.toLocaleString("en-US")} rows: at most ${PRODUCT_LIMITS.partsRows.toLocaleString("en-US")} per list; split it`);
  }
  return body.map((r, i) => {
    if (!hasHeader) {
      // No header: the code first, the rest of the line (after a comma, a tab or spaces) is the label.
      const [code = "", ...rest] = r.length > 1 ? r : (r[0] ?? "").trim().split(/\s+(?=\D)/);
      return { row: i + 1, code: code.trim(), label: rest.join(" ").trim().slice(0, 200) };
    }
    return { row: i + 1, code: (r[codeAt] ?? "").trim(), label: labelAt >= 0 ? (r[labelAt] ?? "").trim().slice(0, 200) : "" };
  });
}

/** Rates every row at `a` and, when given, `b` (each as known at that instant unless `knownAt` is given). */
export async function rateParts(db: Db, rows: PartRow[], a: Date, b: Date | null, knownAt?: Date): Promise<RatedPart[]> {
  const codes = rows.map((r) => r.code.replace(/[\s.\-]/g, ""));
  const book = await openDutyBook(db, codes.filter((c) => /^\d{10}$/.test(c)));
  return rows.map((r, i) => {
    const hts = codes[i]!;
    const blank = { ...r, hts: null, description: null, dutyA: null, dutyB: null, changePct: null, programmesA: [], programmesB: [], uncertain: false, notes: [] };
    if (!/^\d{10}$/.test(hts)) {
      const message = hts === "" ? "no code" : `"${r.code}" is not an HTS code of ten digits`;
      return { ...blank, problem: { row: r.row, field: "hts", message } };
    }
    const description = book.describe(hts);
    if (description === null) return { ...blank, hts, problem: { row: r.row, field: "hts", message: `no HTS line ${hts}` } };
    const da = book.duty(hts, a, knownAt ?? a);
    const db_ = b ? book.duty(hts, b, knownAt ?? b) : null;
    return {
      ...r,
      hts,
      description,
      dutyA: da.additionalDutyPct,
      dutyB: db_?.additionalDutyPct ?? null,
      changePct: db_ ? Math.round((db_.additionalDutyPct - da.additionalDutyPct) * 1000) / 1000 : null,
      programmesA: da.components.map((c) => c.programme),
      programmesB: db_?.components.map((c) => c.programme) ?? [],
      uncertain: da.uncertain || !!db_?.uncertain,
      notes: [...new Set([...da.notes, ...(db_?.notes ?? [])].map((n) => n.code))],
      problem: null,
    };
  });
}

export const PARTS_CSV_COLUMNS = ["row", "label", "hts", "description", "duty_a_pct", "duty_b_pct", "change_pct", "programmes_a", "programmes_b", "uncertain", "notes", "problem"];

export function partsCsvRows(rated: RatedPart[]) {
  return rated.map((r) => [
    r.row, r.label, r.hts ?? r.code, r.description, r.dutyA, r.dutyB, r.changePct, r.programmesA.join(" | "), r.programmesB.join(" | "), r.uncertain, r.notes.join(" | "),
    r.problem ? `${r.problem.field}: ${r.problem.message}` : "",
  ]);
}
