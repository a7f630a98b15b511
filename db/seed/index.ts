// Loads the real seed data (db/seed/*) on first start. Idempotent: every row has a natural unique key and is
// inserted with ON CONFLICT DO NOTHING inside one transaction, and a checksum in seed_runs skips unchanged data.
// The work itself is a list of steps (./steps.ts).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import { DEADLINES } from "./deadlines";
import { EVENTS } from "./events";
import { KOSPI_CSV } from "./kospi";
import { MEASURES } from "./measures";
import { SOURCES } from "./sources";
import { SEED_STEPS, type Seeding } from "./steps";
import { BUDGETS, CONFLICTS, FIGURES } from "./support";
import * as ko from "./ko";

export { KOSPI_CSV, parseKospiCsv, type OhlcvRow } from "./kospi";

export const SEED_NAME = "us-korea-2025-26";

function checksum(kospiCsv: string): string {
  const h = createHash("sha256");
  h.update(JSON.stringify({ SOURCES, MEASURES, DEADLINES, EVENTS, BUDGETS, FIGURES, CONFLICTS }));
  // A module namespace's key order depends on the runtime (tsx sorts, Vitest and bundlers keep declaration order):
  // sorted, so every runtime computes the same checksum and none reloads a seed another has already loaded.
  h.update(JSON.stringify(Object.fromEntries(Object.entries(ko).sort(([a], [b]) => a.localeCompare(b)))));
  h.update(kospiCsv);
  return h.digest("hex");
}

/** Applies the seed if it is missing or changed. Returns true when it wrote anything. */
export async function seedDatabase(db: Db): Promise<boolean> {
  const kospiCsv = readFileSync(KOSPI_CSV, "utf8");
  const sum = checksum(kospiCsv);
  const [done] = await db.select().from(t.seedRuns).where(eq(t.seedRuns.name, SEED_NAME));
  if (done?.checksum === sum) return false;

  await db.transaction(async (tx) => {
    const seeding: Seeding = { sourceIds: new Map(), citations: [], kospiCsv };
    for (const step of SEED_STEPS) await step.run(tx, seeding);
    await tx
      .insert(t.seedRuns)
      .values({ name: SEED_NAME, checksum: sum, details: { sources: SOURCES.length, events: EVENTS.length } })
      .onConflictDoUpdate({ target: t.seedRuns.name, set: { checksum: sum, appliedAt: new Date() } });
  });
  return true;
}
