#!/usr/bin/env node
// `npm start`: builds the app when there is no production build yet, makes the seeded database image when there is
// no current one (db/image.ts: a new embedded database starts as a copy of it), then runs `next start` in this
// process (the embedded database allows one process; see README).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
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
// The Korean web font (public/fonts) is written by `npm install`; an install run with --ignore-scripts has none yet.
if (!existsSync("public/fonts")) run("copying the Korean web font", ["scripts/font-css.mjs"]);
if (!existsSync(".next/BUILD_ID")) run("no production build yet: running `next build` once", [next, "build"]);
const embedded = !process.env.DATABASE_URL && process.env.SEED !== "off";
if (embedded && !existsSync(path.join(databaseImagePath(process.cwd()), "image.json"))) {
  run("making the seeded database image (once per seed and schema)", ["node_modules/tsx/dist/cli.mjs", "scripts/db-image.ts"]);
}
const port = process.env.PORT ?? "3000";
// `next start` runs in this process (a second Node process would cost its boot on every start), after two preloads:
// scripts/early-db.cjs, the embedded database starting on its own thread while Next boots; scripts/compile-cache.cjs,
// a V8 code cache for the server's modules, so starts after the first compile less.
process.argv = [process.execPath, path.resolve(next), "start", "-p", port, ...process.argv.slice(2)];
const require = createRequire(import.meta.url);
require("./early-db.cjs");
require("./compile-cache.cjs");
require(path.resolve(next));
