// The browser-test fixture: one call per e2e file sets up what every such file needs and tears it down.
//
//   const e2e = useE2E({ prefix: "edit", users: { [EDITOR]: "editor", [VIEWER]: "viewer" } });
//   it("…", () => e2e.as(EDITOR, async (page) => { await page.goto(`${e2e.url}/edit`); … }));
//
// beforeAll: a temp data directory, the accounts made with the real CLI, `beforeStart` (seed rows, a screen, a
// local server…), the built app on it (startApp) and a headless Chromium; with `signIn: "once"`, every account
// signs in once and each context gets that session (sign-ins are rate-limited per account and per address).
// afterAll: the browser closed, the app stopped, `afterStop`, the data directory removed. Hooks a file adds after
// useE2E run after this beforeAll (and their afterAll before this one).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { UserRole } from "@/server/core/constants";
import { launchBrowser, startApp, type AppServer } from "./app-server";
import { createUserCli, signIn } from "./users";

type Env = Record<string, string | undefined>;

/** Every Playwright action and wait in a useE2E context: a third of the test timeout, so a hang names its step. */
export const ACTION_TIMEOUT_MS = 20_000;

export type E2EOptions = {
  /** Names the temp data directory (tw-e2e-<prefix>-…). */
  prefix: string;
  /** Accounts (email → role) made with `npm run users` before the server starts; password TEST_PASSWORD. */
  users?: Record<string, UserRole>;
  /** Extra server environment; a function is called at start, after beforeStart (e.g. a local server's URL). */
  env?: Env | (() => Env);
  /** Runs after the accounts are made and before the server starts (PGlite allows one process at a time). */
  beforeStart?: (dataDir: string) => Promise<void> | void;
  /** Runs in afterAll once the app has stopped (e.g. closes a local server the app was talking to). */
  afterStop?: () => Promise<unknown> | void;
  /** "each": as() signs in through /sign-in in every new context; "once": one sign-in per account, reused. */
  signIn?: "each" | "once";
  /** Options of every context as() and page() make (replaced, not merged); en-US at 1280×900 by default. */
  context?: BrowserContextOptions;
  /** beforeAll's timeout in ms (the first run may build the app). */
  timeout?: number;
};

export type E2E = {
  readonly app: AppServer;
  readonly browser: Browser;
  readonly dataDir: string;
  /** The app's base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** A fresh context signed in as `email` (none: signed out) with `options` over the file's; closed after fn. */
  as<T>(email: string | null, fn: (page: Page, context: BrowserContext) => Promise<T>, options?: BrowserContextOptions): Promise<T>;
  /** A page in a fresh signed-in context that stays open until the file ends (e.g. an editor beside a screen). */
  page(email: string | null, options?: BrowserContextOptions): Promise<Page>;
  /** Stops the app (if still running) and starts it again on the same data directory, environment and port. */
  restart(): Promise<AppServer>;
};

export const DEFAULT_CONTEXT: BrowserContextOptions = { locale: "en-US", viewport: { width: 1280, height: 900 } };

export function useE2E(options: E2EOptions): E2E {
  let app: AppServer | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  let env: Env | undefined;
  const sessions = new Map<string, BrowserContextOptions["storageState"]>();
  const contextDefaults = options.context ?? DEFAULT_CONTEXT;

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`e2e.${name} is only there after useE2E's beforeAll`);
    return value;
  };

  async function newContext(email: string | null, extra: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
    const b = ready(browser, "browser");
    if (email && options.signIn === "once" && !sessions.has(email)) throw new Error(`${email} is not one of useE2E's users`);
    const storageState = email && options.signIn === "once" ? sessions.get(email) : undefined;
    const context = await b.newContext({ ...contextDefaults, ...(storageState ? { storageState } : {}), ...extra });
    // A click, fill or wait that cannot happen fails on its own step, well inside the test's 60 s, instead of
    // showing only as the whole test's timeout.
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    try {
      const page = await context.newPage();
      if (email && options.signIn !== "once") await signIn(page, ready(app, "app").url, email);
      return { context, page };
    } catch (error) {
      await context.close();
      throw error;
    }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), `tw-e2e-${options.prefix}-`));
    for (const [email, role] of Object.entries(options.users ?? {})) await createUserCli(dataDir, email, role);
    await options.beforeStart?.(dataDir);
    env = typeof options.env === "function" ? options.env() : options.env;
    app = await startApp({ dataDir, env });
    browser = await launchBrowser();
    if (options.signIn === "once") {
      for (const email of Object.keys(options.users ?? {})) {
        const context = await browser.newContext();
        context.setDefaultTimeout(ACTION_TIMEOUT_MS);
        try {
          await signIn(await context.newPage(), app.url, email);
          sessions.set(email, await context.storageState());
        } finally {
          await context.close();
        }
      }
    }
  }, options.timeout);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    try {
      await options.afterStop?.();
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  });

  return {
    get app() {
      return ready(app, "app");
    },
    get browser() {
      return ready(browser, "browser");
    },
    get dataDir() {
      return ready(dataDir, "dataDir");
    },
    get url() {
      return ready(app, "app").url;
    },
    async as(email, fn, extra) {
      const { context, page } = await newContext(email, extra);
      try {
        return await fn(page, context);
      } finally {
        await context.close();
      }
    },
    async page(email, extra) {
      return (await newContext(email, extra)).page;
    },
    async restart() {
      const previous = ready(app, "app");
      await previous.stop();
      app = await startApp({ dataDir: ready(dataDir, "dataDir"), env, port: previous.port });
      return app;
    },
  };
}
