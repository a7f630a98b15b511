// Reading the product data files in db/seed/hts (see its README: The Budget Lab at Yale, tariff-rate-tracker).
import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";

export const HTS_DIR = path.join(process.cwd(), "db", "seed", "hts");

export type Row = Record<string, string>;

export function readCsv(file: string): Row[] {
  const text = readFileSync(path.join(HTS_DIR, file), "utf8");
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true, delimiter: "," });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data;
}

/** A list file of one prefix per line. */
export function readPrefixes(file: string): string[] {
  return readFileSync(path.join(HTS_DIR, file), "utf8")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

