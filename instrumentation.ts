// Runs once when the server starts: open, migrate and seed the database before the first request, so a data
// directory already in use stops this process at once with a message saying what to do.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDatabase } = await import("./server/db");
  const started = Date.now();
  try {
    const database = await getDatabase();
    console.log(`[tradewatch] database ready (${database.kind}) in ${Date.now() - started} ms`);
  } catch (error) {
    console.error(`\n[tradewatch] cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
