// `npm run worker`: runs the scheduled jobs (jobs/index.ts) in a process of its own, next to any number of web
// instances and other workers on one PostgreSQL database (every step is deduplicated in the database). On the
// embedded database it refuses: PGlite allows one process, and there the jobs already run inside the web process.
import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/server/core/db";
import { env } from "@/server/core/env.js";
import { alertsConfigFromEnv } from "@/server/core/config";
import { nextRuns, startJobs } from "@/jobs/runner";

async function main(): Promise<void> {
  if (!env.DATABASE_URL) {
    console.error(
      "npm run worker needs DATABASE_URL (PostgreSQL). On the embedded database (DATA_DIR) the jobs run inside the web\n" +
        "process started by `npm start`, and a second process cannot open the same data directory.",
    );
    process.exit(1);
  }
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL });
  await prepareDatabase(database, { seed: false });
  const config = alertsConfigFromEnv();
  const running = startJobs({ db: database.db, config });
  console.log(`[worker ${config.workerId}] running ${running.tasks.length} jobs${config.mailer ? "" : " (SMTP_URL not set: mail is held in the outbox)"}`);
  for (const j of nextRuns()) console.log(`  ${j.name.padEnd(14)} ${j.cron.padEnd(20)} next ${j.next?.toISOString() ?? "—"}`);
  const stop = async (signal: string) => {
    console.log(`[worker] ${signal}: stopping`);
    await running.stop();
    await config.mailer?.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
