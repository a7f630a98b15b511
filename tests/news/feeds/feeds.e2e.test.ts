// Feeds in real Chromium: an editor adds a feed served by a local RSS server, clicks "Check now", sees the state
// "ok" and the items with "ingested" linking to the article (and "no keyword match" for the other); a feed whose URL
// answers an HTML page shows the error. Axe on the page.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatViolations, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";

const EDITOR = "feeds-e2e-editor@example.org";

let feedServer: http.Server;
let base = "";

const FEED = () => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour wire</title>
<item><title>Tariff on Korean washers cut to 10%</title><link>${base}/story/washers</link><guid>hw-1</guid><pubDate>Mon, 23 Nov 2026 06:00:00 GMT</pubDate></item>
<item><title>Ferry timetable changes for winter</title><link>${base}/story/ferry</link><guid>hw-2</guid></item>
</channel></rss>`;

const STORY = `<!doctype html><html lang="en"><head><title>Tariff on Korean washers cut to 10%</title></head><body><article>
<h1>Tariff on Korean washers cut to 10%</h1>
<p>The tariff on washing machines made in Korea falls from 20% to 10% next month, the trade office said in a short notice on Monday.</p>
<p>Appliance makers in Changwon welcomed the change and said shipments would resume at their usual pace before the holidays.</p>
</article></body></html>`;

const e2e = useE2E({
  prefix: "feeds",
  users: { [EDITOR]: "editor" },
  env: { FETCH_ALLOW_PRIVATE: "127.0.0.1" },
  beforeStart: () => startFeedServer(),
  afterStop: () => new Promise<void>((resolve) => feedServer?.close(() => resolve())),
});

async function startFeedServer() {
  feedServer = http.createServer((req, res) => {
    if (req.url === "/wire.xml") return res.writeHead(200, { "content-type": "application/rss+xml" }).end(FEED());
    if (req.url === "/story/washers") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(STORY);
    if (req.url === "/home.html") return res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><html><body><p>Welcome</p></body></html>");
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => feedServer.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
}

async function addFeed(page: Page, name: string, url: string) {
  const form = page.getByRole("form", { name: "Add a feed" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Feed URL").fill(url);
  await form.getByRole("button", { name: "Add feed" }).click();
  await page.getByRole("heading", { name: new RegExp(name) }).first().waitFor();
}

describe("feeds", () => {
  it("an editor adds a feed, checks it now and sees the ingested item linking to its article; a broken feed shows its error; axe passes", async () => {
    await e2e.as(EDITOR, async (page) => {
      const response = await page.goto(`${e2e.url}/feeds`, { waitUntil: "load" });
      expect(response?.status(), e2e.app.output().slice(-3000)).toBe(200);

      await addFeed(page, "Harbour wire", `${base}/wire.xml`);
      const card = page.locator('[data-testid^="feed-"]').filter({ hasText: "Harbour wire" }).first();
      expect((await card.getByTestId("feed-state").textContent())?.trim()).toBe("new");
      await card.getByRole("button", { name: "Check now" }).click();
      await card.getByTestId("feed-action-status").waitFor();
      expect(await card.getByTestId("feed-action-status").textContent()).toBe("Checked: 2 new items, 1 ingested, 0 errors.");
      await expect.poll(async () => (await card.getByTestId("feed-state").textContent())?.trim(), { timeout: 10_000 }).toBe("ok");
      const rows = card.getByTestId("feed-item");
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
      const washers = rows.filter({ hasText: "Tariff on Korean washers" });
      expect(await washers.textContent()).toContain("ingested");
      const href = await washers.getByTestId("feed-item-article").getAttribute("href");
      expect(href).toMatch(/^\/news\/\d+$/);
      expect(await rows.filter({ hasText: "Ferry timetable" }).textContent()).toContain("no keyword match");

      await addFeed(page, "Not a feed", `${base}/home.html`);
      const broken = page.locator('[data-testid^="feed-"]').filter({ hasText: "Not a feed" }).first();
      await broken.getByRole("button", { name: "Check now" }).click();
      await expect.poll(async () => (await broken.getByTestId("feed-state").textContent())?.trim(), { timeout: 10_000 }).toBe("error");
      expect(await broken.getByTestId("feed-error").textContent()).toContain("not an RSS or Atom feed: root element <html>");

      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    });
  });
});
