// Account administration from the command line, for the first admin and for recovery (`npm run users`, usage below).
// Runs on the configured database (DATA_DIR or DATABASE_URL). The embedded database allows one process at a time:
// stop the server first (the data-directory lock says so if it is running).
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { DataDirInUseError } from "@/db/lock";
import { parseEnv } from "@/server/core/env.js";
import { USER_ROLES, type UserRole } from "@/server/core/constants";
import { passwordProblem } from "@/server/users/password-rules";
import { ServiceError } from "@/server/core/errors";
import { createUser, listUsers } from "@/server/users/users";
import { dataDirInUseMessage, printer, UsageError, type CliIo } from "../cli";
import { withDatabase } from "../with-database";

export const USAGE = `Usage:
  npm run users -- create-admin --email <address> [--name <name>] [--generate]
      The password is read from stdin when piped (echo … | npm run users -- create-admin …), asked for (not echoed)
      on a terminal, or, with --generate or when stdin is empty, generated and printed once.
  npm run users -- create --email <address> --role admin|editor|viewer [--name <name>] [--generate]
      The same for any role (people are usually invited by an admin at /admin/users instead).
  npm run users -- list`;

/** A refusal that is not about how the command was typed (a weak password). */
class RefusedError extends Error {}

/**
 * Everything piped in, less one final line break: a password is one line. A line break inside (two lines piped) stays
 * in, so passwordProblem refuses it rather than the first line being taken silently.
 */
async function readPiped(stdin: CliIo["stdin"]): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** Asks on the terminal without echoing what is typed. */
function prompt(io: CliIo, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput(s: string): void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) io.stderr.write(s); // the question itself
    };
    rl.question(question, (answer) => {
      io.stderr.write("\n");
      rl.close();
      resolve(answer);
    });
    asked = true;
    rl.once("SIGINT", () => {
      rl.close();
      reject(new UsageError("Cancelled."));
    });
  });
}

/** The password (undefined: generate one), and whether it was piped rather than typed at the prompt. */
async function choosePassword(io: CliIo, email: string, generate: boolean): Promise<{ password?: string; piped: boolean }> {
  if (generate) return { piped: false };
  if (!io.stdin.isTTY) {
    const piped = await readPiped(io.stdin);
    return { password: piped === "" ? undefined : piped, piped: true };
  }
  for (;;) {
    const first = await prompt(io, `Password for ${email} (empty: generate one): `);
    if (first === "") return { piped: false };
    const problem = passwordProblem(first, email);
    if (problem) {
      io.stderr.write(`${problem}\n`);
      continue;
    }
    if ((await prompt(io, "Repeat the password: ")) === first) return { password: first, piped: false };
    io.stderr.write("The two passwords differ; try again.\n");
  }
}

/** Why a chosen password is refused, with what to do about a piped one of several lines; null when it is fine. */
function refusal(password: string, email: string, piped: boolean): string | null {
  const problem = passwordProblem(password, email);
  if (!problem) return null;
  const lines = password.split(/\r?\n/).length;
  const hint = piped && lines > 1 ? `\nThe password was piped on ${lines} lines: pipe the password alone, on one line.` : "";
  return `${problem}${hint}\nNothing was created.`;
}

async function list(rest: string[], io: CliIo): Promise<void> {
  const print = printer(io.stdout);
  parseArgs({ args: rest, options: {}, strict: true });
  const users = await withDatabase(parseEnv(io.env), listUsers);
  if (users.length === 0) {
    print("No users yet. Create the first admin with: npm run users -- create-admin --email <address>");
    return;
  }
  for (const u of users) {
    print([u.email, u.role, u.active ? "active" : "deactivated", u.name, u.createdAt.toISOString()].join("\t"));
  }
}

async function create(command: "create-admin" | "create", rest: string[], io: CliIo): Promise<void> {
  const print = printer(io.stdout);
  const env = parseEnv(io.env);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      generate: { type: "boolean" },
      ...(command === "create" && { role: { type: "string" as const } }),
    },
    strict: true,
  });
  const roleArg = (values as { role?: string }).role;
  if (command === "create" && !(USER_ROLES as readonly string[]).includes(roleArg ?? "")) {
    throw new UsageError(`--role must be one of ${USER_ROLES.join(", ")}.`);
  }
  const role: UserRole = command === "create" ? (roleArg as UserRole) : "admin";
  const email = values.email?.trim();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError("--email <address> is required.");
  const { password, piped } = await choosePassword(io, email, values.generate ?? false);
  const refused = password === undefined ? null : refusal(password, email, piped);
  if (refused) throw new RefusedError(refused);
  const created = await withDatabase(env, (db) => createUser(db, { email, name: values.name, role, password }, new Date()));
  print(`Created ${role} ${created.user.email}.`);
  if (created.generated) {
    print(`One-time password (shown only now; store it or change it after signing in):\n\n  ${created.password}\n`);
  }
}

async function run(argv: string[], io: CliIo): Promise<void> {
  const [command, ...rest] = argv;
  if (command === "list") return list(rest, io);
  if (command === "create-admin" || command === "create") return create(command, rest, io);
  throw new UsageError(command ? `Unknown command "${command}".` : "No command given.");
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const printError = printer(io.stderr);
  try {
    await run(argv, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      printError(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof DataDirInUseError) {
      printError(dataDirInUseMessage(error));
      return 1;
    }
    if (error instanceof RefusedError || error instanceof ServiceError || (error instanceof TypeError && /parseArgs|argument/i.test(error.message))) {
      printError(error.message);
      return 1;
    }
    printError(error);
    return 1;
  }
}
