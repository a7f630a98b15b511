// PGlite has no locking across processes: two processes on one data directory silently lose writes. The first
// process takes a lock file; a second one fails at once with a message saying what to do. A lock left by a process
// that no longer runs (killed, crashed) is taken over. Plain JavaScript: `npm start`'s preload (scripts/early-db.cjs)
// takes the lock before Next has loaded anything.
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export class DataDirInUseError extends Error {
  /** @param {string} dataDir @param {number} pid */
  constructor(dataDir, pid) {
    super(
      `The data directory ${dataDir} is already in use by process ${pid} on this machine.\n` +
        `The embedded database (PGlite) allows only one process at a time. Either stop that process first, ` +
        `start this one with another directory (DATA_DIR=/path/to/other/dir), or run on PostgreSQL ` +
        `(DATABASE_URL=postgres://…), which supports several processes.`,
    );
    this.name = "DataDirInUseError";
    /** @readonly */
    this.dataDir = dataDir;
    /** @readonly */
    this.pid = pid;
  }
}

/** @param {number} pid @returns {boolean} */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/** @param {string} dataDir @returns {string} */
export function lockFilePath(dataDir) {
  return path.join(dataDir, "tradewatch.lock");
}

/**
 * Takes the directory's lock for this process (again, if this process holds it); returns the function that releases it.
 * @param {string} dataDir
 * @returns {() => void}
 */
export function acquireDataDirLock(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const file = lockFilePath(dataDir);
  const release = () => {
    process.off("exit", release); // in-process callers (tests) open and close many times
    try {
      const holder = JSON.parse(readFileSync(file, "utf8"));
      if (holder.pid === process.pid) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }), {
        flag: "wx",
      });
      process.once("exit", release);
      return release;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
      /** @type {{ pid?: number; host?: string }} */
      let holder = {};
      try {
        holder = JSON.parse(readFileSync(file, "utf8"));
      } catch {
        // a lock being written right now, or garbage: treat as stale after a retry
      }
      if (holder.pid === process.pid) return release;
      if (holder.pid && (holder.host ?? hostname()) === hostname() && isAlive(holder.pid)) {
        throw new DataDirInUseError(path.resolve(dataDir), holder.pid);
      }
      try {
        unlinkSync(file); // stale: its process is gone
      } catch {
        // someone else removed it first; retry
      }
    }
  }
  throw new Error(`Could not take the lock ${file}; remove it if no Tradewatch process is running.`);
}
