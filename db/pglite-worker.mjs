// The embedded database on its own thread (db/pglite-thread.ts is the other end): PGlite runs PostgreSQL compiled to
// WebAssembly on whichever thread calls it, so here its start-up and its queries run beside the web server's
// rendering instead of taking turns with it on one core. Plain JavaScript, loaded as it is by Node (not bundled).
import { existsSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { findDatabaseImage, restoreDatabaseImage } from "./image-restore.js";

/**
 * workerData: dataDir (the database is its pglite/ directory); image, the seeded image to start a new one from, or
 * root, the project directory to look for the current image in (db/image-restore.js); neither, start it empty.
 */
const { dataDir, image, root } = workerData;
// Only a new data directory needs an image: a restart does not hash the migration and seed files (~10 ms) to find one.
const fresh = !existsSync(path.resolve(dataDir, "pglite"));
const source = !fresh ? null : (image ?? (root ? findDatabaseImage(root) : null));
const restored = source ? restoreDatabaseImage(source, dataDir) : false;
const pg = new PGlite(path.resolve(dataDir, "pglite"));
/** Open transactions by id: the transaction handle and how to end it. */
const transactions = new Map();

const identity = (value) => value;
const options = (m) => ({
  ...(m.rowMode ? { rowMode: m.rowMode } : {}),
  ...(m.raw?.length ? { parsers: Object.fromEntries(m.raw.map((oid) => [oid, identity])) } : {}),
});

const ERROR_FIELDS = ["name", "code", "severity", "detail", "hint", "position", "schema", "table", "column", "dataType", "constraint", "where", "routine"];
const serialise = (error) => {
  const out = { message: String(error?.message ?? error) };
  for (const k of ERROR_FIELDS) if (error?.[k] !== undefined) out[k] = error[k];
  return out;
};

function begin(id) {
  return new Promise((ready, failed) => {
    pg.transaction(
      (tx) =>
        new Promise((commit, rollback) => {
          transactions.set(id, { tx, commit, rollback });
          ready();
        }),
    ).then(
      () => transactions.get(id)?.ended?.resolve(),
      (error) => {
        const open = transactions.get(id);
        if (open?.ended) (open.rolledBack ? open.ended.resolve() : open.ended.reject(error));
        else failed(error);
      },
    );
  });
}

function end(id, commit) {
  const open = transactions.get(id);
  if (!open) throw new Error(`no open transaction ${id}`);
  return new Promise((resolve, reject) => {
    open.ended = { resolve, reject };
    if (commit) open.commit();
    else {
      open.rolledBack = true;
      open.rollback(new Error("rolled back"));
    }
  }).finally(() => transactions.delete(id));
}

async function handle(m) {
  if (m.op === "ready") {
    await pg.waitReady;
    return { restored };
  }
  const target = m.tx ? transactions.get(m.tx)?.tx : pg;
  if (!target) throw new Error(`no open transaction ${m.tx}`);
  switch (m.op) {
    case "query":
      return target.query(m.sql, m.params ?? [], options(m));
    case "exec":
      return target.exec(m.sql, options(m));
    case "begin":
      return begin(m.id);
    case "end":
      return end(m.tx, m.commit);
    case "close":
      await pg.close();
      return null;
    default:
      throw new Error(`unknown operation ${m.op}`);
  }
}

parentPort.on("message", (m) => {
  handle(m).then(
    (result) => parentPort.postMessage({ id: m.id, result }),
    (error) => parentPort.postMessage({ id: m.id, error: serialise(error) }),
  );
});
