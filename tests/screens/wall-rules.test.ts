// The screen page's pure rules (server/screens/wall-rules.ts), as tables: the stale threshold a test may shorten, a deadline's
// colour between snapshots, night dimming in the schedule's zone (across midnight), burn-in shift, rotation.
import { describe, expect, it } from "vitest";
import { burnInShift, glanceAt, nightOverlayOpacity, rotationIndex, SHIFT_EVERY_MS, STALE_AFTER_MS, staleAfterMs } from "@/server/screens/wall-rules";

describe("staleAfterMs", () => {
  it.each([
    [null, STALE_AFTER_MS],
    ["", STALE_AFTER_MS],
    ["5", 5000],
    ["60", 60_000],
    ["61", STALE_AFTER_MS],
    ["0", STALE_AFTER_MS],
    ["-3", STALE_AFTER_MS],
    ["abc", STALE_AFTER_MS],
  ])("%s → %i ms", (param, ms) => expect(staleAfterMs(param)).toBe(ms));
});

describe("glanceAt", () => {
  const d = { status: "upcoming", dueAt: "2026-08-01T04:01:00Z", amberAt: "2026-07-25T04:01:00Z", redAt: "2026-07-31T04:01:00Z" };
  it.each([
    ["2026-07-01T00:00:00Z", "normal"],
    ["2026-07-25T04:00:59Z", "normal"],
    ["2026-07-25T04:01:00Z", "amber"],
    ["2026-07-31T04:01:00Z", "red"],
    ["2026-08-01T04:01:00Z", "passed"],
  ])("at %s → %s", (at, state) => expect(glanceAt(d, Date.parse(at))).toBe(state));
  it("a settled deadline is passed whatever the time", () => {
    expect(glanceAt({ ...d, status: "postponed" }, Date.parse("2026-07-01T00:00:00Z"))).toBe("passed");
  });
});

describe("nightOverlayOpacity", () => {
  const night = { from: "22:00", to: "06:30", zone: "Asia/Seoul", dimPercent: 30 };
  it.each([
    ["2026-01-10T12:59:00Z", 0], // 21:59 Seoul
    ["2026-01-10T13:00:00Z", 0.7], // 22:00
    ["2026-01-10T20:00:00Z", 0.7], // 05:00 next day
    ["2026-01-10T21:29:00Z", 0.7], // 06:29
    ["2026-01-10T21:30:00Z", 0], // 06:30
  ])("at %s → %d", (at, opacity) => expect(nightOverlayOpacity(night, Date.parse(at))).toBe(opacity));
  it("a daytime window and no schedule", () => {
    const day = { from: "12:00", to: "13:00", zone: "America/New_York", dimPercent: 90 };
    expect(nightOverlayOpacity(day, Date.parse("2026-07-10T16:30:00Z"))).toBe(0.1); // 12:30 EDT
    expect(nightOverlayOpacity(day, Date.parse("2026-07-10T18:00:00Z"))).toBe(0);
    expect(nightOverlayOpacity(null, Date.now())).toBe(0);
  });
});

describe("burnInShift and rotationIndex", () => {
  it("moves a few pixels every few minutes and comes back", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 9; i++) {
      const { x, y } = burnInShift(i * SHIFT_EVERY_MS);
      expect(Math.abs(x)).toBeLessThanOrEqual(4);
      expect(Math.abs(y)).toBeLessThanOrEqual(4);
      seen.add(`${x},${y}`);
    }
    expect(seen.size).toBe(9);
    expect(burnInShift(9 * SHIFT_EVERY_MS)).toEqual(burnInShift(0));
    expect(burnInShift(SHIFT_EVERY_MS - 1)).toEqual(burnInShift(0));
  });
  it.each([
    [[20, 10, 5], 0, 0],
    [[20, 10, 5], 19_999, 0],
    [[20, 10, 5], 20_000, 1],
    [[20, 10, 5], 30_000, 2],
    [[20, 10, 5], 35_000, 0],
    [[20], 99_000, 0],
  ])("%j at %i ms → panel %i", (durations, elapsed, index) => expect(rotationIndex(durations, elapsed)).toBe(index));
});
