// Restoring the seeded database image (db/image.ts) into a new data directory. Apart from db/image.ts so that
// db/client.ts can use it without importing the seed; plain JavaScript so the database thread (db/pglite-worker.mjs)
// restores it there, off the web server's thread.
import { cpSync, existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { databaseImageKey, IMAGE_DIR } from "./image-key.js";

/** Written last into a finished image. */
export const IMAGE_READY = "image.json";

/** The current image's directory when it has been made, else null. */
/** @param {string} root @returns {string | null} */
export function findDatabaseImage(root) {
  const dir = path.join(/*turbopackIgnore: true*/ root, IMAGE_DIR, databaseImageKey(root));
  return existsSync(path.join(/*turbopackIgnore: true*/ dir, IMAGE_READY)) ? dir : null;
}

/** Copies the image's database into dataDir when dataDir holds none yet. Returns whether it did. */
/** @param {string} image @param {string} dataDir @returns {boolean} */
export function restoreDatabaseImage(image, dataDir) {
  const target = path.resolve(/*turbopackIgnore: true*/ dataDir, "pglite");
  if (existsSync(target)) return false;
  const work = `${target}.restoring`;
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(/*turbopackIgnore: true*/ image, "pglite"), work, { recursive: true });
  renameSync(work, target);
  return true;
}
