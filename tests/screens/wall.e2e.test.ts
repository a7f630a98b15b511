// The status screen page in Chromium (/screen/<key>?token=…), on a screen made with the real CLI before the server
// starts: every panel at 1080p and 2160p without scrollbars; an edit appears live without a reload; silence shows
// "connection lost" and a restarted server clears it by itself; no serious accessibility violation; revoking the
// device empties the page and says it was disconnected.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { formatViolations, ROOT, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";
import { untilHydrated } from "@/tests/helpers/users";

const EDITOR = "screen-editor@example.test";
const PANELS = ["deadlines", "tariffs", "market", "support", "changes"] as const;
const ARTIFACTS = path.join(ROOT, "test-artifacts");

/** Path and query of the screen's URL, with its device token. */
let screenPath: string;
let editorPage: Page;
let screen: Page;

const e2e = useE2E({
  prefix: "screen",
  users: { [EDITOR]: "editor" },
  // The screen is made with the real CLI on the data directory, before the server starts.
  beforeStart: async (dataDir) => {
    const url = new URL(await createScreenCli(dataDir));
    expect(url.pathname).toBe("/screen/war-room");
    screenPath = `${url.pathname}${url.search}`;
  },
  context: {},
});

function createScreenCli(dataDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const args = ["--import", "tsx", "scripts/screens.ts", "create", "--name", "War room", "--panels", PANELS.join(","), "--layout", "grid"];
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`screens create exited ${code}: ${err}`))));
  });
}

const live = (page: Page) => page.locator('[data-testid="screen"][data-status="live"]');

async function openScreen(query = "", viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await e2e.browser.newPage({ viewport });
  // Counts the EventSources the page creates and its running intervals (weeks on a TV: one of each, not one per element).
  await page.addInitScript(() => {
    const w = window as unknown as { __twSources: number; __twIntervals: number };
    w.__twSources = 0;
    w.__twIntervals = 0;
    const Native = window.EventSource;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        w.__twSources++;
      }
    };
    const active = new Set<number>();
    const nativeSetInterval = window.setInterval.bind(window);
    const nativeClearInterval = window.clearInterval.bind(window);
    window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id = nativeSetInterval(handler, ms, ...args);
      active.add(id);
      w.__twIntervals = active.size;
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) active.delete(id);
      w.__twIntervals = active.size;
      nativeClearInterval(id);
    }) as typeof window.clearInterval;
  });
  await page.goto(`${e2e.url}${screenPath}${query}`);
  await live(page).waitFor({ timeout: 15_000 });
  return page;
}

async function scrollSizes(page: Page) {
  return page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    bodyWidth: document.body.scrollWidth,
    bodyHeight: document.body.scrollHeight,
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
  }));
}

beforeAll(async () => {
  editorPage = await e2e.page(EDITOR);
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe("status screen", () => {
  it("renders every panel at 1920×1080 and 3840×2160 with no scrollbars, clocks ticking", async () => {
    screen = await openScreen();
    for (const [viewport, file] of [
      [{ width: 1920, height: 1080 }, "screen-1080p.png"],
      [{ width: 3840, height: 2160 }, "screen-2160p.png"],
    ] as const) {
      await screen.setViewportSize(viewport);
      for (const panel of PANELS) {
        const el = screen.getByTestId(`screen-panel-${panel}`);
        expect(await el.isVisible(), `${panel} visible at ${viewport.width}`).toBe(true);
        expect(((await el.textContent()) ?? "").length, `${panel} has content`).toBeGreaterThan(20);
        const box = (await el.boundingBox())!;
        expect(box.x + box.width, `${panel} inside the viewport`).toBeLessThanOrEqual(viewport.width);
        expect(box.y + box.height, `${panel} inside the viewport`).toBeLessThanOrEqual(viewport.height);
      }
      const sizes = await scrollSizes(screen);
      expect(sizes).toEqual({
        width: viewport.width,
        height: viewport.height,
        bodyWidth: viewport.width,
        bodyHeight: viewport.height,
        innerWidth: viewport.width,
        innerHeight: viewport.height,
      });
      // No site chrome, no cursor.
      expect(await screen.locator("body > header").isVisible()).toBe(false);
      expect(await screen.evaluate(() => getComputedStyle(document.querySelector('[data-testid="screen"]')!).cursor)).toBe("none");
      await screen.screenshot({ path: path.join(ARTIFACTS, file) });
    }
    await screen.setViewportSize({ width: 1920, height: 1080 });

    expect(await screen.getByTestId("screen-panel-changes").textContent()).not.toContain("Connecting");
    const clock = screen.getByTestId("screen-clock-seoul");
    const before = await clock.textContent();
    await expect.poll(() => clock.textContent(), { timeout: 3000 }).not.toBe(before);
    expect(await screen.getByTestId("screen-clock-washington").textContent()).toMatch(/Washington\d{2}:\d{2}:\d{2}/);
  });

  it("an edit made by an editor appears on the open screen within 5 s, without a reload", async () => {
    await screen.evaluate(() => ((window as unknown as { __twMarker: number }).__twMarker = 42));
    await editorPage.goto(`${e2e.url}/edit/deadlines/sec122-expiry`);
    await untilHydrated(editorPage); // typed before hydration, a controlled field keeps its first value
    await editorPage.getByLabel("Title", { exact: true }).fill("Section 122 ends (screen live edit)");
    await editorPage.getByLabel("Why (kept in the audit log)").first().fill("Checking the status screen");
    await editorPage.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => editorPage.getByTestId("form-saved").count(), { timeout: 10_000 }).toBe(1);
    const saved = Date.now();

    await expect.poll(() => screen.getByTestId("screen-panel-changes").textContent(), { timeout: 5000 }).toContain("Section 122 ends (screen live edit)");
    expect(Date.now() - saved).toBeLessThan(5000);
    expect(await screen.evaluate(() => (window as unknown as { __twMarker?: number }).__twMarker)).toBe(42);
    expect(await screen.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);

    // Content is replaced, not appended; still one EventSource and one interval.
    const nodes = () => screen.evaluate(() => document.getElementsByTagName("*").length);
    const before = await nodes();
    await new Promise((r) => setTimeout(r, 2500));
    expect(await nodes()).toBe(before);
    expect(await screen.evaluate(() => (window as unknown as { __twSources: number }).__twSources)).toBe(1);
    expect(await screen.evaluate(() => (window as unknown as { __twIntervals: number }).__twIntervals)).toBe(1);
  });

  it("upcoming deadlines count down every second on the server's clock, amber within 7 days and red within 1 day", async () => {
    const newYorkLocal = (at: number) =>
      new Intl.DateTimeFormat("sv-SE", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        .format(at)
        .replace(" ", "T");
    const create = async (key: string, title: string, dueAt: number) => {
      await editorPage.goto(`${e2e.url}/edit/deadlines/new`);
      await untilHydrated(editorPage); // typed before hydration, a controlled field keeps its first value
      await editorPage.getByLabel("Key", { exact: true }).fill(key);
      await editorPage.getByLabel("Title", { exact: true }).fill(title);
      await editorPage.locator("#deadline-create-due-local").fill(newYorkLocal(dueAt));
      await editorPage.getByLabel("Filter sources").fill("Reuters");
      await editorPage.locator('input[name="sources"]').first().check();
      await editorPage.getByRole("button", { name: "Create" }).click();
      await editorPage.waitForURL(new RegExp(`/edit/deadlines/${key}\\?saved=1$`));
    };
    await create("screen-amber", "Screen test: in three days", Date.now() + 3 * 86_400_000);
    await create("screen-red", "Screen test: in twenty hours", Date.now() + 20 * 3_600_000);

    const row = (title: string) => screen.getByTestId("screen-deadline").filter({ hasText: title });
    await expect.poll(() => row("Screen test: in three days").count(), { timeout: 5000 }).toBe(1);
    await expect.poll(() => row("Screen test: in twenty hours").count(), { timeout: 5000 }).toBe(1);
    expect(await row("Screen test: in three days").getAttribute("data-state")).toBe("amber");
    expect(await row("Screen test: in twenty hours").getAttribute("data-state")).toBe("red");
    const countdown = row("Screen test: in three days").locator(".tw-countdown");
    const first = await countdown.textContent();
    expect(first).toMatch(/^[23]d \d{2}h \d{2}m \d{2}s$/);
    await expect.poll(() => countdown.textContent(), { timeout: 3000 }).not.toBe(first);
    expect(await row("Screen test: in twenty hours").locator(".tw-countdown").textContent()).toMatch(/^(19|20)h \d{2}m \d{2}s$/);
    await screen.screenshot({ path: path.join(ARTIFACTS, "screen-deadline-states-1080p.png") });
  });

  it("has no serious or critical accessibility violation", async () => {
    const violations = await runAxe(screen);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it("silence shows 'connection lost' with the last data's time; a restarted server clears it by itself", async () => {
    const quiet = await openScreen("&staleAfter=4");
    expect(await quiet.getByTestId("screen-stale").count()).toBe(0);
    await quiet.evaluate(() => ((window as unknown as { __twMarker: number }).__twMarker = 7));
    await e2e.app.stop();

    const banner = quiet.getByTestId("screen-stale");
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toMatch(/^Data as of \d{2}:\d{2} [A-Z]{3} — connection lost$/);
    expect(await quiet.getByTestId("screen").getAttribute("data-stale")).toBe("true");
    // The data stays visible (marked stale), the page is not replaced.
    expect(await quiet.getByTestId("screen-panel-market").isVisible()).toBe(true);

    await e2e.restart();
    await expect.poll(() => quiet.getByTestId("screen").getAttribute("data-stale"), { timeout: 30_000, interval: 100 }).toBe("false");
    expect(await quiet.evaluate(() => (window as unknown as { __twMarker?: number }).__twMarker)).toBe(7);
    await quiet.close();
  });

  it("a configuration change (rotation, light, Korean, night dimming) applies on the open screen without a reload", async () => {
    await expect.poll(() => live(screen).count(), { timeout: 15_000 }).toBe(1);
    await screen.evaluate(() => ((window as unknown as { __twMarker: number }).__twMarker = 99));
    const update = (config: Record<string, unknown>) =>
      editorPage.evaluate(async (body) => {
        const res = await fetch("/api/trpc/screens.update", { method: "POST", headers: { "content-type": "application/json" }, body });
        return res.status;
      }, JSON.stringify({ json: { key: "war-room", config } }));
    const panels = PANELS.map((panel) => ({ panel, durationSeconds: 5 }));

    // A night from an hour ago to an hour from now (UTC) dims the screen to 30 %.
    const hhmm = (at: number) => new Date(at).toISOString().slice(11, 16);
    const night = { from: hhmm(Date.now() - 3_600_000), to: hhmm(Date.now() + 3_600_000), zone: "UTC", dimPercent: 30 };
    expect(await update({ name: "War room", panels, layout: "rotation", theme: "light", language: "ko", night })).toBe(200);
    const root = screen.getByTestId("screen");
    await expect.poll(() => root.getAttribute("data-theme"), { timeout: 5000 }).toBe("light");
    await expect.poll(() => root.getAttribute("lang"), { timeout: 5000 }).toBe("ko");
    // One panel at a time, in Korean; the next one after its 5 s.
    await expect.poll(() => screen.locator('[data-testid^="screen-panel-"]').count()).toBe(1);
    await expect.poll(() => screen.getByTestId("screen-panel-deadlines").textContent(), { timeout: 5000 }).toContain("기한");
    await expect.poll(() => screen.getByTestId("screen-panel-tariffs").count(), { timeout: 8000 }).toBe(1);
    expect(await screen.getByTestId("screen-clock-seoul").textContent()).toContain("서울");
    // Hangul from the app's own font (a TV's browser may have none; this machine has none either).
    expect(await screen.evaluate(async () => (await document.fonts.load('16px "Noto Sans KR"', "서울")).length)).toBeGreaterThan(0);
    expect(await screen.evaluate(() => document.fonts.check('16px "Noto Sans KR"', "서울"))).toBe(true);
    expect(await screen.getByTestId("screen-night").evaluate((el) => getComputedStyle(el).opacity)).toBe("0.7");

    expect(await update({ name: "War room", panels, layout: "grid", theme: "dark", language: "en" })).toBe(200);
    await expect.poll(() => screen.locator('[data-testid^="screen-panel-"]').count(), { timeout: 5000 }).toBe(PANELS.length);
    // The seed's last KOSPI close is 27 Aug 2026: weeks behind the real clock, and the market panel says so.
    const lag = Math.round((Date.now() - Date.parse("2026-08-27T06:30:00Z")) / 86_400_000);
    if (lag > 5) expect(await screen.getByTestId("screen-market-stale").textContent()).toMatch(/^No close for \d+ days: the market feed is behind\.$/);
    expect(await root.getAttribute("data-theme")).toBe("dark");
    expect(await screen.getByTestId("screen-night").count()).toBe(0);
    expect(await screen.evaluate(() => (window as unknown as { __twMarker?: number }).__twMarker)).toBe(99);
    expect(await screen.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);
  });

  it("a reload requested by an editor reloads the open screen", async () => {
    await screen.evaluate(() => ((window as unknown as { __twMarker: number }).__twMarker = 5));
    const status = await editorPage.evaluate(async () => {
      const res = await fetch("/api/trpc/screens.requestReload", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { key: "war-room" } }),
      });
      return res.status;
    });
    expect(status).toBe(200);
    await expect.poll(() => screen.evaluate(() => (window as unknown as { __twMarker?: number }).__twMarker ?? null), { timeout: 5000 }).toBe(null);
    await live(screen).waitFor({ timeout: 15_000 });
  });

  it("pairing: a code typed at /screen/pair keeps the device token in storage and opens the screen without it in the URL", async () => {
    const code = await editorPage.evaluate(async () => {
      const res = await fetch("/api/trpc/screens.createPairingCode", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { key: "war-room", label: "Lobby TV" } }),
      });
      return ((await res.json()) as { result: { data: { json: { code: string } } } }).result.data.json.code;
    });
    const tv = await e2e.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await tv.goto(`${e2e.url}/screen/pair`);
    expect(await tv.locator("body > header").isVisible()).toBe(false);
    const pairViolations = await runAxe(tv);
    expect(pairViolations, formatViolations(pairViolations)).toEqual([]);
    await tv.getByLabel("Pairing code").fill(code.toLowerCase());
    await tv.getByRole("button", { name: "Connect" }).click();
    await tv.waitForURL(`${e2e.url}/screen/war-room`);
    await live(tv).waitFor({ timeout: 15_000 });
    expect(await tv.evaluate(() => localStorage.getItem("tradewatch.screen.token.war-room"))).toMatch(/^tws_/);
    const violations = await runAxe(tv);
    expect(violations, formatViolations(violations)).toEqual([]);
    await tv.close();
  });

  it("revoking the device disconnects the screen and removes its data", async () => {
    const result = await editorPage.evaluate(async () => {
      const input = encodeURIComponent(JSON.stringify({ json: { key: "war-room" } }));
      const got = (await (await fetch(`/api/trpc/screens.get?input=${input}`)).json()) as {
        result: { data: { json: { devices: { id: number; revokedAt: string | null }[] } } };
      };
      const deviceId = got.result.data.json.devices[0]!.id;
      const res = await fetch("/api/trpc/screens.revokeDevice", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { deviceId } }),
      });
      return { status: res.status, deviceId };
    });
    expect(result.status).toBe(200);

    await expect.poll(() => screen.getByTestId("screen").getAttribute("data-status"), { timeout: 5000 }).toBe("revoked");
    expect(await screen.getByRole("heading", { level: 1 }).textContent()).toBe("This screen was disconnected");
    expect(await screen.locator('[data-testid^="screen-panel-"]').count()).toBe(0);
    expect(await screen.getByTestId("screen").textContent()).not.toMatch(/KOSPI|Section 122|War room|\d{2}:\d{2}/);

    // Opened again, the refused token (401) shows the same.
    await screen.reload();
    await expect.poll(() => screen.getByTestId("screen").getAttribute("data-status"), { timeout: 15_000 }).toBe("revoked");
    expect(await screen.getByRole("heading", { level: 1 }).textContent()).toBe("This screen was disconnected");
  });
});
