// `npm run extract -- [--published YYYY-MM-DD] <files…>`: the facts each article states, as FACTS.md JSON on stdout
// (see scripts/extract.ts). A file that cannot be read is named on stderr with the reason and listed with "error" and
// no facts; the others are still processed. Exit code 1 when any file failed, 0 otherwise, 2 on a usage error.
// `--score <gold.json>` prints, instead of the facts, the score against that gold (FACTS.md JSON): P/R/F1 per kind and
// overall as ../shared/corpus/score.mjs counts them, and agreement on the matched facts' fields (server/news/extract/
// score.ts); `--explain` adds each miss, false positive and field disagreement. `--calibrate <gold.json>` prints
// server/news/extract/calibration-table.ts as measured on the files (how often each rule's facts and fields were right).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { extractArticleFacts } from "@/server/news/extract";
import { seededTracked } from "@/server/news/ingest/tracked";
import type { Fact } from "@/server/news/extract/types";
import { MAX_ARTICLE_BYTES } from "@/server/news/constants";
import { readableFromHtml, textFromMarkdown } from "@/server/news/ingest/readable";
import { calibrationCounts, formatScore, scoreFacts, type GoldFact, type PredictedFact, type Score } from "@/server/news/extract/score";
import { printer, type CliIo } from "../cli";

export const USAGE = "usage: npm run extract -- [--published YYYY-MM-DD] [--score <gold.json> [--explain] | --calibrate <gold.json>] <file.txt|file.md|file.html>…";

interface FileResult {
  file: string;
  date?: string;
  error?: string;
  facts: Fact[];
}

/** The article text of a file, or why it cannot be read. */
export function readArticle(file: string): { text: string; publishedOn?: string | null } | { error: string } {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { error: "not a regular file" };
    size = st.size;
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `cannot read: ${(e as Error).message}` };
  }
  if (size === 0) return { error: "empty file" };
  if (size > MAX_ARTICLE_BYTES) return { error: `too large (${size} bytes; the limit is ${MAX_ARTICLE_BYTES})` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { error: `cannot read: ${(e as Error).message}` };
  }
  if (bytes.includes(0)) return { error: "binary file (contains NUL bytes)" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { error: "not valid UTF-8 text" };
  }
  text = text.replace(/^\uFEFF/, "");
  // control characters other than tab / line breaks / form feed mean this is not a text article
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > Math.max(8, text.length * 0.01)) return { error: "binary file (control characters)" };
  let publishedOn: string | null = null;
  if (/\.html?$/i.test(file) || /^\s*<(?:!doctype html|html)\b/i.test(text)) {
    try {
      const page = readableFromHtml(text, { field: "file" });
      text = page.title && !page.text.startsWith(page.title) ? `${page.title}\n${page.text}` : page.text;
      publishedOn = page.publishedOn ?? null;
    } catch {
      return { error: "no readable text in the HTML" };
    }
  } else if (/\.(?:md|markdown)$/i.test(file)) {
    const md = textFromMarkdown(text);
    text = md.title && !md.text.startsWith(md.title) ? `${md.title}\n${md.text}` : md.text;
  }
  if (text.trim().length === 0) return { error: "no text in file" };
  return { text, publishedOn };
}

interface Args {
  published: string | null;
  gold: string | null;
  explain: boolean;
  calibrate: boolean;
  files: string[];
}

/** The command line, or the message to print and the exit code when it is not usable. */
function parseArgs(argv: string[]): Args | { message: string; code: number } {
  const args: Args = { published: null, gold: null, explain: false, calibrate: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => (a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i]);
    if (a === "--published" || a.startsWith("--published=")) {
      const v = value();
      if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
        return { message: `--published: expected a date as YYYY-MM-DD, got ${v ?? "nothing"}`, code: 2 };
      args.published = v;
    } else if (a === "--score" || a.startsWith("--score=")) {
      const v = value();
      if (!v || v.startsWith("--")) return { message: `--score: expected the gold file (FACTS.md JSON), got ${v ?? "nothing"}`, code: 2 };
      args.gold = v;
    } else if (a === "--explain") args.explain = true;
    else if (a === "--calibrate" || a.startsWith("--calibrate=")) {
      const v = value();
      if (!v || v.startsWith("--")) return { message: `--calibrate: expected the gold file (FACTS.md JSON), got ${v ?? "nothing"}`, code: 2 };
      [args.gold, args.calibrate] = [v, true];
    }
    else if (a === "--help" || a === "-h") return { message: USAGE, code: 0 };
    else if (a.startsWith("--")) return { message: `unknown option ${a}\n${USAGE}`, code: 2 };
    else args.files.push(a);
  }
  if (args.files.length === 0) return { message: USAGE, code: 2 };
  if (args.explain && !args.gold) return { message: `--explain needs --score <gold.json>\n${USAGE}`, code: 2 };
  return args;
}

/** A gold file's facts by file name, or why it cannot be used. */
function readGold(file: string): Record<string, GoldFact[]> | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `not JSON: ${(e as Error).message}` };
  }
  const ok = json !== null && typeof json === "object" && !Array.isArray(json) &&
    Object.values(json).every((v) => Array.isArray(v) && v.every((f) => f !== null && typeof f === "object" && typeof (f as GoldFact).kind === "string"));
  return ok ? (json as Record<string, GoldFact[]>) : { error: 'expected { "<file name>": [ { "kind": … }, … ] } as in FACTS.md' };
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [print, printError] = [printer(io.stdout), printer(io.stderr)];
  const args = parseArgs(argv);
  if ("message" in args) {
    (args.code === 0 ? print : printError)(args.message);
    return args.code;
  }
  const gold = args.gold ? readGold(args.gold) : null;
  if (gold && "error" in gold) {
    printError(`--score ${args.gold}: ${gold.error}`);
    return 2;
  }
  const results: FileResult[] = [];
  let failed = 0;
  for (const file of args.files) {
    const name = path.basename(file);
    const read = readArticle(file);
    if ("error" in read) {
      failed++;
      printError(`${file}: ${read.error}`);
      results.push({ file: name, error: read.error, facts: [] });
      continue;
    }
    const { facts, frame } = extractArticleFacts(read.text, args.published ?? read.publishedOn ?? null, seededTracked());
    results.push({ file: name, ...(frame.publishedOn ? { date: frame.publishedOn } : {}), facts });
  }
  if (gold && args.calibrate) print(calibrationModule(gold, results));
  else if (gold) print(scoreReport(gold, results, args.explain));
  else io.stdout.write(`${JSON.stringify({ files: results }, null, 2)}\n`);
  return failed > 0 ? 1 : 0;
}

/** The score of the files read against the gold of those files (gold for files not given is left out, and named). */
function scoreReport(gold: Record<string, GoldFact[]>, results: FileResult[], explain: boolean): string {
  const given = new Set(results.map((r) => r.file));
  const scored = Object.fromEntries(Object.entries(gold).filter(([f]) => given.has(f)));
  const predicted = Object.fromEntries(results.map((r) => [r.file, r.facts as unknown as PredictedFact[]]));
  const score = scoreFacts(scored, predicted);
  const noGold = results.filter((r) => !(r.file in gold)).map((r) => r.file);
  const lines = [formatScore(score)];
  if (noGold.length) lines.push(`no gold for ${noGold.length} file(s), not scored: ${noGold.join(", ")}`);
  if (explain) lines.push(...explainScore(score));
  return lines.join("\n");
}

/** ./server/news/extract/calibration-table.ts as measured on these files. */
function calibrationModule(gold: Record<string, GoldFact[]>, results: FileResult[]): string {
  const given = new Set(results.map((r) => r.file));
  const score = scoreFacts(Object.fromEntries(Object.entries(gold).filter(([f]) => given.has(f))), Object.fromEntries(results.map((r) => [r.file, r.facts as unknown as PredictedFact[]])));
  const table = calibrationCounts(score);
  const sorted = (t: Record<string, unknown>) => Object.fromEntries(Object.entries(t).sort(([a], [b]) => a.localeCompare(b)));
  const body = JSON.stringify({ kinds: sorted(table.kinds), facts: sorted(table.facts), fieldTotals: sorted(table.fieldTotals), fields: sorted(table.fields) }, null, 2);
  return [
    "// Generated (see ./calibration.ts): [right, seen] per rule on the blind set. Do not edit by hand; regenerate with",
    "//   npm run -s extract -- --calibrate tests/fixtures/extract-blind/gold.json tests/fixtures/extract-blind/*.txt > /tmp/t.ts",
    "//   mv /tmp/t.ts server/news/extract/calibration-table.ts && npx prettier --write server/news/extract/calibration-table.ts",
    "// (through a file elsewhere: the command reads this module while it runs).",
    "export type Counts = [number, number];",
    "export const CALIBRATION: {",
    "  kinds: Record<string, Counts>;",
    "  facts: Record<string, Counts>;",
    "  fieldTotals: Record<string, Counts>;",
    "  fields: Record<string, Counts>;",
    `} = ${body};`,
  ].join("\n");
}

const brief = (f: Record<string, unknown>) =>
  JSON.stringify(Object.fromEntries(Object.entries(f).filter(([k]) => !["evidence", "confidence", "what", "purpose", "cue", "basis"].includes(k))));

const said = (f: PredictedFact) => String((f.evidence as { text?: string } | undefined)?.text ?? "").replace(/\s+/g, " ").slice(0, 200);

/** Each miss, false positive and field disagreement, by file. */
function explainScore(score: Score): string[] {
  const lines: string[] = [];
  for (const m of score.missed) lines.push(`MISS ${m.file}: ${brief(m.gold)}`);
  for (const o of score.outcomes) {
    if (!o.gold) lines.push(`FP   ${o.file}: ${brief(o.fact)}  ← "${said(o.fact)}"`);
    else if (!o.restates) {
      const wrong = Object.entries(o.fields).filter(([, ok]) => !ok).map(([k]) => k);
      if (wrong.length) lines.push(`FIELD ${o.file}: ${wrong.join(", ")}: got ${brief(o.fact)} want ${brief(o.gold)}  ← "${said(o.fact)}"`);
    }
  }
  return lines;
}
