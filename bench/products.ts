// Issue 14's figures: product search over all 18,700 lines, one line's duty as of a date, and a 10,000-code parts
// list rated on two dates and diffed — on the embedded database and on PostgreSQL. Service level (what a page or a
// REST handler calls), each sample timed on its own.
import type { Database } from "@/db/client";
import { searchProducts } from "@/server/products/catalog";
import { productDuty } from "@/server/products/duty";
import { parsePartsCsv, rateParts } from "@/server/products/parts";
import { localToInstant } from "@/server/core/time";
import { products } from "@/db/schema";
import { prng, stats, type Stats } from "./lib";

const SEARCHES = 300;
const DUTIES = 300;
const PARTS = 10_000;
const WORDS = ["brake", "engine", "steel", "pump", "valve", "copper wire", "furniture", "cotton", "semiconductor", "vehicle", "aluminum", "bolts", "glass", "rubber tires", "batteries", "motor", "tube", "plate", "paper", "medicaments"];

const dotted = (code: string) => [code.slice(0, 4), code.slice(4, 6), code.slice(6, 8), code.slice(8, 10)].filter(Boolean).join(".");

async function timeEach<T>(items: T[], fn: (x: T) => Promise<unknown>): Promise<Stats> {
  for (const x of items.slice(0, 20)) await fn(x); // warm-up
  const ms: number[] = [];
  for (const x of items) {
    const t0 = performance.now();
    await fn(x);
    ms.push(performance.now() - t0);
  }
  return stats(ms);
}

export type ProductFigures = { lines: number; search: Stats; duty: Stats; parts: { rows: number; parseMs: number; rateMs: number; totalMs: number; changed: number; problems: number } };

export async function benchProducts(database: Database): Promise<ProductFigures> {
  const db = database.db;
  const codes = (await db.select({ hts10: products.hts10 }).from(products).orderBy(products.hts10)).map((r) => r.hts10);
  const rnd = prng(14);
  const pick = () => codes[Math.floor(rnd() * codes.length)]!;
  // Searches as people type them: prefixes of real codes (2–10 digits, half with dots) and words.
  const queries = Array.from({ length: SEARCHES }, (_, i) => {
    if (i % 3 === 2) return WORDS[i % WORDS.length]!;
    const code = pick().slice(0, 2 + Math.floor(rnd() * 9));
    return i % 2 ? dotted(code) : code;
  });
  const search = await timeEach(queries, (q) => searchProducts(db, q, 20));
  const day0 = Date.UTC(2025, 0, 1);
  const dates = Array.from({ length: DUTIES }, () => new Date(day0 + Math.floor(rnd() * 700) * 86_400_000 + 17 * 3_600_000));
  const duty = await timeEach(dates.map((at) => ({ at, code: pick() })), ({ at, code }) => productDuty(db, code, at));
  const csv = ["part,hts", ...Array.from({ length: PARTS }, (_, i) => `P-${i + 1},${dotted(pick())}`)].join("\n");
  const a = localToInstant("2025-12-01T12:00", "America/New_York");
  const b = localToInstant("2026-08-01T12:00", "America/New_York");
  const t0 = performance.now();
  const rows = parsePartsCsv(csv);
  const t1 = performance.now();
  const rated = await rateParts(db, rows, a, b);
  const t2 = performance.now();
  return {
    lines: codes.length,
    search,
    duty,
    parts: { rows: rated.length, parseMs: t1 - t0, rateMs: t2 - t1, totalMs: t2 - t0, changed: rated.filter((r) => r.changePct).length, problems: rated.filter((r) => r.problem).length },
  };
}
