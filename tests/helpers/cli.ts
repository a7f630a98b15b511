// Running the command-line tools in tests. In-process — a command's main (scripts/commands/<tool>.ts) with a string
// as stdin and its output captured — takes milliseconds; spawning `node tsx scripts/<tool>.ts`, as `npm run <tool>`
// does, compiles TypeScript and loads every module again (seconds, far more on a busy machine), so each tool keeps
// one spawned smoke test and runs the rest in-process.
import { spawn } from "node:child_process";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { CliMain } from "@/scripts/cli";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export type CliResult = { code: number | null; out: string; err: string };

type RunOptions = {
  /** The environment on top of this process's; a key set to undefined is removed (DATABASE_URL: undefined). */
  env?: Record<string, string | undefined>;
  /** What is piped to stdin (nothing by default). */
  stdin?: string;
};

function environment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const [key, value] of Object.entries(extra)) if (value === undefined) delete env[key];
  return env;
}

function capture(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  return { stream, text: () => text };
}

/** Runs a command in this process, as `npm run` would run it, and returns its exit code and output. */
export async function runInProcess(main: CliMain, argv: string[], options: RunOptions = {}): Promise<CliResult> {
  const [stdout, stderr] = [capture(), capture()];
  const stdin = Readable.from(options.stdin ? [Buffer.from(options.stdin)] : []);
  const code = await main(argv, { stdin, stdout: stdout.stream, stderr: stderr.stream, env: environment(options.env) });
  return { code, out: stdout.text(), err: stderr.text() };
}

/** Runs scripts/<tool>.ts in a child process the way `npm run <tool> -- …` does. */
export function runSpawned(script: string, argv: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const tsx = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
    const child = spawn(process.execPath, [tsx, script, ...argv], { cwd: ROOT, env: environment(options.env) });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, out, err }));
    child.stdin.on("error", () => {}); // EPIPE: the tool exited without reading its input; its output says why
    child.stdin.end(options.stdin ?? "");
  });
}
