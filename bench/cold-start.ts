// Cold start: `next start` (what `npm start` runs once a build exists) with a new, empty PGlite DATA_DIR, timed
// from spawn to the first HTTP 200 on /api/health — migrations and the real seed included.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildStaleness, ensureBuild, freePort, ROOT } from "../tests/helpers/app-server";

const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TIMEOUT_MS = 120_000;
const POLL_MS = 20;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type ColdStartRun = {
  /** Spawn → first 200 on /api/health. */
  ms: number;
  /** What instrumentation.ts logs: open + migrate + seed inside the server. */
  dbReadyMs: number | null;
};

/** Builds the app first when the build is missing or stale (not part of the timing). */
export async function prepareBuild(): Promise<{ built: boolean; reason: string | null; ms: number }> {
  const reason = buildStaleness();
  const t0 = performance.now();
  if (reason) await ensureBuild();
  return { built: !!reason, reason, ms: performance.now() - t0 };
}

export async function coldStartOnce(): Promise<ColdStartRun> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tw-bench-cold-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  delete env.SEED;
  let output = "";
  const t0 = performance.now();
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group: stopped as a whole below
  });
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const stop = async () => {
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, s);
      } catch {
        // gone
      }
    };
    if (!exited) {
      signal("SIGTERM");
      await Promise.race([exit, sleep(10_000)]);
      if (!exited) signal("SIGKILL");
      await Promise.race([exit, sleep(5_000)]);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    for (;;) {
      if (exited) throw new Error(`next start exited before /api/health answered:\n${output.slice(-4000)}`);
      if (performance.now() - t0 > TIMEOUT_MS) throw new Error(`no 200 from /api/health in ${TIMEOUT_MS} ms:\n${output.slice(-4000)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(60_000) });
        await res.arrayBuffer();
        if (res.status === 200) {
          const ms = performance.now() - t0;
          const ready = /database ready \(\w+\) in (\d+) ms/.exec(output);
          return { ms, dbReadyMs: ready ? Number(ready[1]) : null };
        }
      } catch {
        // not listening yet
      }
      await sleep(POLL_MS);
    }
  } finally {
    await stop();
  }
}
