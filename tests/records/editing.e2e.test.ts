// Editing in real Chromium: an editor signs in, creates a deadline through the form (field errors from the shared
// schema first, then a server refusal shown on its field), postpones it, and the overview shows the chain; the
// record's history names the editor. A viewer sees no edit control anywhere.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatViolations, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";
import { untilHydrated } from "@/tests/helpers/users";

const EDITOR = "editor@example.org";
const VIEWER = "viewer@example.org";

const e2e = useE2E({ prefix: "edit", users: { [EDITOR]: "editor", [VIEWER]: "viewer" } });

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

describe("editing in Chromium", () => {
  it("an editor creates a deadline, postpones it, and the overview shows the chain", async () => {
    await e2e.as(EDITOR, async (page) => {
      await expect.poll(() => nav(page).getByRole("link", { name: "Edit" }).count()).toBe(1);
      await page.goto(`${e2e.url}/edit/deadlines/new`);

      // Nothing filled in: the shared zod schema names every missing field, nothing is sent.
      await page.getByRole("button", { name: "Create" }).click();
      await expect.poll(() => page.getByTestId("form-error").textContent()).toContain("nothing was saved");
      await expect.poll(() => page.getByLabel("Key", { exact: true }).getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#deadline-create-title-error").textContent()).toContain("must not be empty");
      expect(await page.locator("#deadline-create-sources-error").textContent()).toContain("cite at least one source");

      await page.getByLabel("Key", { exact: true }).fill("trade-talks-round");
      await page.getByLabel("Title", { exact: true }).fill("Trade talks: next round");
      await page.locator("#deadline-create-due-local").fill("2030-12-15T00:01");
      await page.getByLabel("Filter sources").fill("Reuters");
      await page.locator('input[name="sources"]').first().check();
      const axe = await runAxe(page);
      expect(axe, formatViolations(axe)).toEqual([]);
      await page.getByRole("button", { name: "Create" }).click();
      await page.waitForURL(/\/edit\/deadlines\/trade-talks-round\?saved=1$/);
      await expect.poll(() => page.getByTestId("page-status").textContent()).toContain("Created");

      // Postpone: the new deadline is created, the old one points at it.
      await page.locator("#postpone-to-local").fill("2031-01-15T00:01");
      await page.getByRole("button", { name: "Postpone", exact: true }).click();
      await page.waitForURL(/\/edit\/deadlines\/trade-talks-round-2031-01-15\?postponedFrom=trade-talks-round$/);
      await expect.poll(() => page.getByTestId("page-status").textContent()).toContain("“trade-talks-round” now points to this new deadline");

      // The old deadline's history names the editor and the postponement.
      await page.goto(`${e2e.url}/edit/deadlines/trade-talks-round`);
      const history = page.getByTestId("audit-entries");
      await expect.poll(() => history.textContent()).toContain("Postponed");
      expect(await history.textContent()).toContain(EDITOR);
      expect(await history.textContent()).toContain("New deadline: trade-talks-round-2031-01-15");
      // A postponed deadline has no postpone form any more.
      expect(await page.getByRole("form", { name: "Postpone to …" }).count()).toBe(0);

      await page.goto(`${e2e.url}/`);
      const chain = page.getByTestId("postponement-chain").filter({ hasText: "15 Jan 2031" });
      await expect.poll(() => chain.count()).toBe(1);
      const chainText = (await chain.textContent()) ?? "";
      expect(chainText).toMatch(/15 Dec 2030.*Postponed.*15 Jan 2031.*Upcoming/);
    });
  });

  it("a server refusal is shown on its field: a key that already exists", async () => {
    await e2e.as(EDITOR, async (page) => {
      await page.goto(`${e2e.url}/edit/sources/new`);
      await untilHydrated(page); // typed before hydration, a controlled field keeps its first value
      await page.getByLabel("Key", { exact: true }).fill("trade-talks-src");
      await page.getByLabel("Title", { exact: true }).fill("A source");
      await page.getByLabel("Publisher").fill("Someone");
      await page.getByRole("button", { name: "Create" }).click();
      await page.waitForURL(/\/edit\/sources\/trade-talks-src\?saved=1$/);

      await page.goto(`${e2e.url}/edit/sources/new`);
      await untilHydrated(page); // typed before hydration, a controlled field keeps its first value
      await page.getByLabel("Key", { exact: true }).fill("trade-talks-src");
      await page.getByLabel("Title", { exact: true }).fill("Another source");
      await page.getByLabel("Publisher").fill("Someone else");
      await page.getByRole("button", { name: "Create" }).click();
      await expect.poll(() => page.locator("#source-create-key-error").textContent()).toContain("already exists");
      expect(page.url()).toContain("/edit/sources/new");
    });
  });

  it("an update without changes says so; a change becomes a new version in the history", async () => {
    await e2e.as(EDITOR, async (page) => {
      await page.goto(`${e2e.url}/edit/deadlines/trade-talks-round-2031-01-15`);
      await page.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => page.getByTestId("form-error").textContent()).toContain("Nothing changed");
      await page.getByLabel("Title", { exact: true }).fill("Trade talks: round moved to January");
      await page.getByLabel("Why (kept in the audit log)").first().fill("Both sides confirmed the new date");
      await page.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => page.getByTestId("form-saved").textContent()).toContain("new version known from now");
      await expect.poll(() => page.getByTestId("audit-entries").textContent()).toContain("Both sides confirmed the new date");
    });
  });

  it("a viewer sees no edit control: no Edit link, no forms, no resolve buttons", async () => {
    await e2e.as(VIEWER, async (page) => {
      expect(await nav(page).getByRole("link", { name: "Edit" }).count()).toBe(0);
      expect(await nav(page).getByRole("link", { name: "Audit log" }).count()).toBe(1);
      for (const route of ["/", "/sources", "/conflicts", "/sectors/autos"]) {
        await page.goto(`${e2e.url}${route}`);
        // The only form on a reading page is the as-of control (a GET form); no edit or resolve form.
        for (const name of ["New record", "Edit", "Postpone to …", "Resolve this conflict", "Upload a CSV file"]) {
          expect(await page.getByRole("form", { name, exact: true }).count(), `${route}: ${name}`).toBe(0);
        }
        expect(await page.locator('main form:not([method="get"]):not([method="GET"])').count(), route).toBe(0);
        expect(await page.locator('main a[href^="/edit"]').count(), route).toBe(0);
      }
      for (const route of ["/edit", "/edit/deadlines", "/edit/deadlines/new", "/edit/deadlines/trade-talks-round", "/edit/observations"]) {
        await page.goto(`${e2e.url}${route}`);
        expect(await page.locator("main").textContent(), route).toContain("Editing needs the editor role");
        expect(await page.locator("main input, main textarea, main select").count(), route).toBe(0);
      }
    });
  });

  it("signed out, the edit pages send you to sign in and back", async () => {
    await e2e.as(null, async (page) => {
      expect(await nav(page).getByRole("link", { name: "Edit" }).count()).toBe(0);
      await page.goto(`${e2e.url}/edit/deadlines`);
      await page.waitForURL(/\/sign-in\?next=%2Fedit%2Fdeadlines$/);
      await page.getByLabel("Email").fill(EDITOR);
      await page.getByLabel("Password").fill("correct horse battery staple");
      await untilHydrated(page);
      await page.keyboard.press("Enter");
      await page.waitForURL(`${e2e.url}/edit/deadlines`);
      expect(await page.getByRole("link", { name: "Trade talks: round moved to January" }).count()).toBe(1);
    });
  });
});
