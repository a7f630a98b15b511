// Measurements against an opened, loaded database: the overview (REST handler and tRPC caller), its parts, the SQL
// it runs (timed and EXPLAIN ANALYZEd), chart payloads and the overview page's data.
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { Database, Db } from "@/db/client";
import * as schema from "@/db/schema";
import { createCaller } from "@/server/core/root";
import { resolveAsOf } from "@/server/core/as-of";
import { createRestHandlers } from "@/server/rest/v1";
import { upcomingDeadlinesAsOf } from "@/server/dashboard/deadlines";
import { lastClose } from "@/server/market/series";
import { DEFAULT_REACTION_EVENTS, MAX_CHART_POINTS, MAX_REACTION_EVENTS } from "@/server/market/constants";
import { getOverview } from "@/server/dashboard/overview";
import { latestTradeBalance, listBudgets } from "@/server/dashboard/support";
import { getTariffBoard } from "@/server/dashboard/tariffs";
import { MAX_TARIFF_STEPS } from "@/server/dashboard/constants";
import { asOfSequence, median, stats, timed, trpcBytes, type Stats } from "./lib";

export type SeriesResult = {
  latency: Stats;
  /** CPU time of this process per request (PGlite runs in it): unlike latency, barely moved by other load. */
  cpu: Stats;
  bytes: { min: number; p50: number; max: number };
  slowest: { asOf: string; ms: number }[];
  largest: { asOf: string; bytes: number };
};

type Sample = { asOf: string | undefined; ms: number; cpuMs: number; bytes: number };

function summarize(samples: Sample[]): SeriesResult {
  const bytes = samples.map((s) => s.bytes).sort((a, b) => a - b);
  const label = (a: string | undefined) => a ?? "now";
  const largest = samples.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return {
    latency: stats(samples.map((s) => s.ms)),
    cpu: stats(samples.map((s) => s.cpuMs)),
    bytes: { min: bytes[0]!, p50: median(bytes), max: bytes.at(-1)! },
    slowest: [...samples]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map((s) => ({ asOf: label(s.asOf), ms: Math.round(s.ms * 10) / 10 })),
    largest: { asOf: label(largest.asOf), bytes: largest.bytes },
  };
}

/**
 * The overview through both entry points, `warmup` then `requests` sequential requests each, as-of varied over
 * 2025–2026 and "now". REST: `GET /api/v1/overview` through the handler with a Request, body read to the end.
 * tRPC: a new caller per request (as a page does) + `overview.get`; bytes are the superjson envelope /api/trpc sends.
 */
export async function measureOverview(
  database: Database,
  now: Date,
  opts: { warmup: number; requests: number },
): Promise<{ rest: SeriesResult; trpc: SeriesResult }> {
  const handlers = createRestHandlers({ database: async () => database, now: () => now });
  const cpuSince = (c0: NodeJS.CpuUsage) => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  const rest = async (asOf: string | undefined): Promise<Sample> => {
    const url = `http://bench.local/api/v1/overview${asOf ? `?asOf=${asOf}` : ""}`;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await handlers.overview(new Request(url));
    const body = await res.text();
    const ms = performance.now() - t0;
    const cpuMs = cpuSince(c0);
    if (res.status !== 200) throw new Error(`GET ${url} → ${res.status}: ${body.slice(0, 300)}`);
    return { asOf, ms, cpuMs, bytes: Buffer.byteLength(body) };
  };
  const trpc = async (asOf: string | undefined): Promise<Sample> => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const o = await createCaller({ db: database.db, now: () => now }).overview.get({ asOf });
    const ms = performance.now() - t0;
    const cpuMs = cpuSince(c0);
    return { asOf, ms, cpuMs, bytes: trpcBytes(o) };
  };
  const warm = asOfSequence(opts.warmup, 7);
  const seq = asOfSequence(opts.requests, 42);
  const out: Record<"rest" | "trpc", SeriesResult> = {} as never;
  for (const [name, fn] of [
    ["rest", rest],
    ["trpc", trpc],
  ] as const) {
    for (const a of warm) await fn(a);
    const samples = [];
    for (const a of seq) {
      // Each request in a task of its own, as a server receives them: timers (the scheduler) get their turn between.
      await new Promise((resolve) => setImmediate(resolve));
      samples.push(await fn(a));
    }
    out[name] = summarize(samples);
  }
  return out;
}

/** Each service the overview calls, timed on its own (they share one connection on PGlite, so they add up). */
export async function overviewParts(database: Database, now: Date, count: number) {
  const db = database.db;
  const parts: Record<string, (at: Date) => Promise<unknown>> = {
    getTariffBoard: (at) => getTariffBoard(db, at),
    upcomingDeadlinesAsOf: (at) => upcomingDeadlinesAsOf(db, at, 1),
    lastClose: (at) => lastClose(db, "kospi", at),
    listBudgets: (at) => listBudgets(db, at),
    latestTradeBalance: (at) => latestTradeBalance(db, at),
  };
  const ats = asOfSequence(count, 99).map((a) => resolveAsOf(a, now).at);
  const rows: { part: string; latency: Stats; rows: number }[] = [];
  for (const [part, fn] of Object.entries(parts)) {
    await fn(now);
    const samples: number[] = [];
    let n = 0;
    for (const at of ats) {
      const { value, ms } = await timed(() => fn(at));
      samples.push(ms);
      n = Math.max(n, Array.isArray(value) ? value.length : 1);
    }
    rows.push({ part, latency: stats(samples), rows: n });
  }
  return rows;
}

type RawClient = { query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/** A Db on the same connection that records every SQL statement it sends. */
function capturing(database: Database): { db: Db; queries: { sql: string; params: unknown[] }[]; client: RawClient } {
  const client = (database.db as unknown as { $client: RawClient }).$client;
  const queries: { sql: string; params: unknown[] }[] = [];
  const logger = { logQuery: (sql: string, params: unknown[]) => void queries.push({ sql, params }) };
  const db = (
    database.kind === "pglite"
      ? drizzlePglite(client as never, { schema, logger })
      : drizzlePg(client as never, { schema, logger })
  ) as unknown as Db;
  return { db, queries, client };
}

export type QueryProfile = {
  asOf: string;
  /** Short name of the statement: the service step it belongs to. */
  name: string;
  rows: number;
  /** Client-side round trip, median of `reps` (includes shipping and parsing the rows). */
  ms: number;
  planningMs: number | null;
  executionMs: number | null;
  sql: string;
  plan: string;
};

function nameOf(sqlText: string): string {
  const s = sqlText.replace(/\s+/g, " ");
  const from = /\bfrom "(\w+)"/.exec(s)?.[1] ?? /\bfrom \(select distinct on \("(\w+)"/.exec(s)?.[1] ?? "?";
  const tags = [
    /distinct on/.test(s) ? "distinct-on" : "",
    /"status" = \$|"status" in \(/.test(s) ? "status-filter" : "",
    /inner join "sources"/.test(s) ? "join sources" : "",
    /inner join "conflict_claims"/.test(s) ? "join claims" : "",
    /"deadline_key" in \(/.test(s) ? "keys in (…)" : "",
    /"record_key" in \(/.test(s) ? `record_key in (${(s.match(/\$\d+/g) ?? []).length} params)` : "",
    / limit \$/.test(s) ? "limit" : "",
  ].filter(Boolean);
  return [from, ...tags].join(" · ");
}

/** Every SQL statement of one overview call, timed one by one and EXPLAIN ANALYZEd, for a few as-of values. */
export async function profileOverviewQueries(database: Database, now: Date, asOfs: (string | undefined)[], reps = 9) {
  const { db, queries, client } = capturing(database);
  const out: QueryProfile[] = [];
  for (const asOf of asOfs) {
    queries.length = 0;
    await getOverview(db, resolveAsOf(asOf, now).at);
    const captured = [...queries];
    for (const q of captured) {
      let rows = 0;
      const samples: number[] = [];
      for (let i = 0; i < reps; i++) {
        const { value, ms } = await timed(() => client.query(q.sql, q.params));
        rows = value.rows.length;
        samples.push(ms);
      }
      const explain = await client.query(`explain (analyze, buffers) ${q.sql}`, q.params);
      const plan = explain.rows.map((r) => String(Object.values(r)[0])).join("\n");
      const num = (re: RegExp) => {
        const m = re.exec(plan);
        return m ? Number(m[1]) : null;
      };
      out.push({
        asOf: asOf ?? "now",
        name: nameOf(q.sql),
        rows,
        ms: Math.round(median(samples) * 100) / 100,
        planningMs: num(/Planning Time: ([\d.]+) ms/),
        executionMs: num(/Execution Time: ([\d.]+) ms/),
        sql: q.sql,
        plan,
      });
    }
  }
  return out;
}

export type PayloadResult = {
  name: string;
  /** Points / items / steps in the answer. */
  count: number;
  /** Bound it must stay within, when there is one. */
  bound: number | null;
  total?: number;
  bytes: number;
  ms: number;
};

/** Chart-type payloads: chart points, tariff steps and event reactions, with superjson bytes and median latency. */
export async function payloads(database: Database, now: Date, bigSeriesKey: string | null, reps = 5) {
  const api = createCaller({ db: database.db, now: () => now });
  const run = async <T>(fn: () => Promise<T>) => {
    const samples: number[] = [];
    let value!: T;
    for (let i = 0; i < reps; i++) {
      const r = await timed(fn);
      value = r.value;
      samples.push(r.ms);
    }
    return { value, ms: Math.round(median(samples) * 10) / 10, bytes: trpcBytes(value) };
  };
  const out: PayloadResult[] = [];
  const charts: [string, Parameters<typeof api.market.chart>[0]][] = [
    ["market.chart kospi (all)", { key: "kospi" }],
    ["market.chart kospi from 2024-08-01 (page)", { key: "kospi", from: "2024-08-01" }],
  ];
  if (bigSeriesKey) {
    charts.unshift(
      [`market.chart ${bigSeriesKey} (all)`, { key: bigSeriesKey }],
      [`market.chart ${bigSeriesKey} asOf 2025-06-30`, { key: bigSeriesKey, asOf: "2025-06-30" }],
    );
  }
  for (const [name, input] of charts) {
    const r = await run(() => api.market.chart(input));
    out.push({ name, count: r.value.points.length, bound: MAX_CHART_POINTS, total: r.value.total, bytes: r.bytes, ms: r.ms });
  }
  for (const [name, input] of [
    ["tariffs.steps (default from 2025-01-01)", {}],
    ["tariffs.steps asOf 2025-09-30", { asOf: "2025-09-30" }],
    ["tariffs.steps from 2012-01-01", { from: "2012-01-01" }],
  ] as const) {
    const r = await run(() => api.tariffs.steps(input));
    const steps = r.value.reduce((a, s) => a + s.steps.length, 0);
    // At most MAX_TARIFF_STEPS points per sector shown.
    out.push({ name: `${name} [${r.value.length} sectors]`, count: steps, bound: MAX_TARIFF_STEPS * r.value.length, bytes: r.bytes, ms: r.ms });
  }
  for (const [name, input, bound] of [
    ["market.reactions kospi (default limit, page)", { key: "kospi" }, DEFAULT_REACTION_EVENTS],
    ["market.reactions kospi limit 500 (max)", { key: "kospi", limit: MAX_REACTION_EVENTS }, MAX_REACTION_EVENTS],
  ] as const) {
    const r = await run(() => api.market.reactions(input));
    out.push({ name, count: r.value.length, bound, bytes: r.bytes, ms: r.ms });
  }
  {
    const r = await run(() => api.deadlines.list({ limit: 12 }));
    const chained = r.value.chains.reduce((a, c) => a + c.length, 0);
    out.push({
      name: `deadlines.list limit 12 (page) [${r.value.upcoming.length} upcoming, ${r.value.past.length} past, ${r.value.chains.length} chains]`,
      count: r.value.upcoming.length + r.value.past.length + chained,
      bound: null,
      bytes: r.bytes,
      ms: r.ms,
    });
  }
  return out;
}

/** The five procedures the overview page awaits together (app/page.tsx), for a range of as-of values. */
export async function pageData(database: Database, now: Date, count: number) {
  const samples: number[] = [];
  const bytes: number[] = [];
  const names = ["overview.get", "tariffs.steps", "market.chart kospi", "market.reactions kospi", "deadlines.list limit 12"];
  const each: number[][] = names.map(() => []);
  for (const asOf of asOfSequence(count, 5)) {
    const at = resolveAsOf(asOf, now).at;
    const api = createCaller({ db: database.db, now: () => now });
    const input = { asOf: at.toISOString() };
    const { value, ms } = await timed(() =>
      Promise.all([
        api.overview.get(input),
        api.tariffs.steps(input),
        api.market.chart({ ...input, key: "kospi", from: "2024-08-01", fields: "close" }),
        api.market.reactions({ ...input, key: "kospi" }),
        api.deadlines.list({ ...input, limit: 12 }),
      ]),
    );
    samples.push(ms);
    const sizes = value.map((v) => trpcBytes(v));
    sizes.forEach((b, i) => each[i]!.push(b));
    bytes.push(sizes.reduce((a, b) => a + b, 0));
  }
  return {
    latency: stats(samples),
    bytes: { p50: median(bytes), max: Math.max(...bytes) },
    bytesByProcedure: names.map((name, i) => ({ name, p50: median(each[i]!), max: Math.max(...each[i]!) })),
  };
}
