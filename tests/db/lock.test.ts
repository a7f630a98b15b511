// PGlite is single-process: the data directory's lock file makes a second process fail fast with a clear message,
// a lock left by a dead process is taken over, and close() releases the directory.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { DataDirInUseError, lockFilePath } from "@/db/lock";
import { freshDataDir } from "@/tests/helpers/data-dir";

const SCRIPT = path.join(process.cwd(), "tests", "helpers", "open-data-dir.ts");

const dirs: string[] = [];
/** A new data directory, already initialised (a copy: initdb in each new one took most of this file's time). */
async function tempDir(): Promise<string> {
  const dir = await freshDataDir("tw-lock-");
  dirs.push(dir);
  return dir;
}

const children = new Set<ChildProcess>();

type ChildResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number };

/** Starts tests/helpers/open-data-dir.ts on dataDir. */
function startChild(dataDir: string, ...args: string[]) {
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, dataDir, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_ENV: "test" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<ChildResult>((resolve) => {
    child.once("exit", (code, signal) => {
      children.delete(child);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
  const output = () => ({ stdout, stderr });
  return { child, exited, output };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A PID that belonged to a process which has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("PGlite data directory lock", () => {
  const open: Database[] = [];
  afterEach(async () => {
    for (const database of open.splice(0)) await database.close().catch(() => {});
    for (const child of children) child.kill("SIGKILL");
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("makes a second process exit at once with a message naming DATA_DIR while this one holds the directory", async () => {
    const dir = await tempDir();
    const database = await openDatabase({ dataDir: dir });
    open.push(database);
    expect(JSON.parse(readFileSync(lockFilePath(dir), "utf8")).pid).toBe(process.pid);

    const result = await startChild(dir).exited;
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stdout).not.toContain("opened");
    expect(result.stderr).toContain("already in use");
    expect(result.stderr).toContain("DATA_DIR");
    expect(result.stderr).toContain(String(process.pid));
    // "At once": it fails on the lock, before PGlite starts (measured ~0.5 s here; tsx + imports only).
    expect(result.ms).toBeLessThan(10_000);

    // This process still holds the directory and can use it.
    expect(JSON.parse(readFileSync(lockFilePath(dir), "utf8")).pid).toBe(process.pid);
    await database.migrate();
  });

  it("refuses this process while another process holds the directory", async () => {
    const dir = await tempDir();
    const holder = startChild(dir, "--hold");
    await waitFor(
      () => holder.output().stdout.includes("opened"),
      60_000,
      () => `child to open ${dir}: ${JSON.stringify(holder.output())}`,
    );

    const error = await openDatabase({ dataDir: dir }).then(
      async (database) => {
        open.push(database);
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as DataDirInUseError).pid).toBe(holder.child.pid);
    expect((error as Error).message).toContain("DATA_DIR");

    holder.child.stdin!.end();
    const result = await holder.exited;
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(lockFilePath(dir))).toBe(false);
  });

  it("takes over a stale lock file whose process no longer runs", async () => {
    const dir = await tempDir();
    const pid = await deadPid();
    expect(isRunning(pid)).toBe(false);
    writeFileSync(
      lockFilePath(dir),
      JSON.stringify({ pid, host: hostname(), since: new Date(Date.now() - 3_600_000).toISOString() }),
    );

    const database = await openDatabase({ dataDir: dir });
    open.push(database);
    expect(JSON.parse(readFileSync(lockFilePath(dir), "utf8")).pid).toBe(process.pid);
  });

  it("takes over the directory of a process that was killed while holding it", async () => {
    const dir = await tempDir();
    const holder = startChild(dir, "--hold");
    await waitFor(
      () => holder.output().stdout.includes("opened"),
      60_000,
      () => `child to open ${dir}: ${JSON.stringify(holder.output())}`,
    );
    holder.child.kill("SIGKILL");
    await holder.exited;
    expect(JSON.parse(readFileSync(lockFilePath(dir), "utf8")).pid).toBe(holder.child.pid);

    const database = await openDatabase({ dataDir: dir });
    open.push(database);
    expect(JSON.parse(readFileSync(lockFilePath(dir), "utf8")).pid).toBe(process.pid);
  });

  it("releases the directory on close(): it opens again, here and in another process", async () => {
    const dir = await tempDir();
    const first = await openDatabase({ dataDir: dir });
    await first.migrate();
    await first.close();
    expect(existsSync(lockFilePath(dir))).toBe(false);

    const second = await openDatabase({ dataDir: dir });
    await second.close();
    expect(existsSync(lockFilePath(dir))).toBe(false);

    const result = await startChild(dir).exited;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("opened");
    expect(existsSync(lockFilePath(dir))).toBe(false);
  });
});
