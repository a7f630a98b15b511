// Loads the product data (db/seed/hts: every HTS-10 line and the programme lists, from The Budget Lab at Yale's
// tariff-rate-tracker; see db/seed/hts/README.md) on first start, apart from the story seed so a test that seeds the
// story does not pay for 18,700 lines. Idempotent: a checksum of the files and the list definitions in seed_runs
// skips unchanged data; a change reloads every list inside one transaction (entries are replaced per list, lines are
// upserted), so a reader never sees half a list.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import { localToInstant } from "@/server/core/time";
import { HTS_DIR, readCsv } from "./hts-files";
import { COVERAGE_LISTS, type CoverageListSeed, type EntrySeed } from "./hts-lists";

export const PRODUCTS_SEED_NAME = "hts-products";
const BATCH = 1_000;
/** The source writes a literal "?" where the HTS had a non-breaking space ("heading?8702"). */
export const cleanDescription = (d: string) => d.replace(/(?<=\S)\?(?=\S)/g, " ").trim();

export function productRows(): (typeof t.products.$inferInsert)[] {
  return readCsv("hs10_gtap_crosswalk.csv").map((r) => ({
    hts10: r.hs10!,
    hs6: r.hs6_code!,
    description: cleanDescription(r.description ?? ""),
    gtap: r.gtap_code || null,
  }));
}

export type Skipped = { list: string; prefix: string; reason: string };

/** A list's entries as rows; entries that are not an HTS prefix are left out and reported in `skipped`. */
export function entryRows(list: CoverageListSeed, skipped: Skipped[] = []): (typeof t.coverageEntries.$inferInsert)[] {
  const seen = new Set<string>();
  const out: (typeof t.coverageEntries.$inferInsert)[] = [];
  for (const e of list.entries() as EntrySeed[]) {
    const from = e.from ?? list.from;
    const to = e.to ?? list.to;
    const id = `${e.prefix}@${from.local}`;
    if (!/^\d{2,10}$/.test(e.prefix)) {
      // e.g. the reciprocal exemption file's "850511007000", a 12-digit statistical suffix next to its own 10-digit line
      skipped.push({ list: list.key, prefix: e.prefix, reason: "not an HTS prefix of 2–10 digits" });
      continue;
    }
    if (seen.has(id)) continue; // the same prefix listed twice by the source
    seen.add(id);
    out.push({
      listKey: list.key,
      prefix: e.prefix,
      ch99: e.ch99 ?? null,
      attrs: e.attrs && Object.keys(e.attrs).length ? e.attrs : null,
      effectiveFrom: localToInstant(from.local, from.zone),
      effectiveZone: from.zone,
      effectiveTo: to ? localToInstant(to.local, to.zone) : null,
      instrument: e.instrument ?? null,
    });
  }
  return out;
}

export function productsChecksum(): string {
  const h = createHash("sha256");
  for (const list of COVERAGE_LISTS) h.update(JSON.stringify({ ...list, entries: list.entries() }));
  h.update(readFileSync(path.join(HTS_DIR, "hs10_gtap_crosswalk.csv")));
  return h.digest("hex");
}

/**
 * Loads lines and lists if they are missing or changed. Returns true when it wrote anything. Entries it could not
 * read are listed in the run's details (seed_runs, name "hts-products"), not printed: a CLI's output stays its own.
 */
export async function seedProducts(db: Db): Promise<boolean> {
  const sum = productsChecksum();
  const [done] = await db.select().from(t.seedRuns).where(eq(t.seedRuns.name, PRODUCTS_SEED_NAME));
  if (done?.checksum === sum) return false;
  const lines = productRows();
  const skipped: Skipped[] = [];
  await db.transaction(async (tx) => {
    for (let i = 0; i < lines.length; i += BATCH) {
      await tx
        .insert(t.products)
        .values(lines.slice(i, i + BATCH))
        .onConflictDoUpdate({
          target: t.products.hts10,
          set: { hs6: sql`excluded.hs6`, description: sql`excluded.description`, gtap: sql`excluded.gtap` },
        });
    }
    const keys = COVERAGE_LISTS.map((l) => l.key);
    // Lists no longer defined go, with their entries (cascade); the others are rewritten whole.
    await tx.delete(t.coverageLists).where(notInArray(t.coverageLists.listKey, keys));
    await tx.delete(t.coverageEntries).where(inArray(t.coverageEntries.listKey, keys));
    let position = 0;
    for (const list of COVERAGE_LISTS) {
      const row = {
        programme: list.programme,
        effect: list.effect,
        title: list.title,
        instrument: list.instrument,
        ch99: list.ch99 ?? null,
        sourceKeys: list.sources,
        file: list.file,
        note: list.note ?? null,
        position: position++,
      };
      await tx.insert(t.coverageLists).values({ listKey: list.key, ...row }).onConflictDoUpdate({ target: t.coverageLists.listKey, set: row });
      const entries = entryRows(list, skipped);
      for (let i = 0; i < entries.length; i += BATCH) await tx.insert(t.coverageEntries).values(entries.slice(i, i + BATCH));
    }
    await tx
      .insert(t.seedRuns)
      .values({ name: PRODUCTS_SEED_NAME, checksum: sum, details: { products: lines.length, lists: COVERAGE_LISTS.length, skipped } })
      .onConflictDoUpdate({ target: t.seedRuns.name, set: { checksum: sum, appliedAt: new Date() } });
  });
  return true;
}
