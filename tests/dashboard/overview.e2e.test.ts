// Browser tests of the overview, a sector page and the sources page on the built app with the real seed data.
//
// One `next start` (fresh PGlite data dir, migrated and seeded on first start) and one headless Chromium for the
// whole file; each test opens its own browser context (cookies, colour scheme, viewport) and closes it.
// Full-page screenshots for people to look at go to test-artifacts/ (gitignored).
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { formatViolations, ROOT, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";

const ARTIFACTS = path.join(ROOT, "test-artifacts");
const HISTORICAL = "/?asOf=2025-07-08";

// No locale: each test sets what it needs (a cookie, a colour scheme), the rest is Chromium's default.
const e2e = useE2E({ prefix: "overview", context: { viewport: { width: 1280, height: 900 } } });

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

/** A fresh context and page; `fn` runs with it and the context is closed afterwards, pass or fail. */
async function withPage<T>(
  options: BrowserContextOptions & { cookies?: Record<string, string> },
  fn: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const { cookies, ...contextOptions } = options;
  return e2e.as(
    null,
    async (page, context) => {
      if (cookies) {
        await context.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: e2e.url })));
      }
      return fn(page, context);
    },
    contextOptions,
  );
}

/** Navigates and fails on anything but 200 (with the server's output, which names the error). */
async function open(page: Page, route: string, expectedStatus = 200): Promise<void> {
  const response = await page.goto(`${e2e.url}${route}`, { waitUntil: "load" });
  expect(response?.status(), `GET ${route}\n${e2e.app.output().slice(-4000)}`).toBe(expectedStatus);
}

/** Scrolls to the KOSPI chart (charts load when about to be seen) and waits for its line (drawn in the browser). */
async function waitForKospiLine(page: Page): Promise<void> {
  await page.getByTestId("kospi-chart").first().scrollIntoViewIfNeeded();
  await page.locator("[data-testid=kospi-chart] path.recharts-line-curve").first().waitFor({ state: "attached", timeout: 15_000 });
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").trim();
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

describe("overview as of 2025-07-08 (the acceptance test)", () => {
  it("names the 1 Aug 25% tariff with Washington and Seoul times, shows autos at 25%, draws the KOSPI chart, passes axe", async () => {
    await withPage({}, async (page) => {
      await open(page, HISTORICAL);

      expect(await text(page, "[data-testid=next-deadline-title]")).toMatch(/25% tariff on all Korean goods/);
      expect(await text(page, "[data-testid=due-washington]")).toBe("Fri 1 Aug 2025, 00:01 EDT");
      expect(await text(page, "[data-testid=due-seoul]")).toBe("Fri 1 Aug 2025, 13:01 KST");
      expect(await text(page, "[data-testid=tariff-tile-autos] [data-testid=tariff-rate]")).toBe("25%");
      // From the end of 8 Jul (23:59:59.999 KST) to 13:01 KST on 1 Aug.
      expect(await text(page, "[data-testid=next-deadline] [role=timer]")).toBe("23d 13h 01m 00s");
      expect(await text(page, "[data-testid=as-of-notice]")).toContain("8 Jul 2025");

      await waitForKospiLine(page);
      const d = (await page.locator("[data-testid=kospi-chart] path.recharts-line-curve").first().getAttribute("d")) ?? "";
      // A real line over ~2 years of points: many segments, not "M0,0" or an empty path.
      expect(d.length, `line path d="${d.slice(0, 80)}…"`).toBeGreaterThan(200);
      expect((d.match(/[LC]/g) ?? []).length).toBeGreaterThan(20);
      const markers = page.locator("[data-testid=kospi-chart] .recharts-scatter-symbol");
      expect(await markers.count(), "event markers on the KOSPI chart").toBeGreaterThan(0);

      await expectNoAxeViolations(page, "overview en light");
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.screenshot({ path: path.join(ARTIFACTS, "overview-en-light-1440.png"), fullPage: true });
    });
  });

  it("is server-rendered: the first HTML already has the countdown, the times and the tiles (no spinner)", async () => {
    await withPage({}, async (page) => {
      const response = await page.request.get(`${e2e.url}${HISTORICAL}`);
      expect(response.status()).toBe(200);
      const html = await response.text();
      // The countdown as an element, not just somewhere in the RSC payload.
      expect(html).toMatch(/role="timer"[^>]*>23d 13h 01m 00s</);
      expect(html).toMatch(/data-testid="due-washington"[^>]*>Fri 1 Aug 2025, 00:01 EDT</);
      expect(html).toMatch(/data-testid="due-seoul"[^>]*>Fri 1 Aug 2025, 13:01 KST</);
      for (const sector of ["all_goods", "autos", "auto_parts", "steel_aluminium"]) {
        expect(html).toContain(`data-testid="tariff-tile-${sector}"`);
      }
      expect(html).toMatch(/data-testid="tariff-rate"[^>]*>25%</);
      expect(html).toContain('data-testid="kospi-tile"');
      expect(html).toContain('data-testid="trade-tile"');
      // No loading state in place of content: no spinner or busy region. (The as-of control streams in a Suspense
      // boundary: a disabled copy first, then the usable one later in the same response.)
      expect(html).not.toMatch(/animate-spin|aria-busy="true"/);
      const dateInputs = html.match(/<input[^>]*type="date"[^>]*>/g) ?? [];
      expect(dateInputs.some((tag) => !/\sdisabled=/.test(tag) && tag.includes('value="2025-07-08"')), dateInputs.join("\n")).toBe(true);
    });
  });

  it("shows the countdown, the times and the rates with JavaScript turned off", async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await open(page, HISTORICAL);
      const timer = page.locator("[data-testid=next-deadline] [role=timer]");
      expect(await timer.isVisible()).toBe(true);
      expect(await timer.textContent()).toBe("23d 13h 01m 00s");
      expect(await page.locator("[data-testid=due-seoul]").isVisible()).toBe(true);
      const autosRate = page.locator("[data-testid=tariff-tile-autos] [data-testid=tariff-rate]");
      expect(await autosRate.isVisible()).toBe(true);
      expect(await autosRate.textContent()).toBe("25%");
      // The as-of control still works as a plain GET form.
      await page.locator("input[type=date][name=asOf]").first().fill("2025-04-08");
      await Promise.all([page.waitForURL(/asOf=2025-04-08/), page.getByRole("button", { name: "Show" }).first().click()]);
      expect(await page.locator("[data-testid=tariff-tile-all_goods]").textContent()).toContain("9 Apr 2025");
    });
  });
});

describe("countdown", () => {
  it("is frozen on a historical view", async () => {
    await withPage({}, async (page) => {
      await open(page, HISTORICAL);
      await waitForKospiLine(page); // hydrated: the countdown's effect has run
      const timer = page.locator("[data-testid=next-deadline] [role=timer]");
      const before = await timer.textContent();
      expect(before).toBe("23d 13h 01m 00s");
      await page.waitForTimeout(1_500);
      expect(await timer.textContent()).toBe(before);
    });
  });

  it("on the live view ticks when a deadline is upcoming, and otherwise says there is none", async () => {
    await withPage({}, async (page) => {
      await open(page, "/");
      await waitForKospiLine(page);
      expect(await page.locator("[data-testid=as-of-notice]").count(), "the live view has no as-of banner").toBe(0);
      const tile = page.locator("[data-testid=next-deadline]");
      const timer = tile.locator("[role=timer]");
      if ((await timer.count()) > 0) {
        const before = await timer.textContent();
        await expect.poll(() => timer.textContent(), { timeout: 2_000, interval: 100 }).not.toBe(before);
      } else {
        // As of late 2026 the seed has no deadline after today (the last one fell due 24 Jul 2026).
        expect(squash((await tile.textContent()) ?? "")).toContain("No upcoming deadline");
        expect(await tile.locator("[data-testid=next-deadline-title]").count()).toBe(0);
      }
    });
  });
});

describe("postponement chain", () => {
  it("as of 2025-07-08 lists 9 Apr → 9 Jul → 1 Aug 2025 in order", async () => {
    await withPage({}, async (page) => {
      await open(page, HISTORICAL);
      const chains = await page.locator("[data-testid=postponement-chain]").allTextContents();
      const chain = chains.find((c) => c.includes("9 Apr 2025"));
      expect(chain, `chains: ${JSON.stringify(chains)}`).toBeDefined();
      const dates = chain!.match(/\b\d{1,2} [A-Z][a-z]{2} \d{4}\b/g);
      expect(dates).toEqual(["9 Apr 2025", "9 Jul 2025", "1 Aug 2025"]);
      // The first two were postponed; the last is still ahead on 8 Jul.
      expect(squash(chain!)).toMatch(/9 Apr 2025.*Postponed.*9 Jul 2025.*Postponed.*1 Aug 2025.*Upcoming/);
    });
  });
});

describe("as-of control", () => {
  it("changing the date to 2025-04-08 navigates to ?asOf=2025-04-08 and re-renders the tiles for that day", async () => {
    await withPage({}, async (page) => {
      await open(page, "/");
      await waitForKospiLine(page);
      const allGoods = page.locator("[data-testid=tariff-tile-all_goods]");
      expect(squash((await allGoods.textContent()) ?? "")).not.toContain("Announced 25% from 9 Apr 2025");

      await page.locator('input[type="date"]').fill("2025-04-08");
      await page.waitForURL((url) => url.searchParams.get("asOf") === "2025-04-08", { timeout: 10_000 });
      expect(new URL(page.url()).pathname).toBe("/");

      await expect
        .poll(() => allGoods.locator("[data-testid=tariff-rate]").textContent(), { timeout: 10_000 })
        .toBe("10%");
      await expect
        .poll(async () => squash((await allGoods.textContent()) ?? ""), { timeout: 10_000 })
        .toContain("Announced 25% from 9 Apr 2025");
      expect(await page.locator('input[type="date"]').inputValue()).toBe("2025-04-08");
      expect(await text(page, "[data-testid=as-of-notice]")).toContain("8 Apr 2025");

      // Links to a sector keep the replayed date.
      const sectorLink = page.locator("[data-testid=tariff-tile-autos] a[href^='/sectors/autos']");
      await expect.poll(() => sectorLink.getAttribute("href"), { timeout: 5_000 }).toBe("/sectors/autos?asOf=2025-04-08");
    });
  });
});

describe("sources", () => {
  it("one click on the autos tile's sources button opens a popover listing its sources", async () => {
    await withPage({}, async (page) => {
      await open(page, HISTORICAL);
      await waitForKospiLine(page);
      const button = page.locator("[data-testid=tariff-tile-autos] button[popovertarget]").first();
      const popoverId = await button.getAttribute("popovertarget");
      expect(popoverId).toBeTruthy();
      const popover = page.locator(`[id="${popoverId}"]`);
      expect(await popover.isVisible()).toBe(false);

      await button.click();
      await popover.waitFor({ state: "visible", timeout: 5_000 });
      expect(await popover.evaluate((el) => el.matches(":popover-open"))).toBe(true);
      const items = popover.locator("ol > li");
      const count = await items.count();
      expect(count).toBeGreaterThan(0);
      // The button's "N sources" agrees with the list, and every entry has a title.
      expect(squash((await button.textContent()) ?? "")).toMatch(new RegExp(`^${count} sources?\\b`));
      for (const title of await items.locator("> :first-child").allTextContents()) expect(title.trim().length).toBeGreaterThan(3);
    });
  });

  it("the trade balance tile as of 2025-07-08 says the sources disagree: $55.6bn vs $55.7bn", async () => {
    await withPage({}, async (page) => {
      await open(page, HISTORICAL);
      const tile = squash((await page.locator("[data-testid=trade-tile]").textContent()) ?? "");
      expect(tile).toMatch(/Sources disagree: .*\$55\.6bn.*\$55\.7bn/);
    });
  });
});

describe("Korean", () => {
  it("with NEXT_LOCALE=ko renders lang=ko, Korean titles and KRW in 조/억, and passes axe (dark, screenshot)", async () => {
    await withPage({ cookies: { NEXT_LOCALE: "ko" }, colorScheme: "dark", viewport: { width: 1440, height: 900 } }, async (page) => {
      await open(page, HISTORICAL);
      expect(await page.locator("html").getAttribute("lang")).toBe("ko");
      expect(await text(page, "[data-testid=tariff-tile-autos] a")).toBe("자동차");
      expect(await text(page, "[data-testid=tariff-tile-steel_aluminium] a")).toBe("철강·알루미늄");
      expect(await text(page, "[data-testid=next-deadline] h2")).toBe("다음 기한");
      const support = squash((await page.locator("[data-testid=support-tile]").textContent()) ?? "");
      expect(support).toContain("28조 8,000억 원");
      expect(await text(page, "[data-testid=next-deadline] [role=timer]")).toBe("23일 13시간 01분 00초");
      // The records themselves read in Korean too.
      expect(await text(page, "[data-testid=next-deadline-title]")).toBe("모든 한국산 상품 25% 관세 발효");
      expect(squash((await page.locator("[data-testid=trade-tile]").textContent()) ?? "")).toContain("557억 달러");

      await waitForKospiLine(page);
      expect(await page.locator("html").evaluate((el) => el.classList.contains("dark"))).toBe(true);
      await expectNoAxeViolations(page, "overview ko dark");
      await page.screenshot({ path: path.join(ARTIFACTS, "overview-ko-dark.png"), fullPage: true });
    });
  });
});

describe("theme and viewport", () => {
  it("dark colour scheme with the theme on System applies the dark theme and passes axe", async () => {
    await withPage({ colorScheme: "dark" }, async (page) => {
      await open(page, HISTORICAL);
      await waitForKospiLine(page);
      const html = page.locator("html");
      expect(await html.evaluate((el) => el.classList.contains("dark"))).toBe(true);
      expect(await html.evaluate((el) => getComputedStyle(el).colorScheme)).toBe("dark");
      await expectNoAxeViolations(page, "overview en dark");
    });
  });

  it("the dark theme chosen in the toggle (localStorage theme=dark) passes axe on a light system", async () => {
    await withPage({ colorScheme: "light" }, async (page, context) => {
      await context.addInitScript(() => window.localStorage.setItem("theme", "dark"));
      await open(page, HISTORICAL);
      await waitForKospiLine(page);
      expect(await page.locator("html").evaluate((el) => el.classList.contains("dark"))).toBe(true);
      await expectNoAxeViolations(page, "overview en dark (stored)");
    });
  });

  it("on a 390×844 phone the document does not scroll sideways (en and ko, historical and live)", async () => {
    for (const [locale, route] of [
      ["en", HISTORICAL],
      ["en", "/"],
      ["ko", HISTORICAL],
    ] as const) {
      await withPage(
        { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, cookies: { NEXT_LOCALE: locale } },
        async (page) => {
          await open(page, route);
          await waitForKospiLine(page);
          const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
            const doc = document.documentElement;
            // The element sticking out furthest, to name the culprit in the failure message.
            let widest = "";
            let right = doc.clientWidth;
            for (const el of document.body.querySelectorAll("*")) {
              const r = el.getBoundingClientRect();
              if (r.right > right + 1) {
                right = r.right;
                widest = `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} (${Math.round(r.right)}px)`;
              }
            }
            return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, widest };
          });
          expect(scrollWidth, `${locale} ${route}: widest ${widest}`).toBeLessThanOrEqual(clientWidth + 1);
          if (locale === "en" && route === HISTORICAL) {
            await page.screenshot({ path: path.join(ARTIFACTS, "overview-phone.png"), fullPage: true });
          }
        },
      );
    }
  });

  it("on a phone the charts below the fold cost nothing until scrolled to: no chart drawn, no chart code fetched", async () => {
    await withPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, async (page) => {
      const scripts: string[] = [];
      page.on("request", (request) => {
        if (request.resourceType() === "script") scripts.push(request.url());
      });
      await open(page, HISTORICAL);
      await page.waitForLoadState("networkidle");
      const before = scripts.length;
      expect(await page.locator(".recharts-wrapper").count(), "a chart drawn before it was seen").toBe(0);
      // Its place is kept, with its name, so nothing moves when it arrives.
      const box = page.getByTestId("kospi-chart").first();
      expect(await box.getByRole("img").getAttribute("aria-label")).toBe("KOSPI with events");
      expect((await box.boundingBox())!.height).toBe(320);
      await waitForKospiLine(page);
      expect(scripts.length, "the chart's code is fetched when the chart is about to be seen").toBeGreaterThan(before);
      expect((await box.boundingBox())!.height).toBe(320);
    });
  });
});

describe("caching through the running server", () => {
  it("static assets are long-cached; the REST overview revalidates with its ETag and gets a 304; pages are never immutable", async () => {
    await withPage({}, async (page) => {
      const scripts: string[] = [];
      page.on("request", (request) => {
        if (request.url().includes("/_next/static/") && request.resourceType() === "script") scripts.push(request.url());
      });
      await open(page, HISTORICAL);
      expect(scripts.length).toBeGreaterThan(0);
      const asset = await fetch(scripts[0]!);
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      await asset.arrayBuffer();
    });
    const url = `${e2e.url}/api/v1/overview?asOf=2025-07-08`;
    const first = await fetch(url);
    await first.arrayBuffer();
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const again = await fetch(url, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    const html = await fetch(`${e2e.url}${HISTORICAL}`);
    await html.arrayBuffer();
    expect(html.headers.get("cache-control") ?? "").not.toContain("immutable");
  });
});

describe("keyboard", () => {
  it("the first Tab reaches the skip link, and the as-of date input is reachable by Tab", async () => {
    await withPage({}, async (page) => {
      await open(page, HISTORICAL);
      await waitForKospiLine(page);
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const r = el?.getBoundingClientRect();
        return { tag: el?.tagName, href: el?.getAttribute("href"), text: el?.textContent?.trim(), width: r?.width ?? 0 };
      });
      expect(first).toMatchObject({ tag: "A", href: "#main", text: "Skip to content" });
      expect(first.width, "the skip link is visible when focused").toBeGreaterThan(20);

      let presses = 1;
      const MAX = 15;
      for (; presses <= MAX; presses++) {
        const onDate = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === "date");
        if (onDate) break;
        await page.keyboard.press("Tab");
      }
      expect(presses, `the as-of date input within ${MAX} Tab presses`).toBeLessThanOrEqual(MAX);
      expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("asOf");
    });
  });
});

describe("sector and sources pages", () => {
  it("autos as of 2025-12-10 is 15% (the cut published 4 Dec, retroactive to 1 Nov) and passes axe", async () => {
    await withPage({}, async (page) => {
      await open(page, "/sectors/autos?asOf=2025-12-10");
      const card = page.locator("[data-testid=sector-in-force]");
      expect(await card.locator("span.text-4xl").first().textContent()).toBe("15%");
      expect(squash((await card.textContent()) ?? "")).toContain("Sat 1 Nov 2025, 00:01 EDT");
      // The rate history is drawn on the server: 25% from April, 15% from 1 Nov (Seoul day), no chart script.
      const steps = await page.locator("svg[aria-label='Tariff rates by sector'] title").allTextContents();
      expect(steps.some((s) => s.startsWith("Autos: 25% · "))).toBe(true);
      expect(steps.at(-1)).toBe("Autos: 15% · 1 Nov 2025");
      expect(await page.locator(".recharts-wrapper").count()).toBe(0);
      await expectNoAxeViolations(page, "/sectors/autos?asOf=2025-12-10");
    });
  });

  it("autos as of 2025-11-15 still shows 25%: the retroactive cut was not known yet", async () => {
    await withPage({}, async (page) => {
      await open(page, "/sectors/autos?asOf=2025-11-15");
      const card = page.locator("[data-testid=sector-in-force]");
      expect(await card.locator("span.text-4xl").first().textContent()).toBe("25%");
      // The deal is known as an announcement only.
      expect(squash((await card.textContent()) ?? "")).toMatch(/Announced 15%/);
    });
  });

  it("an unknown sector is a 404 page", async () => {
    await withPage({}, async (page) => {
      await open(page, "/sectors/nope", 404);
      expect(await text(page, "main h1")).toBe("Page not found");
    });
  });

  it("/sources as of 2025-07-08 lists the sources and at least two conflicts, and passes axe", async () => {
    await withPage({}, async (page) => {
      await open(page, "/sources?asOf=2025-07-08");
      const sources = page.locator("[data-testid=source-list] > li");
      expect(await sources.count()).toBeGreaterThan(5);
      expect((await sources.first().locator("p").first().textContent())?.trim().length).toBeGreaterThan(3);
      const conflicts = page.locator("[data-testid=conflicts] > *");
      expect(await conflicts.count()).toBeGreaterThanOrEqual(2);
      const conflictText = squash((await page.locator("[data-testid=conflicts]").textContent()) ?? "");
      expect(conflictText).toContain("$55.6bn");
      expect(conflictText).toContain("26%");
      await expectNoAxeViolations(page, "/sources?asOf=2025-07-08");
    });
  });
});
