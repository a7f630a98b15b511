// The production build the browser benchmarks (status screens) run against: built first when missing or stale (not
// part of any timing). Cold and first starts are measured on fresh checkouts in ./first-start.ts.
import { buildStaleness, ensureBuild } from "@/tests/helpers/app-server";

export async function prepareBuild(): Promise<{ built: boolean; reason: string | null; ms: number }> {
  const reason = buildStaleness();
  const t0 = performance.now();
  if (reason) await ensureBuild();
  return { built: !!reason, reason, ms: performance.now() - t0 };
}
