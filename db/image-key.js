// The key of the seeded database image (db/image.ts): a hash of everything that decides what a freshly migrated and
// seeded embedded database holds — every file under db/migrations and db/seed, and the PGlite version. Plain
// JavaScript so `npm start` (scripts/start.mjs) can tell whether the image is current without compiling TypeScript.
// An image whose key differs is never restored: a changed migration, seed row or PGlite release makes a new one.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Bumped when the image's layout or the way it is made changes. */
const FORMAT = "1";

/** @param {string} dir @returns {string[]} files under dir, sorted, as paths relative to dir */
function filesUnder(dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ rel) => {
    for (const name of readdirSync(path.join(/*turbopackIgnore: true*/ dir, rel)).sort()) {
      const child = path.join(rel, name);
      if (statSync(path.join(/*turbopackIgnore: true*/ dir, child)).isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk("");
  return out;
}

/**
 * @param {string} root the project directory
 * @returns {string} 16 hex characters
 */
export function databaseImageKey(root) {
  const hash = createHash("sha256").update(`format ${FORMAT}\n`);
  for (const dir of ["db/migrations", "db/seed"]) {
    for (const file of filesUnder(path.join(/*turbopackIgnore: true*/ root, dir))) {
      hash.update(`${dir}/${file}\n`).update(readFileSync(path.join(/*turbopackIgnore: true*/ root, dir, file))).update("\n");
    }
  }
  const pglite = JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ root, "node_modules/@electric-sql/pglite/package.json"), "utf8"));
  hash.update(`pglite ${pglite.version}\n`);
  return hash.digest("hex").slice(0, 16);
}

/** Where images are kept: made by `npm start`'s first build or `npm run build`, never committed. */
export const IMAGE_DIR = "node_modules/.cache/tradewatch/db-image";

/**
 * The directory of the current image, whether or not it has been made yet.
 * @param {string} root
 */
export function databaseImagePath(root) {
  return path.join(/*turbopackIgnore: true*/ root, IMAGE_DIR, databaseImageKey(root));
}
