// A local server speaking Yahoo Finance's chart API (GET /v8/finance/chart/<symbol>?period1=…&period2=…&interval=1d),
// answering the bars it holds for the asked period in Yahoo's shape: session timestamps (09:00 KST = 00:00 UTC for
// ^KS11), parallel arrays with null for missing values, meta with the exchange's zone. `respond` overrides the answer
// (garbage, HTTP errors, silence) for the next requests.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeBar = { date: string; open?: number | null; high?: number | null; low?: number | null; close: number | null; volume?: number | null };
export type Responder = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export type YahooServer = {
  url: string;
  requests: string[];
  bars: FakeBar[];
  respond: Responder | null;
  close: () => Promise<void>;
};

/** Session start of a Seoul trading day: 09:00 KST. */
export const sessionTimestamp = (date: string) => Date.parse(`${date}T09:00:00+09:00`) / 1000;

export function chartBody(symbol: string, bars: FakeBar[]) {
  const ts = bars.map((b) => sessionTimestamp(b.date));
  const last = bars.at(-1);
  return {
    chart: {
      result: [
        {
          meta: {
            currency: "KRW",
            symbol,
            exchangeName: "KSC",
            fullExchangeName: "KSE",
            instrumentType: "INDEX",
            firstTradeDate: 867715200,
            regularMarketTime: ts.at(-1) ?? 0,
            hasPrePostMarketData: false,
            gmtoffset: 32400,
            timezone: "KST",
            exchangeTimezoneName: "Asia/Seoul",
            regularMarketPrice: last?.close ?? 0,
            chartPreviousClose: bars[0]?.close ?? 0,
            priceHint: 2,
            currentTradingPeriod: {
              pre: { timezone: "KST", start: 1795651200, end: 1795651200, gmtoffset: 32400 },
              regular: { timezone: "KST", start: 1795651200, end: 1795674600, gmtoffset: 32400 },
              post: { timezone: "KST", start: 1795674600, end: 1795674600, gmtoffset: 32400 },
            },
            dataGranularity: "1d",
            range: "",
            validRanges: ["1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max"],
          },
          timestamp: ts,
          indicators: {
            quote: [
              {
                open: bars.map((b) => (b.open === undefined ? b.close : b.open)),
                high: bars.map((b) => (b.high === undefined ? b.close : b.high)),
                low: bars.map((b) => (b.low === undefined ? b.close : b.low)),
                close: bars.map((b) => b.close),
                volume: bars.map((b) => (b.volume === undefined ? 400_000 : b.volume)),
              },
            ],
            adjclose: [{ adjclose: bars.map((b) => b.close) }],
          },
        },
      ],
      error: null,
    },
  };
}

export async function startYahooServer(bars: FakeBar[] = []): Promise<YahooServer> {
  const state: YahooServer = { url: "", requests: [], bars, respond: null, close: async () => {} };
  const server = http.createServer((req, res) => {
    state.requests.push(req.url ?? "");
    if (state.respond) return state.respond(req, res);
    const url = new URL(req.url ?? "/", "http://localhost");
    const m = /^\/v8\/finance\/chart\/([^/]+)$/.exec(url.pathname);
    if (!m) {
      res.writeHead(404, { "content-type": "application/json" });
      return res.end(JSON.stringify({ finance: { result: null, error: { code: "Not Found", description: "HTTP 404 Not Found" } } }));
    }
    const symbol = decodeURIComponent(m[1]!);
    const p1 = Number(url.searchParams.get("period1"));
    const p2 = Number(url.searchParams.get("period2"));
    const inRange = state.bars.filter((b) => sessionTimestamp(b.date) >= p1 && sessionTimestamp(b.date) < p2);
    res.writeHead(200, { "content-type": "application/json;charset=utf-8" });
    res.end(JSON.stringify(chartBody(symbol, inRange)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
