// The seeded database image (db/image.ts): keyed by the migrations, the seed and PGlite, so an image made from an
// older seed or schema is never restored; restored only into a data directory that holds no database yet; and what
// it restores is the migrated, seeded database the first start would have made.
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { buildDatabaseImage } from "@/db/image";
import { databaseImageKey } from "@/db/image-key.js";
import { findDatabaseImage } from "@/db/image-restore";
import { seedDatabase } from "@/db/seed";
import { prepareDatabase } from "@/server/core/db";
import { ROOT } from "@/tests/helpers/app-server";

const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the project's migrations and seed, with the real node_modules (PGlite's version, the image cache). */
function projectCopy(): string {
  const root = temp("tw-image-root-");
  for (const dir of ["db/migrations", "db/seed"]) cpSync(path.join(ROOT, dir), path.join(root, dir), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"));
  return root;
}

const rows = async (db: Awaited<ReturnType<typeof openDatabase>>["db"], query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

describe("the seeded database image", () => {
  it("is keyed by every migration and seed file: a changed seed or a new migration is another key", () => {
    const root = projectCopy();
    const key = databaseImageKey(root);
    expect(key).toBe(databaseImageKey(ROOT));
    appendFileSync(path.join(root, "db/seed/kospi-daily.csv"), "2026-12-04,1,1,1,1,1\n");
    const seedChanged = databaseImageKey(root);
    expect(seedChanged).not.toBe(key);
    writeFileSync(path.join(root, "db/migrations/9999_later.sql"), "select 1;\n");
    expect(databaseImageKey(root)).not.toBe(seedChanged);
    // The project's image exists (or is made now), but it is not this copy's: never used for it.
    expect(findDatabaseImage(root)).toBeNull();
  });

  it("restores a migrated, seeded database into a new data directory, and never over an existing one", async () => {
    const info = await buildDatabaseImage(ROOT);
    expect(findDatabaseImage(ROOT)).toBe(info.dir);
    const dataDir = temp("tw-image-data-");
    const restored = await prepareDatabase(await openDatabase({ dataDir, image: info.dir }), { seed: false });
    try {
      const [seed] = await rows(restored.db, sql`select name from seed_runs`);
      expect(seed?.name).toBe("us-korea-2025-26");
      expect(await seedDatabase(restored.db)).toBe(false); // the seed's checksum matches: nothing left to load
      const [{ n }] = (await rows(restored.db, sql`select count(*)::int as n from events`)) as [{ n: number }];
      expect(n).toBeGreaterThan(0);
      await restored.db.execute(sql`delete from events`);
    } finally {
      await restored.close();
    }
    const reopened = await openDatabase({ dataDir, image: info.dir });
    try {
      const [{ n }] = (await rows(reopened.db, sql`select count(*)::int as n from events`)) as [{ n: number }];
      expect(n).toBe(0); // the existing database was opened as it was, not replaced by the image
    } finally {
      await reopened.close();
    }
  });
});
