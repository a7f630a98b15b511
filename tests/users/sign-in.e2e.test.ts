// Sign-in in real Chromium: the first admin, made with `npm run users -- create-admin` before the server starts,
// signs in at /sign-in by keyboard and manages users at /admin/users (invites a viewer, whose one-time password is
// shown once); the viewer signs in and sees no admin link, and /admin/users refuses them.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatViolations, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";
import { TEST_PASSWORD as PASSWORD, untilHydrated } from "@/tests/helpers/users";

const e2e = useE2E({ prefix: "auth", users: { "chief@example.org": "admin" }, context: { locale: "en-US" } });

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${e2e.url}/sign-in`);
  await page.getByLabel("Email").focus();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  await untilHydrated(page);
  await page.keyboard.press("Enter");
}

describe("sign-in and users in Chromium", () => {
  let viewerPassword = "";

  it("the sign-in page is accessible and shows a wrong password as an error", async () => {
    await e2e.as(null, async (page) => {
      await signIn(page, "chief@example.org", "not the right password");
      await expect.poll(() => page.locator("#sign-in-error").textContent()).toContain("Wrong email or password");
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    });
  });

  it("the admin made by the CLI signs in, sees the users page and invites a viewer", async () => {
    await e2e.as(null, async (page, context) => {
      await signIn(page, "chief@example.org", PASSWORD);
      await page.waitForURL(`${e2e.url}/`);
      await expect.poll(() => page.getByTestId("signed-in-user").textContent()).toContain("(Admin)");
      const cookie = (await context.cookies()).find((c) => c.name === "tradewatch.session_token");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

      await page.getByRole("link", { name: "Users" }).click();
      await page.waitForURL(`${e2e.url}/admin/users`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Users");
      expect(await page.getByRole("rowheader", { name: /chief@example\.org/ }).count()).toBe(1);

      await page.getByLabel("Email", { exact: true }).fill("reader@example.org");
      await page.getByLabel("Role", { exact: true }).selectOption("viewer");
      await page.getByRole("button", { name: "Create account" }).click();
      const shown = page.getByTestId("one-time-password");
      await shown.waitFor();
      viewerPassword = (await shown.textContent())!.trim();
      expect(viewerPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
      await page.reload();
      expect(await page.getByRole("rowheader", { name: /reader@example\.org/ }).count()).toBe(1);
      expect(await page.getByTestId("one-time-password").count()).toBe(0); // shown once only
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    });
  });

  it("a viewer signs in and sees no admin link; /admin/users refuses them", async () => {
    expect(viewerPassword).not.toBe("");
    await e2e.as(null, async (page) => {
      await signIn(page, "reader@example.org", viewerPassword);
      await page.waitForURL(`${e2e.url}/`);
      await expect.poll(() => page.getByTestId("signed-in-user").textContent()).toContain("(Viewer)");
      expect(await page.locator('a[href="/admin/users"]').count()).toBe(0);
      await page.goto(`${e2e.url}/admin/users`);
      expect(await page.getByText("Only admins can manage users.").count()).toBe(1);
      expect(await page.getByRole("table").count()).toBe(0);

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${e2e.url}/`);
      await expect.poll(() => page.getByRole("link", { name: "Sign in" }).count()).toBe(1);
    });
  });

  it("before hydration the submit button is disabled: Enter never sends the password in the address", async () => {
    // Without JavaScript the page stays as the server rendered it, i.e. as it is before hydration.
    await e2e.as(
      null,
      async (page) => {
        await page.goto(`${e2e.url}/sign-in`);
        const submit = page.getByRole("button", { name: "Sign in" });
        expect(await submit.isDisabled()).toBe(true);
        await page.getByLabel("Email").fill("chief@example.org");
        await page.getByLabel("Password").fill(PASSWORD);
        await page.keyboard.press("Enter");
        await page.waitForTimeout(300); // a native submission would have navigated by now
        expect(page.url()).toBe(`${e2e.url}/sign-in`);
      },
      { javaScriptEnabled: false },
    );
    await e2e.as(null, async (page) => {
      await page.goto(`${e2e.url}/sign-in`);
      await untilHydrated(page);
      expect(await page.getByRole("button", { name: "Sign in" }).isEnabled()).toBe(true);
    });
  });
});
