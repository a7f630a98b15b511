// The live countdown ticking, which the real seed cannot show any more: by late 2026 its last deadline has gone by
// and the live overview says "No upcoming deadline" (tests/dashboard/overview.e2e.test.ts checks that).
//
// So this file prepares its own PGlite data directory before the server starts: migrated, seeded with the real
// data, plus one extra deadline ~2 days after now. The server then finds the seed's checksum in place and keeps
// the extra row.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { formatViolations, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";

const TITLE = "E2E live countdown check";
/** Due 2 days 5 hours from the start of the suite, on a whole minute. */
const dueAt = new Date(Math.floor((Date.now() + (2 * 24 + 5) * 3_600_000) / 60_000) * 60_000);

/** The real seed plus the deadline, on the data directory before the server starts. */
async function seedWithDeadline(dataDir: string): Promise<void> {
  const database = await openDatabase({ dataDir });
  try {
    await database.migrate();
    await seedDatabase(database.db);
    await database.db.insert(schema.deadlines).values({
      deadlineKey: "e2e-live-countdown",
      title: TITLE,
      kind: "tariff_effective",
      dueAt,
      dueZone: "America/New_York",
      status: "upcoming",
      knownAt: new Date(Date.now() - 60 * 60_000),
    });
  } finally {
    await database.close();
  }
}

// Contexts with the browser's own defaults (no locale or viewport set).
const e2e = useE2E({ prefix: "live", beforeStart: seedWithDeadline, context: {} });

/** "2d 05h 03m 09s" → seconds. */
function seconds(text: string): number {
  const m = /^(?:(\d+)d )?(\d+)h (\d{2})m (\d{2})s$/.exec(text.trim());
  if (!m) throw new Error(`not a countdown: "${text}"`);
  return (Number(m[1] ?? 0) * 24 + Number(m[2])) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}

async function openLive(page: Page) {
  const response = await page.goto(`${e2e.url}/`);
  expect(response?.status(), e2e.app.output().slice(-4000)).toBe(200);
  expect(await page.locator("[data-testid=next-deadline-title]").textContent()).toBe(TITLE);
  return page.locator("[data-testid=next-deadline] [role=timer]");
}

describe("live countdown", () => {
  it("ticks down once a second on the live overview", async () => {
    await e2e.as(null, async (page) => {
      const timer = await openLive(page);
      const first = seconds((await timer.textContent()) ?? "");
      const expected = (dueAt.getTime() - Date.now()) / 1000;
      expect(Math.abs(first - expected), `countdown ${first}s vs ~${Math.round(expected)}s`).toBeLessThan(30);

      const before = await timer.textContent();
      await expect.poll(() => timer.textContent(), { timeout: 2_000, interval: 100 }).not.toBe(before);
      const t0 = Date.now();
      const s0 = seconds((await timer.textContent()) ?? "");
      await page.waitForTimeout(2_100);
      const s1 = seconds((await timer.textContent()) ?? "");
      const elapsed = (Date.now() - t0) / 1000;
      // Counting down at wall-clock speed (±1 s of rendering slack).
      expect(s0 - s1, `${s0} → ${s1} in ${elapsed.toFixed(1)} s`).toBeGreaterThanOrEqual(Math.floor(elapsed) - 1);
      expect(s0 - s1).toBeLessThanOrEqual(Math.ceil(elapsed) + 1);

      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    });
  });

  it("is not thrown off by a wrong browser clock (it counts from the server's instant)", async () => {
    const context = await e2e.browser.newContext(); // its own: the clock is set before the page opens
    try {
      // Years ahead of the server: a countdown read from the browser's Date.now() would say "Passed".
      await context.clock.setSystemTime(new Date("2031-03-01T00:00:00Z"));
      const page = await context.newPage();
      const timer = await openLive(page);
      const before = (await timer.textContent()) ?? "";
      await expect.poll(() => timer.textContent(), { timeout: 2_500, interval: 100 }).not.toBe(before);
      const now = seconds((await timer.textContent()) ?? "");
      const expected = (dueAt.getTime() - Date.now()) / 1000;
      expect(Math.abs(now - expected), `countdown ${now}s vs ~${Math.round(expected)}s`).toBeLessThan(30);
    } finally {
      await context.close();
    }
  });

  it("is absent from a historical view from before the deadline was known", async () => {
    await e2e.as(null, async (page) => {
      await page.goto(`${e2e.url}/?asOf=2025-07-08`);
      expect(await page.locator("[data-testid=next-deadline-title]").textContent()).not.toBe(TITLE);
    });
  });
});
