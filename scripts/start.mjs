#!/usr/bin/env node
// `npm start`: builds the app when there is no production build yet, makes the seeded database image when there is
// no current one (db/image.ts: a new embedded database starts as a copy of it), then runs one `next start` process
// (the embedded database allows one process; see README).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { databaseImagePath } from "../db/image-key.js";

const next = "node_modules/next/dist/bin/next";
const run = (what, args) => {
  const started = Date.now();
  console.log(`[tradewatch] ${what}…`);
  const done = spawnSync(process.execPath, args, { stdio: "inherit" });
  if (done.status !== 0) process.exit(done.status ?? 1);
  console.log(`[tradewatch] ${what}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
};
if (!existsSync(".next/BUILD_ID")) run("no production build yet: running `next build` once", [next, "build"]);
const embedded = !process.env.DATABASE_URL && process.env.SEED !== "off";
if (embedded && !existsSync(path.join(databaseImagePath(process.cwd()), "image.json"))) {
  run("making the seeded database image (once per seed and schema)", ["node_modules/tsx/dist/cli.mjs", "scripts/db-image.ts"]);
}
const port = process.env.PORT ?? "3000";
// scripts/compile-cache.cjs: a V8 code cache for the server's modules, so starts after the first compile less;
// scripts/early-db.cjs: the embedded database starts on its own thread while Next boots.
const child = spawn(process.execPath, ["--require", "./scripts/compile-cache.cjs", "--require", "./scripts/early-db.cjs", next, "start", "-p", port, ...process.argv.slice(2)], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
