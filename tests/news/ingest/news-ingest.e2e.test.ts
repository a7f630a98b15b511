// News ingestion in real Chromium: an editor pastes an article (success with a link to it), uploads an .html file,
// gives the URL of a local news server (the app runs with FETCH_ALLOW_PRIVATE=127.0.0.1), and pastes a duplicate
// ("already ingested"); an empty paste and a binary upload show a clear error on their field; the recent table lists
// the articles; a viewer gets no form. Axe on the editor's page.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatViolations, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";

const EDITOR = "news-editor@example.org";
const VIEWER = "news-viewer@example.org";
const PASTED = "Korea's finance ministry said on Thursday that chip exports rose 9% in October, the strongest month this year, as memory prices recovered.";

let news: http.Server;
let newsUrl = "";

const e2e = useE2E({
  prefix: "news",
  users: { [EDITOR]: "editor", [VIEWER]: "viewer" },
  signIn: "once",
  env: { FETCH_ALLOW_PRIVATE: "127.0.0.1" },
  beforeStart: () => startNewsServer(),
  afterStop: async () => {
    news?.closeAllConnections();
    await new Promise((r) => news?.close(r));
  },
});

async function startNewsServer() {
  news = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<html lang="en"><head><title>Shipyards win orders</title><meta property="og:site_name" content="Bay Courier"></head><body>
      <nav>Home Sports</nav><article><h1>Shipyards win orders</h1>
      <p>Korean shipbuilders booked orders for twelve gas carriers in November, the industry association said, as American buyers sought vessels before new port fees.</p>
      <p>The association expects the yards to stay busy through 2027.</p></article></body></html>`);
  });
  await new Promise<void>((r) => news.listen(0, "127.0.0.1", r));
  newsUrl = `http://127.0.0.1:${(news.address() as AddressInfo).port}/shipyards`;
}

describe("news ingestion", () => {
  it("editor: paste, upload, URL, duplicate, and clear errors; axe passes", async () => {
    await e2e.as(EDITOR, async (page) => {
      await page.goto(`${e2e.url}/news`);
      await page.getByRole("heading", { name: "News", level: 1 }).waitFor();

      // Empty paste: error on the text field.
      await page.getByRole("button", { name: "Add article" }).click();
      await page.locator("#paste-text-error").waitFor();
      expect(await page.locator("#paste-text-error").textContent()).toContain("must not be empty");
      expect(await page.getByLabel("Article text").getAttribute("aria-invalid")).toBe("true");

      // Paste.
      await page.getByLabel("Article text").fill(PASTED);
      await page.getByLabel("Title (optional)").fill("Chip exports rise");
      await page.getByRole("button", { name: "Add article" }).click();
      const pasteStatus = page.getByTestId("paste-status");
      await pasteStatus.getByText(/Article added/).waitFor();
      const link = pasteStatus.getByRole("link", { name: "Open the article" });
      expect(await link.getAttribute("href")).toMatch(/^\/news\/\d+$/);

      // Duplicate (same content, other spacing).
      await page.getByLabel("Article text").fill(`  ${PASTED.replace(/ /g, "  ")}\n`);
      await page.getByRole("button", { name: "Add article" }).click();
      await pasteStatus.getByText("Already ingested (same content).").waitFor();
      expect(await pasteStatus.getByRole("link", { name: "Open the article" }).getAttribute("href")).toBe(await link.getAttribute("href"));

      // Upload an .html file.
      const dir = mkdtempSync(path.join(tmpdir(), "tw-news-files-"));
      try {
        const html = path.join(dir, "budget.html");
        writeFileSync(html, "<html><body><article><h1>Support budget</h1><p>The government set aside 4 trillion won to help exporters hit by the new tariffs, officials said on Monday.</p></article></body></html>");
        await page.getByLabel(/^File/).setInputFiles(html);
        await page.getByRole("button", { name: "Upload" }).click();
        await page.getByTestId("upload-status").getByText(/Article added/).waitFor();

        // A binary upload: error on the file field.
        const png = path.join(dir, "chart.txt");
        writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
        await page.getByLabel(/^File/).setInputFiles(png);
        await page.getByRole("button", { name: "Upload" }).click();
        await page.locator("#upload-file-error").waitFor();
        expect(await page.locator("#upload-file-error").textContent()).toContain("PNG image, not text");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }

      // From a URL on a local server.
      await page.getByLabel("Article URL").fill(newsUrl);
      await page.getByRole("button", { name: "Fetch article" }).click();
      await page.getByTestId("url-status").getByText(/Article added/).waitFor();
      // The same URL again (with a tracking parameter) is a duplicate by URL.
      await page.getByLabel("Article URL").fill(`${newsUrl}?utm_source=mail`);
      await page.getByRole("button", { name: "Fetch article" }).click();
      await page.getByTestId("url-status").getByText("Already ingested (same URL).").waitFor();
      // A private address not allowed: a clear error on the field.
      await page.getByLabel("Article URL").fill("http://10.0.0.1/x");
      await page.getByRole("button", { name: "Fetch article" }).click();
      await page.locator("#ingest-url-error").waitFor();
      expect(await page.locator("#ingest-url-error").textContent()).toContain("private address");

      // The recent table lists them.
      await page.reload();
      const table = page.getByTestId("recent-articles");
      for (const title of ["Chip exports rise", "Support budget", "Shipyards win orders"]) await table.getByRole("link", { name: title }).waitFor();
      expect(await table.getByRole("row").filter({ hasText: "Shipyards win orders" }).textContent()).toContain("Bay Courier");

      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    });
  });

  it("viewer: no form", async () => {
    await e2e.as(VIEWER, async (page) => {
      await page.goto(`${e2e.url}/news`);
      await page.getByText("Adding articles needs the editor role.").waitFor();
      expect(await page.getByLabel("Article text").count()).toBe(0);
    });
  });
});
