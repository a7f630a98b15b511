// Contact points in real Chromium: an admin adds a Slack contact point at /admin/alerts/contact-points (the schema's
// errors first; a private address refused with the reason), sees it listed with a hint and never the URL, sends a
// test that reaches a local server answering as Slack, opens its delivery history, sets quiet hours and a mute
// window; the pages are axe-clean in English and Korean; a viewer is told only admins manage them.
import { describe, expect, it } from "vitest";
import { formatViolations, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";
import { startReceivers, type Receivers } from "@/tests/helpers/receivers";

const ADMIN = "admin@example.org";
const VIEWER = "viewer@example.org";
let rx: Receivers | undefined;

const e2e = useE2E({
  prefix: "contact-points",
  users: { [ADMIN]: "admin", [VIEWER]: "viewer" },
  signIn: "once",
  beforeStart: async () => {
    rx = await startReceivers();
    rx.script("/services/T01/B02/slack-secret-token", [{ status: 200, body: "ok" }]);
  },
  // The local receiver is on 127.0.0.1: allowed here as an operator would allow an internal relay.
  env: { FETCH_ALLOW_PRIVATE: "127.0.0.1" },
  afterStop: () => rx?.close(),
});

const axeClean = async (page: Parameters<typeof runAxe>[0]) => {
  const found = await runAxe(page);
  expect(found, formatViolations(found)).toEqual([]);
};

describe("contact points in Chromium", () => {
  it("an admin adds a Slack contact point, sees only its hint, sends a test and reads the history", async () => {
    await e2e.as(ADMIN, async (page) => {
      await page.goto(`${e2e.url}/admin/alerts`);
      await page.getByRole("link", { name: /Contact points/ }).click();
      await page.waitForURL(/\/admin\/alerts\/contact-points$/);
      await axeClean(page);
      const form = page.getByRole("form", { name: "Add a contact point" });
      await form.getByRole("button", { name: "Add contact point" }).click();
      await expect.poll(() => page.getByTestId("form-error").textContent()).toContain("nothing was saved");
      await form.getByLabel("Name").fill("Trade desk");
      await form.getByLabel("Webhook URL").fill("http://10.0.0.7/services/x");
      await form.getByRole("button", { name: "Add contact point" }).click();
      await expect.poll(() => page.getByTestId("form-error").textContent()).toContain("not a public address");
      await form.getByLabel("Webhook URL").fill(rx!.url("/services/T01/B02/slack-secret-token"));
      await form.getByRole("button", { name: "Add contact point" }).click();
      await expect.poll(() => page.getByTestId("form-saved").textContent()).toContain("Added");
      const row = page.getByTestId("contact-points").getByRole("row").filter({ hasText: "Trade desk" });
      await expect.poll(() => row.textContent()).toContain("…oken");
      expect(await page.content()).not.toContain("slack-secret-token");
      await row.getByRole("button", { name: "Send test: Trade desk" }).click();
      await expect.poll(() => row.getByTestId("test-outcome").textContent()).toContain("Delivered");
      expect(rx!.on("/services/T01/B02/slack-secret-token")).toHaveLength(1);
      expect(JSON.parse(rx!.on("/services/T01/B02/slack-secret-token")[0]!.body).text).toContain("Trade desk");
      await row.getByRole("link", { name: "Trade desk" }).click();
      await expect.poll(() => page.getByTestId("deliveries").textContent()).toContain("delivered");
      await axeClean(page);
      const quiet = page.getByRole("form", { name: "Quiet hours" });
      await quiet.getByLabel("Quiet from").fill("22:00");
      await quiet.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => quiet.getByTestId("form-error").textContent()).toContain("nothing was saved");
      expect(await page.locator("#cp-quiet-quietEnd-error").textContent()).toContain("give both");
      await quiet.getByLabel("Until").fill("07:00");
      await quiet.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => quiet.getByTestId("form-saved").textContent()).toContain("Quiet from 22:00 to 07:00");
      const mute = page.getByRole("form", { name: "Add a mute window" });
      await mute.getByLabel("From").fill("2030-01-01T09:00");
      await mute.getByLabel("To").fill("2030-01-01T08:00");
      await mute.getByRole("button", { name: "Add mute window" }).click();
      await expect.poll(() => mute.getByTestId("form-error").textContent()).toBeTruthy();
      await mute.getByLabel("To").fill("2030-01-02T09:00");
      await mute.getByRole("button", { name: "Add mute window" }).click();
      await expect.poll(() => page.getByTestId("mutes").textContent()).toContain("2030");
    });
  });

  it("in Korean the pages are axe-clean too; a viewer is told only admins manage contact points", async () => {
    await e2e.as(ADMIN, async (page, context) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: "ko", url: e2e.url }]);
      await page.goto(`${e2e.url}/admin/alerts/contact-points`);
      await expect.poll(() => page.locator("h1").textContent()).toBe("연락 채널");
      await axeClean(page);
    });
    await e2e.as(VIEWER, async (page) => {
      await page.goto(`${e2e.url}/admin/alerts/contact-points`);
      await expect.poll(() => page.getByText("Only admins manage contact points.").count()).toBe(1);
    });
  });
});
