// The issue's "Done when", as a new editor lives it in real Chromium: a news site and an RSS feed on a local server
// (the app runs with FETCH_ALLOW_PRIVATE=127.0.0.1). The editor gives an article's URL on /news through the nav, sees
// how many facts were proposed, opens the article (evidence marked, proposals beside it), accepts a new budget in one
// click (the record cites the article, the audit log names the editor), meets the conflict on the trade balance the
// seed tracks at $55.7bn, gets "Already ingested" for the same URL, subscribes the feed and checks it (matching item
// ingested, the other "no keyword match", its proposals in /review), and sees bad input stay local: a feed item that
// answers a binary or a huge body shows its error while its siblings are ingested (one in EUC-KR); a malformed feed is
// that feed's error; an empty page and a 404 are clear form errors.
// Axe on /news, /news/<id>, /review and /feeds.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatViolations, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";
import { untilHydrated } from "@/tests/helpers/users";

const EDITOR = "flow-editor@example.org";

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>US cuts tariff on Korean cars to 15% | Eastbridge Daily</title>
<meta property="og:site_name" content="Eastbridge Daily">
<meta property="og:title" content="US to cut tariff on Korean cars to 15% from August">
<meta property="article:published_time" content="2025-07-31T09:30:00+09:00">
<script>window.dataLayer = []; function track() { return "tariff of 99% on everything"; }</script>
<style>.ad { color: red }</style></head>
<body>
<header><nav><a href="/">Home</a> <a href="/economy">Economy</a> <a href="/sports">Sports</a> <a href="/subscribe">Subscribe</a></nav></header>
<div class="ad">Advertisement: save 50% on a premium membership today only</div>
<main><article>
<h1>US to cut tariff on Korean cars to 15% from August</h1>
<p class="byline">By a staff reporter, Seoul</p>
<p>The United States will cut its tariff on Korean cars to 15% from 25%, effective Aug. 1, 2025, officials in Seoul said on Thursday after a late-night round of talks in Washington.</p>
<p>Korea's trade surplus with the US reached $66 billion in 2024, a figure that negotiators on both sides cited repeatedly during the talks.</p>
<p>The finance ministry in Seoul set aside 2 trillion won in loans for small exporters looking for new buyers in Southeast Asia.</p>
<p>Carmakers had warned that the higher duty would force them to move more assembly lines to plants in Georgia and Alabama. Analysts said the lower rate would ease pressure on margins, although shipping costs remain high.</p>
<p>The agreement still needs to be written into an executive order before customs officers can apply the new rate.</p>
</article></main>
<aside>Most read: local team wins the cup; weather turns colder</aside>
<footer>© 2025 Eastbridge Daily. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>`;

const story = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="Harbour Wire"></head><body><nav><a href="/">Harbour Wire</a></nav>
<article><h1>${title}</h1><p>${body}</p></article><footer>Harbour Wire</footer></body></html>`;

const TIRES = story(
  "Tariff on Korean auto parts eased",
  "Washington will lower the tariff on Korean auto parts to 10% from 25%, effective January 1, 2027, the trade office said on Friday. Parts makers in Daegu said they would restart a second shift.",
);
const STEEL = story(
  "Steel tariff talks resume",
  "Negotiators said the tariff on Korean steel pipes would be cut to 12% from 25% once a quota deal is signed, trade officials told reporters on Monday.",
);

// A Korean page in EUC-KR (declared in a <meta>, not in the Content-Type), as many Korean news sites still serve:
// "자동차 관세 15%로 인하 … 미국은 한국산 자동차에 대한 관세를 25%에서 15%로 낮추기로 했다고 …".
const EUC_KR_PAGE = Buffer.from(
  "3c21646f63747970652068746d6c3e3c68746d6c206c616e673d226b6f223e3c686561643e3c6d65746120687474702d65717569763d22436f6e74656e742d547970652220636f6e74656e743d22746578742f68746d6c3b20636861727365743d6575632d6b72223e3c7469746c653ec0dab5bfc2f720b0fcbcbc20313525b7ce20c0cec7cf3c2f7469746c653e3c2f686561643e3c626f64793e3c6e61763ec8a820b0e6c1a620bdbac6f7c3f73c2f6e61763e3c61727469636c653e3c68313ec0dab5bfc2f720b0fcbcbc20313525b7ce20c0cec7cf3c2f68313e3c703eb9ccb1b9c0ba20c7d1b1b9bbea20c0dab5bfc2f7bfa120b4ebc7d120b0fcbcbcb8a620323525bfa1bcad20313525b7ce20b3b7c3dfb1e2b7ce20c7dfb4d9b0ed20c1a4bace20b0fcb0e8c0dab0a120b9e0c7fbb4d92e20bef7b0e8b4c220bcf6c3e220c8b8bab9c0bb20b1e2b4ebc7cfb0ed20c0d6b4d92e3c2f703e3c2f61727469636c653e3c666f6f7465723ec7d7b1b8c0cfbab83c2f666f6f7465723e3c2f626f64793e3c2f68746d6c3e",
  "hex",
);

const rss = (title: string, items: { title: string; link: string; guid: string }[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>${base}/</link><description>Trade news</description>
${items.map((i) => `<item><title>${i.title}</title><link>${base}${i.link}</link><guid>${i.guid}</guid><pubDate>Mon, 23 Nov 2026 06:00:00 GMT</pubDate></item>`).join("\n")}
</channel></rss>`;

let site: http.Server;
let base = "";

const e2e = useE2E({
  prefix: "flow",
  users: { [EDITOR]: "editor" },
  env: { FETCH_ALLOW_PRIVATE: "127.0.0.1" },
  beforeStart: () => startSite(),
  afterStop: async () => {
    site?.closeAllConnections();
    await new Promise((resolve) => site?.close(resolve));
  },
  timeout: 300_000,
});

async function startSite() {
  site = http.createServer((req, res) => {
    const html = (body: string) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    switch (req.url) {
      case "/economy/us-cuts-car-tariff":
        return html(ARTICLE);
      case "/economy/empty":
        return html("");
      case "/wire.xml":
        return res.writeHead(200, { "content-type": "application/rss+xml" }).end(
          rss("Harbour Wire", [
            { title: "Tariff on Korean auto parts eased", link: "/wire/parts", guid: "hw-tires" },
            { title: "Ferry timetable changes for winter", link: "/wire/ferry", guid: "hw-ferry" },
          ]),
        );
      case "/wire/parts":
        return html(TIRES);
      case "/rough.xml":
        return res.writeHead(200, { "content-type": "application/rss+xml" }).end(
          rss("Rough Wire", [
            { title: "Tariff chart as an image", link: "/rough/chart", guid: "rw-chart" },
            { title: "Tariff dossier, the full scan", link: "/rough/huge", guid: "rw-huge" },
            { title: "Steel tariff talks resume", link: "/rough/steel", guid: "rw-steel" },
            { title: "자동차 관세 15%로 인하", link: "/rough/ko", guid: "rw-ko" },
          ]),
        );
      case "/rough/chart":
        // A PNG served as a web page.
        return res.writeHead(200, { "content-type": "text/html" }).end(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 0)]));
      case "/rough/huge": {
        // Six megabytes of page, streamed without a length.
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        const chunk = Buffer.alloc(64 * 1024, "a");
        let sent = 0;
        const pump = () => {
          while (sent < 6 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("error", () => {});
        return pump();
      }
      case "/broken.xml":
        // Cut off mid-item, as a feed is when its server dies while writing it.
        return res.writeHead(200, { "content-type": "application/rss+xml" }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Tariff news</title><link>${base}/wire/parts</li`);
      case "/rough/ko":
        return res.writeHead(200, { "content-type": "text/html" }).end(EUC_KR_PAGE);
      case "/rough/steel":
        return html(STEEL);
      default:
        return res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}

async function axe(page: Page, where: string) {
  const violations = await runAxe(page);
  expect(violations, `${where}: ${formatViolations(violations)}`).toEqual([]);
}

async function addFeed(page: Page, name: string, url: string) {
  const form = page.getByRole("form", { name: "Add a feed" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Feed URL").fill(url);
  await form.getByRole("button", { name: "Add feed" }).click();
  await page.getByRole("heading", { name: new RegExp(name) }).first().waitFor();
  return page.locator('[data-testid^="feed-"]').filter({ hasText: name }).first();
}

const proposal = (page: Page, text: string | RegExp) => page.getByTestId("proposal").filter({ hasText: text });

describe("from news to tracked facts", () => {
  it("a link and a feed become sourced proposals accepted in a click; bad input stays local; axe passes", async () => {
    await e2e.as(EDITOR, async (page) => {
      const articleUrl = `${base}/economy/us-cuts-car-tariff`;

      // 1. /news through the nav; the URL form; the count of facts; the article with its evidence and proposals.
      await page.getByRole("navigation").getByRole("link", { name: "News", exact: true }).click();
      await page.getByRole("heading", { name: "News", level: 1 }).waitFor();
      await axe(page, "/news");
      await page.getByLabel("Article URL").fill(articleUrl);
      await page.getByRole("button", { name: "Fetch article" }).click();
      const status = page.getByTestId("url-status");
      await status.getByText(/Article added/).waitFor({ timeout: 30_000 });
      const added = (await status.textContent()) ?? "";
      const count = Number(/(\d+) facts? proposed/.exec(added)?.[1]);
      expect(count, added).toBeGreaterThanOrEqual(3);
      await status.getByRole("link", { name: "Open the article" }).click();
      await page.waitForURL(/\/news\/\d+$/);
      const articlePath = new URL(page.url()).pathname;
      await page.getByRole("heading", { level: 1 }).waitFor();
      const text = (await page.getByTestId("article-text").textContent()) ?? "";
      expect(text).toContain("The United States will cut its tariff on Korean cars to 15% from 25%");
      for (const junk of ["Advertisement", "dataLayer", "Most read", "All rights reserved", "Subscribe"]) expect(text, junk).not.toContain(junk);
      const body = (await page.textContent("main")) ?? "";
      expect(body).toContain("Eastbridge Daily");
      const marks = page.getByTestId("article-text").locator("mark");
      expect(await marks.count()).toBeGreaterThanOrEqual(3);
      expect((await marks.allTextContents()).join(" ")).toContain("2 trillion won");
      expect(await page.getByTestId("proposal").count()).toBe(count);
      await axe(page, articlePath);

      // 2. A conflict with the tracked 2024 trade balance ($55.7bn): badge, and Accept asks for a choice.
      const balance = proposal(page, /Trade balance 66,000,000,000 USD/);
      await expect.poll(() => balance.getByTestId("conflict-badge").count()).toBe(1);
      expect(await balance.getByTestId("conflict-badge").textContent()).toContain("Contradicts tracked: 55,700,000,000 → 66,000,000,000");
      const trackedHref = await balance.getByTestId("conflict-badge").getAttribute("href");
      expect(trackedHref).toMatch(/^\/edit\/figures\//);
      await balance.getByRole("button", { name: "Accept" }).click();
      await balance.getByRole("button", { name: "Accept with this choice" }).waitFor();
      expect(await balance.textContent()).not.toContain("Accepted →");

      // One click accepts the new budget; it shows as accepted, its record cites the article, the audit names the editor.
      const budget = proposal(page, "Budget 2,000,000,000,000 KRW: loans for small exporters looking for new buyers");
      expect(await budget.getByTestId("conflict-badge").count(), (await budget.textContent()) ?? "").toBe(0);
      await budget.getByRole("button", { name: "Accept" }).click();
      const accepted = budget.getByRole("link", { name: /Accepted → budget/ });
      await accepted.waitFor({ timeout: 15_000 });
      const recordHref = await accepted.getAttribute("href");
      expect(recordHref).toMatch(/^\/edit\/budgets\/[a-z0-9-]*loans-for-small-exporters[a-z0-9-]*$/);
      await page.goto(`${e2e.url}${recordHref}`);
      expect(await page.textContent("main")).toContain("US to cut tariff on Korean cars to 15% from August");
      // The sources page lists 40 a page, newest first: the article's (Jul 2025) is a page or two in.
      let sources = "";
      for (let offset = 0; offset < 200 && !sources.includes("US to cut tariff on Korean cars to 15% from August"); offset += 40) {
        await page.goto(`${e2e.url}/sources?offset=${offset}`);
        sources = (await page.textContent("main")) ?? "";
      }
      expect(sources).toContain("US to cut tariff on Korean cars to 15% from August");
      expect(sources).toContain("Eastbridge Daily");
      const recordKey = recordHref!.split("/").pop()!;
      await page.goto(`${e2e.url}/audit?recordType=budget&recordKey=${recordKey}`);
      const audit = (await page.textContent("main")) ?? "";
      expect(audit).toContain(recordKey);
      expect(audit).toContain(EDITOR);

      // The conflict, decided: the article's figure becomes a new version of the tracked balance, cited and audited.
      await page.goto(`${e2e.url}${articlePath}`);
      await balance.getByRole("button", { name: "Accept" }).click();
      await balance.getByLabel("Use the article's value (new version)").check();
      await balance.getByLabel("Note", { exact: true }).fill("Revised customs data");
      await balance.getByRole("button", { name: "Accept with this choice" }).click();
      const balanceRecord = balance.getByRole("link", { name: /Accepted → figure/ });
      await balanceRecord.waitFor({ timeout: 15_000 });
      expect(await balanceRecord.getAttribute("href")).toBe(trackedHref); // the tracked figure, not a new one
      const figureKey = trackedHref!.split("/").pop()!;
      await page.goto(`${e2e.url}/audit?recordType=figure&recordKey=${figureKey}`);
      const figureAudit = (await page.textContent("main")) ?? "";
      expect(figureAudit).toContain("66000000000");
      expect(figureAudit).toContain("Revised customs data");
      expect(figureAudit).toContain(EDITOR);

      // 3. The same URL again: already ingested, linking to the same article.
      await page.goto(`${e2e.url}/news`);
      await untilHydrated(page); // typed before hydration, a controlled field keeps its first value
      await page.getByLabel("Article URL").fill(articleUrl);
      await page.getByRole("button", { name: "Fetch article" }).click();
      await status.getByText("Already ingested (same URL).").waitFor({ timeout: 30_000 });
      expect(await status.getByRole("link", { name: "Open the article" }).getAttribute("href")).toBe(articlePath);
      // The link as shared on social media (tracking parameters, an anchor) is the same article.
      await page.reload();
      expect(await status.textContent()).toBe("");
      await page.getByLabel("Article URL").fill(`${articleUrl}?utm_source=share&utm_medium=social#comments`);
      await page.getByRole("button", { name: "Fetch article" }).click();
      await status.getByText("Already ingested (same URL).").waitFor({ timeout: 30_000 });
      expect(await status.getByRole("link", { name: "Open the article" }).getAttribute("href")).toBe(articlePath);
      const recent = page.getByTestId("recent-articles").locator("tbody tr").filter({ hasText: "US to cut tariff on Korean cars" });
      expect(await recent.count()).toBe(1);
      expect(await recent.textContent()).toContain("Eastbridge Daily");

      // 5b. An empty page: a clear error on the URL field, nothing added.
      await page.getByLabel("Article URL").fill(`${base}/economy/empty`);
      await page.getByRole("button", { name: "Fetch article" }).click();
      await page.locator("#ingest-url-error").waitFor({ timeout: 30_000 });
      expect(await page.locator("#ingest-url-error").textContent()).toBe("The page is empty; there is no text to read.");
      expect(await page.getByLabel("Article URL").getAttribute("aria-invalid")).toBe("true");
      // A page that is not there: its status, named.
      await page.getByLabel("Article URL").fill(`${base}/economy/gone`);
      await page.getByRole("button", { name: "Fetch article" }).click();
      await expect.poll(() => page.locator("#ingest-url-error").textContent(), { timeout: 30_000 }).toBe(`${base}/economy/gone answered HTTP 404; nothing was read.`);

      // 4. A feed: check now, the matching item ingested with its article, the other no keyword match; /review has it.
      await page.getByRole("navigation").getByRole("link", { name: "Feeds", exact: true }).click();
      await page.waitForURL(/\/feeds$/);
      const wire = await addFeed(page, "Harbour Wire", `${base}/wire.xml`);
      await wire.getByRole("button", { name: "Check now" }).click();
      await wire.getByTestId("feed-action-status").waitFor({ timeout: 30_000 });
      expect(await wire.getByTestId("feed-action-status").textContent()).toBe("Checked: 2 new items, 1 ingested, 0 errors.");
      await expect.poll(async () => (await wire.getByTestId("feed-state").textContent())?.trim(), { timeout: 10_000 }).toBe("ok");
      const rows = wire.getByTestId("feed-item");
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
      const parts = rows.filter({ hasText: "Tariff on Korean auto parts eased" });
      expect(await parts.textContent()).toContain("ingested");
      const partsHref = await parts.getByTestId("feed-item-article").getAttribute("href");
      expect(partsHref).toMatch(/^\/news\/\d+$/);
      expect(await rows.filter({ hasText: "Ferry timetable" }).textContent()).toContain("no keyword match");

      // 5a. A feed whose items answer a binary and a huge body: each shows its error, the third is ingested.
      const rough = await addFeed(page, "Rough Wire", `${base}/rough.xml`);
      await rough.getByRole("button", { name: "Check now" }).click();
      await rough.getByTestId("feed-action-status").waitFor({ timeout: 60_000 });
      expect(await rough.getByTestId("feed-action-status").textContent()).toBe("Checked: 4 new items, 2 ingested, 2 errors.");
      const roughRows = rough.getByTestId("feed-item");
      await expect.poll(() => roughRows.count(), { timeout: 10_000 }).toBe(4);
      const chart = (await roughRows.filter({ hasText: "Tariff chart as an image" }).textContent()) ?? "";
      expect(chart).toContain("The page is a PNG image, not text; give the address of an article page.");
      const huge = (await roughRows.filter({ hasText: "Tariff dossier" }).textContent()) ?? "";
      expect(huge).toContain("the answer is larger than 5 MB");
      const steel = roughRows.filter({ hasText: "Steel tariff talks resume" });
      expect(await steel.textContent()).toContain("ingested");
      expect(await steel.getByTestId("feed-item-article").getAttribute("href")).toMatch(/^\/news\/\d+$/);
      // The EUC-KR page is read in its own charset.
      const korean = roughRows.filter({ hasText: "자동차 관세 15%로 인하" });
      expect(await korean.textContent()).toContain("ingested");
      const koreanHref = await korean.getByTestId("feed-item-article").getAttribute("href");
      // Malformed feed XML: the feed's own error, the other feeds untouched.
      const broken = await addFeed(page, "Broken Wire", `${base}/broken.xml`);
      await broken.getByRole("button", { name: "Check now" }).click();
      await expect.poll(async () => (await broken.getByTestId("feed-state").textContent())?.trim(), { timeout: 30_000 }).toBe("error");
      expect(await broken.getByTestId("feed-error").textContent()).toMatch(/malformed feed XML: .*\(line 1, column \d+\)/);
      expect((await wire.getByTestId("feed-state").textContent())?.trim()).toBe("ok");
      await axe(page, "/feeds");
      await page.goto(`${e2e.url}${koreanHref}`);
      expect(await page.getByTestId("article-text").textContent()).toContain("미국은 한국산 자동차에 대한 관세를 25%에서 15%로 낮추기로 했다");
      expect(await page.getByTestId("article-text").locator("mark").count()).toBeGreaterThanOrEqual(1);

      // The feed's article has its proposals in the review queue.
      await page.getByRole("navigation").getByRole("link", { name: "Review", exact: true }).click();
      await page.waitForURL(/\/review/);
      await expect.poll(() => proposal(page, /Tariff 10% on auto/).count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      expect(await proposal(page, /Tariff 10% on auto/).first().locator("mark").count()).toBeGreaterThanOrEqual(1);
      await axe(page, "/review");
    });
  }, 300_000);
});
