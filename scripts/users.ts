// Account administration from the command line, for the first admin and for recovery:
//
//   npm run users -- create-admin --email <address> [--name <name>]   password from stdin if piped, else a prompt
//                                                                     on a terminal (--generate: a one-time one)
//   npm run users -- create --email <address> --role editor|viewer|admin [--name <name>]   same password rules
//   npm run users -- list
//
// Runs on the configured database (DATA_DIR or DATABASE_URL). The embedded database allows one process at a time:
// stop the server first (the data-directory lock says so if it is running).
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { DataDirInUseError } from "@/db/lock";
import { withDatabase } from "./with-database";
import { USER_ROLES, type UserRole } from "@/server/core/constants";
import { passwordProblem } from "@/server/users/password-rules";
import { ServiceError } from "@/server/core/errors";
import { createUser, listUsers } from "@/server/users/users";

const USAGE = `Usage:
  npm run users -- create-admin --email <address> [--name <name>] [--generate]
      The password is read from stdin when piped (echo … | npm run users -- create-admin …), asked for (not echoed)
      on a terminal, or, with --generate or when stdin is empty, generated and printed once.
  npm run users -- create --email <address> --role admin|editor|viewer [--name <name>] [--generate]
      The same for any role (people are usually invited by an admin at /admin/users instead).
  npm run users -- list`;

class UsageError extends Error {}
/** A refusal that is not about how the command was typed (a weak password). */
class RefusedError extends Error {}

async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** Asks on the terminal without echoing what is typed. */
function prompt(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput(s: string): void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) process.stderr.write(s); // the question itself
    };
    rl.question(question, (answer) => {
      process.stderr.write("\n");
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

async function choosePassword(email: string, generate: boolean): Promise<string | undefined> {
  if (generate) return undefined;
  if (!process.stdin.isTTY) {
    const piped = await readPiped();
    return piped === "" ? undefined : piped;
  }
  for (;;) {
    const first = await prompt(`Password for ${email} (empty: generate one): `);
    if (first === "") return undefined;
    const problem = passwordProblem(first, email);
    if (problem) {
      process.stderr.write(`${problem}\n`);
      continue;
    }
    if ((await prompt("Repeat the password: ")) === first) return first;
    process.stderr.write("The two passwords differ; try again.\n");
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === "list") {
    parseArgs({ args: rest, options: {}, strict: true });
    const users = await withDatabase(listUsers);
    if (users.length === 0) {
      console.log("No users yet. Create the first admin with: npm run users -- create-admin --email <address>");
      return;
    }
    for (const u of users) {
      console.log([u.email, u.role, u.active ? "active" : "deactivated", u.name, u.createdAt.toISOString()].join("\t"));
    }
    return;
  }
  if (command === "create-admin" || command === "create") {
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
    const password = await choosePassword(email, values.generate ?? false);
    if (password !== undefined) {
      const problem = passwordProblem(password, email);
      if (problem) throw new RefusedError(`${problem}\nNothing was created.`);
    }
    const created = await withDatabase((db) => createUser(db, { email, name: values.name, role, password }, new Date()));
    console.log(`Created ${role} ${created.user.email}.`);
    if (created.generated) {
      console.log(`One-time password (shown only now; store it or change it after signing in):\n\n  ${created.password}\n`);
    }
    return;
  }
  throw new UsageError(command ? `Unknown command "${command}".` : "No command given.");
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (error instanceof DataDirInUseError) {
      console.error(`${error.message}\nStop the running Tradewatch server (or use DATABASE_URL) and run this again.`);
      process.exit(1);
    }
    if (error instanceof RefusedError || error instanceof ServiceError || (error instanceof TypeError && /parseArgs|argument/i.test(error.message))) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
