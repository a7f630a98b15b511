// Lighthouse 12.2.3 (pinned; Lighthouse 13 needs Node 22) with Debian's Chromium against the production build on the
// embedded database with the real seed: the four category scores on the mobile preset (simulated slow 4G and a 4×
// slower CPU), the timings behind the performance score, and what each page ships.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { CHROMIUM_PATH } from "@/tests/helpers/app-server";

/** Issue 13's three pages and, since issue 14, the product search and a product's page (absent from older checkouts). */
export const LIGHTHOUSE_PAGES = ["/", "/sectors/autos", "/sources", "/products", "/products/8708291500"] as const;

/**
 * The script a page may ship on first load, on the wire (gzip), per route: React, Next's client runtime and
 * next-intl are ~150 KB of it; the rest is the page's own islands (countdown, as-of control, navigation, theme and
 * language switches). Charts are not in it: they load when scrolled to.
 */
export const JS_BUDGET_KB: Record<(typeof LIGHTHOUSE_PAGES)[number], number> = { "/": 170, "/sectors/autos": 170, "/sources": 170, "/products": 170, "/products/8708291500": 170 };
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

export type LighthouseRun = {
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  mainThreadMs: number;
  domNodes: number;
  /** Bytes over the wire: scripts, and everything. */
  scriptBytes: number;
  totalBytes: number;
  unusedScriptBytes: number;
  longTasks: number;
  /** Performance score of every run of this page; the figures above are Lighthouse's median run of them. */
  performanceRuns: number[];
};

type Audit = { numericValue?: number; details?: { items?: Record<string, unknown>[]; overallSavingsBytes?: number } };

type Lhr = { categories: Record<string, { score: number | null }>; audits: Record<string, Audit> };

function summarize(path: string, lhr: Lhr, performanceRuns: number[]): LighthouseRun {
  const a = lhr.audits;
  const num = (id: string) => Math.round(a[id]?.numericValue ?? Number.NaN);
  const requests = (a["network-requests"]?.details?.items ?? []) as { resourceType?: string; transferSize?: number }[];
  const bytes = (type?: string) => requests.filter((r) => !type || r.resourceType === type).reduce((s, r) => s + (r.transferSize ?? 0), 0);
  return {
    path,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as LighthouseRun["scores"],
    fcpMs: num("first-contentful-paint"),
    lcpMs: num("largest-contentful-paint"),
    tbtMs: num("total-blocking-time"),
    cls: Math.round((a["cumulative-layout-shift"]?.numericValue ?? Number.NaN) * 1000) / 1000,
    speedIndexMs: num("speed-index"),
    mainThreadMs: num("mainthread-work-breakdown"),
    domNodes: num("dom-size"),
    scriptBytes: bytes("Script"),
    totalBytes: bytes(),
    unusedScriptBytes: a["unused-javascript"]?.details?.overallSavingsBytes ?? 0,
    longTasks: (a["long-tasks"]?.details?.items ?? []).length,
    performanceRuns,
  };
}

/** Runs per page (BENCH_LIGHTHOUSE_RUNS): one run's score moves by ±5 on a shared machine; Lighthouse's docs advise a median. */
export const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

/** `runs` Lighthouse runs per page (a fresh Chromium each, as Lighthouse's CLI does), summarised by the median run. */
export async function lighthouseRuns(baseUrl: string, paths: readonly string[] = LIGHTHOUSE_PAGES, runs = LIGHTHOUSE_RUNS): Promise<LighthouseRun[]> {
  const out: LighthouseRun[] = [];
  for (const path of paths) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await lighthouseOnce(`${baseUrl}${path}`));
    const perf = results.map((lhr) => Math.round((lhr.categories.performance?.score ?? 0) * 100));
    out.push(summarize(path, computeMedianRun(results as never) as unknown as Lhr, perf));
  }
  return out;
}

async function lighthouseOnce(url: string): Promise<Lhr> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return result.lhr as never;
  } finally {
    await chrome.kill();
  }
}
