// Conflicts and the audit log in real Chromium, on the seed's four open conflicts (25 vs 26%, $55.7bn vs $55.6bn,
// Section 122 10 vs 15%). Anyone sees both values and their sources; only an editor gets the resolve form, which
// refuses a missing value or note on its fields, and a resolution moves the conflict to Resolved with its value, note
// and time while an earlier as-of view still shows it open. The audit log names the editor, filters by kind and
// person, and explains a filter it cannot use; a viewer can read it but gets no editing form. Axe on the editor's
// /conflicts, /audit and /edit/observations.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatViolations, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";

const EDITOR = "conflict-editor@example.org";
const VIEWER = "conflict-viewer@example.org";
const RESOLVED = "sec122-rate-2026";
const NOTE = "CBP applied 10% from Feb 24; the 15% was announced but never took effect.";

/** The seed's open conflicts: each claim as "label — source title", in the page's order (by value, then source key). */
const SEEDED: Record<string, string[]> = {
  "reciprocal-kr-rate-apr2025": [
    "25% (announced rate) — Korea faces 25% reciprocal tariff (descriptive)",
    "25% (announced rate) — US announces 25% reciprocal tariff on Korea (descriptive)",
    "26% (EO 14257, Annex I) — Executive Order 14257, Regulating Imports With a Reciprocal Tariff (Annex I lists Korea at 26%)",
  ],
  "trade-balance-2024": [
    "$55.6bn, citing Korea Customs Service — South Korea to Accelerate US Trade Talks Ahead of Tariff Deadline",
    "$55.7bn — Struggling Under Tariffs, South Korea Seeks Balance with U.S. Trade Talks",
    "$55.7bn — Korea eases auto taxes as negotiators head to Washington (our headline: the report has none)",
    "$55.7bn — South Korea reviews packages to cut US trade surplus (our headline: the wire copy has none)",
  ],
  [RESOLVED]: [
    "10% (15% timing undetermined) — 10% Section 122 surcharge applied; 15% timing undetermined (descriptive)",
    "10% — Section 122 balance-of-payments surcharge of 10% (descriptive)",
    "10% — Proclamation 11012: temporary import surcharge under Section 122 of the Trade Act of 1974 (FR doc. 2026-03824)",
    "15% — Section 122 surcharge: 15% announced (descriptive)",
  ],
  "s301-korea-tier-2026": [
    "10% (one reading of HTS Rev 19) — Engineering note on HTS 2026 Rev 19: heading 9903.05.71 rate text read as +10% (descriptive)",
    "12.5% on top of the general rate (proposal) — USTR forced-labour Section 301: proposed duties by tier and hearing schedule (descriptive)",
    "12.5% including the general rate (final notice) — USTR: notice of action under Section 301 replacing the Section 122 surcharge (FR doc. 2026-15181)",
  ],
};

// One sign-in per person (sign-ins are rate-limited per account); each test gets a fresh context with the session.
const e2e = useE2E({ prefix: "conflicts", users: { [EDITOR]: "editor", [VIEWER]: "viewer" }, signIn: "once" });

async function open(page: Page, route: string): Promise<void> {
  const response = await page.goto(`${e2e.url}${route}`, { waitUntil: "load" });
  expect(response?.status(), `GET ${route}\n${e2e.app.output().slice(-3000)}`).toBe(200);
}

const squash = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();
const card = (page: Page, key: string) => page.getByTestId(`conflict-${key}`);
const section = (page: Page, which: "open" | "resolved") => page.locator(`section[aria-labelledby="${which}-heading"]`);
const resolveForms = (page: Page) => page.getByRole("form", { name: "Resolve this conflict" });

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

/** Every seeded conflict is in the open section with each claim's value and source; `claims` checked exactly. */
async function expectAllOpenWithClaims(page: Page): Promise<void> {
  expect(await page.locator("#open-heading").textContent()).toBe("Open (4)");
  for (const [key, claims] of Object.entries(SEEDED)) {
    const c = section(page, "open").getByTestId(`conflict-${key}`);
    expect(await c.count(), key).toBe(1);
    expect(squash(await c.getByRole("heading").locator("span").first().textContent()), key).toBe("Open");
    const items = (await c.locator("ul > li").allTextContents()).map((li) => squash(li).replace(/ \([^()]*(\([^()]*\)[^()]*)*\)$/, ""));
    expect(items, key).toEqual(claims);
    expect(await c.getByTestId("resolution").count(), key).toBe(0);
  }
}

describe("conflicts", () => {
  it("an anonymous visitor sees the four open conflicts with both values and their sources, and no resolve form", async () => {
    await e2e.as(null, async (page) => {
      await open(page, "/conflicts");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Conflicts");
      await expectAllOpenWithClaims(page);
      // Each claim names its publisher and date after the title.
      expect(squash(await card(page, "reciprocal-kr-rate-apr2025").locator("ul > li").nth(2).innerText())).toContain(
        "(Federal Register (90 FR 15269), 7 Apr 2025)",
      );
      // A source with a URL is linked, safely.
      const eo = card(page, "reciprocal-kr-rate-apr2025").getByRole("link", { name: /Executive Order 14257/ });
      expect(await eo.getAttribute("href")).toMatch(/^https:\/\/www\.federalregister\.gov\//);
      expect(await eo.getAttribute("rel")).toContain("noopener");
      expect(await resolveForms(page).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Resolve" }).count()).toBe(0);
      expect(await page.locator("main textarea, main input[type=radio]").count()).toBe(0);
    });
  });

  it("a viewer sees the same, still without a resolve form", async () => {
    await e2e.as(VIEWER, async (page) => {
      await open(page, "/conflicts");
      await expect.poll(() => page.getByTestId("signed-in-user").textContent()).toContain("(Viewer)");
      await expectAllOpenWithClaims(page);
      expect(await resolveForms(page).count()).toBe(0);
      expect(await page.locator("main textarea, main input[type=radio]").count()).toBe(0);
    });
  });

  it("an editor's form refuses a missing value and a missing note on their fields, then resolves with a claimed value", async () => {
    await e2e.as(EDITOR, async (page) => {
      await open(page, "/conflicts");
      await page.waitForLoadState("networkidle"); // hydrated: the forms are React's
      expect(await resolveForms(page).count()).toBe(4);
      await expectNoAxeViolations(page, "/conflicts as an editor (four resolve forms)");

      const c = card(page, RESOLVED);
      const form = c.getByRole("form", { name: "Resolve this conflict" });
      // One radio per distinct claimed value (10 is claimed twice) plus "Another value:".
      expect(await form.getByRole("radio").count()).toBe(3);
      const note = form.getByLabel("Why this value (shown with the resolution)");

      await form.getByRole("button", { name: "Resolve" }).click();
      await expect.poll(() => page.locator(`#resolve-${RESOLVED}-value-error`).textContent()).toBe("Choose the value to keep");
      expect(await note.getAttribute("aria-invalid")).toBe("true");
      expect(await note.getAttribute("aria-describedby")).toBe(`resolve-${RESOLVED}-note-error`);
      expect(await page.locator(`#resolve-${RESOLVED}-note-error`).textContent()).toBe("must not be empty");

      // A value but no note: only the note is marked now.
      await form.getByRole("radio", { name: "10%", exact: true }).check();
      await form.getByRole("button", { name: "Resolve" }).click();
      await expect.poll(() => page.locator(`#resolve-${RESOLVED}-value-error`).count()).toBe(0);
      expect(await note.getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator(`#resolve-${RESOLVED}-note-error`).textContent()).toBe("must not be empty");
      // A note of spaces is no note either.
      await note.fill("   ");
      await form.getByRole("button", { name: "Resolve" }).click();
      expect(await page.locator(`#resolve-${RESOLVED}-note-error`).textContent()).toBe("must not be empty");
      // Nothing was sent: after a reload all four are still open.
      await page.reload({ waitUntil: "load" });
      expect(await page.locator("#open-heading").textContent()).toBe("Open (4)");
      await page.waitForLoadState("networkidle");

      const formAgain = card(page, RESOLVED).getByRole("form", { name: "Resolve this conflict" });
      await formAgain.getByRole("radio", { name: "10%", exact: true }).check();
      await formAgain.getByLabel("Why this value (shown with the resolution)").fill(NOTE);
      await formAgain.getByRole("button", { name: "Resolve" }).click();

      const resolution = section(page, "resolved").getByTestId(`conflict-${RESOLVED}`).getByTestId("resolution");
      await resolution.waitFor({ timeout: 10_000 });
      const text = squash(await resolution.innerText());
      expect(text).toMatch(new RegExp(`^Resolution: 10 — ${NOTE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} Resolved \\w{3} \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} E[SD]T · \\w{3} \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} KST$`));
      expect(await page.locator("#open-heading").textContent()).toBe("Open (3)");
      expect(await page.locator("#resolved-heading").textContent()).toBe("Resolved (1)");
      expect(await section(page, "open").getByTestId(`conflict-${RESOLVED}`).count()).toBe(0);
      expect(squash(await card(page, RESOLVED).getByRole("heading").locator("span").first().textContent())).toBe("Resolved");
      // The resolved one keeps both claims on show, but no form; the others keep theirs.
      expect(await card(page, RESOLVED).locator("ul > li").count()).toBe(4);
      expect(await card(page, RESOLVED).getByRole("form").count()).toBe(0);
      expect(await resolveForms(page).count()).toBe(3);

      // It stays resolved on a fresh load, and /sources says so too.
      await page.reload({ waitUntil: "load" });
      expect(squash(await card(page, RESOLVED).getByTestId("resolution").textContent())).toContain(`Resolution: 10 — ${NOTE}`);
      await open(page, "/sources");
      expect(squash(await page.getByTestId("conflicts").textContent())).toContain(`Resolution: 10 — ${NOTE}`);
    });
  });

  it("a view as of an earlier day still shows it open, as it was then (no form there)", async () => {
    // Three days back is before the resolution whatever the hour, and after the seeded conflicts were known.
    const earlier = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    await e2e.as(EDITOR, async (page) => {
      await open(page, `/conflicts?asOf=${earlier}`);
      expect(squash(await page.getByTestId("as-of-notice").textContent())).toContain(
        new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${earlier}T12:00:00Z`)),
      );
      await expectAllOpenWithClaims(page);
      expect(await page.locator("#resolved-heading").textContent()).toBe("Resolved (0)");
      expect(await resolveForms(page).count()).toBe(0); // resolving happens now, not in a past view
    });
  });
});

describe("audit log", () => {
  it("an editor's observations page passes axe, and a day entered there is audited too", async () => {
    await e2e.as(EDITOR, async (page) => {
      await open(page, "/edit/observations");
      await page.waitForLoadState("networkidle");
      await expectNoAxeViolations(page, "/edit/observations as an editor");
      await page.getByLabel("Date", { exact: true }).fill("1958-01-06");
      await page.getByLabel("Close", { exact: true }).fill("100");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect.poll(() => page.getByTestId("form-saved").textContent()).toBe("Wrote 1 row (0 replaced).");
    });
  });

  it("shows the resolution by the editor with before → after, filters by kind and person, and explains a bad filter", async () => {
    await e2e.as(EDITOR, async (page) => {
      await open(page, "/audit");
      const entries = page.getByTestId("audit-entries").locator("> li");
      expect(await entries.count()).toBe(2); // newest first: the observation, then the resolution
      const resolveEntry = entries.filter({ hasText: RESOLVED });
      expect(await resolveEntry.count()).toBe(1);
      const entryText = squash(await resolveEntry.innerText());
      expect(entryText).toMatch(/^Resolved Conflict sec122-rate-2026 by .+ \(conflict-editor@example\.org\)/);
      expect(entryText).toContain(`“${NOTE}”`);
      await resolveEntry.locator("summary").click();
      const change = (field: string) =>
        resolveEntry.locator("tbody tr", { has: page.locator("th", { hasText: new RegExp(`^${field}$`) }) }).locator("td").allTextContents();
      expect(await change("status")).toEqual(["open", "resolved"]);
      expect(await change("resolvedValue")).toEqual(["—", "10"]);
      expect(await change("resolutionNote")).toEqual(["—", NOTE]);
      expect(await resolveEntry.getByRole("link", { name: RESOLVED }).getAttribute("href")).toBe("/conflicts");
      await expectNoAxeViolations(page, "/audit as an editor (details open)");

      // Kind = Conflict through the form: only the resolution is left.
      await page.getByLabel("Kind", { exact: true }).selectOption({ label: "Conflict" });
      await page.getByRole("button", { name: "Filter", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("recordType") === "conflict");
      expect(await entries.count()).toBe(1);
      expect(squash(await entries.first().textContent())).toContain(`Conflict ${RESOLVED}`);
      expect(await page.getByLabel("Kind", { exact: true }).inputValue()).toBe("conflict");

      // Kind = Observations: the other one only.
      await page.getByLabel("Kind", { exact: true }).selectOption({ label: "Observations" });
      await page.getByRole("button", { name: "Filter", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("recordType") === "observation");
      expect(await entries.count()).toBe(1);
      expect(squash(await entries.first().innerText())).toMatch(/^Observations written Observations kospi by/);

      // Who: the editor wrote both; the viewer is not offered (never changed anything).
      await open(page, "/audit");
      const who = page.getByLabel("Who", { exact: true });
      expect(await who.locator("option").allTextContents()).toEqual(["Everyone", EDITOR]);
      await who.selectOption({ label: EDITOR });
      await page.getByRole("button", { name: "Filter", exact: true }).click();
      await page.waitForURL((url) => !!url.searchParams.get("userId"));
      expect(await entries.count()).toBe(2);

      // From after To: the page still answers 200, says which filter it ignored, and lists everything.
      await open(page, "/audit");
      await page.getByLabel("From", { exact: true }).fill("2026-03-10");
      await page.getByLabel("To", { exact: true }).fill("2026-03-01");
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().isNavigationRequest() && new URL(r.url()).pathname === "/audit"),
        page.getByRole("button", { name: "Filter", exact: true }).click(),
      ]);
      expect(response.status()).toBe(200);
      await page.waitForURL((url) => url.searchParams.get("from") === "2026-03-10");
      expect(squash(await page.getByRole("alert").filter({ hasText: "filter" }).textContent())).toBe(
        "A filter was not understood and is ignored: from: must not be after to",
      );
      expect(await entries.count()).toBe(2);

      // A kind that does not exist, typed into the URL: also explained, not a 500.
      await open(page, "/audit?recordType=bogus&to=2026-02-30");
      const alert = squash(await page.getByRole("alert").filter({ hasText: "filter" }).textContent());
      expect(alert).toMatch(/^A filter was not understood and is ignored: recordType: .+; to: must be a calendar date YYYY-MM-DD$/);
    });
  });

  it("a signed-out visitor is sent to sign in; a viewer can read the log but gets no editing form", async () => {
    await e2e.as(null, async (page) => {
      await page.goto(`${e2e.url}/audit`);
      expect(new URL(page.url()).pathname).toBe("/sign-in");
      expect(new URL(page.url()).searchParams.get("next")).toBe("/audit");
    });
    await e2e.as(VIEWER, async (page) => {
      await open(page, "/audit");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Audit log");
      expect(squash(await page.getByTestId("audit-entries").textContent())).toContain(`Conflict ${RESOLVED}`);

      for (const route of ["/edit", "/edit/observations", "/edit/sources/new", "/edit/figures/trade-balance-kr-us-2024"]) {
        await open(page, route);
        expect(squash(await page.locator("main").textContent()), route).toContain("Editing needs the editor role. Ask an admin if you should have it.");
        expect(await page.locator("main").locator("form, input, select, textarea, button").count(), route).toBe(0);
      }
    });
  });
});
