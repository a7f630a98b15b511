// Runs once when the server starts: open, migrate and seed the database before the first request, so a data
// directory already in use stops this process at once with a message saying what to do.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDatabase } = await import("./server/core/db");
  const started = Date.now();
  try {
    const database = await getDatabase();
    console.log(`[tradewatch] database ready (${database.kind}) in ${Date.now() - started} ms`);
    const { env } = await import("./server/core/env.js");
    if (env.JOBS === "web" || (env.JOBS === "auto" && database.kind === "pglite")) {
      const [{ startJobs }, { alertsConfigFromEnv }] = await Promise.all([import("./jobs/runner"), import("./server/core/config")]);
      const config = alertsConfigFromEnv();
      const running = startJobs({ db: database.db, config });
      console.log(`[tradewatch] ${running.tasks.length} scheduled jobs running in this process${config.mailer ? "" : " (SMTP_URL not set: mail is kept in the outbox)"}`);
    }
  } catch (error) {
    console.error(`\n[tradewatch] cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
