// `npm run db -- <command>`: back up, restore, and move the database (see README, "Backup and moving to PostgreSQL").
//
//   export                        the whole database as JSON on stdout
//   import <file> [--replace]     restore a backup (refused on a non-empty database unless --replace)
//   copy-to <postgres-url> [--replace]   copy the configured database (DATA_DIR or DATABASE_URL) to PostgreSQL
//
// The command itself is scripts/commands/db.ts.
import { runCli } from "./cli";
import { main } from "./commands/db";

if (process.argv[2] === "export") {
  // stdout carries the backup alone: anything logged goes to stderr.
  console.log = console.error;
  console.info = console.error;
}

// The exit code is set, not exited with: a backup written to a pipe drains first.
runCli(main, { exit: "when-done" });
