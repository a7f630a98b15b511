// Preloaded by `npm start` (scripts/start.mjs) with `node --require`: starts the embedded database on its own thread
// (db/pglite-worker.mjs) at the very start of the process, before Next has loaded anything, so PostgreSQL's start-up
// and a new DATA_DIR's copy of the seeded image overlap Next's boot instead of following it. The server's own open
// (db/client.ts) adopts this thread; nothing changes for it otherwise. Skipped with DATABASE_URL, and when the data
// directory is in use (the server's open then says so, as it always has). TRADEWATCH_EARLY_DB=off turns it off.
"use strict";
const path = require("node:path");
const { isMainThread, Worker } = require("node:worker_threads");

function startEarly() {
  if (!isMainThread || process.env.DATABASE_URL || process.env.TRADEWATCH_EARLY_DB === "off") return;
  const dataDir = path.resolve(process.env.DATA_DIR || "./data");
  try {
    // Node 20 loads these ES modules with require().
    require("../db/lock.js").acquireDataDirLock(dataDir);
  } catch {
    return;
  }
  const worker = new Worker(path.join(__dirname, "..", "db", "pglite-worker.mjs"), {
    workerData: { dataDir, image: null, root: process.env.SEED === "off" ? null : process.cwd() },
    execArgv: [], // not this process's --require preloads (this file among them)
  });
  // An error is reported to whoever adopts the thread (its first message); keep the process from dying of it here.
  worker.on("error", () => {});
  globalThis[Symbol.for("tradewatch.earlyDatabase")] = { dataDir, worker };
}

startEarly();
