// Operator CLI for market data, the KOSPI series (`npm run market`, usage below). Runs on the configured database
// (DATABASE_URL, else DATA_DIR; the embedded one allows one process: stop the server).
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ingestConfigFrom, type IngestConfig } from "@/server/core/config";
import { parseEnv, type Env } from "@/server/core/env.js";
import { isIsoDate } from "@/server/core/time";
import { importClosesCsv } from "@/server/market/csv";
import { runMarketClose, type MarketCloseResult } from "@/server/market/job";
import { MarketDataError } from "@/server/market/provider";
import { marketStatus } from "@/server/market/status";
import { RowErrorsError } from "@/server/core/errors";
import type { AppendResult } from "@/server/market/store";
import { printer, runCommand, UsageError, type CliIo } from "../cli";
import { withDatabase } from "../with-database";

export const USAGE = `Usage:
  npm run market -- import <file.csv> [--series kospi] [--now <ISO-8601>]
      Appends the file's daily closes (columns date, close and optionally open, high, low, volume). Every row is
      checked first: any bad row is reported (row, column, problem) and nothing is written. Days already stored are
      kept; a different close in the file is reported as a discrepancy.
  npm run market -- fetch [--now <ISO-8601>] [--from YYYY-MM-DD]
      One run of the market-close job (as if the clock read --now): fetches from the provider, appends the new
      final closes, records large moves. --from re-reads from that date even when up to date.
  npm run market -- status
      The provider, the last stored close, the last job run and the next one.`;

type Run = { env: Env; config: IngestConfig; io: CliIo };

function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new UsageError(`--now "${text}" is not an ISO-8601 instant with a zone, e.g. 2026-11-23T07:05:00Z.`);
  }
  return new Date(text);
}

function printAppend(print: (line: string) => void, result: AppendResult): void {
  if (result.appended.length === 0) print("Nothing new appended.");
  else print(`Appended ${result.appended.length} close${result.appended.length === 1 ? "" : "s"}:`);
  for (const a of result.appended) {
    const pct = a.pct === null ? "" : ` (${a.pct >= 0 ? "+" : ""}${a.pct.toFixed(2)}%)`;
    print(`  ${a.date}  ${a.close.toFixed(2)}${pct}`);
  }
  for (const d of result.discrepancies) print(`Discrepancy ${d.date}: stored ${d.stored}, source says ${d.received} — stored close kept`);
  for (const e of result.events) print(`Market event recorded: ${e}`);
}

async function importCommand(rest: string[], { env, config, io }: Run): Promise<number> {
  const [print, printError] = [printer(io.stdout), printer(io.stderr)];
  const { values, positionals } = parseArgs({ args: rest, strict: true, allowPositionals: true, options: { series: { type: "string" }, now: { type: "string" } } });
  if (positionals.length !== 1) throw new UsageError("Give exactly one CSV file to import.");
  const now = parseNow(values.now);
  const text = await readFile(positionals[0]!, "utf8").catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read ${positionals[0]}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
  });
  return withDatabase(env, async (db) => {
    try {
      const result = await importClosesCsv(db, { text, seriesKey: values.series ?? "kospi", now, moveEventPct: config.market.moveEventPct });
      print(`${result.rows} row${result.rows === 1 ? "" : "s"} read.`);
      printAppend(print, result);
      return 0;
    } catch (error) {
      if (!(error instanceof RowErrorsError)) throw error;
      printError(`${error.report.length} problem${error.report.length === 1 ? "" : "s"} in ${positionals[0]}; nothing was written:`);
      for (const p of error.report.slice(0, 200)) printError(`  row ${p.row}, ${p.field}: ${p.message}`);
      if (error.report.length > 200) printError(`  … and ${error.report.length - 200} more`);
      return 1;
    }
  });
}

async function fetchCommand(rest: string[], { env, config, io }: Run): Promise<number> {
  const print = printer(io.stdout);
  const { values } = parseArgs({ args: rest, strict: true, options: { now: { type: "string" }, from: { type: "string" } } });
  const now = parseNow(values.now);
  if (values.from !== undefined && !isIsoDate(values.from)) throw new UsageError(`--from "${values.from}" is not a date YYYY-MM-DD.`);
  return withDatabase(env, async (db) => {
    let result: MarketCloseResult;
    try {
      result = await runMarketClose(db, config, now, { from: values.from });
    } catch (error) {
      if (!(error instanceof MarketDataError)) throw error;
      printer(io.stderr)(`${error.message}\nNothing was written.`);
      return 1;
    }
    if (result.status === "disabled") print("No market-data provider configured (MARKET_PROVIDER=none); nothing fetched.");
    else if (result.status === "up-to-date") print(`Up to date: the latest final close is stored (provider ${result.provider}).`);
    else {
      print(`Asked ${result.provider} for ${result.from}..${result.to}: ${result.received} final bar${result.received === 1 ? "" : "s"}.`);
      printAppend(print, result);
    }
    return 0;
  });
}

async function statusCommand(rest: string[], { env, config, io }: Run): Promise<number> {
  const print = printer(io.stdout);
  if (rest.length) throw new UsageError(`Unexpected arguments: ${rest.join(" ")}`);
  return withDatabase(env, async (db) => {
    const s = await marketStatus(db, config.market);
    print(`Provider: ${s.provider}${s.baseUrl ? ` (${s.baseUrl})` : ""}, symbol ${s.symbol}, move events from ±${s.moveEventPct}%`);
    print(s.last ? `Last close: ${s.last.date} ${s.last.close.toFixed(2)} (known ${s.last.knownAt.toISOString()})` : "Last close: none stored");
    print(s.lastRun ? `Last run: ${s.lastRun.startedAt?.toISOString() ?? "-"}${s.lastRun.error ? ` — failed: ${s.lastRun.error}` : " — ok"}` : "Last run: never");
    print(`Next run: ${s.nextRun?.toISOString() ?? "-"}`);
    for (const d of s.discrepancies) print(`Discrepancy ${d.date}: stored ${d.stored}, provider said ${d.received}`);
    return 0;
  });
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const env = parseEnv(io.env);
  const config = ingestConfigFrom(env);
  if (command === "import") return importCommand(rest, { env, config, io });
  if (command === "fetch") return fetchCommand(rest, { env, config, io });
  if (command === "status") return statusCommand(rest, { env, config, io });
  throw new UsageError(command ? `Unknown command "${command}".` : "Give a command.");
}

export function main(argv: string[], io: CliIo): Promise<number> {
  return runCommand(run, USAGE, argv, io);
}
