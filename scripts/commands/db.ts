// `npm run db -- <command>`: back up, restore, and move the database (see README, "Backup and moving to PostgreSQL").
// The database is the configured one (DATABASE_URL, else the embedded one in DATA_DIR), migrated but never seeded.
// On the embedded database the data-directory lock applies: stop the server first.
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { openDatabase, type Database } from "@/db/client";
import {
  BackupError,
  copyDatabase,
  exportDatabase,
  importDatabase,
  parseBackup,
  type TableCounts,
} from "@/server/backup";
import { parseEnv, type Env } from "@/server/core/env.js";
import { printer, type CliIo } from "../cli";

export const USAGE = `usage: npm run db -- <command>

  export [--with-secrets]               write a backup of the whole database to stdout (npm run db -- export > backup.json);
                                        contact-point URLs and signing secrets only with --with-secrets
  import <backup.json> [--replace]      restore a backup; --replace empties a non-empty database first
  copy-to <postgres://…> [--replace]    copy this database (DATA_DIR, or DATABASE_URL) into a PostgreSQL database;
                                        --replace empties a non-empty target first

The database is DATABASE_URL when set, else the embedded one in DATA_DIR (default ./data).`;

type Command =
  | { name: "export"; secrets: boolean }
  | { name: "import"; file: string; replace: boolean }
  | { name: "copy-to"; url: string; replace: boolean };

class UsageError extends Error {}

function parseArgs(argv: string[]): Command {
  const [name, ...rest] = argv;
  const flags = rest.filter((arg) => arg.startsWith("-"));
  const positional = rest.filter((arg) => !arg.startsWith("-"));
  const unknown = flags.filter((flag) => flag !== "--replace" && !(name === "export" && flag === "--with-secrets"));
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}`);
  const replace = flags.includes("--replace");
  switch (name) {
    case "export":
      if (positional.length > 0) throw new UsageError("export takes no arguments (it writes to stdout)");
      return { name, secrets: flags.includes("--with-secrets") };
    case "import":
      if (positional.length !== 1) throw new UsageError("import needs exactly one backup file");
      return { name, file: positional[0]!, replace };
    case "copy-to":
      if (positional.length !== 1) throw new UsageError("copy-to needs exactly one PostgreSQL URL");
      if (!/^postgres(ql)?:\/\//.test(positional[0]!)) {
        throw new UsageError("copy-to needs a postgres:// or postgresql:// URL");
      }
      return { name, url: positional[0]!, replace };
    case undefined:
      throw new UsageError("no command given");
    default:
      throw new UsageError(`unknown command ${name}`);
  }
}

async function openConfigured(env: Env): Promise<Database> {
  const database = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR });
  try {
    await database.migrate();
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}

async function withDatabase<T>(open: () => Promise<Database>, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await open();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function countsTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

function total(counts: TableCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}

/** The backup on stdout, alone (scripts/db.ts sends what libraries log to stderr while exporting). */
async function runExport(env: Env, io: CliIo, secrets: boolean): Promise<void> {
  const out = io.stdout;
  let buffer = "";
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer;
    buffer = "";
    if (!out.write(chunk)) await once(out, "drain");
  };
  const started = Date.now();
  const counts = await withDatabase(
    () => openConfigured(env),
    (database) =>
      exportDatabase(database.db, async (chunk) => {
        buffer += chunk;
        if (buffer.length >= 1 << 20) await flush();
      }, { secrets }),
  );
  await flush();
  printer(io.stderr)(
    `[db] exported ${total(counts)} rows from ${Object.keys(counts).length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function runImport(file: string, replace: boolean, env: Env, io: CliIo): Promise<void> {
  const print = printer(io.stdout);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new BackupError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  // Validated completely before the database is even opened.
  const doc = parseBackup(text, file);
  text = "";
  const started = Date.now();
  const summary = await withDatabase(() => openConfigured(env), (database) => importDatabase(database.db, doc, { replace }));
  print(
    countsTable(
      ["table", "rows"],
      Object.entries(summary.counts).map(([table, n]) => [table, String(n)]),
    ),
  );
  if (summary.missingTables.length > 0) {
    print(`not in the backup (left empty): ${summary.missingTables.join(", ")}`);
  }
  print(
    `[db] imported ${total(summary.counts)} rows from ${file} (exported ${doc.exportedAt}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function openTarget(url: string): Promise<Database> {
  const target = await openDatabase({ databaseUrl: url });
  try {
    await target.migrate();
  } catch (error) {
    await target.close().catch(() => {});
    throw new BackupError(`Cannot open or migrate the target ${redact(url)}: ${(error as Error).message}`);
  }
  return target;
}

async function runCopy(url: string, replace: boolean, env: Env, io: CliIo): Promise<void> {
  const print = printer(io.stdout);
  if (env.DATABASE_URL && env.DATABASE_URL === url) {
    throw new BackupError("The target is the configured database itself (DATABASE_URL): nothing to copy.");
  }
  const started = Date.now();
  const summary = await withDatabase(
    () => openConfigured(env),
    (source) => withDatabase(() => openTarget(url), (target) => copyDatabase(source.db, target.db, { replace })),
  );
  const rows = Object.keys(summary.source).map((table) => {
    const a = summary.source[table]!;
    const b = summary.target[table] ?? 0;
    return [table, String(a), String(b), a === b ? "ok" : "MISMATCH"];
  });
  print(countsTable(["table", "source", "target", ""], rows));
  if (!summary.ok) {
    throw new BackupError("Row counts differ between source and target (see above).");
  }
  print(
    `[db] copied ${total(summary.source)} rows to ${redact(url)} in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `row counts match. Start Tradewatch with DATABASE_URL=${redact(url)} to use it.`,
  );
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const printError = printer(io.stderr);
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      printError(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  try {
    const env = parseEnv(io.env);
    if (command.name === "export") await runExport(env, io, command.secrets);
    else if (command.name === "import") await runImport(command.file, command.replace, env, io);
    else await runCopy(command.url, command.replace, env, io);
    return 0;
  } catch (error) {
    printError(error instanceof BackupError || (error as Error).name === "DataDirInUseError"
      ? (error as Error).message
      : `[db] ${command.name} failed: ${(error as Error).message}`);
    return 1;
  }
}
