// People for browser tests: accounts made with the real CLI (`npm run users -- create …`) on a data directory
// before the server starts (PGlite allows one process at a time), and signing in through the real /sign-in page.
import { spawn } from "node:child_process";
import path from "node:path";
import type { Page } from "playwright-core";
import type { UserRole } from "@/server/core/constants";
import { ROOT } from "./app-server";

export const TEST_PASSWORD = "correct horse battery staple";

export function createUserCli(dataDir: string, email: string, role: UserRole, password = TEST_PASSWORD): Promise<void> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const args = role === "admin" ? ["create-admin", "--email", email] : ["create", "--email", email, "--role", role];
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/users.ts", ...args], { cwd: ROOT, env });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`users ${args[0]} exited ${code}: ${err}`))));
    child.stdin.end(`${password}\n`);
  });
}

/**
 * Waits until the page's forms are hydrated: a submit button is disabled in the server's HTML (useHydrated), so
 * Enter pressed before would submit nothing. Clicking a button waits for this by itself; a key press does not.
 */
export async function untilHydrated(page: Page): Promise<void> {
  await page.locator('form button[type="submit"]:enabled').first().waitFor();
}

/** Signs in at /sign-in and waits for the redirect away from it. */
export async function signIn(page: Page, baseUrl: string, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await untilHydrated(page);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 15_000 });
}
