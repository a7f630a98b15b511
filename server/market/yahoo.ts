// Daily index bars from Yahoo Finance through yahoo-finance2 (v3: `new YahooFinance(options)`), chart() with a daily
// interval. The library's own requests go through a fetch we hand it: it enforces the time limit and, when a base
// URL is configured (MARKET_PROVIDER_URL), sends every Yahoo request (https://*.yahoo.com/…) to that origin instead —
// how tests run the real library against a local server speaking Yahoo's chart format. Timestamps are mapped to the
// trading day in the exchange's zone (^KS11 sessions open 09:00 KST, the previous day in UTC). The library (and its
// cookie jar and public-suffix list, ~0.5 MB) is loaded on the first fetch, not when the dashboard names its provider.
import type YahooFinance from "yahoo-finance2";
import { FETCH_TIMEOUT_MS } from "@/server/core/constants";
import { addDays, localDate } from "@/server/core/time";
import { checkBars, MarketDataError, type MarketDataProvider } from "./provider";

export const YAHOO = "Yahoo Finance";

export type YahooOptions = { baseUrl?: string; timeoutMs?: number; zone?: string };

type Quote = { date: Date; open: number | null; high: number | null; low: number | null; close: number | null; volume: number | null };

/** Yahoo's prices are float32-ish (2455.199951171875); an index is quoted to the hundredth. */
const cents = (n: number | null | undefined) => (typeof n === "number" && Number.isFinite(n) ? Math.round(n * 100) / 100 : n);

function redirectingFetch(baseUrl: string | undefined, timeoutMs: number): typeof fetch {
  const base = baseUrl ? new URL(baseUrl) : null;
  return async (input, init) => {
    let url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (base) {
      const u = new URL(url);
      if (/(^|\.)yahoo\.com$/i.test(u.hostname)) {
        const basePath = base.pathname.replace(/\/$/, "");
        url = `${base.origin}${basePath}${u.pathname}${u.search}`;
      }
    }
    const signal = init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    try {
      return await fetch(url, { ...init, signal });
    } catch (error) {
      // A kept-alive connection the server closed while this process was busy is reset on reuse: these GETs are
      // idempotent, so one more try on a fresh connection (anything else, and a second reset, is the caller's).
      if ((error as { cause?: { code?: string } }).cause?.code !== "ECONNRESET" || signal.aborted) throw error;
      return fetch(url, { ...init, signal });
    }
  };
}

/** A plain-language reason for what the library threw. */
function describe(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; code?: unknown; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  if (e?.name === "HTTPError") {
    const body = (e.message ?? "").trim();
    const detail = !body ? "" : body.startsWith("<") ? " (an HTML page)" : ` (${body.slice(0, 120)})`;
    return `the server answered HTTP ${typeof e.code === "number" ? e.code : "error"}${detail}`;
  }
  if (e?.name === "FailedYahooValidationError") return "the answer is not in Yahoo's chart format";
  if (e?.message?.startsWith("Response.ok where we expect JSON")) return "the answer is not JSON (an HTML page?)";
  if (e?.message?.startsWith("Unexpected result")) return "the answer is not in Yahoo's chart format";
  if (e?.name === "TypeError" && e.cause) return `could not reach the server (${e.cause.code ?? e.cause.message ?? "network error"})`;
  if (e?.name === "TypeError") return "the answer is not in Yahoo's chart format";
  return e?.message?.slice(0, 200) ?? String(error);
}

export function createYahooProvider(options: YahooOptions = {}): MarketDataProvider {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const zone = options.zone ?? "Asia/Seoul";
  const silent = { debug() {}, info() {}, warn() {}, error() {}, dir() {} };
  let client: Promise<InstanceType<typeof YahooFinance>> | null = null;
  const yahooClient = () =>
    (client ??= import("yahoo-finance2").then(
      ({ default: Library }) =>
        new Library({
          fetch: redirectingFetch(options.baseUrl, timeoutMs),
          suppressNotices: ["yahooSurvey", "ripHistorical"],
          versionCheck: false,
          validation: { logErrors: false, logOptionsErrors: false },
          logger: silent,
        }),
    ));
  return {
    name: YAHOO,
    async dailyCloses(symbol, from, to) {
      let chart: { meta: { exchangeTimezoneName?: string }; quotes: Quote[] };
      const yahoo = await yahooClient();
      try {
        // A day of margin either side (period2 is exclusive; sessions start at different UTC hours): filtered below.
        chart = (await yahoo.chart(symbol, { period1: addDays(from, -1), period2: addDays(to, 2), interval: "1d" })) as typeof chart;
      } catch (error) {
        throw new MarketDataError(YAHOO, describe(error, timeoutMs), { cause: error });
      }
      const exchangeZone = chart.meta?.exchangeTimezoneName;
      if (exchangeZone && exchangeZone !== zone) {
        throw new MarketDataError(YAHOO, `${symbol} trades in ${exchangeZone}, expected ${zone}`);
      }
      const bars = [];
      for (const q of chart.quotes ?? []) {
        // Yahoo sends null for a day without a value (a holiday row, a half-filled session): not a bar.
        if (q.close === null || q.close === undefined) continue;
        if (!(q.date instanceof Date) || Number.isNaN(q.date.getTime())) throw new MarketDataError(YAHOO, "a bar has no valid timestamp");
        bars.push({ date: localDate(q.date, zone), open: cents(q.open), high: cents(q.high), low: cents(q.low), close: cents(q.close), volume: q.volume ?? null });
      }
      return checkBars(YAHOO, bars).filter((b) => b.date >= from && b.date <= to);
    },
  };
}
