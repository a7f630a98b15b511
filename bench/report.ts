// What `npm run bench` prints and checks: the tables of each section and the targets (PASS / MISS / INFO) they feed.
import { MAX_CHART_POINTS } from "@/server/market/constants";
import { kb, ms, table } from "./lib";
import type { measureOverview, overviewParts, payloads, QueryProfile } from "./measure";
import type { AlertsBench } from "./alerts";

const BYTES_LIMIT = 100 * 1024;
const P95_LIMIT_MS = 50;

export type Target = { id: string; target: string; value: string; status: "PASS" | "MISS" | "INFO" };
export const targets: Target[] = [];
export const check = (id: string, target: string, value: string, ok: boolean | null) =>
  targets.push({ id, target, value, status: ok === null ? "INFO" : ok ? "PASS" : "MISS" });

export function printOverview(label: string, o: Awaited<ReturnType<typeof measureOverview>>) {
  console.log(
    table(
      ["entry point", "n", "p50", "p95", "p99", "max", "CPU p50", "CPU p95", "bytes p50", "bytes max", "slowest as-of (ms)"],
      (["rest", "trpc"] as const).map((k) => [
        k === "rest" ? `${label} REST GET /api/v1/overview` : `${label} tRPC overview.get`,
        o[k].latency.n,
        ms(o[k].latency.p50),
        ms(o[k].latency.p95),
        ms(o[k].latency.p99),
        ms(o[k].latency.max),
        ms(o[k].cpu.p50),
        ms(o[k].cpu.p95),
        kb(o[k].bytes.p50),
        kb(o[k].bytes.max),
        o[k].slowest.map((s) => `${s.asOf} ${s.ms}`).join(", "),
      ]),
    ),
  );
}

export function overviewTargets(label: string, o: Awaited<ReturnType<typeof measureOverview>>) {
  for (const k of ["rest", "trpc"] as const) {
    const name = k === "rest" ? "REST /api/v1/overview" : "tRPC overview.get";
    check(`1.${label}.${k}.bytes`, `${label} ${name} bytes ≤ 100 KB`, `max ${kb(o[k].bytes.max)}`, o[k].bytes.max <= BYTES_LIMIT);
    check(`1.${label}.${k}.p95`, `${label} ${name} p95 ≤ ${P95_LIMIT_MS} ms`, `p95 ${ms(o[k].latency.p95)}`, o[k].latency.p95 <= P95_LIMIT_MS);
  }
}

export function printParts(parts: Awaited<ReturnType<typeof overviewParts>>) {
  console.log(
    table(
      ["overview part (alone)", "n", "p50", "p95", "max", "rows (max)"],
      parts.map((p) => [p.part, p.latency.n, ms(p.latency.p50), ms(p.latency.p95), ms(p.latency.max), p.rows]),
    ),
  );
}

export function printQueries(queries: QueryProfile[]) {
  console.log(
    table(
      ["as-of", "SQL statement of getOverview", "rows", "round trip", "planning", "execution"],
      queries.map((q) => [
        q.asOf,
        q.name.slice(0, 70),
        q.rows,
        ms(q.ms),
        q.planningMs === null ? "?" : ms(q.planningMs),
        q.executionMs === null ? "?" : ms(q.executionMs),
      ]),
    ),
  );
}

export function plansText(label: string, queries: QueryProfile[]) {
  return queries
    .map(
      (q, i) =>
        `-- [${label}] #${i + 1} as-of ${q.asOf}: ${q.name} — ${q.rows} rows, round trip ${q.ms} ms\n${q.sql}\n\n${q.plan}\n`,
    )
    .join("\n");
}

export function printPayloads(pl: Awaited<ReturnType<typeof payloads>>) {
  console.log(
    table(
      ["payload", "items", "bound", "rows before", "bytes", "median"],
      pl.map((p) => [p.name, p.count, p.bound ?? "-", p.total ?? "-", kb(p.bytes), ms(p.ms)]),
    ),
  );
}

export function payloadTargets(pl: Awaited<ReturnType<typeof payloads>>) {
  for (const p of pl) {
    if (p.name.startsWith("market.chart")) {
      check(`2.${p.name}`, `${p.name}: points ≤ MAX_CHART_POINTS (${MAX_CHART_POINTS})`, `${p.count} points of ${p.total}, ${kb(p.bytes)}`, p.count <= MAX_CHART_POINTS);
    } else if (p.name.startsWith("market.reactions")) {
      check(`2.${p.name}`, `${p.name}: events ≤ limit ${p.bound}`, `${p.count} events, ${kb(p.bytes)}`, p.count <= (p.bound ?? Infinity));
    } else if (p.bound !== null) {
      check(`2.${p.name.trim()}`, `${p.name.trim()}: items ≤ ${p.bound}`, `${p.count} items, ${kb(p.bytes)}, ${ms(p.ms)}`, p.count <= p.bound);
    } else {
      check(`2.${p.name.trim()}`, `${p.name.trim()}: size (no fixed bound)`, `${p.count} items, ${kb(p.bytes)}, ${ms(p.ms)}`, null);
    }
  }
}

/** The alerts section's table for one database. */
export function printAlerts(r: AlertsBench) {
  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  console.log(
    table(
      ["alerts on " + r.database, "value"],
      [
        ["subscriptions × deadlines", `${r.subscriptions.toLocaleString("en-US")} × 10,000`],
        ["first tick: index every deadline, plan every new subscription", `${s(r.indexing.ms)} (${r.indexing.triggers} triggers, ${r.indexing.notifications} notifications, +${r.indexing.peakMb} MB)`],
        ["steady tick, nothing due: p50 / p95 / max", `${ms(r.steady.latency.p50)} / ${ms(r.steady.latency.p95)} / ${ms(r.steady.latency.max)}`],
        ["steady tick: CPU of this process, share of one core at 1/min", `${ms(r.steady.cpu.mean)} (${(r.steady.coreShare * 100).toFixed(3)}%)`],
        ["re-planning after one deadline is postponed", `${s(r.postpone.ms)} (${r.postpone.notices} notices)`],
        ["… then composing those notices", `${s(r.postpone.composeMs)} (${r.postpone.emails} emails)`],
        ["catch-up after 24 h down: plan + compose", `${s(r.catchUp.ms)} (${r.catchUp.planned} notifications, ${r.catchUp.emails} emails, +${r.catchUp.peakMb} MB)`],
        ["everyone subscribes to one more deadline: next tick", s(r.bigMinute.subscribeMs)],
        ["the minute everyone's reminder falls due: plan + compose", `${s(r.bigMinute.ms)} (${r.bigMinute.planned} notifications, ${r.bigMinute.emails} emails, +${r.bigMinute.peakMb} MB)`],
      ],
    ),
  );
}
