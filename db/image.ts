// The seeded database image: a PGlite data directory, migrated and loaded with the real seed once (by `npm start`'s
// first build, `npm run build`, or the test harness), copied into a new DATA_DIR on first start instead of creating
// a database, migrating it and loading the seed row by row there (~5 s → a copy of ~40 MB). Migrations and the seed
// check still run on top, so a copy is never behind. The image is keyed by a hash of the migrations, the seed and
// the PGlite version (db/image-key.js): an image made from an older seed or schema is never used.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseImageKey, IMAGE_DIR } from "./image-key.js";
import { openDatabase } from "./client";
import { IMAGE_READY } from "./image-restore";
import { seedDatabase } from "./seed";
import { seedProducts } from "./seed/products";

export type ImageInfo = { key: string; dir: string; built: boolean; ms: number };

/** Makes the current image unless it exists; removes images with other keys. Safe to run from two processes. */
export async function buildDatabaseImage(root: string): Promise<ImageInfo> {
  const started = performance.now();
  const key = databaseImageKey(root);
  const base = path.join(root, IMAGE_DIR);
  const dir = path.join(base, key);
  if (existsSync(path.join(dir, IMAGE_READY))) return { key, dir, built: false, ms: performance.now() - started };
  const work = `${dir}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const database = await openDatabase({ dataDir: work });
    try {
      await database.migrate();
      await seedDatabase(database.db);
      await seedProducts(database.db);
    } finally {
      await database.close();
    }
    writeFileSync(path.join(work, IMAGE_READY), `${JSON.stringify({ key, createdAt: new Date().toISOString() }, null, 2)}\n`);
    try {
      renameSync(work, dir);
    } catch (error) {
      if (!existsSync(path.join(dir, IMAGE_READY))) throw error; // another process finished first: theirs is as good
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const old of readdirSync(base)) {
    if (old !== key && !old.includes(".tmp-")) rmSync(path.join(base, old), { recursive: true, force: true });
  }
  return { key, dir, built: true, ms: performance.now() - started };
}
