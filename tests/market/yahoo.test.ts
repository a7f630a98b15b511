// The Yahoo adapter — the real yahoo-finance2 library — against a local server in Yahoo's chart format: the bars of
// the asked days with KST sessions mapped to Seoul trading dates, nulls skipped, and every kind of broken answer
// (HTML, wrong JSON, NaN, negative, empty, HTTP 500, silence) a MarketDataError naming the provider.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MarketDataError } from "@/server/market/provider";
import { createYahooProvider } from "@/server/market/yahoo";
import { chartBody, startYahooServer, type YahooServer } from "./yahoo-server";

let server: YahooServer;
beforeAll(async () => {
  server = await startYahooServer();
});
afterAll(() => server?.close());
beforeEach(() => {
  server.respond = null;
  server.requests.length = 0;
  server.bars = [
    { date: "2026-11-18", open: 2501.1, high: 2512.5, low: 2490.3, close: 2505.6, volume: 412_000 },
    { date: "2026-11-19", open: 2506, high: 2530.25, low: 2499.9, close: 2528.4, volume: 398_500 },
    // Yahoo sends a row of nulls for a day without values.
    { date: "2026-11-20", open: null, high: null, low: null, close: null, volume: null },
    { date: "2026-11-23", open: 2530, high: 2531, low: 2440.1, close: 2455.199951171875, volume: null },
  ];
});

const provider = (timeoutMs = 2000) => createYahooProvider({ baseUrl: server.url, timeoutMs });
const json = (body: unknown, status = 200) => (_req: unknown, res: import("node:http").ServerResponse) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
};
async function failure(promise: Promise<unknown>): Promise<MarketDataError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MarketDataError);
  return error as MarketDataError;
}

describe("Yahoo Finance adapter (yahoo-finance2 against a local chart server)", () => {
  it("asks the chart endpoint for ^KS11 daily bars and maps 09:00 KST sessions to Seoul trading dates", async () => {
    const bars = await provider().dailyCloses("^KS11", "2026-11-18", "2026-11-23");
    expect(server.requests).toHaveLength(1);
    const url = new URL(server.requests[0]!, "http://x");
    expect(decodeURIComponent(url.pathname)).toBe("/v8/finance/chart/^KS11");
    expect(url.searchParams.get("interval")).toBe("1d");
    expect(Number(url.searchParams.get("period1"))).toBeLessThanOrEqual(Date.parse("2026-11-18T00:00:00Z") / 1000);
    expect(bars.map((b) => b.date)).toEqual(["2026-11-18", "2026-11-19", "2026-11-23"]);
    expect(bars[0]).toEqual({ date: "2026-11-18", open: 2501.1, high: 2512.5, low: 2490.3, close: 2505.6, volume: 412_000 });
    // Float noise rounded to the hundredth the index is quoted in; a missing volume stays null.
    expect(bars[2]).toMatchObject({ close: 2455.2, volume: null });
  });

  it("a session stamped the previous evening in UTC (08:30 KST = 23:30Z) is still that Seoul trading day", async () => {
    server.respond = json(
      (() => {
        const body = chartBody("^KS11", [{ date: "2026-11-19", close: 2528.4 }]);
        body.chart.result[0]!.timestamp = [Date.parse("2026-11-18T23:30:00Z") / 1000];
        return body;
      })(),
    );
    const bars = await provider().dailyCloses("^KS11", "2026-11-18", "2026-11-19");
    expect(bars.map((b) => b.date)).toEqual(["2026-11-19"]);
  });

  it("keeps only the asked dates", async () => {
    const bars = await provider().dailyCloses("^KS11", "2026-11-19", "2026-11-19");
    expect(bars.map((b) => b.date)).toEqual(["2026-11-19"]);
  });

  const garbage: [string, (typeof server)["respond"], RegExp][] = [
    ["an HTML page", (_q, res) => (res.writeHead(200, { "content-type": "text/html" }), res.end("<!doctype html><html><body>Will be right back…</body></html>")), /Yahoo Finance: .*not JSON/],
    ["JSON of the wrong shape", json({ hello: "world" }), /Yahoo Finance: .*not in Yahoo's chart format/],
    ["a chart without results", json({ chart: { result: [], error: null } }), /Yahoo Finance: the answer is not in Yahoo's chart format$/],
    ["text where prices belong", json(JSON.stringify(chartBody("^KS11", [{ date: "2026-11-19", close: 1 }])).replace('"close":[1]', '"close":["abc"]')), /Yahoo Finance: the answer is not in Yahoo's chart format$/],
    ["a NaN literal (not JSON)", json(JSON.stringify(chartBody("^KS11", [{ date: "2026-11-19", close: 1 }])).replace('"close":[1]', '"close":[NaN]')), /Yahoo Finance: the answer is not JSON/],
    ["a negative close", json(chartBody("^KS11", [{ date: "2026-11-19", open: 10, high: 10, low: 5, close: -5 }])), /Yahoo Finance: invalid bars \(1\): 2026-11-19: close must be greater than 0/],
    ["high below low", json(chartBody("^KS11", [{ date: "2026-11-19", open: 10, high: 5, low: 9, close: 7 }])), /2026-11-19: high must not be below low/],
    ["no bars at all", json(chartBody("^KS11", [])), /Yahoo Finance: the answer held no bars/],
    ["only nulls", json(chartBody("^KS11", [{ date: "2026-11-19", close: null }])), /no bars/],
    ["a Yahoo error object", json({ chart: { result: null, error: { code: "Not Found", description: "No data found, symbol may be delisted" } } }, 404), /Yahoo Finance: .*(delisted|404)/],
    ["another exchange's zone", json(JSON.stringify(chartBody("^KS11", [{ date: "2026-11-19", close: 1 }])).replace('"Asia/Seoul"', '"America/New_York"')), /trades in America\/New_York/],
  ];
  it.each(garbage)("%s → MarketDataError naming the provider", async (_what, respond, message) => {
    server.respond = respond;
    const error = await failure(provider().dailyCloses("^KS11", "2026-11-18", "2026-11-23"));
    expect(error.provider).toBe("Yahoo Finance");
    expect(error.message).toMatch(message);
  });

  it("HTTP 500 → MarketDataError with the status", async () => {
    server.respond = (_q, res) => (res.writeHead(500, { "content-type": "text/plain" }), res.end("Internal Server Error"));
    const error = await failure(provider().dailyCloses("^KS11", "2026-11-18", "2026-11-23"));
    expect(error.message).toBe("Market data from Yahoo Finance: the server answered HTTP 500 (Internal Server Error)");
  });

  it("a server that never answers → MarketDataError after the time limit", async () => {
    server.respond = () => undefined;
    const started = Date.now();
    const error = await failure(provider(300).dailyCloses("^KS11", "2026-11-18", "2026-11-23"));
    expect(error.message).toMatch(/no answer within/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a closed port → MarketDataError (could not reach)", async () => {
    const p = createYahooProvider({ baseUrl: "http://127.0.0.1:9", timeoutMs: 2000 });
    const error = await failure(p.dailyCloses("^KS11", "2026-11-18", "2026-11-23"));
    expect(error.message).toMatch(/could not reach|ECONNREFUSED/);
  });
});
