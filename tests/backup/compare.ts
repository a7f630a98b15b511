// Helpers for the backup tests: a table's rows as PostgreSQL itself prints them (independent of the backup code),
// and a backup written to a string.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { backupTables, exportDatabase, type BackupTable } from "@/server/backup";

/** Every row of the table as PostgreSQL's own text form of the row (all columns, exact), sorted. */
export async function tableText(db: Db, table: BackupTable): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
    const result = (await tx.execute(
      sql.raw(`select coalesce(string_agg(x::text, E'\\n' order by x::text), '') as t from ${table.sqlName} as x`),
    )) as unknown as { rows: { t: string }[] };
    return result.rows[0]?.t ?? "";
  });
}

/** The text of every table, by backup name. */
export async function databaseText(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of backupTables()) out[table.name] = await tableText(db, table);
  return out;
}

export async function exportToString(db: Db, now = new Date("2026-01-01T00:00:00Z")): Promise<string> {
  const chunks: string[] = [];
  await exportDatabase(db, (chunk) => void chunks.push(chunk), { now });
  return chunks.join("");
}
