// Deadline state at a glance on a status screen (amber within 7 calendar days, red within 1, then passed), across
// DST changes in the deadline's own zone; and the pairing-code shape.
import { describe, expect, it } from "vitest";
import type { DeadlineStatus } from "@/server/core/constants";
import { deadlineGlance, formatPairingCode, normalizePairingCode, PAIRING_ALPHABET } from "@/server/screens/rules";

const NY = "America/New_York";
const SEOUL = "Asia/Seoul";

describe("deadlineGlance", () => {
  // Aug 1 2025 00:01 in Washington (EDT) = 04:01Z.
  const aug1 = { dueAt: new Date("2025-08-01T04:01:00Z"), dueZone: NY, status: "upcoming" as DeadlineStatus };
  it.each([
    ["8 days before", "2025-07-24T04:00:00Z", "normal"],
    ["exactly 7 days before", "2025-07-25T04:01:00Z", "amber"],
    ["3 days before", "2025-07-29T12:00:00Z", "amber"],
    ["just over 1 day before", "2025-07-31T04:00:59Z", "amber"],
    ["exactly 1 day before", "2025-07-31T04:01:00Z", "red"],
    ["1 minute before", "2025-08-01T04:00:00Z", "red"],
    ["at the instant", "2025-08-01T04:01:00Z", "passed"],
    ["after", "2025-08-02T00:00:00Z", "passed"],
  ])("%s → %s", (_label, now, state) => {
    expect(deadlineGlance(aug1, new Date(now)).state).toBe(state);
  });

  it("a settled deadline (met, postponed, cancelled) is passed even before its instant", () => {
    for (const status of ["met", "postponed", "cancelled", "passed"] as const) {
      expect(deadlineGlance({ ...aug1, status }, new Date("2025-07-01T00:00:00Z")).state).toBe("passed");
    }
  });

  it("gives the instants it turns amber and red", () => {
    const g = deadlineGlance(aug1, new Date("2025-07-01T00:00:00Z"));
    expect(g.amberAt.toISOString()).toBe("2025-07-25T04:01:00.000Z");
    expect(g.redAt.toISOString()).toBe("2025-07-31T04:01:00.000Z");
  });

  it("DST spring forward in the deadline's zone: '1 day before' is 23 hours (Mar 8 2026 in New York)", () => {
    // Due Sunday Mar 8 2026 12:00 EDT (16:00Z); the day before at 12:00 was EST (17:00Z): 23 hours earlier.
    const d = { dueAt: new Date("2026-03-08T16:00:00Z"), dueZone: NY, status: "upcoming" as DeadlineStatus };
    const g = deadlineGlance(d, new Date("2026-03-07T16:30:00Z"));
    expect(g.redAt.toISOString()).toBe("2026-03-07T17:00:00.000Z");
    expect(g.state).toBe("amber"); // 23.5 h before: within 24 h, but not yet the same wall time a day earlier
    expect(deadlineGlance(d, new Date("2026-03-07T17:00:00Z")).state).toBe("red");
    // 7 days before at 12:00 EST.
    expect(g.amberAt.toISOString()).toBe("2026-03-01T17:00:00.000Z");
  });

  it("DST fall back in the deadline's zone: '1 day before' is 25 hours (Nov 1 2026 in New York)", () => {
    // Due Sunday Nov 1 2026 12:00 EST (17:00Z); Saturday 12:00 was EDT (16:00Z): 25 hours earlier.
    const d = { dueAt: new Date("2026-11-01T17:00:00Z"), dueZone: NY, status: "upcoming" as DeadlineStatus };
    expect(deadlineGlance(d, new Date("2026-10-31T16:00:00Z")).state).toBe("red");
    expect(deadlineGlance(d, new Date("2026-10-31T15:59:00Z")).state).toBe("amber");
  });

  it("the same instant stated in Seoul (no DST) counts whole 24-hour days", () => {
    const d = { dueAt: new Date("2026-03-08T16:00:00Z"), dueZone: SEOUL, status: "upcoming" as DeadlineStatus };
    expect(deadlineGlance(d, new Date("2026-03-07T16:30:00Z")).state).toBe("red");
    expect(deadlineGlance(d, new Date("2026-03-07T15:59:00Z")).state).toBe("amber");
    expect(deadlineGlance(d, new Date("2026-03-01T15:59:00Z")).state).toBe("normal");
  });
});

describe("pairing codes", () => {
  it("are shown as XXX-XXX and typed in any case, with or without separators", () => {
    expect(formatPairingCode("K7M42Q")).toBe("K7M-42Q");
    expect(normalizePairingCode("k7m-42q")).toBe("K7M42Q");
    expect(normalizePairingCode(" K7M 42Q ")).toBe("K7M42Q");
  });
  it.each(["", "K7M-42", "K7M-42QQ", "K0M-42Q", "KIM-42Q", "K7M_42Q"])("%j is not a code", (typed) => {
    expect(normalizePairingCode(typed)).toBeNull();
  });
  it("use no look-alike letters", () => {
    for (const c of "01ILOUV") expect(PAIRING_ALPHABET).not.toContain(c);
  });
});
