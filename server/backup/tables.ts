// What a backup covers: every pgTable exported by db/schema.ts, found generically (a table added later is included
// without touching this code), in foreign-key dependency order, with each column's kind — which decides how its
// values are written to JSON (exactly: numerics and bigints as strings, instants as ISO-8601 strings) and checked.
import { is } from "drizzle-orm";
import { getTableConfig, PgTable, type PgColumn } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";

export type ColumnKind =
  | "int" // integer, smallint, serial: a JSON number
  | "bigint" // bigint, bigserial: an exact string of digits
  | "decimal" // numeric, real, double precision: an exact string
  | "timestamptz" // ISO-8601 in UTC with a Z, microseconds kept when present
  | "timestamp" // ISO-8601 without a zone
  | "date" // YYYY-MM-DD
  | "bool"
  | "json" // json, jsonb: the JSON value itself
  | "enum"
  | "string" // text, varchar, char, uuid
  | "other"; // anything else: PostgreSQL's own JSON form of the value

export type BackupColumn = {
  name: string;
  kind: ColumnKind;
  sqlType: string;
  notNull: boolean;
  hasDefault: boolean;
  /** Computed by the database (GENERATED ALWAYS AS …): exported, never inserted. */
  generated: boolean;
  enumValues?: readonly [string, ...string[]];
};

export type BackupTable = {
  /** The name used in a backup: the table name, prefixed by its schema when it is not in the default one. */
  name: string;
  /** The quoted, qualified SQL name. */
  sqlName: string;
  columns: BackupColumn[];
  /** Primary-key columns (the export order); empty when the table has none (then all columns order it). */
  primaryKey: string[];
  /** Backup names of the tables this one references (self-references left out). */
  dependsOn: string[];
};

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function columnKind(column: PgColumn): ColumnKind {
  const type = column.getSQLType().toLowerCase();
  if (type.endsWith("]")) return "other";
  if (column.columnType === "PgEnumColumn" || column.columnType === "PgEnumObjectColumn") return "enum";
  if (/^(integer|int|int4|smallint|int2|serial|serial4|smallserial|serial2)$/.test(type)) return "int";
  if (/^(bigint|int8|bigserial|serial8)$/.test(type)) return "bigint";
  if (/^(numeric|decimal|real|float4|double precision|float8|float)\b/.test(type)) return "decimal";
  if (/^timestamp.*with time zone$/.test(type) || type === "timestamptz") return "timestamptz";
  if (type.startsWith("timestamp")) return "timestamp";
  if (type === "date") return "date";
  if (type === "boolean" || type === "bool") return "bool";
  if (type === "json" || type === "jsonb") return "json";
  if (/^(text|varchar|character varying|char|character|uuid|citext)\b/.test(type)) return "string";
  return "other";
}

function describeTable(table: PgTable): BackupTable & { self: PgTable } {
  const config = getTableConfig(table);
  const name = config.schema && config.schema !== "public" ? `${config.schema}.${config.name}` : config.name;
  const sqlName = config.schema ? `${quoteIdent(config.schema)}.${quoteIdent(config.name)}` : quoteIdent(config.name);
  const columns: BackupColumn[] = config.columns.map((column) => ({
    name: column.name,
    kind: columnKind(column),
    sqlType: column.getSQLType(),
    notNull: column.notNull,
    hasDefault: column.hasDefault,
    generated: column.generated?.type === "always",
    enumValues:
      column.enumValues && column.enumValues.length > 0
        ? (column.enumValues as unknown as readonly [string, ...string[]])
        : undefined,
  }));
  const primaryKey =
    config.primaryKeys[0]?.columns.map((column) => column.name) ??
    config.columns.filter((column) => column.primary).map((column) => column.name);
  return { name, sqlName, columns, primaryKey, dependsOn: [], self: table };
}

function backupNameOf(table: PgTable): string {
  const config = getTableConfig(table);
  return config.schema && config.schema !== "public" ? `${config.schema}.${config.name}` : config.name;
}

/** Every table of the schema, each before the tables that reference it (stable: schema order otherwise). */
export function backupTables(source: Record<string, unknown> = schema): BackupTable[] {
  const described = Object.values(source)
    .filter((value): value is PgTable => is(value, PgTable))
    .map(describeTable);
  for (const table of described) {
    const deps = getTableConfig(table.self)
      .foreignKeys.map((fk) => backupNameOf(fk.reference().foreignTable))
      .filter((dep) => dep !== table.name);
    table.dependsOn = [...new Set(deps)];
  }
  const byName = new Map(described.map((table) => [table.name, table]));
  const ordered: BackupTable[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (table: (typeof described)[number]) => {
    const current = state.get(table.name);
    if (current === "done" || current === "visiting") return; // a cycle: insertion may then fail, loudly
    state.set(table.name, "visiting");
    for (const dep of table.dependsOn) {
      const target = byName.get(dep);
      if (target) visit(target);
    }
    state.set(table.name, "done");
    const { self: _self, ...plain } = table;
    ordered.push(plain);
  };
  described.forEach(visit);
  return ordered;
}

/**
 * Columns that hold secrets (encrypted, but still secrets): left out of an export unless it is asked for them
 * (`npm run db -- export --with-secrets`). A contact point restored without them waits for its URL to be entered again.
 */
export const SECRET_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  alert_contact_points: ["url_cipher", "secret_cipher"],
};

/** The table as an export without secrets writes it. */
export function withoutSecrets(table: BackupTable): BackupTable {
  const secret = SECRET_COLUMNS[table.name];
  return secret ? { ...table, columns: table.columns.filter((c) => !secret.includes(c.name)) } : table;
}
