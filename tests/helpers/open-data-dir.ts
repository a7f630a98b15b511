// Child process for tests/db/lock.test.ts: opens the PGlite data directory given as argv[2] the way the app does,
// prints "opened <pid>", then closes it and exits 0 (or holds it until stdin closes / SIGTERM with --hold).
// On failure it prints the error message to stderr and exits 1.
//
//   node --import tsx tests/helpers/open-data-dir.ts <dataDir> [--hold]
import { openDatabase } from "@/db/client";

const dataDir = process.argv[2];
const hold = process.argv.includes("--hold");
if (!dataDir) {
  console.error("usage: open-data-dir.ts <dataDir> [--hold]");
  process.exit(2);
}

try {
  const database = await openDatabase({ dataDir });
  console.log(`opened ${process.pid}`);
  if (hold) {
    await new Promise<void>((resolve) => {
      process.once("SIGTERM", () => resolve());
      process.stdin.once("close", () => resolve());
      process.stdin.resume();
    });
  }
  await database.close();
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
