// Quiet hours, the rule: inside or outside a local window (overnight or not), when it ends — across the spring-forward
// and fall-back nights in New York and in a zone without DST — and which reminders are urgent enough to go through.
import { describe, expect, it } from "vitest";
import { holdForQuiet, isUrgent, quietUntil } from "@/server/alerts/quiet-rules";

const ny = { start: "22:00", end: "07:00", zone: "America/New_York" };
const seoul = { start: "22:00", end: "07:00", zone: "Asia/Seoul" };
const d = (iso: string) => new Date(iso);

describe("quietUntil", () => {
  it.each([
    ["outside, evening", ny, "2026-06-10T01:59:00Z", null], // 21:59 EDT
    ["inside, just after the start", ny, "2026-06-10T02:00:00Z", "2026-06-10T11:00:00Z"], // 22:00 EDT → 07:00 EDT
    ["inside, after midnight", ny, "2026-06-10T08:00:00Z", "2026-06-10T11:00:00Z"], // 04:00 EDT
    ["at the end: outside", ny, "2026-06-10T11:00:00Z", null],
    ["spring forward night: the window ends at 07:00 EDT, 9 h after 22:00 EST less the lost hour", ny, "2026-03-08T03:00:00Z", "2026-03-08T11:00:00Z"], // 22:00 EST 7 Mar → 07:00 EDT 8 Mar
    ["inside the skipped hour's night, at 03:30 EDT", ny, "2026-03-08T07:30:00Z", "2026-03-08T11:00:00Z"],
    ["fall back night: 07:00 EST is 12:00Z", ny, "2026-11-01T05:30:00Z", "2026-11-01T12:00:00Z"], // 01:30 EDT (first)
    ["fall back, the repeated 01:30 EST", ny, "2026-11-01T06:30:00Z", "2026-11-01T12:00:00Z"],
    ["Seoul has no DST", seoul, "2026-03-08T14:00:00Z", "2026-03-08T22:00:00Z"], // 23:00 KST → 07:00 KST
    ["a daytime window", { start: "12:00", end: "13:00", zone: "Asia/Seoul" }, "2026-03-08T03:30:00Z", "2026-03-08T04:00:00Z"],
    ["start = end: no window", { start: "07:00", end: "07:00", zone: "Asia/Seoul" }, "2026-03-08T03:30:00Z", null],
  ])("%s", (_name, q, now, until) => {
    expect(quietUntil(q, d(now))?.toISOString() ?? null).toBe(until && d(until).toISOString());
  });
});

describe("what goes through", () => {
  it("1 day or less, and the due time, are urgent; 7 days, notices and changes are not", () => {
    expect(isUrgent({ kind: "reminder", offset: "1d" })).toBe(true);
    expect(isUrgent({ kind: "reminder", offset: "6h" })).toBe(true);
    expect(isUrgent({ kind: "reminder", offset: "0" })).toBe(true);
    expect(isUrgent({ kind: "reminder", offset: "2d" })).toBe(false);
    expect(isUrgent({ kind: "reminder", offset: "1w" })).toBe(false);
    expect(isUrgent({ kind: "postponed", offset: null })).toBe(false);
  });

  it("inside the window the urgent ones go and the rest are held until it ends; unless urgency is turned off", () => {
    const items = [{ kind: "reminder", offset: "7d" }, { kind: "reminder", offset: "1d" }, { kind: "measure_change" }];
    const inside = holdForQuiet(items, { ...seoul, urgentThrough: true }, d("2026-03-08T14:00:00Z"));
    expect(inside.send).toEqual([items[1]]);
    expect(inside.hold).toEqual([items[0], items[2]]);
    expect(inside.until?.toISOString()).toBe("2026-03-08T22:00:00.000Z");
    expect(holdForQuiet(items, { ...seoul, urgentThrough: false }, d("2026-03-08T14:00:00Z")).send).toEqual([]);
    expect(holdForQuiet(items, { ...seoul, urgentThrough: true }, d("2026-03-08T03:00:00Z"))).toMatchObject({ send: items, hold: [], until: null });
  });
});
