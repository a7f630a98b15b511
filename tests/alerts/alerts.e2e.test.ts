// Email alerts in real Chromium, on an app without SMTP_URL (mail is held in the outbox): a visitor subscribes at
// /alerts; an admin finds the held confirmation email in the outbox at /admin/alerts and opens its preview; the
// visitor follows the confirm link from the email's text (opening it confirms nothing; the button does), manages
// their subscriptions, and unsubscribes (a tampered link is refused with the reason; the one-click URL opened in a
// browser only leads to the button). A postponement the visitor follows shows up in the notification history,
// which the admin filters. axe-core finds no serious or critical violation on /alerts and /admin/alerts.
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { formatViolations, runAxe } from "@/tests/helpers/app-server";
import { DEFAULT_CONTEXT, useE2E } from "@/tests/helpers/e2e";
import { untilHydrated } from "@/tests/helpers/users";

const ADMIN = "admin@example.org";
const VIEWER = "viewer@example.org";
const VISITOR = "visitor@example.org";

/** The links of the visitor's confirmation email, taken from its text part in the mail preview. */
const links = { confirm: "", manage: "", unsubscribe: "", oneClick: "" };

/**
 * Each account signs in once for the whole file: sign-in is limited to 5 a minute per client address, and every
 * browser here is 127.0.0.1.
 */
const e2e = useE2E({
  prefix: "alerts",
  users: { [ADMIN]: "admin", [VIEWER]: "viewer" },
  signIn: "once",
  context: { ...DEFAULT_CONTEXT, timezoneId: "America/Chicago" },
});

afterEach(({ task }) => {
  if (task.result?.state === "fail") console.log(`--- server output ---\n${e2e.app.output().slice(-6000)}`);
});

/** A link from the email, on this test server (emails use PUBLIC_URL, here http://localhost:<port>). */
function linkFrom(text: string, pathname: string): string {
  const m = new RegExp(`https?://[^\\s/]+${pathname.replace(/[.?]/g, "\\$&")}\\?token=[A-Za-z0-9_.-]+`).exec(text);
  if (!m) throw new Error(`no ${pathname} link in the email text:\n${text}`);
  return m[0].replace(/^https?:\/\/[^/]+/, e2e.url);
}

/** The calendar date `days` from today (UTC), YYYY-MM-DD. */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const subscriberRow = (page: Page, email: string) => page.getByTestId("alert-subscribers").getByRole("row").filter({ hasText: email });

describe("email alerts in Chromium", () => {
  it("a visitor subscribes at /alerts: the schema's errors first, then 'check your inbox'", async () => {
    await e2e.as(null, async (page) => {
      await page.goto(`${e2e.url}/`);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alerts" }).click();
      await page.waitForURL(/\/alerts$/);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Email alerts");
      // The browser's zone is filled in; the default offsets are there with their syntax explained.
      await expect.poll(() => page.getByLabel("Time zone").inputValue()).toBe("America/Chicago");
      expect(await page.getByLabel("Remind me").inputValue()).toBe("30d,7d,1d,0");
      expect(await page.locator("#subscribe-offsets-hint").textContent()).toContain("30d = 30 days");

      await page.getByLabel("Email", { exact: true }).fill(VISITOR);
      await page.getByLabel("Name", { exact: false }).fill("Vera");
      await page.getByLabel("One sector's deadlines").check();
      await page.getByLabel("Sector", { exact: true }).selectOption("autos");
      await page.getByLabel("Every deadline").check();
      expect(await page.getByLabel("Sector", { exact: true }).count()).toBe(0);
      await page.getByLabel("Remind me").fill("7x");
      const axe = await runAxe(page);
      expect(axe, formatViolations(axe)).toEqual([]);
      await page.getByRole("button", { name: "Subscribe" }).click();
      await expect.poll(() => page.getByTestId("form-error").textContent()).toContain("nothing was sent");
      expect(await page.getByLabel("Remind me").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#subscribe-offsets-error").textContent()).toMatch(/7x/);

      await page.getByLabel("Remind me").fill("30d,7d,1d,0");
      await page.getByRole("button", { name: "Subscribe" }).click();
      await expect.poll(() => page.getByTestId("form-saved").textContent()).toContain(`Check your inbox at ${VISITOR}`);
      const after = await runAxe(page);
      expect(after, formatViolations(after)).toEqual([]);
    });
  });

  it("an admin finds the held confirmation email in the outbox and opens its preview", async () => {
    await e2e.as(ADMIN, async (page) => {
      await page.goto(`${e2e.url}/`);
      await page.getByRole("link", { name: "Alerts admin" }).click();
      await page.waitForURL(/\/admin\/alerts$/);
      expect(await page.getByTestId("delivery-mode").textContent()).toContain("SMTP_URL is not set");
      const row = page.getByTestId("outbox-email").filter({ hasText: VISITOR });
      expect(await row.count()).toBe(1);
      expect(await row.textContent()).toMatch(/Confirmation.*Confirm your Tradewatch alerts.*(Pending|Held)/);
      expect(await subscriberRow(page, VISITOR).textContent()).toContain("Unconfirmed");
      expect(await page.getByTestId("alert-jobs").textContent()).toContain("alerts-scan");
      const axe = await runAxe(page);
      expect(axe, formatViolations(axe)).toEqual([]);

      await row.getByRole("link", { name: "Confirm your Tradewatch alerts" }).click();
      await page.waitForURL(/\/admin\/alerts\/mail\/\d+$/);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Confirm your Tradewatch alerts");
      const frame = page.locator('iframe[sandbox=""]');
      expect(await frame.getAttribute("title")).toBe("Email preview: Confirm your Tradewatch alerts");
      expect(await page.frameLocator('iframe[sandbox=""]').getByText("Confirm my alerts").count()).toBeGreaterThan(0);
      const text = (await page.getByTestId("mail-text").textContent()) ?? "";
      expect(text).toContain("every deadline (30d,7d,1d,0)");
      links.confirm = linkFrom(text, "/alerts/confirm");
      links.manage = linkFrom(text, "/alerts/manage");
      links.unsubscribe = linkFrom(text, "/alerts/unsubscribe");
      links.oneClick = links.unsubscribe.replace("/alerts/unsubscribe?", "/api/v1/alerts/unsubscribe?");
    });
  });

  it("the visitor confirms from the link in the email: opening it changes nothing, the button confirms", async () => {
    await e2e.as(null, async (page) => {
      await page.goto(links.confirm);
      await expect.poll(() => page.getByRole("button", { name: "Confirm my alerts" }).count()).toBe(1);
    });
    // Opened, not pressed (what a link scanner does): still unconfirmed.
    await e2e.as(ADMIN, async (page) => {
      await page.goto(`${e2e.url}/admin/alerts`);
      expect(await subscriberRow(page, VISITOR).textContent()).toContain("Unconfirmed");
    });
    await e2e.as(null, async (page) => {
      await page.goto(links.confirm);
      await page.getByRole("button", { name: "Confirm my alerts" }).click();
      await expect.poll(() => page.getByTestId("form-saved").textContent()).toBe(`Confirmed: alerts will be sent to ${VISITOR}.`);
      await page.getByRole("link", { name: "Manage your alerts" }).click();
      await page.waitForURL(/\/alerts\/manage\?token=/);
      expect(await page.getByTestId("subscriber-state").textContent()).toBe("Confirmed");
    });
  });

  it("the visitor manages their alerts: adds a sector, pauses and resumes it, changes the language, sets quiet hours", async () => {
    await e2e.as(null, async (page) => {
      await page.goto(links.manage);
      const table = page.getByTestId("manage-subscriptions");
      expect(await table.getByRole("row").filter({ hasText: "Every deadline" }).textContent()).toContain("Active");
      const add = page.getByRole("form", { name: "Add a subscription" });
      await add.getByLabel("One sector's deadlines").check();
      await add.getByLabel("Sector", { exact: true }).selectOption("autos");
      await add.getByLabel("Remind me").fill("7d,1d");
      await add.getByRole("button", { name: "Add" }).click();
      const autos = table.getByRole("row").filter({ hasText: "Sector: Autos" });
      await expect.poll(() => autos.count()).toBe(1);
      expect(await autos.textContent()).toContain("7d,1d");
      await autos.getByRole("button", { name: "Pause: Sector: Autos" }).click();
      await expect.poll(() => autos.textContent()).toContain("Paused");
      await autos.getByRole("button", { name: "Resume: Sector: Autos" }).click();
      await expect.poll(() => autos.textContent()).toContain("Active");

      const prefs = page.getByRole("form", { name: "Email preferences" });
      await prefs.getByLabel("Time zone").fill("Mars/Olympus");
      await prefs.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => page.locator("#manage-timeZone-error").textContent()).toContain("IANA time zone");
      await prefs.getByLabel("Time zone").fill("Asia/Seoul");
      await prefs.getByLabel("Language", { exact: false }).selectOption("ko");
      await prefs.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => prefs.getByTestId("form-saved").textContent()).toBe("Saved.");

      // Quiet hours in their zone; their own channels (none yet); the page with every card passes axe.
      const quiet = page.getByRole("form", { name: "Quiet hours" });
      await quiet.getByLabel("Quiet from").fill("22:00");
      await quiet.getByLabel("Until").fill("07:00");
      await quiet.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => quiet.getByTestId("form-saved").textContent()).toBe("Quiet from 22:00 to 07:00.");
      // Saving quiet hours left the zone just saved alone (read back from the server).
      await page.reload();
      expect(await page.getByRole("form", { name: "Email preferences" }).getByLabel("Time zone").inputValue()).toBe("Asia/Seoul");
      expect(await quiet.getByLabel("Quiet from").inputValue()).toBe("22:00");
      expect(await page.getByTestId("own-channels").textContent()).toContain("No channel of your own");
      const axe = await runAxe(page);
      expect(axe, formatViolations(axe)).toEqual([]);
      // Cleared again (both empty): the next test expects the visitor's notice to go out at once, day or night.
      await quiet.getByLabel("Quiet from").fill("");
      await quiet.getByLabel("Until").fill("");
      await quiet.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => quiet.getByTestId("form-saved").textContent()).toBe("No quiet hours.");

      // A tampered manage link is refused with the reason.
      const token = new URL(links.manage).searchParams.get("token")!;
      await page.goto(`${e2e.url}/alerts/manage?token=${token.slice(0, 5)}${token[5] === "A" ? "B" : "A"}${token.slice(6)}`);
      expect(await page.getByTestId("link-refused").textContent()).toContain("This link has been altered");
    });
  });

  it("a postponement the visitor follows shows in the notification history, which the admin filters", { timeout: 240_000 }, async () => {
    await e2e.as(ADMIN, async (page) => {
      // A deadline, then its postponement: the visitor follows every deadline, so the next scan queues a notice.
      await page.goto(`${e2e.url}/edit/deadlines/new`);
      await untilHydrated(page); // typed before hydration, a controlled field keeps its first value
      await page.getByLabel("Key", { exact: true }).fill("alerts-e2e-talks");
      await page.getByLabel("Title", { exact: true }).fill("Alerts e2e talks");
      // Within the planner's year ahead; no reminder of the default offsets falls due during the test.
      await page.locator("#deadline-create-due-local").fill(`${daysAhead(60)}T00:01`);
      await page.getByLabel("Filter sources").fill("Reuters");
      await page.locator('input[name="sources"]').first().check();
      await page.getByRole("button", { name: "Create" }).click();
      await page.waitForURL(/\/edit\/deadlines\/alerts-e2e-talks\?saved=1$/);
      await page.locator("#postpone-to-local").fill(`${daysAhead(90)}T00:01`);
      await page.getByRole("button", { name: "Postpone", exact: true }).click();
      await page.waitForURL(new RegExp(`/edit/deadlines/alerts-e2e-talks-${daysAhead(90)}`));

      // The scan runs every minute in the web process (no SMTP: the email is held). A scan queues the notice and its
      // delivery follows, so the entry can first show as "Queued": wait for the delivery, not only for the entry.
      const entry = page.getByTestId("history-entry").filter({ hasText: "alerts-e2e-talks" });
      await expect
        .poll(
          async () => {
            await page.goto(`${e2e.url}/admin/alerts?email=${encodeURIComponent(VISITOR)}`);
            return (await entry.count()) > 0 ? await entry.first().textContent() : "";
          },
          { timeout: 180_000, interval: 5_000 },
        )
        .toMatch(/Postponed.*Emailed.*(Held|Pending)/);
      expect(await entry.first().textContent()).toMatch(/Message-ID: <.+>/);

      // Filters through the form: kind and status.
      const filters = page.getByRole("form", { name: "Filter the notification history" });
      await filters.getByLabel("Kind").selectOption("postponed");
      await filters.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/kind=postponed/);
      expect(page.url()).toContain(`email=${encodeURIComponent(VISITOR)}`);
      expect(await page.getByTestId("history-entry").count()).toBeGreaterThan(0);
      for (const text of await page.getByTestId("history-entry").allTextContents()) expect(text).toContain("Postponed");
      await page.getByRole("form", { name: "Filter the notification history" }).getByLabel("Status").selectOption("skipped");
      await page.getByRole("form", { name: "Filter the notification history" }).getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/status=skipped/);
      expect(await page.getByTestId("history-entry").count()).toBe(0);
      expect(await page.getByText("No notification matches.").count()).toBe(1);
      await page.getByRole("form", { name: "Filter the notification history" }).getByLabel("Deadline key").fill("Not A Key");
      await page.getByRole("form", { name: "Filter the notification history" }).getByRole("button", { name: "Filter" }).click();
      await expect.poll(() => page.getByRole("alert").filter({ hasText: "A filter was not understood" }).count()).toBe(1);
      const axe = await runAxe(page);
      expect(axe, formatViolations(axe)).toEqual([]);
    });
  });

  it("the visitor unsubscribes: the one-click URL in a browser only leads to the button; a tampered link is refused", async () => {
    await e2e.as(null, async (page) => {
      // A GET of the List-Unsubscribe URL (a person or a scanner) redirects to the page and unsubscribes nobody.
      await page.goto(links.oneClick);
      await page.waitForURL(/\/alerts\/unsubscribe\?token=/);
      await expect.poll(() => page.getByRole("button", { name: "Unsubscribe" }).count()).toBe(1);

      const token = new URL(links.unsubscribe).searchParams.get("token")!;
      await page.goto(`${e2e.url}/alerts/unsubscribe?token=${token.slice(0, 5)}${token[5] === "A" ? "B" : "A"}${token.slice(6)}`);
      await page.getByRole("button", { name: "Unsubscribe" }).click();
      await expect.poll(() => page.getByTestId("form-error").textContent()).toBe("This link has been altered and is refused; open the link from the email as it is.");
    });
    await e2e.as(ADMIN, async (page) => {
      await page.goto(`${e2e.url}/admin/alerts`);
      expect(await subscriberRow(page, VISITOR).textContent()).toContain("Confirmed");
    });
    await e2e.as(null, async (page) => {
      await page.goto(links.unsubscribe);
      await page.getByRole("button", { name: "Unsubscribe" }).click();
      await expect.poll(() => page.getByTestId("form-saved").textContent()).toBe(`Unsubscribed: no more alerts will be sent to ${VISITOR}.`);
      expect(await page.getByRole("link", { name: "Changed your mind? Subscribe again" }).getAttribute("href")).toBe("/alerts");
    });
    await e2e.as(ADMIN, async (page) => {
      await page.goto(`${e2e.url}/admin/alerts`);
      expect(await subscriberRow(page, VISITOR).textContent()).toContain("Unsubscribed");
    });
  });

  it("one-click unsubscribe over HTTP (RFC 8058): a POST without cookies or our Origin answers 'unsubscribed'", async () => {
    const res = await fetch(links.oneClick, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.example.net" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect((await res.text()).trim()).toBe("unsubscribed");
  });

  it("viewers see the 'admins only' text; the admin users page links to the alerts admin", async () => {
    await e2e.as(VIEWER, async (page) => {
      await page.goto(`${e2e.url}/admin/alerts`);
      expect(await page.locator("main").textContent()).toContain("Only admins can see the alert administration.");
      expect(await page.locator("main table").count()).toBe(0);
      expect(await page.getByRole("link", { name: "Alerts admin" }).count()).toBe(0);
    });
    await e2e.as(ADMIN, async (page) => {
      await page.goto(`${e2e.url}/admin/users`);
      await page.getByRole("link", { name: /Email alerts: subscribers/ }).click();
      await page.waitForURL(/\/admin\/alerts$/);
    });
  });
  it("before hydration a form's fields are disabled, so nothing typed can be lost; once hydrated they take input", async () => {
    // Without JavaScript the page stays as the server rendered it, i.e. as it is before hydration.
    await e2e.as(
      null,
      async (page) => {
        await page.goto(`${e2e.url}/alerts`);
        expect(await page.getByLabel("Email", { exact: true }).isDisabled()).toBe(true);
        expect(await page.getByRole("button", { name: "Subscribe" }).isDisabled()).toBe(true);
      },
      { javaScriptEnabled: false },
    );
    await e2e.as(null, async (page) => {
      await page.goto(`${e2e.url}/alerts`);
      await untilHydrated(page);
      const email = page.getByLabel("Email", { exact: true });
      expect(await email.isEnabled()).toBe(true);
      await email.fill("late@example.org");
      expect(await email.inputValue()).toBe("late@example.org");
    });
  });
});
