// The backup document and its validation. A backup is checked completely before anything is written: the header
// (format, version), the table names, then every row against its table's columns (names, types, nulls, enums).
import { z } from "zod";
import { backupTables, type BackupColumn, type BackupTable } from "./tables";

export const BACKUP_FORMAT = "tradewatch-backup";
export const BACKUP_VERSION = 1;

export type BackupRow = Record<string, unknown>;

export type BackupDocument = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  migrations: { applied: number; last: string | null };
  tables: Record<string, BackupRow[]>;
};

/** A backup or database that cannot be used, with a message meant for the person running the command. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

const headerSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: z.iso.datetime({ offset: true }),
    migrations: z.object({ applied: z.number().int().nonnegative(), last: z.string().nullable() }),
    tables: z.record(z.string(), z.array(z.unknown())),
  })
  .strict();

const ISO_INSTANT = /^\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;
const ISO_LOCAL = /^\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/;
const ISO_DATE = /^\d{4,}-\d{2}-\d{2}$/;
const DECIMAL = /^([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|NaN|[-+]?Infinity)$/;
const INTEGER = /^-?\d+$/;
const INFINITE = z.enum(["infinity", "-infinity"]);

function valueSchema(column: BackupColumn): z.ZodType {
  switch (column.kind) {
    case "int":
      return z.number().int();
    case "bigint":
      return z.union([z.string().regex(INTEGER, "expected an integer string"), z.number().int()]);
    case "decimal":
      return z.union([z.string().regex(DECIMAL, "expected a decimal number as a string"), z.number()]);
    case "timestamptz":
      return z.union([z.string().regex(ISO_INSTANT, "expected an ISO-8601 instant with a zone"), INFINITE]);
    case "timestamp":
      return z.union([z.string().regex(ISO_LOCAL, "expected an ISO-8601 date and time"), INFINITE]);
    case "date":
      return z.union([z.string().regex(ISO_DATE, "expected a date YYYY-MM-DD"), INFINITE]);
    case "bool":
      return z.boolean();
    case "enum":
      return column.enumValues ? z.enum(column.enumValues) : z.string();
    case "string":
      return z.string();
    case "json":
    case "other":
      return z.unknown();
  }
}

function rowSchema(table: BackupTable): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const column of table.columns) {
    let value = valueSchema(column);
    if (!column.notNull) value = value.nullable();
    if (!column.notNull || column.hasDefault) value = value.optional();
    shape[column.name] = value;
  }
  return z.object(shape);
}

const MAX_REPORTED = 12;

function describeIssue(prefix: string, issue: z.core.$ZodIssue): string {
  const where = [prefix, ...issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))].join("");
  return `${where}: ${issue.message}`;
}

/** Parses backup text: malformed JSON or any invalid part throws a BackupError naming what is wrong. */
export function parseBackup(text: string, label = "the backup"): BackupDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BackupError(`${label} is not valid JSON: ${(error as Error).message}`);
  }
  return validateBackup(raw, label);
}

export function validateBackup(raw: unknown, label = "the backup", tables = backupTables()): BackupDocument {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new BackupError(`${label} is not a Tradewatch backup: expected a JSON object.`);
  }
  const head = raw as Record<string, unknown>;
  if (head.format !== BACKUP_FORMAT) {
    throw new BackupError(
      `${label} is not a Tradewatch backup: format is ${JSON.stringify(head.format)}, expected "${BACKUP_FORMAT}".`,
    );
  }
  if (head.version !== BACKUP_VERSION) {
    throw new BackupError(
      `${label} has version ${JSON.stringify(head.version)}; this Tradewatch reads backup version ${BACKUP_VERSION}.`,
    );
  }
  const header = headerSchema.safeParse(raw);
  if (!header.success) {
    const lines = header.error.issues.slice(0, MAX_REPORTED).map((issue) => `  ${describeIssue("", issue).replace(/^\./, "")}`);
    throw new BackupError(`${label} is invalid:\n${lines.join("\n")}`);
  }

  const known = new Map(tables.map((table) => [table.name, table]));
  const errors: string[] = [];
  let more = 0;
  const report = (line: string) => {
    if (errors.length < MAX_REPORTED) errors.push(`  ${line}`);
    else more++;
  };
  const docTables = head.tables as Record<string, unknown[]>;
  for (const name of Object.keys(docTables)) {
    if (!known.has(name)) report(`tables.${name}: unknown table (known tables: ${[...known.keys()].join(", ")})`);
  }
  for (const [name, rows] of Object.entries(docTables)) {
    const table = known.get(name);
    if (!table) continue;
    const columnNames = new Set(table.columns.map((column) => column.name));
    const schema = rowSchema(table);
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index];
      const prefix = `tables.${name}[${index}]`;
      if (typeof row !== "object" || row === null || Array.isArray(row)) {
        report(`${prefix}: expected an object of column values`);
        continue;
      }
      for (const key of Object.keys(row)) {
        if (!columnNames.has(key)) report(`${prefix}: unknown column "${key}" (columns of ${name}: ${[...columnNames].join(", ")})`);
      }
      const parsed = schema.safeParse(row);
      if (!parsed.success) for (const issue of parsed.error.issues) report(describeIssue(prefix, issue));
      if (more > 0 && errors.length >= MAX_REPORTED && index > 1000) break; // enough to say what is wrong
    }
  }
  if (errors.length > 0) {
    const tail = more > 0 ? `\n  … and ${more} more` : "";
    throw new BackupError(`${label} is invalid; nothing was imported:\n${errors.join("\n")}${tail}`);
  }
  return raw as BackupDocument;
}
