// Moving and keeping data: export to a versioned JSON backup, import it back, copy one database into another.
export { BACKUP_FORMAT, BACKUP_VERSION, BackupError, parseBackup, validateBackup } from "./format";
export type { BackupDocument, BackupRow } from "./format";
export { backupTables, columnKind } from "./tables";
export type { BackupColumn, BackupTable, ColumnKind } from "./tables";
export { copyDatabase, exportDatabase, importDatabase, migrationState, tableCounts } from "./service";
export type { CopyOptions, CopySummary, ImportOptions, ImportSummary, MigrationState, TableCounts } from "./service";
