// Cold start: `next start` (what `npm start` runs once a build exists) with a new, empty PGlite DATA_DIR, timed
// from spawn to the first HTTP 200 on /api/health — migrations and the real seed included.
import { buildStaleness, ensureBuild, startApp } from "@/tests/helpers/app-server";

const POLL_MS = 20;

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
  // A fresh temp DATA_DIR each time (startApp's default), PGlite, no DATABASE_URL: what `npm start` does.
  const app = await startApp({ pollMs: POLL_MS });
  try {
    const ready = /database ready \(\w+[^)]*\) in (\d+) ms/.exec(app.output());
    return { ms: app.readyMs, dbReadyMs: ready ? Number(ready[1]) : null };
  } finally {
    await app.stop();
  }
}
