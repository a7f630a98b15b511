// `npm run db -- …` on a seeded temporary data directory: export writes a valid backup to stdout, the PGlite lock is
// respected, bad arguments get the usage (exit 2), and copy-to moves the embedded database to a fresh database on the
// real PostgreSQL server with identical rows (TEST_DATABASE_URL only). The command runs in-process
// (scripts/commands/db.ts); the first export runs as `npm run db` does, in a child process writing to a pipe.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { lockFilePath } from "@/db/lock";
import { seedDatabase } from "@/db/seed";
import { main } from "@/scripts/commands/db";
import { backupTables, parseBackup } from "@/server/backup";
import { runInProcess, runSpawned } from "@/tests/helpers/cli";
import { freshDataDir } from "@/tests/helpers/data-dir";
import { databaseText } from "./compare";

type Run = { code: number; stdout: string; stderr: string };

/** `npm run db -- …args` with DATABASE_URL unset, in-process or (`spawned`) in a child process. */
async function runCli(args: string[], env: Record<string, string>, how: "in-process" | "spawned" = "in-process"): Promise<Run> {
  const options = { env: { ...env, DATABASE_URL: undefined } };
  const result = how === "spawned" ? await runSpawned("scripts/db.ts", args, options) : await runInProcess(main, args, options);
  return { code: result.code ?? 1, stdout: result.out, stderr: result.err };
}

let dir: string;
let dataDir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "tw-backup-cli-"));
  dataDir = await freshDataDir("tw-backup-cli-data-");
  const database = await openDatabase({ dataDir });
  try {
    await database.migrate();
    await seedDatabase(database.db);
    // Beyond double precision and with microseconds: copy-to must keep them exactly.
    await database.db.execute(sql`
      insert into budgets (budget_key, title, programme, purpose, amount, usd_rate, status, known_at)
      values ('edge-budget', 'Edge', 'p', 'p', 1234567890123456789012.34, 1234567890.1234, 'proposed',
              '2025-06-01T00:00:00.000001Z')`);
  } finally {
    await database.close();
  }
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run db", () => {
  it("export writes the whole embedded database as a backup to stdout", async () => {
    const run = await runCli(["export"], { DATA_DIR: dataDir }, "spawned");
    expect(run.stderr).toMatch(/exported \d+ rows from \d+ tables/);
    expect(run.code).toBe(0);
    const doc = parseBackup(run.stdout);
    expect(Object.keys(doc.tables).sort()).toEqual(backupTables().map((table) => table.name).sort());
    expect(doc.tables.observations).toHaveLength(500);
    expect(doc.tables.sources!.length).toBeGreaterThan(0);
  });

  it("export in-process: the backup alone on stdout, the summary on stderr", async () => {
    const run = await runCli(["export"], { DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect(parseBackup(run.stdout).tables.observations).toHaveLength(500);
    expect(run.stderr).toMatch(/exported \d+ rows from \d+ tables/);
  });

  it("fails with the lock's message while another process holds the data directory", async () => {
    // A live process other than this one (the test runner's parent) holds the lock, as a running server would.
    writeFileSync(lockFilePath(dataDir), JSON.stringify({ pid: process.ppid, since: new Date().toISOString() }));
    try {
      const run = await runCli(["export"], { DATA_DIR: dataDir });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(new RegExp(`already in use by process ${process.ppid}\\b`));
    } finally {
      rmSync(lockFilePath(dataDir), { force: true });
    }
  });

  it("prints the usage with exit code 2 on bad arguments", async () => {
    for (const args of [[], ["frobnicate"], ["copy-to", "mysql://x"]]) {
      const run = await runCli(args, { DATA_DIR: dataDir });
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/usage: npm run db -- <command>/);
    }
  });

  it("import refuses an invalid file before touching the database", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ format: "tradewatch-backup", version: 9, tables: {} }));
    const run = await runCli(["import", file], { DATA_DIR: path.join(dir, "never-created") });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/has version 9; this Tradewatch reads backup version 1/);
    expect(existsSync(path.join(dir, "never-created"))).toBe(false);
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;

describe.runIf(adminUrl)("npm run db -- copy-to on the PostgreSQL server", () => {
  const dbName = `tw_test_copy_${randomBytes(6).toString("hex")}`;
  let targetUrl: string;

  async function admin(query: string) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end().catch(() => {});
    }
  }

  beforeAll(async () => {
    await admin(`create database "${dbName}"`);
    const url = new URL(adminUrl!);
    url.pathname = `/${dbName}`;
    targetUrl = url.toString();
  });
  afterAll(async () => {
    await admin(`drop database if exists "${dbName}" with (force)`);
  });

  it("copies every table with identical rows, then refuses to overwrite without --replace", async () => {
    const run = await runCli(["copy-to", targetUrl], { DATA_DIR: dataDir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/row counts match/);
    expect(run.stdout).toMatch(/observations\s+500\s+500\s+ok/);

    const [from, to] = [await openDatabase({ dataDir }), await openDatabase({ databaseUrl: targetUrl })];
    try {
      const [a, b] = [await databaseText(from.db), await databaseText(to.db)];
      expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
      for (const table of Object.keys(a)) expect(b[table], table).toBe(a[table]);
      expect(a.observations!.split("\n")).toHaveLength(500);
      expect(b.budgets).toContain("1234567890123456789012.34");
      expect(b.budgets).toContain("2025-06-01 00:00:00.000001+00");
    } finally {
      await Promise.all([from.close(), to.close()]);
    }

    const again = await runCli(["copy-to", targetUrl], { DATA_DIR: dataDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty: .*--replace/s);

    const replaced = await runCli(["copy-to", targetUrl, "--replace"], { DATA_DIR: dataDir });
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/row counts match/);
  });
});
