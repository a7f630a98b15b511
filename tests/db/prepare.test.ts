// prepareDatabase (server/core/db.ts) at a start: migrations, then the seed when it is missing or changed — and
// nothing at all when the database was last prepared from the same migration and seed files (their hash,
// db/image-key.js), which is every restart of an unchanged install. On both databases.
import { afterEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { seedRuns } from "@/db/schema";
import { databaseImageKey } from "@/db/image-key.js";
import { openDatabase, type Database } from "@/db/client";
import { prepareDatabase } from "@/server/core/db";
import { openTestDatabase, queryRows, testDatabases } from "@/tests/helpers/databases";
import { ROOT } from "@/tests/helpers/app-server";

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.close()));
});

/** The database, with its migrate() counted. */
function counting(database: Database): Database & { migrations: number } {
  const counted = Object.assign(database, { migrations: 0 });
  const migrate = database.migrate.bind(database);
  counted.migrate = async () => {
    counted.migrations++;
    await migrate();
  };
  return counted;
}

const preparedRow = async (database: Database) =>
  (await database.db.select().from(seedRuns).where(eq(seedRuns.name, "prepared")))[0];

describe.each(testDatabases())("prepareDatabase on $name", ({ name }) => {
  it("records the files it prepared from, and a second start with the same files applies nothing", async () => {
    const database = counting(await openTestDatabase(name));
    opened.push(database);
    await prepareDatabase(database, { seed: false });
    expect(database.migrations).toBe(1);
    const row = await preparedRow(database);
    expect(row?.checksum).toBe(`${databaseImageKey(ROOT)} unseeded`);
    expect(row?.details).toEqual({ seed: false });

    const again = await prepareDatabase(database, { seed: false });
    expect(database.migrations).toBe(1);
    expect(again.seeded).toBe(false);
  });

  it("prepares again when the recorded files differ (an upgrade) or the seed was not loaded", async () => {
    const database = counting(await openTestDatabase(name));
    opened.push(database);
    await prepareDatabase(database, { seed: false });
    await database.db.update(seedRuns).set({ checksum: "0123456789abcdef unseeded" }).where(eq(seedRuns.name, "prepared"));
    await prepareDatabase(database, { seed: false });
    expect(database.migrations).toBe(2);
    expect((await preparedRow(database))?.checksum).toBe(`${databaseImageKey(ROOT)} unseeded`);
  });
});

describe("prepareDatabase with the seed (PGlite)", () => {
  it("loads the seed into a new database, then skips migrations and the seed check while the files are unchanged", async () => {
    const database = counting(await openDatabase({ memory: true }));
    opened.push(database);
    // A new database has no tables: the check finds nothing recorded and everything runs.
    const first = await prepareDatabase(database, { seed: true });
    expect(first.seeded).toBe(true);
    expect(database.migrations).toBe(1);
    const [events] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from events`);
    expect(events?.n).toBeGreaterThan(0);
    expect((await preparedRow(database))?.checksum).toBe(`${databaseImageKey(ROOT)} seeded`);

    const restart = await prepareDatabase(database, { seed: true });
    expect(database.migrations).toBe(1);
    expect(restart.seeded).toBe(false);

    // Started once without the seed, the record says so, and the next seeded start checks the seed again.
    await prepareDatabase(database, { seed: false });
    expect(database.migrations).toBe(2);
    expect((await preparedRow(database))?.checksum).toBe(`${databaseImageKey(ROOT)} unseeded`);
    const reseeded = await prepareDatabase(database, { seed: true });
    expect(database.migrations).toBe(3);
    expect(reseeded.seeded).toBe(false); // the seed's own checksums match: nothing to load
  });
});
