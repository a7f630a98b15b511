// The Market data panel on /edit/observations in real Chromium, the app's provider pointed at a local server in
// Yahoo's chart format (MARKET_PROVIDER_URL): an editor sees the provider, the seed's last close and the next run in
// Seoul and Washington time; "Fetch now" appends the missing closes and says which, reports the stored close the
// provider disagrees with, records the large move; a second click is "Up to date"; a provider answering garbage
// shows the clear error and writes nothing. Axe passes with the outcome shown.
import { describe, expect, it } from "vitest";
import { formatViolations, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";
import { startYahooServer, type YahooServer } from "./yahoo-server";

const EDITOR = "market-editor@example.org";
let yahoo: YahooServer;

const e2e = useE2E({
  prefix: "market",
  users: { [EDITOR]: "editor" },
  signIn: "once",
  beforeStart: async () => {
    yahoo = await startYahooServer([
      { date: "2026-08-26", close: 6800 },
      { date: "2026-08-27", close: 6912.37 },
      { date: "2026-08-28", close: 6950.25 },
      { date: "2026-08-31", close: 6700.5 },
    ]);
  },
  // JOBS=off: the market job would otherwise catch up at start; here the editor fetches by hand.
  env: () => ({ MARKET_PROVIDER: "yahoo", MARKET_PROVIDER_URL: yahoo.url, MARKET_MOVE_EVENT_PCT: "3", JOBS: "off" }),
  afterStop: () => yahoo?.close(),
});

describe("market data panel", () => {
  it("shows the status, fetches now, reports what it did and the errors; axe passes", async () => {
    await e2e.as(EDITOR, async (page) => {
      const response = await page.goto(`${e2e.url}/edit/observations`, { waitUntil: "load" });
      expect(response?.status(), e2e.app.output().slice(-3000)).toBe(200);
      const panel = page.getByTestId("market-status");
      await expect.poll(() => panel.isVisible()).toBe(true);
      expect(await page.getByRole("heading", { name: "Market data" }).count()).toBeGreaterThan(0);
      const text = await panel.innerText();
      expect(text).toContain("Yahoo Finance");
      expect(text).toContain("^KS11");
      expect(await page.getByTestId("market-last-close").innerText()).toBe("Thu 27 Aug 2026 · 6,912.37");
      expect(text).toMatch(/(16|18):00 KST \(Seoul\)/);
      expect(text).toMatch(/0[2-5]:00 E[SD]T \(Washington\)/);

      await page.getByRole("button", { name: "Fetch now" }).click();
      const outcome = page.getByTestId("market-outcome");
      await expect.poll(() => outcome.innerText(), { timeout: 15_000 }).toContain("Appended 2 closes: 2026-08-28 6,950.25, 2026-08-31 6,700.50");
      const said = await outcome.innerText();
      expect(said).toContain("Market events recorded: kospi-move-2026-08-31");
      expect(said).toContain("2026-08-26: stored 6,808.21, provider 6,800.00");
      await expect.poll(() => page.getByTestId("market-last-close").innerText()).toBe("Mon 31 Aug 2026 · 6,700.50");

      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);

      await page.getByRole("button", { name: "Fetch now" }).click();
      await expect.poll(() => outcome.innerText(), { timeout: 15_000 }).toContain("Up to date");

      yahoo.respond = (_q, res) => (res.writeHead(200, { "content-type": "text/html" }), res.end("<html>maintenance</html>"));
      await page.getByRole("button", { name: "Fetch now" }).click();
      await expect.poll(() => outcome.innerText(), { timeout: 15_000 }).toContain("Fetch failed: Market data from Yahoo Finance: the answer is not JSON (an HTML page?)");
      await expect.poll(() => panel.innerText()).toContain("Last error\nMarket data from Yahoo Finance: the answer is not JSON");
      expect(await page.getByTestId("market-last-close").innerText()).toBe("Mon 31 Aug 2026 · 6,700.50");
    });
  }, 180_000);
});
