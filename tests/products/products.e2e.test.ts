// Product pages in Chromium: search as you type, a line's page (axe-clean, in Korean, on a phone), the parts list,
// and Hangul drawn by the self-hosted web font on a machine without a Korean system font.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatViolations, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";

const BUYER = "buyer@example.org";
const e2e = useE2E({ prefix: "products", users: { [BUYER]: "viewer" }, signIn: "once" });

async function open(page: Page, route: string) {
  const res = await page.goto(`${e2e.url}${route}`, { waitUntil: "load" });
  expect(res?.status(), `GET ${route}\n${e2e.app.output().slice(-3000)}`).toBe(200);
}

async function expectAxeClean(page: Page, what: string) {
  const violations = await runAxe(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

describe("products", () => {
  it("finds lines as you type and opens one: duty, steps, lists, sources; axe-clean", () =>
    e2e.as(null, async (page) => {
      await open(page, "/products");
      await page.fill("#product-q", "8708.29.15");
      const first = page.locator("section[aria-live] a").first();
      await first.waitFor();
      expect(await first.textContent()).toContain("8708.29.15.00");
      await expectAxeClean(page, "/products with results");
      await first.click();
      await page.waitForURL(/\/products\/8708291500$/);
      await expect.poll(() => page.getByTestId("additional-duty").textContent()).toBe("15%");
      const body = (await page.locator("main").textContent()) ?? "";
      expect(body).toContain("Section 232 auto parts");
      expect(body).toContain("The Budget Lab at Yale, tariff-rate-tracker");
      expect(await page.locator("figure svg path").count()).toBeGreaterThan(0);
      await expectAxeClean(page, "/products/8708291500");
      // Any date: the as-of view answers as known then.
      await open(page, "/products/8708291500?asOf=2025-12-01");
      expect(await page.getByTestId("additional-duty").textContent()).toBe("25%");
      expect(await page.locator("main").textContent()).toContain("As known today, this date's duty is 15%");
    }));

  it("reads in Korean on a phone, descriptions in English, nothing wider than the screen", () =>
    e2e.as(
      null,
      async (page, context) => {
        await context.addCookies([{ name: "NEXT_LOCALE", value: "ko", url: e2e.url }]);
        await open(page, "/products/6110202010");
        expect(await page.getAttribute("html", "lang")).toBe("ko");
        const main = (await page.locator("main").textContent()) ?? "";
        expect(main).toContain("한국산 추가 관세");
        expect(main).toContain("Jerseys, pullovers, cardigans");
        const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await expectAxeClean(page, "/products/6110202010 (ko, phone)");
      },
      { locale: "ko-KR", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    ));

  it("draws Hangul with the self-hosted font, not boxes, where the system has no Korean font", () =>
    e2e.as(null, async (page, context) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: "ko", url: e2e.url }]);
      const fonts: string[] = [];
      page.on("response", (r) => void (r.url().endsWith(".woff2") && r.status() === 200 && fonts.push(r.url())));
      await open(page, "/products");
      const loaded = await page.evaluate(async () => (await document.fonts.load('16px "Noto Sans KR"', "관세")).length);
      expect(loaded).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans KR"', "관세"))).toBe(true);
      // Two different syllables: a missing-glyph box looks the same for both, real glyphs do not.
      const shots = async (family: string) => {
        await page.evaluate((f) => {
          document.getElementById("glyphs")?.remove();
          const div = Object.assign(document.createElement("div"), { id: "glyphs" });
          div.innerHTML = `<span id="g1" style="font:48px ${f};display:inline-block">가</span><span id="g2" style="font:48px ${f};display:inline-block">힣</span>`;
          document.body.prepend(div);
        }, family);
        await page.evaluate(() => document.fonts.ready);
        return [await page.locator("#g1").screenshot(), await page.locator("#g2").screenshot()];
      };
      const [a, b] = await shots('"Noto Sans KR"');
      expect(a!.equals(b!)).toBe(false);
      // The glyphs came from the app's own font files (this machine has no Korean system font: fc-list shows none).
      expect(fonts.some((u) => /\/fonts\/noto-sans-kr-[\d.]+\/noto-sans-kr-\d+-400-normal\.woff2$/.test(u))).toBe(true);
    }));

  it("rates a parts list: every row back, changes and problems, from a file", () =>
    e2e.as(null, async (page) => {
      await open(page, "/products/parts");
      await page.setInputFiles('input[name="file"]', { name: "parts.csv", mimeType: "text/csv", buffer: Buffer.from("hts,label\n8708.29.15.00,Door panel\n12x,Typo\n6110202010,Sweater\n") });
      await page.fill('input[name="date"]', "2025-08-10");
      await page.fill('input[name="compare"]', "2026-08-01");
      await page.getByRole("button", { name: "Rate the list" }).click();
      const summary = page.locator("section[aria-live] p").first();
      await summary.waitFor();
      expect(await summary.textContent()).toContain("3 rows: 2 rated, 2 changed, 1 with a problem");
      const rows = await page.locator("section[aria-live] tbody tr").allTextContents();
      expect(rows[0]).toContain("Door panel");
      expect(rows[0]).toContain("-10");
      expect(await page.locator("section[aria-live]").textContent()).toContain('"12x" is not an HTS code of ten digits');
      await expectAxeClean(page, "/products/parts with results");
    }));

  it("a signed-in person keeps a watchlist: bad rows named, lines with their duty, alerts for it", () =>
    e2e.as(BUYER, async (page) => {
      await open(page, "/products/watchlists");
      await page.fill("#watchlist-name", "Our parts");
      await page.fill("#watchlist-lines", "8708.29.15.00, Door panel\n12x, Typo");
      await page.getByRole("button", { name: "Create the watchlist" }).click();
      await page.getByTestId("row-problems").waitFor();
      expect(await page.getByTestId("row-problems").textContent()).toContain('Row 2: "12x" is not an HTS code of ten digits');
      await page.fill("#watchlist-lines", "8708.29.15.00, Door panel\n6110202010, Sweater");
      await page.getByRole("button", { name: "Create the watchlist" }).click();
      await page.waitForURL(/\/products\/watchlists\/wl-[0-9a-f]{16}$/);
      const table = (await page.locator("table").first().textContent()) ?? "";
      expect(table).toContain("Door panel");
      expect(table).toContain("15%");
      await expectAxeClean(page, "a watchlist's page");
      expect(await page.locator("#watch-email").inputValue()).toBe(BUYER);
      await page.getByRole("button", { name: "Subscribe" }).click();
      await expect.poll(() => page.getByTestId("form-saved").first().textContent()).toContain("Check your inbox");
    }));
});
