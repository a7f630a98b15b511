// Fresh PGlite data directories (DATA_DIR) for tests, fast. A new directory's first open runs initdb: ~3–4 s, far
// more on a busy machine. A copy of a directory initialised once opens in a fraction of a second; the initialised one
// is kept in the temp directory per PGlite version, shared by test files, workers and runs. A copy is what a new
// DATA_DIR holds after its first open and close: initialised, not migrated, not seeded, no lock file.
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@/db/client";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

let template: Promise<string> | undefined;

function pgliteVersion(): string {
  const file = path.join(ROOT, "node_modules", "@electric-sql", "pglite", "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

const initialised = (dir: string) => existsSync(path.join(dir, "pglite", "PG_VERSION"));

async function makeTemplate(): Promise<string> {
  const target = path.join(tmpdir(), `tradewatch-test-pglite-${pgliteVersion()}`);
  if (initialised(target)) return target;
  const building = mkdtempSync(path.join(tmpdir(), "tradewatch-test-pglite-building-"));
  const database = await openDatabase({ dataDir: building });
  await database.close();
  try {
    renameSync(building, target); // atomic: a directory there is always a complete one
  } catch {
    // another worker made it first (or something odd is there: then this process uses its own)
    if (!initialised(target)) return building;
    rmSync(building, { recursive: true, force: true });
  }
  return target;
}

/** A new temporary data directory, initialised as by a first open; the caller removes it. */
export async function freshDataDir(prefix = "tw-data-"): Promise<string> {
  template ??= makeTemplate().catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(await template, dir, { recursive: true });
  return dir;
}
