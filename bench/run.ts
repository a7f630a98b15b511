// `npm run bench`: performance figures for the issue's targets. Prints tables and writes the same figures to
// bench/results/latest.json (and the SQL plans of the overview to bench/results/latest-plans.txt).
// Targets are reported as PASS / MISS; a MISS does not fail the run.
//
// Environment:
//   BENCH_DATABASE_URL   also measure the overview on PostgreSQL (a fresh database tw_bench_<random>, dropped after)
//   BENCH_REQUESTS       measured overview requests per entry point (default 250; warm-up 25)
//   BENCH_FRESH=1        regenerate the synthetic PGlite data directory even if a matching one is kept
//   BENCH_ONLY=start     run only issue 13's section (bench/first-start.ts): npm start → first 200 of / (first ever,
//                        first start, restart), Lighthouse 12.2.3 mobile on /, /sectors/autos, /sources, and the
//                        overview's time and bytes on the 100× data — for HEAD and, side by side, BENCH_BEFORE (a git
//                        ref, e.g. d1f851e), each a fresh checkout; BENCH_START_RUNS (5), BENCH_PAGE_REQUESTS (200, after 25 warm-ups)
//   BENCH_SKIP_START=1   skip that section
//   BENCH_SKIP_SCREENS=1 skip the status-screen benchmarks (500 connections; 10,000-update soak in Chromium)
//   BENCH_ONLY=screens   run only the status-screen benchmarks (SCREEN_CONNECTIONS, SCREEN_UPDATES, SCREEN_SOAK_UPDATES)
//   BENCH_ONLY=news      run only the news benchmarks: extraction throughput, ingesting a 1,000-item feed (BENCH_FEED_ITEMS)
//   BENCH_SKIP_NEWS=1    skip the news benchmarks
//   BENCH_ONLY=alerts    run only the alerts benchmarks (bench/alerts.ts): PGlite at BENCH_ALERT_SUBS_PGLITE (10,000)
//                        subscriptions, PostgreSQL at BENCH_ALERT_SUBS (100,000) when BENCH_DATABASE_URL is set
//   BENCH_SKIP_ALERTS=1  skip the alerts benchmarks
//   BENCH_ONLY=products  run only the product benchmarks (bench/products.ts): search, one line's duty, a 10,000-code
//                        parts list on two dates — PGlite, and PostgreSQL when BENCH_DATABASE_URL is set
//   BENCH_SKIP_PRODUCTS=1 skip them
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, type Database } from "@/db/client";
import { prepareDatabase } from "@/server/core/db";
import { prepareBuild } from "./build";
import { benchFirstStart } from "./first-start";
import { LIGHTHOUSE_PAGES } from "./lighthouse";
import { printFirstStart } from "./report-start";
import { benchScreens } from "./screens";
import { benchProductsSection } from "./products-section";
import { heading, kb, median, ms, table, timed, withFreshPostgres } from "./lib";
import { check, overviewTargets, payloadTargets, plansText, printAlerts, printOverview, printParts, printPayloads, printQueries, targets } from "./report";
import { measureOverview, overviewParts, pageData, payloads, profileOverviewQueries, type QueryProfile } from "./measure";
import { fingerprint, loadSynthetic, tableCounts } from "./synthetic";
import { benchNewsSection } from "./news-section";
import { benchAlertsOn, benchSmtp, benchWebhooks, overviewUnderScheduler } from "./alerts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS = path.join(ROOT, "bench", "results");
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 250);
const WARMUP = 25;
const BIG_SERIES = "syn-s-001";
const started = performance.now();
const NOW = new Date();

const load1 = () => Math.round(os.loadavg()[0]! * 100) / 100;
const busy: { section: string; before: number; after: number }[] = [];
/** Runs a latency section and records the 1-minute load average around it (other processes skew latency). */
async function section<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const before = load1();
  const value = await fn();
  const after = load1();
  busy.push({ section: name, before, after });
  console.log(`(load average around this: ${before} → ${after} on ${os.cpus().length} CPUs)`);
  return value;
}

const version = (pkg: string) =>
  (JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;

const results: Record<string, unknown> = {
  meta: {
    startedAt: NOW.toISOString(),
    now: NOW.toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadavgAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    pglite: version("@electric-sql/pglite"),
    next: version("next"),
    requests: REQUESTS,
    warmup: WARMUP,
  },
};

// ---------------------------------------------------------------------------------------------------------------

async function baseline() {
  heading("Baseline: the real seed only (PGlite in memory)");
  const { value: database, ms: seedMs } = await timed(async () =>
    prepareDatabase(await openDatabase({ memory: true }), { seed: true }),
  );
  try {
    const counts = await tableCounts(database.db);
    const overview = await measureOverview(database, NOW, { warmup: 10, requests: 60 });
    printOverview("seed", overview);
    const pl = await payloads(database, NOW, null, 3);
    printPayloads(pl);
    console.log(`open + migrate + seed in process: ${ms(seedMs)}; rows: ${JSON.stringify(counts)}`);
    return { seedMs, counts, overview, payloads: pl };
  } finally {
    await database.close();
  }
}

async function openSynthetic(): Promise<{ database: Database; info: Record<string, unknown> }> {
  const fp = fingerprint(ROOT, `pglite ${version("@electric-sql/pglite")}`);
  const base = path.join(os.tmpdir(), "tradewatch-bench");
  const dir = path.join(base, `pglite-${fp}`);
  const marker = path.join(dir, "bench-ready.json");
  const fresh = process.env.BENCH_FRESH === "1";
  let info: Record<string, unknown> = { dataDir: dir, fingerprint: fp };
  if (fresh || !existsSync(marker)) {
    if (existsSync(base)) for (const old of readdirSync(base)) rmSync(path.join(base, old), { recursive: true, force: true });
    console.log(`generating the synthetic data set in ${dir} …`);
    const database = await openDatabase({ dataDir: dir });
    const { ms: seedMs } = await timed(() => prepareDatabase(database, { seed: true }));
    const load = await loadSynthetic(database.db);
    const { ms: closeMs } = await timed(() => database.close());
    info = { ...info, reused: false, seedMs, ...load, closeMs };
    writeFileSync(marker, JSON.stringify({ fingerprint: fp, createdAt: new Date().toISOString(), ...info }, null, 2));
  } else {
    const prior = JSON.parse(readFileSync(marker, "utf8")) as Record<string, unknown>;
    info = { ...info, reused: true, createdAt: prior.createdAt, loadMsWhenCreated: prior.loadMs, analyzeMsWhenCreated: prior.analyzeMs };
    console.log(`reusing the synthetic data set in ${dir} (created ${String(prior.createdAt)}; BENCH_FRESH=1 regenerates)`);
  }
  const { value: database, ms: openMs } = await timed(async () =>
    prepareDatabase(await openDatabase({ dataDir: dir }), { seed: true }),
  );
  return { database, info: { ...info, openMs } };
}

function datasetTargets(counts: Record<string, number>) {
  const want: [string, number][] = [
    ["observations", 1_000_000],
    ["events", 10_000],
    ["tariff_measures", 10_000],
    ["deadlines", 10_000],
  ];
  const missing = want.filter(([t, n]) => (counts[t] ?? 0) < n);
  check(
    "1.dataset",
    "synthetic data ≥ 1M observations, ≥ 10k events / measure versions / deadline versions",
    want.map(([t]) => `${t} ${counts[t]}`).join(", "),
    missing.length === 0,
  );
}

async function synthetic() {
  heading("Synthetic data set (~100× the seed) on PGlite");
  const { database, info } = await openSynthetic();
  try {
    const counts = await tableCounts(database.db);
    console.log(
      table(
        ["table", "rows"],
        Object.entries(counts).map(([k, v]) => [k, v.toLocaleString("en")]),
      ),
    );
    if (!info.reused) {
      console.log(`load: ${ms(info.loadMs as number)} (+ ANALYZE ${ms(info.analyzeMs as number)}, seed ${ms(info.seedMs as number)})`);
      console.log(table(["load step", "ms"], (info.steps as { step: string; ms: number }[]).map((s) => [s.step, s.ms.toFixed(0)])));
    } else {
      console.log(`load when created: ${ms(Number(info.loadMsWhenCreated))}; reopened in ${ms(info.openMs as number)}`);
    }
    datasetTargets(counts);

    heading("Overview latency and size, PGlite, synthetic data");
    const overview = await section("pglite overview", () => measureOverview(database, NOW, { warmup: WARMUP, requests: REQUESTS }));
    printOverview("pglite", overview);
    overviewTargets("pglite", overview);

    heading("Where the overview's time goes (PGlite)");
    const parts = await overviewParts(database, NOW, 40);
    printParts(parts);
    const queries = await profileOverviewQueries(database, NOW, [undefined, "2025-07-08"]);
    printQueries(queries);

    heading("Chart payloads and lists (PGlite, synthetic data)");
    const pl = await payloads(database, NOW, BIG_SERIES);
    printPayloads(pl);
    payloadTargets(pl);

    heading("Overview page data: the 5 procedures app/page.tsx awaits (PGlite)");
    await pageData(database, NOW, 3);
    const page = await pageData(database, NOW, 40);
    console.log(
      `n ${page.latency.n}: p50 ${ms(page.latency.p50)}, p95 ${ms(page.latency.p95)}, max ${ms(page.latency.max)}; ` +
        `superjson bytes p50 ${kb(page.bytes.p50)}, max ${kb(page.bytes.max)}`,
    );
    console.log(table(["procedure", "bytes p50", "bytes max"], page.bytesByProcedure.map((b) => [b.name, kb(b.p50), kb(b.max)])));
    check("13.page.p95", "overview page at 100× (its 5 procedures) p95 ≤ 100 ms", ms(page.latency.p95), page.latency.p95 <= 100);
    check("13.page.bytes", "overview page at 100× (its 5 procedures) ≤ 150 KB", `max ${kb(page.bytes.max)}`, page.bytes.max <= 150 * 1024);
    return { dataset: { ...info, counts }, overview, parts, queries, payloads: pl, pageData: page };
  } finally {
    await database.close();
  }
}

async function postgres(adminUrl: string) {
  heading("Synthetic data set on PostgreSQL (BENCH_DATABASE_URL)");
  return withFreshPostgres(adminUrl, "tw_bench", async (database, dbName) => {
    const { ms: seedMs } = await timed(() => prepareDatabase(database, { seed: true }));
    const load = await loadSynthetic(database.db);
    const counts = await tableCounts(database.db);
    console.log(`database ${dbName}: seed ${ms(seedMs)}, load ${ms(load.loadMs)} + ANALYZE ${ms(load.analyzeMs)}; ${JSON.stringify(counts)}`);
    const overview = await section("postgres overview", () => measureOverview(database, NOW, { warmup: WARMUP, requests: REQUESTS }));
    printOverview("postgres", overview);
    overviewTargets("postgres", overview);
    const parts = await overviewParts(database, NOW, 40);
    printParts(parts);
    const queries = await profileOverviewQueries(database, NOW, [undefined, "2025-07-08"]);
    printQueries(queries);
    return { database: dbName, seedMs, ...load, counts, overview, parts, queries };
  });
}

/** Issue 13: npm start to the first 200 of /, Lighthouse and the overview's cost, before (BENCH_BEFORE) and after. */
async function firstStart() {
  heading(`First start, Lighthouse and the page's cost: ${process.env.BENCH_BEFORE ?? "(BENCH_BEFORE not set)"} → HEAD`);
  const { database, info } = await openSynthetic();
  await database.close();
  const figures = await benchFirstStart({
    before: process.env.BENCH_BEFORE ?? "",
    syntheticDir: String(info.dataDir),
    runs: Number(process.env.BENCH_START_RUNS ?? 5),
    requests: Number(process.env.BENCH_PAGE_REQUESTS ?? 200),
    pages: LIGHTHOUSE_PAGES,
  });
  printFirstStart(figures);
  return figures;
}

// ---------------------------------------------------------------------------------------------------------------

/** The news section (bench/news-section.ts), timed with this run's load-average record. */
const news = () => benchNewsSection(section);

/** Issue 14's section (bench/products.ts), timed with this run's load-average record. */
const productsSection = () => benchProductsSection(section);

async function alerts() {
  heading("Alerts at scale: 10,000 deadlines; planning, composing and delivery");
  const t0 = new Date(Math.floor(NOW.getTime() / 3_600_000) * 3_600_000);
  const out: Record<string, unknown> = {};
  const lite = prepareDatabase(await openDatabase({ memory: true }), { seed: true });
  const database = await lite;
  try {
    const subs = Number(process.env.BENCH_ALERT_SUBS_PGLITE ?? 10_000);
    const r = await section("alerts pglite", () => benchAlertsOn(database, "pglite", subs, t0));
    printAlerts(r);
    check("12.pglite-steady", `PGlite, ${subs.toLocaleString("en-US")} subscriptions: steady tick ≤ 1 s p95`, ms(r.steady.latency.p95), r.steady.latency.p95 <= 1000);
    const first = new Date(t0.getTime() + 20 * 60_000);
    const o = await section("overview under scheduler", () =>
      overviewUnderScheduler(database, first, () => measureOverview(database, NOW, { warmup: 10, requests: 120 })),
    );
    console.log(table(["overview on PGlite, " + subs + " subscriptions", "p95"], [["scheduler idle", ms(o.idleP95)], [`a steady tick every 250 ms (${o.ticks} ticks)`, ms(o.busyP95)]]));
    check("12.overview-scheduler", "overview p95 while the scheduler ticks (no fixed target; ratio to idle)", `${ms(o.busyP95)} vs ${ms(o.idleP95)} idle (×${(o.busyP95 / o.idleP95).toFixed(2)})`, null);
    const smtp = await section("smtp", () => benchSmtp());
    console.log(`SMTP: ${smtp.count} emails in ${ms(smtp.ms)} = ${smtp.perSecond.toFixed(0)} messages/s (${smtp.received} received)`);
    check("12.smtp", "pooled SMTP delivery ≥ 300 messages/s (1,000 recipients)", `${smtp.perSecond.toFixed(0)}/s`, smtp.perSecond >= 300 && smtp.received === smtp.count);
    const hooks = await section("webhooks", () => benchWebhooks());
    console.log(`Webhooks: ${hooks.count} signed deliveries in ${ms(hooks.ms)} = ${hooks.perSecond.toFixed(0)} requests/s (${hooks.received} received)`);
    check("12.webhooks", "webhook delivery ≥ 300 requests/s, 8 in flight (1,000 deliveries)", `${hooks.perSecond.toFixed(0)}/s`, hooks.perSecond >= 300 && hooks.received === hooks.count);
    Object.assign(out, { pglite: r, overviewUnderScheduler: o, smtp, webhooks: hooks });
  } finally {
    await database.close();
  }
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (!pgUrl) console.log("\n(BENCH_DATABASE_URL not set: alerts on PostgreSQL skipped)");
  else {
    const subs = Number(process.env.BENCH_ALERT_SUBS ?? 100_000);
    const r = await section("alerts postgres", () => withFreshPostgres(pgUrl, "tw_bench_alerts", async (pgDb) => (await pgDb.migrate(), benchAlertsOn(pgDb, "postgres", subs, t0))));
    printAlerts(r);
    check("12.pg-steady", `PostgreSQL, ${subs.toLocaleString("en-US")} subscriptions: steady tick ≤ 1 s p95`, ms(r.steady.latency.p95), r.steady.latency.p95 <= 1000);
    check("12.pg-postpone", "re-planning after one deadline is postponed ≤ 2 s", `${(r.postpone.ms / 1000).toFixed(2)} s`, r.postpone.ms <= 2000);
    check("12.pg-big-minute", "the minute everyone's reminder falls due: all composed ≤ 60 s", `${(r.bigMinute.ms / 1000).toFixed(1)} s, ${r.bigMinute.emails} emails`, r.bigMinute.ms <= 60_000 && r.bigMinute.emails >= subs);
    out.postgres = r;
  }
  return out;
}

async function screens() {
  heading("Status screens: fan-out to live connections, and a soak of the page in Chromium");
  await prepareBuild();
  const s = await section("screens", () => benchScreens());
  console.log(
    table(
      ["measure", "value"],
      [
        ["connections (one server)", s.fanout.connections],
        ["all connected, first snapshot each", ms(s.fanout.connectMs)],
        ["updates × connections delivered (missing)", `${s.fanout.deliveries} (${s.fanout.missing})`],
        ["update-to-all latency p50 / p95 / max", `${ms(s.fanout.p50Ms)} / ${ms(s.fanout.p95Ms)} / ${ms(s.fanout.maxMs)}`],
        ["server RSS before → after connecting", `${s.fanout.rssBeforeMb} MB → ${s.fanout.rssAfterMb} MB`],
        ["server memory per connection", kb(s.fanout.bytesPerConnection)],
        ["soak: snapshots pushed into the open page", s.soak.updates],
        ["soak: JS heap after GC, before → after", `${s.soak.heapBeforeMb} MB → ${s.soak.heapAfterMb} MB`],
        ["soak: DOM nodes before → after", `${s.soak.nodesBefore} → ${s.soak.nodesAfter}`],
        ["soak: JS event listeners before → after", `${s.soak.listenersBefore} → ${s.soak.listenersAfter}`],
        ["soak: last pushed value on screen", s.soak.shownLast ? "yes" : "NO"],
      ],
    ),
  );
  check("5.fanout-p95", `${s.fanout.connections} screens: update-to-all latency p95 ≤ 1 s`, ms(s.fanout.p95Ms), s.fanout.missing === 0 && s.fanout.p95Ms <= 1000);
  check("5.fanout-memory", "server memory per screen connection (no fixed target)", kb(s.fanout.bytesPerConnection), null);
  check("5.soak-heap", `soak of ${s.soak.updates} updates: JS heap growth < 10 MB`, `${s.soak.heapGrowthMb} MB`, s.soak.shownLast && s.soak.heapGrowthMb < 10);
  check("5.soak-dom", "soak: no DOM node growth", `${s.soak.nodesBefore} → ${s.soak.nodesAfter}`, s.soak.shownLast && s.soak.nodesAfter <= s.soak.nodesBefore);
  return s;
}

/** The targets table, and a note on the sections a busy machine slowed. */
function summary() {
  heading("Targets");
  console.log(table(["status", "target", "measured"], targets.map((t) => [t.status, t.target, t.value])));
  const loaded = busy.filter((b) => Math.max(b.before, b.after) > os.cpus().length);
  if (loaded.length) {
    console.log(
      `\nNote: the machine was busy with other work during ${loaded.map((b) => `${b.section} (load ${b.before} → ${b.after})`).join(", ")}; ` +
        `latencies there include waiting for a CPU. The CPU columns (time this process spent per request) are the steadier figure.`,
    );
  }
}

/** bench/results: the figures as JSON (the SQL plans apart, in latest-plans.txt). */
function writeResults(only: string | undefined, totalMs: number) {
  results.loadAverages = busy;
  (results.meta as Record<string, unknown>).loadavgAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  (results.meta as Record<string, unknown>).totalMs = Math.round(totalMs);
  results.targets = targets;

  mkdirSync(RESULTS, { recursive: true });
  const strip = (qs: QueryProfile[] | undefined) => qs?.map(({ plan: _p, ...q }) => q);
  const pglite = results.pglite as { queries: QueryProfile[] } | undefined;
  const postgresRes = results.postgres as { queries: QueryProfile[] } | undefined;
  if (pglite) {
    writeFileSync(
      path.join(RESULTS, "latest-plans.txt"),
      [plansText("pglite", pglite.queries), postgresRes ? plansText("postgres", postgresRes.queries) : ""].join("\n"),
    );
  }
  const json = {
    ...results,
    ...(pglite ? { pglite: { ...pglite, queries: strip(pglite.queries) } } : {}),
    ...(postgresRes ? { postgres: { ...postgresRes, queries: strip(postgresRes.queries) } } : {}),
  };
  // A partial run (BENCH_ONLY) writes its own file and leaves the full results alone.
  writeFileSync(path.join(RESULTS, only ? `latest-${only}.json` : "latest.json"), `${JSON.stringify(json, null, 2)}\n`);
}

async function main() {
  console.log(
    `Tradewatch bench — ${NOW.toISOString()}, node ${process.version}, ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  const only = process.env.BENCH_ONLY;
  if (!only) {
    results.baseline = await baseline();
    results.pglite = await synthetic();
    const pgUrl = process.env.BENCH_DATABASE_URL;
    if (pgUrl) results.postgres = await postgres(pgUrl);
    else console.log("\n(BENCH_DATABASE_URL not set: PostgreSQL skipped)");
  }
  if (process.env.BENCH_SKIP_START === "1" || (only && only !== "start")) console.log("\n(first start and Lighthouse skipped)");
  else results.start = await firstStart();
  if (process.env.BENCH_SKIP_NEWS === "1" || (only && only !== "news")) console.log("\n(news benchmarks skipped)");
  else results.news = await news();
  if (process.env.BENCH_SKIP_ALERTS === "1" || (only && only !== "alerts")) console.log("\n(alerts benchmarks skipped)");
  else results.alerts = await alerts();
  if (process.env.BENCH_SKIP_PRODUCTS === "1" || (only && only !== "products")) console.log("\n(product benchmarks skipped)");
  else results.products = await productsSection();
  if (process.env.BENCH_SKIP_SCREENS === "1" || (only && only !== "screens")) console.log("\n(status screens skipped)");
  else results.screens = await screens();

  summary();
  const totalMs = performance.now() - started;
  writeResults(only, totalMs);
  console.log(
    `\n${targets.filter((t) => t.status === "MISS").length} MISS, ${targets.filter((t) => t.status === "PASS").length} PASS; ` +
      `total ${(totalMs / 1000).toFixed(1)} s; wrote bench/results/${only ? `latest-${only}.json` : "latest.json and bench/results/latest-plans.txt"}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
