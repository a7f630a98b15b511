// What the command-line tools share. Each tool's logic is a command, scripts/commands/<tool>.ts, whose
// `main(argv, io)` reads io.stdin and io.env, writes to io.stdout and io.stderr and returns the exit code: tests call it
// in-process. scripts/<tool>.ts (what `npm run <tool>` starts) is runCli(main) on this process's streams.
//
// Also here: a usage error (exit 2 with the usage text), zod issues as lines, and one way to end — a refusal the user
// can act on (a service's typed error, the data directory in use) exits 1 with its message; anything else is printed
// whole.
import { format } from "node:util";
import { DataDirInUseError } from "@/db/lock";
import { ServiceError } from "@/server/core/errors";

export type CliIo = {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** The raw environment (process.env for `npm run`); commands validate it with parseEnv. */
  env: NodeJS.ProcessEnv;
};

export type CliMain = (argv: string[], io: CliIo) => Promise<number>;

export class UsageError extends Error {}

export function zodMessage(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("\n");
}

/** console.log for a stream: the value (formatted as console.log would) and a newline. */
export function printer(stream: NodeJS.WritableStream): (value: unknown) => void {
  return (value) => void stream.write(`${format(value)}\n`);
}

/** What the user reads when the embedded database is in use by another process. */
export function dataDirInUseMessage(error: DataDirInUseError): string {
  return `${error.message}\nStop the running Tradewatch server (or use DATABASE_URL) and run this again.`;
}

/** Reports an error a command threw, as described above, and returns the exit code. */
export function reportFailure(error: unknown, usage: string, io: CliIo): number {
  const printError = printer(io.stderr);
  if (error instanceof UsageError || (error instanceof TypeError && /parseArgs|argument|option/i.test(error.message))) {
    printError(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (error instanceof DataDirInUseError) {
    printError(dataDirInUseMessage(error));
    return 1;
  }
  if (error instanceof ServiceError) {
    printError(error.message);
    return 1;
  }
  printError(error);
  return 1;
}

/** Runs a command's body and reports what it throws (reportFailure). */
export async function runCommand(body: CliMain, usage: string, argv: string[], io: CliIo): Promise<number> {
  try {
    return await body(argv, io);
  } catch (error) {
    return reportFailure(error, usage, io);
  }
}

/**
 * Runs a command on this process (its arguments, streams and environment) and ends with its exit code: `exit:
 * "at-once"` exits as soon as it returns (open handles such as a mail pool or a terminal prompt do not keep the process
 * alive), `"when-done"` sets process.exitCode and lets pending output (a backup on a pipe) drain first.
 */
export function runCli(main: CliMain, options: { exit: "at-once" | "when-done" } = { exit: "at-once" }): void {
  const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
  main(process.argv.slice(2), io).then(
    (code) => {
      if (options.exit === "at-once") process.exit(code);
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
