// What the first-start section (bench/first-start.ts) prints and checks: before and after side by side.
import type { benchFirstStart } from "./first-start";
import { JS_BUDGET_KB, type LIGHTHOUSE_PAGES } from "./lighthouse";
import { check } from "./report";
import { kb, ms, table } from "./lib";

type Figures = Awaited<ReturnType<typeof benchFirstStart>>;
const s = (x: number) => `${(x / 1000).toFixed(2)} s`;

export function printFirstStart(f: Figures) {
  const labels = f.checkouts.map((c) => c.label);
  const after = f.start.after!;
  console.log(
    table(
      ["npm start → first 200 of /", ...labels],
      [
        ["first npm start of a fresh checkout (build included)", ...labels.map((l) => s(f.start[l]!.firstEverMs))],
        ["first start, new DATA_DIR (median)", ...labels.map((l) => `${s(f.start[l]!.firstMedian)} (${f.start[l]!.firstStarts.map((x) => (x / 1000).toFixed(2)).join(" / ")})`)],
        ["restart, existing DATA_DIR (median)", ...labels.map((l) => `${s(f.start[l]!.restartMedian)} (${f.start[l]!.restarts.map((x) => (x / 1000).toFixed(2)).join(" / ")})`)],
      ],
    ),
  );
  check("13.first-start", "first start ≤ 2 s to the first 200 of / on a new DATA_DIR (median)", s(after.firstMedian), after.firstMedian <= 2000);
  check("13.restart", "restart ≤ 1 s (median)", s(after.restartMedian), after.restartMedian <= 1000);
  check("13.first-build", "the first npm start of a fresh checkout, build included (no fixed target)", s(after.firstEverMs), null);

  const rows = Object.entries(f.lighthouse).flatMap(([label, runs]) =>
    runs.map((r) => [
      `${r.path} (${label})`,
      `${r.scores.performance} / ${r.scores.accessibility} / ${r.scores["best-practices"]} / ${r.scores.seo}`,
      r.performanceRuns?.join(", ") ?? "",
      ms(r.fcpMs),
      ms(r.lcpMs),
      ms(r.tbtMs),
      r.cls,
      r.domNodes,
      kb(r.scriptBytes),
      kb(r.unusedScriptBytes),
    ]),
  );
  console.log(table(["Lighthouse 12.2.3, mobile (median run)", "perf / a11y / best / SEO", "perf, each run", "FCP", "LCP", "TBT", "CLS", "DOM", "JS (wire)", "unused JS"], rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])))));
  for (const r of f.lighthouse.after ?? []) {
    const worst = Math.min(...Object.values(r.scores));
    check(`13.lighthouse${r.path}`, `Lighthouse mobile ≥ 95 in all four categories on ${r.path}`, `${worst} (perf ${r.scores.performance}, JS ${kb(r.scriptBytes)})`, worst >= 95);
    const budget = JS_BUDGET_KB[r.path as (typeof LIGHTHOUSE_PAGES)[number]];
    if (budget) check(`13.js${r.path}`, `JS shipped by ${r.path} on first load ≤ ${budget} KB (gzip)`, kb(r.scriptBytes), r.scriptBytes <= budget * 1024);
  }

  console.log(
    table(
      ["overview on the 100× data", ...labels],
      [
        ["HTML: p50 / p95 (server, loopback)", ...labels.map((l) => `${ms(f.page[l]!.html.ms.p50)} / ${ms(f.page[l]!.html.ms.p95)}`)],
        ["HTML: p50 / p95 of requests 6–45 after the start", ...labels.map((l) => (f.page[l]!.html.early ? `${ms(f.page[l]!.html.early!.p50)} / ${ms(f.page[l]!.html.early!.p95)}` : "—"))],
        ["HTML on the wire (gzip)", ...labels.map((l) => kb(f.page[l]!.html.wireBytes))],
        ["RSC (client navigation): p50 / p95", ...labels.map((l) => `${ms(f.page[l]!.rsc.ms.p50)} / ${ms(f.page[l]!.rsc.ms.p95)}`)],
        ["RSC on the wire (gzip)", ...labels.map((l) => kb(f.page[l]!.rsc.wireBytes))],
        ["tRPC overview.get with If-None-Match: p95, bytes", ...labels.map((l) => (f.page[l]!.etag304 ? `${ms(f.page[l]!.etag304!.ms.p95)}, ${f.page[l]!.etag304!.wireBytes} B (304)` : "no ETag"))],
      ],
    ),
  );
  const page = f.page.after!;
  check("13.page-time", "overview page at 100× data ≤ 100 ms server time p95", ms(page.html.ms.p95), page.html.ms.p95 <= 100);
  check("13.page-bytes", "overview page at 100× data ≤ 150 KB transferred (HTML with its inline RSC, gzip)", kb(page.html.wireBytes), page.html.wireBytes <= 150 * 1024);
}
