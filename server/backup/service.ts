// Export, import and copy of the whole database, generic over every table of db/schema.ts.
//
// Values never pass through JavaScript numbers or Dates: the database itself writes each row as JSON (numerics and
// bigints as their exact text, instants as ISO-8601 with microseconds when present), and reads rows back with
// jsonb_populate_recordset, which applies each column type's own input function. So a row round-trips exactly on
// PGlite and PostgreSQL, and copy-to passes the row JSON from one database to the other untouched.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { MIGRATIONS_DIR } from "@/db/client";
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, type BackupDocument } from "./format";
import { backupTables, quoteIdent, withoutSecrets, type BackupColumn, type BackupTable } from "./tables";

import type { Tx } from "@/server/core/transactions";
import { queueAllForPlanner } from "@/server/alerts/schedule";
type Runner = Db | Tx;

const READ_BATCH = 5_000;
const WRITE_BATCH = 2_000;

async function rows<T>(db: Runner, query: SQL): Promise<T[]> {
  // node-postgres and PGlite both answer execute() with { rows }.
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

function exportExpression(column: BackupColumn): string {
  const ref = `x.${quoteIdent(column.name)}`;
  const alias = quoteIdent(column.name);
  switch (column.kind) {
    case "bigint":
    case "decimal":
      return `${ref}::text as ${alias}`;
    case "timestamptz":
      return (
        `case when isfinite(${ref}) then regexp_replace(to_char(${ref} at time zone 'UTC', ` +
        `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '(\\.\\d{3})000Z$', '\\1Z') else ${ref}::text end as ${alias}`
      );
    case "timestamp":
      return (
        `case when isfinite(${ref}) then regexp_replace(to_char(${ref}, 'YYYY-MM-DD"T"HH24:MI:SS.US'), ` +
        `'(\\.\\d{3})000$', '\\1') else ${ref}::text end as ${alias}`
      );
    case "date":
      return `${ref}::text as ${alias}`;
    default:
      return `${ref} as ${alias}`;
  }
}

/** Reads one table in primary-key order, a batch of row JSON texts at a time (a cursor: memory stays bounded). */
async function readTable(tx: Tx, table: BackupTable, onBatch: (rowsJson: string[]) => Promise<void>): Promise<number> {
  const order = (table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name))
    .map((name) => `x.${quoteIdent(name)}`)
    .join(", ");
  const select =
    `select row_to_json(r)::text as j from ${table.sqlName} as x ` +
    `cross join lateral (select ${table.columns.map(exportExpression).join(", ")}) as r order by ${order}`;
  await tx.execute(sql.raw(`declare tw_backup_cursor no scroll cursor for ${select}`));
  let count = 0;
  try {
    for (;;) {
      const batch = await rows<{ j: string }>(tx, sql.raw(`fetch ${READ_BATCH} from tw_backup_cursor`));
      if (batch.length === 0) break;
      count += batch.length;
      await onBatch(batch.map((row) => row.j));
      if (batch.length < READ_BATCH) break;
    }
  } finally {
    await tx.execute(sql.raw("close tw_backup_cursor"));
  }
  return count;
}

/** One consistent snapshot of the database for reading. */
function readSnapshot<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql.raw("set local datestyle = 'ISO, YMD'"));
      await tx.execute(sql.raw("set local timezone = 'UTC'"));
      await tx.execute(sql.raw("set local extra_float_digits = 1"));
      return fn(tx);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

export type MigrationState = { applied: number; last: string | null };

export async function migrationState(db: Runner): Promise<MigrationState> {
  const exists = await rows<{ t: string | null }>(db, sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!exists[0]?.t) return { applied: 0, last: null };
  const applied = await rows<{ created_at: string | number }>(
    db,
    sql`select created_at from drizzle.__drizzle_migrations order by created_at`,
  );
  const last = applied.at(-1);
  if (!last) return { applied: 0, last: null };
  let tag = String(last.created_at);
  try {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
      entries: { when: number; tag: string }[];
    };
    tag = journal.entries.find((entry) => entry.when === Number(last.created_at))?.tag ?? tag;
  } catch {
    // no journal next to the code: keep the timestamp
  }
  return { applied: applied.length, last: tag };
}

export type TableCounts = Record<string, number>;

/**
 * Writes the whole database as one backup document through `write`, table by table and a batch of rows at a time
 * (one row per line), so a large table is never held in memory whole. `write` may return a promise (backpressure).
 */
export async function exportDatabase(
  db: Db,
  write: (chunk: string) => void | Promise<void>,
  opts: { now?: Date; /** Include SECRET_COLUMNS (contact-point URLs and signing secrets). */ secrets?: boolean } = {},
): Promise<TableCounts> {
  const tables = backupTables().map((table) => (opts.secrets ? table : withoutSecrets(table)));
  return readSnapshot(db, async (tx) => {
    const migrations = await migrationState(tx);
    const head = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: (opts.now ?? new Date()).toISOString(),
      migrations,
    };
    const headJson = JSON.stringify(head);
    await write(`${headJson.slice(0, -1)},\n"tables":{`);
    const counts: TableCounts = {};
    for (const [index, table] of tables.entries()) {
      await write(`${index === 0 ? "" : ","}\n${JSON.stringify(table.name)}:[`);
      let first = true;
      counts[table.name] = await readTable(tx, table, async (batch) => {
        const text = (first ? "\n" : ",\n") + batch.join(",\n");
        first = false;
        await write(text);
      });
      await write(counts[table.name] === 0 ? "]" : "\n]");
    }
    await write("\n}}\n");
    return counts;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

async function countRows(db: Runner, table: BackupTable): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table.sqlName}`));
  return Number(row?.n ?? 0);
}

export async function tableCounts(db: Runner, tables = backupTables()): Promise<TableCounts> {
  const counts: TableCounts = {};
  for (const table of tables) counts[table.name] = await countRows(db, table);
  return counts;
}

async function prepareTarget(tx: Tx, tables: BackupTable[], replace: boolean): Promise<void> {
  const nonEmpty: string[] = [];
  for (const table of tables) {
    const [row] = await rows<{ e: boolean }>(tx, sql.raw(`select exists (select 1 from ${table.sqlName}) as e`));
    if (row?.e) nonEmpty.push(`${table.name} (${await countRows(tx, table)} rows)`);
  }
  // The rows are written as they were, derived tables included: the triggers that keep derived tables (the alert
  // planner's change queue) are off until the transaction ends (ALTER TABLE is transactional; the owner may do it).
  for (const table of tables) await tx.execute(sql.raw(`alter table ${table.sqlName} disable trigger user`));
  if (nonEmpty.length === 0) return;
  if (!replace) {
    throw new BackupError(
      `The target database is not empty: ${nonEmpty.join(", ")}.\n` +
        `Nothing was written. Use --replace to delete all its data first (every table is emptied).`,
    );
  }
  await tx.execute(sql.raw(`truncate table ${tables.map((t) => t.sqlName).join(", ")} restart identity cascade`));
}

async function enableTriggers(tx: Tx, tables: BackupTable[]): Promise<void> {
  for (const table of tables) await tx.execute(sql.raw(`alter table ${table.sqlName} enable trigger user`));
}

/** The database's own message (and detail) behind Drizzle's "Failed query: …" wrapper, without the parameters. */
export function databaseMessage(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code, message, detail } = current as { code?: unknown; message?: string; detail?: string };
    if (typeof code === "string" && message) return detail ? `${message} (${detail})` : message;
    current = (current as { cause?: unknown }).cause;
  }
  const message = (error as Error)?.message ?? String(error);
  return message.length > 500 ? `${message.slice(0, 500)}…` : message;
}

/** Inserts rows given as the JSON text of an array of row objects (keys: column names). */
async function insertJson(tx: Tx, table: BackupTable, columns: string[], arrayJson: string): Promise<void> {
  const list = columns.map(quoteIdent).join(", ");
  try {
    await tx.execute(
      sql`${sql.raw(`insert into ${table.sqlName} (${list}) overriding system value select ${list} from jsonb_populate_recordset(null::${table.sqlName}, `)}${arrayJson}${sql.raw(`::text::jsonb)`)}`,
    );
  } catch (error) {
    throw new BackupError(`Writing table ${table.name} failed: ${databaseMessage(error)}. Nothing was written.`);
  }
}

/** Moves every serial/identity sequence past the largest value now in its column. */
async function resetSequences(tx: Tx, tables: BackupTable[]): Promise<void> {
  for (const table of tables) {
    for (const column of table.columns) {
      if (column.kind !== "int" && column.kind !== "bigint") continue;
      const col = quoteIdent(column.name);
      await tx.execute(
        sql`select setval(q.s, coalesce(q.m, 1), q.m is not null)
            from (select pg_get_serial_sequence(${table.sqlName}, ${column.name}) as s,
                         ${sql.raw(`(select max(${col}) from ${table.sqlName})::bigint`)} as m) as q
            where q.s is not null`,
      );
    }
  }
}

function insertableColumns(table: BackupTable): Set<string> {
  return new Set(table.columns.filter((column) => !column.generated).map((column) => column.name));
}

export type ImportOptions = { replace?: boolean };
export type ImportSummary = { counts: TableCounts; missingTables: string[] };

/**
 * Writes a validated backup (see parseBackup) into the database in ONE transaction: all of it or nothing. Refuses a
 * non-empty database unless `replace` (which empties every table first). Tables go in foreign-key order, rows in
 * batches; serial sequences are reset afterwards so later inserts do not collide.
 */
export async function importDatabase(db: Db, doc: BackupDocument, opts: ImportOptions = {}): Promise<ImportSummary> {
  const tables = backupTables();
  const current = await migrationState(db);
  if (doc.migrations.applied > current.applied) {
    throw new BackupError(
      `The backup comes from a newer Tradewatch (${doc.migrations.applied} migrations applied, last ` +
        `${doc.migrations.last}); this database has ${current.applied}. Update Tradewatch first. Nothing was written.`,
    );
  }
  const counts: TableCounts = {};
  const missingTables = tables.filter((table) => !(table.name in doc.tables)).map((table) => table.name);
  await db.transaction(async (tx) => {
    await prepareTarget(tx, tables, opts.replace ?? false);
    for (const table of tables) {
      const tableRows = doc.tables[table.name] ?? [];
      counts[table.name] = tableRows.length;
      if (tableRows.length === 0) continue;
      // The columns this backup carries (an older backup may lack a newer column: it gets its default).
      const insertable = insertableColumns(table);
      const present = new Set<string>();
      for (const row of tableRows) for (const key of Object.keys(row)) present.add(key);
      const columns = table.columns.map((c) => c.name).filter((name) => present.has(name) && insertable.has(name));
      for (let start = 0; start < tableRows.length; start += WRITE_BATCH) {
        await insertJson(tx, table, columns, JSON.stringify(tableRows.slice(start, start + WRITE_BATCH)));
      }
    }
    await resetSequences(tx, tables);
    // A backup from before the planner's index (migration 0010): everything is queued for it, as that migration did.
    if (missingTables.includes("alert_changes")) await queueAllForPlanner(tx as unknown as Db);
    await enableTriggers(tx, tables);
  });
  return { counts, missingTables };
}

export type CopyOptions = { replace?: boolean };
export type CopySummary = { source: TableCounts; target: TableCounts; ok: boolean };

/**
 * Copies every table from one database to another (both migrated to the same schema): the source is read in one
 * snapshot, the target written in ONE transaction (refused when it has data, unless `replace`), sequences reset,
 * then row counts compared per table.
 */
export async function copyDatabase(from: Db, to: Db, opts: CopyOptions = {}): Promise<CopySummary> {
  const tables = backupTables();
  const [fromState, toState] = [await migrationState(from), await migrationState(to)];
  if (fromState.applied !== toState.applied) {
    throw new BackupError(
      `Source and target are at different schema versions (${fromState.applied} vs ${toState.applied} migrations). ` +
        `Migrate both first. Nothing was written.`,
    );
  }
  const source = await readSnapshot(from, (reader) =>
    to.transaction(async (writer) => {
      await prepareTarget(writer, tables, opts.replace ?? false);
      const read: TableCounts = {};
      for (const table of tables) {
        const insertable = insertableColumns(table);
        const columns = table.columns.map((c) => c.name).filter((name) => insertable.has(name));
        let pending: string[] = [];
        const flush = async () => {
          if (pending.length === 0) return;
          await insertJson(writer, table, columns, `[${pending.join(",")}]`);
          pending = [];
        };
        read[table.name] = await readTable(reader, table, async (batch) => {
          for (const row of batch) {
            pending.push(row);
            if (pending.length >= WRITE_BATCH) await flush();
          }
        });
        await flush();
      }
      await resetSequences(writer, tables);
      await enableTriggers(writer, tables);
      return read;
    }),
  );
  const target = await tableCounts(to, tables);
  const ok = tables.every((table) => source[table.name] === target[table.name]);
  return { source, target, ok };
}
