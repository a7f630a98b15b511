// `npm run extract -- [--published YYYY-MM-DD] <files…>`: the facts each article states, as FACTS.md JSON on stdout
// (see scripts/extract.ts). A file that cannot be read is named on stderr with the reason and listed with "error" and
// no facts; the others are still processed. Exit code 1 when any file failed, 0 otherwise, 2 on a usage error.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { extractArticleFacts } from "@/server/news/extract";
import type { Fact } from "@/server/news/extract/types";
import { MAX_ARTICLE_BYTES } from "@/server/news/constants";
import { readableFromHtml, textFromMarkdown } from "@/server/news/ingest/readable";
import { printer, type CliIo } from "../cli";

export const USAGE = "usage: npm run extract -- [--published YYYY-MM-DD] <file.txt|file.md|file.html>…";

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

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [print, printError] = [printer(io.stdout), printer(io.stderr)];
  let published: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--published" || a.startsWith("--published=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
        printError(`--published: expected a date as YYYY-MM-DD, got ${v ?? "nothing"}`);
        return 2;
      }
      published = v;
    } else if (a === "--help" || a === "-h") {
      print(USAGE);
      return 0;
    } else if (a.startsWith("--")) {
      printError(`unknown option ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    printError(USAGE);
    return 2;
  }
  const results: FileResult[] = [];
  let failed = 0;
  for (const file of files) {
    const name = path.basename(file);
    const read = readArticle(file);
    if ("error" in read) {
      failed++;
      printError(`${file}: ${read.error}`);
      results.push({ file: name, error: read.error, facts: [] });
      continue;
    }
    const { facts, frame } = extractArticleFacts(read.text, published ?? read.publishedOn ?? null);
    results.push({ file: name, ...(frame.publishedOn ? { date: frame.publishedOn } : {}), facts });
  }
  io.stdout.write(`${JSON.stringify({ files: results }, null, 2)}\n`);
  return failed > 0 ? 1 : 0;
}
