// The editors' screens pages in real Chromium. An editor creates a screen through the form (refused first without a
// panel, on the panels field), changes its configuration (a too-short rotation is refused on the client; saving says
// it is pushed to open screens), asks open screens to reload, adds a device and sees its URL with the token once (a
// reload does not show it again, and the page never carries it), creates a pairing code (shown big, with its expiry and
// the pairing address), and revokes the device after a confirmation (its token is then refused by the live feed). A
// viewer sees the list and the configuration but no control; anonymous visitors are sent to sign in. Axe on both
// pages.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatViolations, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";

const EDITOR = "screens-editor@example.org";
const VIEWER = "screens-viewer@example.org";
const KEY = "war-room-seoul";

/** The device URL shown once to the editor (later: refused after the revocation). */
let deviceUrl = "";

// One sign-in per person (sign-ins are rate-limited per account); each test gets a fresh context with the session.
const e2e = useE2E({ prefix: "screens", users: { [EDITOR]: "editor", [VIEWER]: "viewer" }, signIn: "once" });

/** A fresh context as `email`; signed in, it may use the clipboard (the device URL's copy button). */
function as(email: string | null, fn: (page: Page) => Promise<void>): Promise<void> {
  return e2e.as(email, async (page, context) => {
    if (email) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: e2e.url });
    await fn(page);
  });
}

async function open(page: Page, route: string): Promise<void> {
  const response = await page.goto(`${e2e.url}${route}`, { waitUntil: "load" });
  expect(response?.status(), `GET ${route}\n${e2e.app.output().slice(-3000)}`).toBe(200);
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

const squash = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();
const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const deviceRow = (page: Page, label: string) => page.getByTestId("devices").locator("tr", { has: page.getByRole("rowheader", { name: label }) });

/** The live feed's answer to a device token: 200 (stream opened, then dropped) or the refusal's status. */
async function feedStatus(url: string): Promise<number> {
  const token = new URL(url).searchParams.get("token")!;
  const controller = new AbortController();
  const response = await fetch(`${e2e.url}/api/screens/${KEY}/events?token=${encodeURIComponent(token)}`, { signal: controller.signal });
  controller.abort();
  return response.status;
}

describe("screens admin", () => {
  it("an editor creates a screen through the form, refused first without a panel", async () => {
    await as(EDITOR, async (page) => {
      await open(page, "/screens");
      expect(await nav(page).getByRole("link", { name: "Screens" }).getAttribute("aria-current")).toBe("page");
      expect(squash(await page.locator("main").textContent())).toContain("No screen yet.");
      const form = page.getByRole("form", { name: "New screen" });
      await form.getByLabel("Name").fill("War room Seoul");
      await form.getByRole("button", { name: "Create screen" }).click();
      await expect.poll(() => form.getByTestId("form-error").textContent()).toContain("Some fields need attention");
      expect(await form.locator("#screen-create-panels-error").textContent()).toBe("choose at least one panel");
      expect(await form.getByRole("group", { name: "Panels" }).getAttribute("aria-invalid")).toBe("true");
      await expectNoAxeViolations(page, "/screens with a field error");

      await form.getByLabel("Deadlines", { exact: true }).check();
      await form.getByLabel("Tariffs", { exact: true }).check();
      await form.getByLabel("Layout").selectOption("rotation");
      await form.getByLabel("Seconds for Tariffs").fill("30");
      await form.getByLabel("Dim the screen at night").check();
      await form.getByLabel("From (HH:MM)").fill("22:00");
      await form.getByLabel("To (HH:MM)").fill("07:00");
      await form.getByLabel("Time zone").fill("Asia/Seoul");
      await form.getByLabel("Brightness % (10–90)").fill("30");
      await form.getByRole("button", { name: "Create screen" }).click();
      await page.waitForURL(`${e2e.url}/screens/${KEY}?created=1`, { timeout: 15_000 });
      expect(await page.getByTestId("page-status").textContent()).toContain("Screen created");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("War room Seoul");
      expect(squash(await page.locator("main").textContent())).toContain("configuration version 1");
      // The form shows what was saved.
      const edit = page.getByRole("form", { name: "Configuration" });
      expect(await edit.getByLabel("Layout").inputValue()).toBe("rotation");
      expect(await edit.getByLabel("Seconds for Tariffs").inputValue()).toBe("30");
      expect(await edit.getByLabel("Seconds for Deadlines").inputValue()).toBe("20");
      expect(await edit.getByLabel("KOSPI", { exact: true }).isChecked()).toBe(false);
      expect(await edit.getByLabel("Brightness % (10–90)").inputValue()).toBe("30");
      expect(await page.getByRole("link", { name: "Open the screen" }).getAttribute("href")).toMatch(new RegExp(`/screen/${KEY}$`));

      await open(page, "/screens");
      const row = page.getByTestId(`screen-${KEY}`);
      expect((await row.locator("th, td").allTextContents()).map(squash)).toEqual([
        "War room Seoul",
        KEY,
        "Rotation (one panel at a time)",
        "Deadlines, Tariffs",
        "0",
        "never",
      ]);
      // The same name again is refused by the server on the name field.
      const again = page.getByRole("form", { name: "New screen" });
      await again.getByLabel("Name").fill("War room Seoul");
      await again.getByLabel("Support", { exact: true }).check();
      await again.getByRole("button", { name: "Create screen" }).click();
      await expect.poll(() => again.locator("#screen-create-name-error").textContent()).toContain("already exists");
    });
  });

  it("an editor changes the configuration (checked first), and saving says it goes to the open screens", async () => {
    await as(EDITOR, async (page) => {
      await open(page, `/screens/${KEY}`);
      const form = page.getByRole("form", { name: "Configuration" });
      expect(squash(await form.textContent())).toContain("Saving pushes the new configuration to the open screens");
      await form.getByLabel("Seconds for Deadlines").fill("3");
      await form.getByRole("button", { name: "Save and push to screens" }).click();
      await expect.poll(() => form.locator("#screen-update-panels-error").textContent()).toBe("Deadlines: must be at least 5 seconds");
      await form.getByLabel("Seconds for Deadlines").fill("15");
      await form.getByLabel("Theme").selectOption("light");
      await form.getByLabel("Seoul", { exact: true }).uncheck();
      await form.getByRole("button", { name: "Save and push to screens" }).click();
      await expect.poll(() => form.getByTestId("form-saved").textContent()).toBe("Saved. Open screens get the new configuration within a few seconds.");
      await expect.poll(async () => squash(await page.locator("main").textContent())).toContain("configuration version 2");
      // Saving the same configuration again is refused by the server.
      await form.getByRole("button", { name: "Save and push to screens" }).click();
      await expect.poll(() => form.getByTestId("form-error").textContent()).toContain("Nothing changed");

      await page.reload();
      const fresh = page.getByRole("form", { name: "Configuration" });
      expect(await fresh.getByLabel("Theme").inputValue()).toBe("light");
      expect(await fresh.getByLabel("Seconds for Deadlines").inputValue()).toBe("15");
      expect(await fresh.getByLabel("Seoul", { exact: true }).isChecked()).toBe(false);
      expect(await fresh.getByLabel("Washington", { exact: true }).isChecked()).toBe(true);

      await page.getByRole("button", { name: "Reload open screens" }).click();
      await expect.poll(() => page.getByText("Reload sent to the open screens.").count()).toBe(1);
    });
  });

  it("an editor adds a device and sees its URL with the token once, then a pairing code", async () => {
    await as(EDITOR, async (page) => {
      await open(page, `/screens/${KEY}`);
      expect(squash(await page.locator("main").textContent())).toContain("No device yet.");
      const add = page.getByRole("form", { name: "Add device" });
      await add.getByRole("button", { name: "Add device" }).click();
      await expect.poll(() => add.locator("#add-device-label-error").count()).toBe(1);
      await add.getByLabel("Label").fill("Lobby TV");
      await add.getByRole("button", { name: "Add device" }).click();
      const shown = page.getByTestId("device-url");
      await expect.poll(() => shown.count()).toBe(1);
      deviceUrl = await shown.getByLabel("Device address with its token").inputValue();
      expect(deviceUrl).toMatch(new RegExp(`/screen/${KEY}\\?token=tws_[A-Za-z0-9_-]{20,}$`));
      expect(squash(await shown.textContent())).toContain("This address will not be shown again");
      await shown.getByRole("button", { name: "Copy" }).click();
      await expect.poll(() => shown.getByRole("button", { name: "Copied" }).count()).toBe(1);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(deviceUrl);
      await expect.poll(async () => squash(await deviceRow(page, "Lobby TV").textContent())).toContain("Active");
      expect(await feedStatus(deviceUrl)).toBe(200);

      const pair = page.getByRole("form", { name: "Create pairing code" });
      await pair.getByLabel("Label").fill("Hall TV");
      await pair.getByRole("button", { name: "Create pairing code" }).click();
      const code = page.getByTestId("pairing-code");
      await expect.poll(() => code.count()).toBe(1);
      expect(await code.getByTestId("pairing-code-value").textContent()).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
      expect(squash(await code.textContent())).toMatch(/Valid once, until .+\(.+\)\./);
      expect(squash(await code.textContent())).toContain("/screen/pair");
      await expect.poll(async () => squash(await deviceRow(page, "Hall TV").textContent())).toContain("Waiting for its code until");
      await expectNoAxeViolations(page, `/screens/${KEY} with a device URL and a pairing code`);

      // A reload does not show the token again; the page never carries it.
      await page.reload();
      expect(await page.getByTestId("device-url").count()).toBe(0);
      expect(await page.content()).not.toContain(new URL(deviceUrl).searchParams.get("token")!);
      expect(await page.getByTestId("devices").locator("tbody tr").count()).toBe(2);
    });
  });

  it("an editor revokes a device after confirming, and its token stops working", async () => {
    await as(EDITOR, async (page) => {
      await open(page, `/screens/${KEY}`);
      const row = deviceRow(page, "Lobby TV");
      await row.getByRole("button", { name: "Revoke: Lobby TV" }).click();
      expect(squash(await row.textContent())).toContain("Revoke Lobby TV? It stops showing the screen.");
      await row.getByRole("button", { name: "Cancel" }).click();
      expect(await row.getByRole("button", { name: "Revoke: Lobby TV" }).count()).toBe(1);
      await row.getByRole("button", { name: "Revoke: Lobby TV" }).click();
      await row.getByRole("button", { name: "Yes, revoke: Lobby TV" }).click();
      await expect.poll(async () => squash(await row.locator("td").first().textContent())).toBe("Revoked");
      expect(await row.getByRole("button").count()).toBe(0);
      expect(await deviceRow(page, "Hall TV").getByRole("button", { name: "Revoke: Hall TV" }).count()).toBe(1);
      expect(await feedStatus(deviceUrl)).toBe(401);
      await expectNoAxeViolations(page, `/screens/${KEY}`);

      await open(page, "/screens");
      expect(squash(await page.getByTestId(`screen-${KEY}`).locator("td").nth(3).textContent())).toBe("0");
      await expectNoAxeViolations(page, "/screens");
    });
  });

  it("a viewer sees the screens and their devices but no control", async () => {
    await as(VIEWER, async (page) => {
      await open(page, "/screens");
      expect(await nav(page).getByRole("link", { name: "Screens" }).count()).toBe(1);
      expect(await page.getByTestId(`screen-${KEY}`).count()).toBe(1);
      expect(await page.locator("main form").count()).toBe(0);
      expect(await page.locator("main button").count()).toBe(0);
      expect(await page.getByText("New screen").count()).toBe(0);
      await expectNoAxeViolations(page, "/screens (viewer)");

      await page.getByRole("link", { name: "War room Seoul" }).click();
      await page.waitForURL(`${e2e.url}/screens/${KEY}`);
      const config = squash(await page.getByTestId("screen-config").textContent());
      expect(config).toContain("Rotation (one panel at a time)");
      expect(config).toContain("Deadlines (15 s), Tariffs (30 s)");
      expect(config).toContain("22:00–07:00 (Asia/Seoul), 30% brightness");
      expect(await page.getByTestId("devices").locator("tbody tr").count()).toBe(2);
      expect(await page.locator("main form").count()).toBe(0);
      expect(await page.locator("main button").count()).toBe(0);
      expect(squash(await page.locator("main").textContent())).not.toContain("Pairing code");
      await expectNoAxeViolations(page, `/screens/${KEY} (viewer)`);
    });
  });

  it("an anonymous visitor is sent to sign in and sees no Screens link", async () => {
    await as(null, async (page) => {
      await page.goto(`${e2e.url}/screens`);
      expect(new URL(page.url()).pathname).toBe("/sign-in");
      expect(await nav(page).getByRole("link", { name: "Screens" }).count()).toBe(0);
    });
  });
});
