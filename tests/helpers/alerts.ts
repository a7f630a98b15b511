// Alerts test helpers: a configuration for tests (no SMTP unless given; contact points may reach 127.0.0.1, where the
// test receivers listen) and a seeded test database with the test users and a source to cite.
import type { AlertsConfig } from "@/server/core/config";
import { seedDatabase } from "@/db/seed";
import * as t from "@/db/schema";
import { insertTestUsers } from "./api";
import { openTestDatabase, type TestDatabase } from "./databases";

export function testAlertsConfig(workerId: string, extra: Partial<AlertsConfig> = {}): AlertsConfig {
  return {
    publicUrl: "http://tradewatch.test",
    secret: `${workerId}-secret-${"x".repeat(32)}`,
    mailer: null,
    from: "Tradewatch <alerts@tradewatch.test>",
    workerId,
    fetch: { allowPrivate: ["127.0.0.1"], maxBytes: 64 * 1024, timeoutMs: 1500, maxRedirects: 0 },
    ...extra,
  };
}

/** A test database with the real seed, the test users (admin, editor, viewer) and the id of a source to cite. */
export async function openSeededDatabase(name: "pglite" | "postgres"): Promise<{ tdb: TestDatabase; sourceId: number }> {
  const tdb = await openTestDatabase(name);
  await seedDatabase(tdb.db);
  await insertTestUsers(tdb.db);
  const sourceId = (await tdb.db.select().from(t.sources).limit(1))[0]!.id;
  return { tdb, sourceId };
}
