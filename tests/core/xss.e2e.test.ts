// Source titles, notes and URLs containing HTML or script render inert (checked in real Chromium).
//
// An editor creates a source through the real form with markup in its title, publisher and note; a javascript: URL
// is refused on its field (and by the server, whatever the form did) and creates nothing; an https URL with quotes
// and angle brackets in its query is accepted. The source is cited on the trade-balance figure through its edit form,
// so it shows wherever sources are shown. Every page that shows it is then checked: no script ran (window.__xss, no
// dialog), no element was made from the text (no img[src=x], svg[onload], injected <script>, no request for "x"),
// the markup reads as literal text, and every link made from the URL is http(s).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useE2E } from "@/tests/helpers/e2e";

const EDITOR = "xss-editor@example.org";
const KEY = "xss-probe";
const TITLE = `<img src=x onerror="window.__xss=1;alert('xss1')">Tariff <b>bold</b> & 'quoted'`;
const PUBLISHER = `Press "><svg onload=window.__xss=3>`;
const NOTE = `Before <script>window.__xss=2</script> after`;
const NOTE_UPDATED = `${NOTE} </textarea><img src=x onerror=window.__xss=6>`;
const JS_URL = "javascript:window.__xss=4";
const URL_WITH_MARKUP = `https://example.com/a?q="><script>window.__xss=5</script>`;
const EXPECTED_HREF = new URL(URL_WITH_MARKUP).href; // quotes and brackets percent-encoded by the URL parser
const FIGURE = "trade-balance-kr-us-2024";

// Sign in once (sign-ins are rate-limited per account); every test gets a fresh context with this session.
const e2e = useE2E({ prefix: "xss", users: { [EDITOR]: "editor" }, signIn: "once", context: { viewport: { width: 1280, height: 900 } } });

/**
 * A fresh context (signed in as the editor unless `anonymous`) and page. Whatever `fn` does, no dialog may open and
 * no request may go to a path ending in "/x" (what an injected <img src=x> would load).
 */
async function withPage(fn: (page: Page) => Promise<void>, { anonymous = false } = {}): Promise<void> {
  const dialogs: string[] = [];
  const strayRequests: string[] = [];
  await e2e.as(anonymous ? null : EDITOR, async (page) => {
    page.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.endsWith("/x")) strayRequests.push(request.url());
    });
    await fn(page);
  });
  expect(dialogs, "no dialog opened").toEqual([]);
  expect(strayRequests, "no request for an injected image").toEqual([]);
}

async function open(page: Page, route: string): Promise<void> {
  const response = await page.goto(`${e2e.url}${route}`, { waitUntil: "load" });
  expect(response?.status(), `GET ${route}\n${e2e.app.output().slice(-3000)}`).toBe(200);
}

type Probe = { xss: unknown; injectedElements: string[]; injectedScripts: number; badHrefs: string[] };

/** What an injection would have left in the page. */
function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    const injected = [...document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]')].map((el) => el.outerHTML.slice(0, 120));
    // Next's own inline scripts carry the text JSON-escaped inside self.__next_f.push(…); an injected script would
    // start with the payload itself.
    const scripts = [...document.querySelectorAll("script")].filter((s) => /^\s*window\.__xss/.test(s.textContent ?? "")).length;
    const hrefs = [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href") ?? "");
    // Links are absolute http(s), same-site paths, fragments or queries: never javascript:, data:, protocol-relative.
    const bad = hrefs.filter((h) => !/^(https?:\/\/|\/(?!\/)|#|\?)/i.test(h));
    return { xss: (window as unknown as { __xss?: unknown }).__xss, injectedElements: injected, injectedScripts: scripts, badHrefs: bad };
  });
}

/** Waits for hydration and any late handler (an <img onerror> fires after the failed load), then checks inertness. */
async function expectInert(page: Page, where: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  const result = await probe(page);
  expect(result, where).toEqual({ xss: undefined, injectedElements: [], injectedScripts: 0, badHrefs: [] });
}

const visibleText = (page: Page) => page.evaluate(() => document.body.innerText.replace(/\s+/g, " "));
const squash = (s: string) => s.replace(/\s+/g, " ");

/** Every link whose text includes the title goes to the https URL, percent-encoded; returns how many there are. */
async function expectTitleLinksSafe(page: Page, scope = page.locator("body")): Promise<number> {
  const links = scope.locator("a", { hasText: "Tariff <b>bold</b>" });
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const href of hrefs) expect(href).toBe(EXPECTED_HREF);
  return hrefs.length;
}

describe("a source with markup in its text", () => {
  it("a javascript: URL is refused on its field by the form and by the server, and nothing is created", async () => {
    await withPage(async (page) => {
      await open(page, "/edit/sources/new");
      await page.getByLabel("Key", { exact: true }).fill(KEY);
      await page.getByLabel("Title", { exact: true }).fill(TITLE);
      await page.getByLabel("Publisher", { exact: true }).fill(PUBLISHER);
      await page.getByLabel(/^Published on/).fill("2026-01-15");
      await page.getByLabel(/^Web address/).fill(JS_URL);
      await page.getByLabel(/^Note/).fill(NOTE);
      await page.getByRole("button", { name: "Create" }).click();

      const url = page.getByLabel(/^Web address/);
      await expect.poll(() => url.getAttribute("aria-invalid")).toBe("true");
      const errorId = await url.getAttribute("aria-describedby");
      expect(errorId).toBe("source-create-url-error");
      const message = (await page.locator(`#${errorId}`).textContent()) ?? "";
      expect(message).toContain("javascript:");
      expect(message).toContain("refused");
      expect(await page.getByTestId("form-error").textContent()).toContain("nothing was saved");
      // Other fields were fine: only the URL is marked.
      expect(await page.getByLabel("Title", { exact: true }).getAttribute("aria-invalid")).toBeNull();
      expect(new URL(page.url()).pathname).toBe("/edit/sources/new");
      await expectInert(page, "/edit/sources/new with the refused URL");

      // The server refuses it too when the form's own check is bypassed, in every spelling.
      const refusals = await page.evaluate(
        async ({ key, title, publisher, urls }) => {
          const out: { url: string; status: number; body: string }[] = [];
          for (const url of urls) {
            const response = await fetch("/api/trpc/edit.sources.create", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ json: { key, title, publisher, url, kind: "news", language: "en" } }),
            });
            out.push({ url, status: response.status, body: await response.text() });
          }
          return out;
        },
        {
          key: KEY,
          title: TITLE,
          publisher: PUBLISHER,
          urls: [JS_URL, " JavaScript:window.__xss=4", "java\tscript:window.__xss=4", "data:text/html,<script>window.__xss=4</script>", "vbscript:msgbox(1)", "//evil.example/x", "/relative/path"],
        },
      );
      for (const r of refusals) {
        expect(r.status, `${JSON.stringify(r.url)} → ${r.body.slice(0, 300)}`).toBe(400);
        expect(r.body, JSON.stringify(r.url)).toContain("javascript:, data: and others are refused");
      }

      // Nothing was created by any of this.
      expect((await page.request.get(`${e2e.url}/edit/sources/${KEY}`)).status()).toBe(404);
      await open(page, `/audit?recordType=source&recordKey=${KEY}`);
      expect(await page.getByTestId("audit-entries").count()).toBe(0);
      expect(squash((await page.locator("main").textContent()) ?? "")).toContain("No change matches.");
    });
  });

  it("with an https URL holding quotes and brackets, the source is created; its page shows the markup as text", async () => {
    await withPage(async (page) => {
      await open(page, "/edit/sources/new");
      await page.getByLabel("Key", { exact: true }).fill(KEY);
      await page.getByLabel("Title", { exact: true }).fill(TITLE);
      await page.getByLabel("Publisher", { exact: true }).fill(PUBLISHER);
      await page.getByLabel(/^Published on/).fill("2026-01-15");
      await page.getByLabel(/^Web address/).fill(URL_WITH_MARKUP);
      await page.getByLabel(/^Note/).fill(NOTE);
      await page.getByRole("button", { name: "Create" }).click();
      await page.waitForURL(new RegExp(`/edit/sources/${KEY}\\?saved=1$`), { timeout: 15_000 });
      await expect.poll(() => page.getByTestId("page-status").textContent()).toContain("Created");

      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(TITLE);
      // Stored exactly as typed, shown back as input values.
      expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe(TITLE);
      expect(await page.getByLabel("Publisher", { exact: true }).inputValue()).toBe(PUBLISHER);
      expect(await page.getByLabel(/^Web address/).inputValue()).toBe(URL_WITH_MARKUP);
      expect(await page.getByLabel(/^Note/).inputValue()).toBe(NOTE);
      await expectInert(page, `/edit/sources/${KEY} after creating`);

      // Change the note to one that tries to close the textarea: the history shows before → after as text.
      await page.getByLabel(/^Note/).fill(NOTE_UPDATED);
      await page.getByRole("button", { name: "Save" }).click();
      // A source is not versioned: the status says it changed in place (not "a new version known from now").
      await expect
        .poll(() => page.getByTestId("form-saved").textContent(), { timeout: 10_000 })
        .toBe("Saved. A source is changed in place, so views of earlier dates show it as it is now.");
      await expect.poll(() => page.getByLabel(/^Note/).inputValue()).toBe(NOTE_UPDATED);
      await page.reload({ waitUntil: "load" });
      expect(await page.getByLabel(/^Note/).inputValue()).toBe(NOTE_UPDATED);
      const history = page.getByTestId("audit-entries");
      await history.locator("details").evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const historyText = squash((await history.innerText()) ?? "");
      expect(historyText).toContain(TITLE); // the creation's after
      expect(historyText).toContain(NOTE_UPDATED); // the update's after
      expect(historyText).toContain(NOTE); // its before
      await expectInert(page, `/edit/sources/${KEY} after updating the note`);
    });
  });

  it("is cited on the trade-balance figure through its edit form (the picker lists its title as text)", async () => {
    await withPage(async (page) => {
      await open(page, `/edit/figures/${FIGURE}`);
      await page.getByLabel("Filter sources").fill(KEY);
      const choice = page.locator("label", { hasText: "Tariff <b>bold</b>" });
      await expect.poll(() => choice.count()).toBe(1);
      expect(squash((await choice.innerText()) ?? "")).toContain(`${TITLE} — ${PUBLISHER}, 2026-01-15`);
      await expectInert(page, `/edit/figures/${FIGURE} with the source in the picker`);

      await choice.locator('input[type="checkbox"]').check();
      await page.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => page.getByTestId("form-saved").textContent(), { timeout: 10_000 }).toBe("Saved as a new version known from now.");
      await page.reload({ waitUntil: "load" });
      // Cited sources stay on top of the picker, ticked.
      const cited = page.locator("label", { hasText: "Tariff <b>bold</b>" }).locator('input[type="checkbox"]');
      expect(await cited.isChecked()).toBe(true);
      await expectInert(page, `/edit/figures/${FIGURE} after citing`);
    });
  });

  it("/sources lists it with title, publisher and note as text and an https link", async () => {
    await withPage(async (page) => {
      await open(page, "/sources");
      const item = page.locator(`#source-${KEY}`);
      const text = squash(await item.innerText());
      expect(text).toContain(TITLE);
      expect(text).toContain(PUBLISHER);
      expect(text).toContain(NOTE_UPDATED);
      expect(text).toContain("cited by 1 record");
      expect(await expectTitleLinksSafe(page, item)).toBe(1);
      expect(await item.locator("a").getAttribute("target")).toBe("_blank");
      await expectInert(page, "/sources");
    });
  });

  it("the sources list of the edit desk, /conflicts and the record's audit entries render it inert", async () => {
    await withPage(async (page) => {
      await open(page, "/edit/sources");
      const row = page.getByRole("row", { name: new RegExp(KEY) });
      expect(squash(await row.innerText())).toContain(TITLE);
      // The title links to its edit page, not to the URL.
      expect(await row.getByRole("link").getAttribute("href")).toBe(`/edit/sources/${KEY}`);
      await expectInert(page, "/edit/sources");

      await open(page, "/edit");
      await expectInert(page, "/edit");

      await open(page, "/conflicts");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Conflicts");
      await expectInert(page, "/conflicts");

      await open(page, "/audit");
      const entries = page.getByTestId("audit-entries");
      await entries.locator("details").evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const all = squash(await entries.innerText());
      expect(all).toContain(TITLE);
      expect(all).toContain(PUBLISHER);
      expect(all).toContain(NOTE);
      expect(all).toContain(NOTE_UPDATED);
      expect(all).toContain(URL_WITH_MARKUP);
      // The creation, the note's update and the figure citing it.
      expect(await entries.locator("> li").count()).toBe(3);
      await expectInert(page, "/audit");
    });
  });

  it("the overview's trade-balance sources popover lists it as text with the https link", async () => {
    await withPage(async (page) => {
      await open(page, "/");
      const button = page.locator("[data-testid=trade-tile] button[popovertarget]").first();
      // Hydrated: the chart only draws in the browser, once scrolled to.
      await page.getByTestId("kospi-chart").first().scrollIntoViewIfNeeded();
      await page.locator("[data-testid=kospi-chart] path.recharts-line-curve").first().waitFor({ state: "attached", timeout: 15_000 });
      expect(squash((await button.textContent()) ?? "")).toMatch(/^5 sources\b/); // four from the seed + this one
      expect(await visibleText(page)).not.toContain("Tariff <b>bold</b>"); // closed popover
      await button.click();
      const popover = page.locator(`[id="${await button.getAttribute("popovertarget")}"]`);
      await popover.waitFor({ state: "visible", timeout: 5_000 });
      const text = squash(await popover.innerText());
      expect(text).toContain(TITLE);
      expect(text).toContain(PUBLISHER);
      expect(await expectTitleLinksSafe(page, popover)).toBe(1);
      expect(await visibleText(page)).toContain(TITLE);
      await expectInert(page, "overview with the popover open");
    });
  });

  it("anonymous visitors get the same inert pages (/sources and the overview)", async () => {
    await withPage(
      async (page) => {
        await open(page, "/sources");
        expect(squash(await page.locator(`#source-${KEY}`).innerText())).toContain(TITLE);
        await expectInert(page, "/sources (anonymous)");
        await open(page, "/");
        await expectInert(page, "overview (anonymous)");
      },
      { anonymous: true },
    );
  });
});
