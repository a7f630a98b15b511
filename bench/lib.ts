// Small helpers: timing statistics, byte sizes, the as-of sequence and plain-text tables.
import { randomBytes } from "node:crypto";
import pg from "pg";
import superjson from "superjson";
import { openDatabase, type Database } from "@/db/client";

export type Stats = { n: number; min: number; p50: number; p95: number; p99: number; max: number; mean: number };

/** Nearest-rank percentile over a sorted copy. */
export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    n: s.length,
    min: r(s[0] ?? NaN),
    p50: r(q(50)),
    p95: r(q(95)),
    p99: r(q(99)),
    max: r(s.at(-1) ?? NaN),
    mean: r(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}

export const median = (xs: number[]) => stats(xs).p50;

/** UTF-8 bytes of plain JSON (what the REST API sends). */
export const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
/** UTF-8 bytes of the superjson envelope (what /api/trpc sends for a procedure result). */
export const trpcBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(superjson.serialize(value)));

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Deterministic PRNG (mulberry32), so every run asks the same as-of sequence. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` as-of values: calendar days 2025-01-01 … 2026-11-22 every 3 days in shuffled order, with "now"
 * (undefined) every 10th request.
 */
export function asOfSequence(count: number, seed = 42): (string | undefined)[] {
  const days: string[] = [];
  for (let t = Date.parse("2025-01-01T00:00:00Z"); t <= Date.parse("2026-11-22T00:00:00Z"); t += 3 * 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  const rnd = prng(seed);
  for (let i = days.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [days[i], days[j]] = [days[j]!, days[i]!];
  }
  const out: (string | undefined)[] = [];
  for (let i = 0; out.length < count; i++) out.push(i % 10 === 0 ? undefined : days[i % days.length]);
  return out;
}

const NUMERIC = /^[-\d.,]+( ms| KB| s)?$|^[-?]$/;

/** A plain-text table: numbers right-aligned, text left-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const right = headers.map((_, i) => i > 0 && cells.slice(1).every((r) => NUMERIC.test(r[i] ?? "")));
  const line = (r: string[]) =>
    r.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export function heading(title: string) {
  console.log(`\n=== ${title} ${"=".repeat(Math.max(0, 100 - title.length))}`);
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

/** Runs fn on a new PostgreSQL database (`<prefix>_<random>`, migrated) made through adminUrl, dropped afterwards. */
export async function withFreshPostgres<T>(adminUrl: string, prefix: string, fn: (database: Database, name: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end().catch(() => {});
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let opened: Database | undefined;
  try {
    opened = await openDatabase({ databaseUrl: url.toString() });
    return await fn(opened, name);
  } finally {
    await opened?.close().catch(() => {});
    await admin(`drop database if exists "${name}" with (force)`);
  }
}
