// Runs once when the server starts: opens, migrates and seeds the database (a data directory already in use stops
// this process at once with a message saying what to do). The scheduled jobs start a little later
// (JOBS_START_DELAY_MS): loading them and the market catch-up they run at start would otherwise compete with the
// first page for the one JavaScript thread; a cron schedule is minute-grained, so nothing is missed.
const JOBS_START_DELAY_MS = 3_000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  let getDatabase: typeof import("./server/core/db").getDatabase;
  try {
    // Loading it validates the environment (server/core/env.js): a bad value stops the server here, said plainly.
    ({ getDatabase } = await import("./server/core/db"));
  } catch (error) {
    console.error(`\n[tradewatch] cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const started = Date.now();
  // Not awaited: Next serves no request before register() returns, and PostgreSQL starts on its own thread
  // (db/pglite-thread.ts) while the first page's modules load; a request awaits the same promise. A failure still
  // stops the process at once.
  void getDatabase().then(
    async (database) => {
      const how = [database.fromImage && "copied from the seeded image", database.seeded && "seed loaded"].filter(Boolean);
      console.log(`[tradewatch] database ready (${database.kind}${how.length ? `, ${how.join(", ")}` : ""}) in ${Date.now() - started} ms`);
      const { env } = await import("./server/core/env.js");
      if (env.JOBS === "web" || (env.JOBS === "auto" && database.kind === "pglite")) {
        setTimeout(() => void startJobsInProcess(database.db), JOBS_START_DELAY_MS).unref();
      }
    },
    (error: Error) => {
      console.error(`\n[tradewatch] cannot start: ${error.message}\n`);
      process.exit(1);
    },
  );
}

async function startJobsInProcess(db: Awaited<ReturnType<typeof import("./server/core/db").getDb>>) {
  try {
    const [{ startJobs }, { alertsConfigFromEnv }] = await Promise.all([import("./jobs/runner"), import("./server/core/config")]);
    const config = alertsConfigFromEnv();
    const running = startJobs({ db, config });
    console.log(`[tradewatch] ${running.tasks.length} scheduled jobs running in this process${config.mailer ? "" : " (SMTP_URL not set: mail is kept in the outbox)"}`);
  } catch (error) {
    console.error(`[tradewatch] the scheduled jobs did not start: ${(error as Error).message}`);
  }
}
