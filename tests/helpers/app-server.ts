// Browser-test helpers: the built app on a free port, a headless Chromium, and an axe-core check. The e2e files
// get the app and the browser through the fixture in tests/helpers/e2e.ts (useE2E), and check pages with runAxe:
//
//   it("…", () => e2e.as(null, async (page) => {
//     await page.goto(`${e2e.url}/`);
//     const violations = await runAxe(page);
//     expect(violations, formatViolations(violations)).toEqual([]);
//   }));
//
// startApp() builds the app first when .next/BUILD_ID is missing or older than the sources (one build at a time
// across test processes, through a lock file), then runs `next start` with a fresh PGlite DATA_DIR (the first start
// migrates and seeds it, ~5-10 s).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AxeResults, ElementContext, Result as AxeResult, RunOptions as AxeRunOptions } from "axe-core";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildDatabaseImage } from "@/db/image";
import { isAlive } from "@/db/lock";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");
const COMPILE_CACHE = path.join(ROOT, "scripts", "compile-cache.cjs");
const EARLY_DB = path.join(ROOT, "scripts", "early-db.cjs");
const BUILD_LOCK = path.join(ROOT, "tmp", "next-build.lock");

/** Sources whose change makes the production build stale. */
const SOURCE_DIRS = ["app", "server", "db", "components", "lib", "i18n", "messages", "jobs"];
const SOURCE_FILES = /^(next\.config|postcss\.config|instrumentation|middleware|proxy|tsconfig|package)\b.*\.(js|mjs|cjs|ts|json)$/;

const START_TIMEOUT_MS = 120_000;
const POLL_MS = 250;
const BUILD_TIMEOUT_MS = 600_000;
const STOP_GRACE_MS = 10_000;
const OUTPUT_LIMIT = 64 * 1024;

export type StartAppOptions = {
  /** PGlite data directory; by default a fresh temp directory, removed on stop(). */
  dataDir?: string;
  /** Extra environment for the server (e.g. DATABASE_URL to run on PostgreSQL instead of PGlite). */
  env?: Record<string, string | undefined>;
  /** Listen on this port (e.g. a restart at the same origin, so open pages reconnect); a free one by default. */
  port?: number;
};

export type AppServer = {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Spawn to the first 200 on /api/health, in ms (migrations and first-start seeding included). */
  readyMs: number;
  /** The server's stdout + stderr so far (last 64 KiB). */
  output(): string;
  /** SIGTERM, then SIGKILL after 10 s; removes the temp data directory it created. Safe to call twice. */
  stop(): Promise<void>;
};

// ---------------------------------------------------------------------------------------------------------------
// Build

function newestMtime(target: string): number {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its directory's mtime
  for (const entry of readdirSync(target)) {
    if (entry === "node_modules" || entry === ".next") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Why a build is needed, or null when .next/BUILD_ID is newer than every source. */
export function buildStaleness(): string | null {
  if (!existsSync(BUILD_ID)) return ".next/BUILD_ID is missing";
  const built = statSync(BUILD_ID).mtimeMs;
  const sources = [
    ...SOURCE_DIRS.map((dir) => path.join(ROOT, dir)),
    ...readdirSync(ROOT)
      .filter((name) => SOURCE_FILES.test(name))
      .map((name) => path.join(ROOT, name)),
  ];
  for (const source of sources) {
    if (newestMtime(source) > built) return `${path.relative(ROOT, source)} changed after the last build`;
  }
  return null;
}


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs fn while holding the build lock file (one build at a time across test processes). */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      writeFileSync(BUILD_LOCK, JSON.stringify({ pid: process.pid }), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let pid = 0;
      try {
        pid = (JSON.parse(readFileSync(BUILD_LOCK, "utf8")) as { pid: number }).pid;
      } catch {
        // being written; check again
      }
      if (pid && !isAlive(pid)) {
        try {
          unlinkSync(BUILD_LOCK);
        } catch {
          // someone else took it over first
        }
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the build lock ${BUILD_LOCK} (pid ${pid})`);
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(BUILD_LOCK);
    } catch {
      // gone
    }
  }
}

/** Builds the app with `next build` unless .next is up to date. */
export async function ensureBuild(): Promise<void> {
  if (!buildStaleness()) return;
  await withBuildLock(async () => {
    const reason = buildStaleness(); // another process may have built while we waited
    if (!reason) return;
    console.info(`[app-server] building the app (${reason})…`);
    const started = Date.now();
    const { code, output } = await run(process.execPath, [NEXT_BIN, "build"], {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    });
    if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output}`);
    console.info(`[app-server] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const output = new OutputBuffer();
    child.stdout!.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr!.on("data", (chunk: Buffer) => output.push(chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), BUILD_TIMEOUT_MS);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output: output.text() });
    });
  });
}

class OutputBuffer {
  private chunks: string[] = [];
  private size = 0;
  push(chunk: Buffer | string) {
    const text = chunk.toString();
    this.chunks.push(text);
    this.size += text.length;
    while (this.size > OUTPUT_LIMIT && this.chunks.length > 1) this.size -= this.chunks.shift()!.length;
  }
  text(): string {
    return this.chunks.join("").slice(-OUTPUT_LIMIT);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Server

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function killAllOnExit() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort if a suite forgets stop() or the worker exits early: never leave servers behind.
  process.once("exit", () => {
    for (const child of running) killGroup(child, "SIGKILL");
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the server and anything it spawned
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

export async function startApp(options: StartAppOptions = {}): Promise<AppServer> {
  await ensureBuild();
  // What `npm start` does before `next start`: a new data directory then starts as a copy of the seeded image.
  if (!options.env?.DATABASE_URL && options.env?.SEED !== "off") await buildDatabaseImage(ROOT);

  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "tw-e2e-"));
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    DATA_DIR: dataDir,
    // The market-close job must never reach the real provider from a test server (a test may set its own).
    MARKET_PROVIDER: "none",
  };
  delete env.DATABASE_URL; // PGlite in dataDir unless the caller asks for PostgreSQL
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }

  const output = new OutputBuffer();
  const spawnedAt = performance.now();
  // As `npm start` runs it (scripts/start.mjs): with the compile cache and the early database thread preloaded.
  const child = spawn(process.execPath, ["--require", COMPILE_CACHE, "--require", EARLY_DB, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group, so stop() can signal everything it started
  });
  killAllOnExit();
  running.add(child);
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk));

  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exitInfo = { code, signal };
      running.delete(child);
      resolve();
    });
  });
  let spawnError: Error | null = null;
  child.once("error", (error) => (spawnError = error));

  let stopped = false;
  const stop = async () => {
    if (!stopped) {
      stopped = true;
      if (!exitInfo) {
        killGroup(child, "SIGTERM");
        const graceful = await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
        if (!graceful) {
          killGroup(child, "SIGKILL");
          await Promise.race([exited, sleep(5_000)]);
        }
      }
      // Children of the server (if any) share its group: make sure none outlive it.
      killGroup(child, "SIGKILL");
    }
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  const readyPath = "/api/health";
  try {
    for (;;) {
      if (spawnError) throw spawnError;
      if (exitInfo) {
        const { code, signal } = exitInfo;
        throw new Error(`next start exited (code ${code}, signal ${signal}) before ${url}${readyPath} answered`);
      }
      if (Date.now() - started > START_TIMEOUT_MS) {
        throw new Error(`${url}${readyPath} did not return 200 within ${START_TIMEOUT_MS / 1000} s`);
      }
      try {
        const response = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer().catch(() => undefined);
        if (response.status === 200) break;
      } catch {
        // not listening yet
      }
      await sleep(POLL_MS);
    }
  } catch (error) {
    await stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- server output (DATA_DIR=${dataDir}) ---\n${output.text()}`, { cause: error });
  }

  const readyMs = performance.now() - spawnedAt;
  return { url, port, dataDir, pid: child.pid!, readyMs, output: () => output.text(), stop };
}

// ---------------------------------------------------------------------------------------------------------------
// Browser

export const CHROMIUM_PATH = "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Accessibility

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export type AxeViolation = AxeResult;

/**
 * Runs axe-core on the page and returns the violations of impact "serious" or "critical".
 * `context` limits the check (e.g. { exclude: [["#chart"]] }); `options` are axe's run options.
 */
export async function runAxe(
  page: Page,
  { context, options }: { context?: ElementContext; options?: AxeRunOptions } = {},
): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  // evaluate() goes through the DevTools protocol, so a Content-Security-Policy cannot block it (a script tag could).
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  // Arguments and result cross the protocol as JSON; typed loosely here to keep Playwright's mapped types shallow.
  const arg: { ctx: unknown; opts: unknown } = { ctx: context ?? null, opts: options ?? null };
  const results = (await page.evaluate(async ({ ctx, opts }: { ctx: unknown; opts: unknown }) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
    return axe.run(ctx ?? document, opts ?? {});
  }, arg)) as AxeResults;
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** One line per violation and node, for assertion messages. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) => [
      `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})`,
      ...v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " ") ?? ""}`),
    ])
    .join("\n");
}
