// What the command-line tools share: a usage error (exit 2 with the usage text), zod issues as lines, and one way
// to end — a refusal the user can act on (a service's typed error, the data directory in use) exits 1 with its
// message; anything else is printed whole.
import { DataDirInUseError } from "@/db/lock";
import { ServiceError } from "@/server/core/errors";

export class UsageError extends Error {}

export function zodMessage(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("\n");
}

/** Runs `main` with the process arguments and exits with its code, or as above on an error. */
export function runCli(main: (argv: string[]) => Promise<number>, usage: string): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError || (error instanceof TypeError && /parseArgs|argument|option/i.test(error.message))) {
        console.error(`${error.message}\n\n${usage}`);
        process.exit(2);
      }
      if (error instanceof DataDirInUseError) {
        console.error(`${error.message}\nStop the running Tradewatch server (or use DATABASE_URL) and run this again.`);
        process.exit(1);
      }
      if (error instanceof ServiceError) {
        console.error(error.message);
        process.exit(1);
      }
      console.error(error);
      process.exit(1);
    },
  );
}
