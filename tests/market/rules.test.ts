// The market-close rules as tables: when a day's close is final (16:00 Seoul, no DST there), whether a run fetches
// at all (weekends and mornings ask nothing once current), the catch-up window, and the move → event rule.
import { describe, expect, it } from "vitest";
import { zonedIso } from "@/server/core/time";
import { closeIsFinal, exchangeToday, finalBars, latestFinalWeekday, moveEvent, planFetch } from "@/server/market/rules";

const d = (iso: string) => new Date(iso);

describe("closeIsFinal: a day's bar is final from 16:00 Seoul (07:00 UTC) that day", () => {
  it.each([
    ["2026-11-23", "2026-11-23T06:59:59Z", false], // 15:59:59 KST
    ["2026-11-23", "2026-11-23T07:00:00Z", true], // 16:00 KST
    ["2026-11-23", "2026-11-23T06:30:00Z", false], // 15:30 KST: the close, not yet published as final
    ["2026-11-23", "2026-11-22T23:00:00Z", false], // 08:00 KST, before the session
    ["2026-11-20", "2026-11-23T00:00:00Z", true], // an earlier day
    ["2026-11-24", "2026-11-23T15:00:00Z", false], // 00:00 KST on the 24th: "tomorrow" in UTC terms is today in Seoul, not final
    // Washington's DST change (1 Nov 2026) moves nothing in Seoul: 16:00 KST is 07:00 UTC either side.
    ["2026-10-30", "2026-10-30T07:00:00Z", true],
    ["2026-11-02", "2026-11-02T06:59:00Z", false],
    ["2026-03-09", "2026-03-09T07:00:00Z", true], // the day after the US spring change
  ])("%s at %s → %s", (date, now, final) => {
    expect(closeIsFinal(date, d(now))).toBe(final);
  });

  it("the Washington clock shows the 16:00 KST cut-off at 03:00 EDT in summer and 02:00 EST in winter", () => {
    expect(zonedIso(d("2026-07-01T07:00:00Z"), "America/New_York")).toBe("2026-07-01T03:00:00-04:00");
    expect(zonedIso(d("2026-12-01T07:00:00Z"), "America/New_York")).toBe("2026-12-01T02:00:00-05:00");
    expect(zonedIso(d("2026-07-01T07:00:00Z"), "Asia/Seoul")).toBe("2026-07-01T16:00:00+09:00");
    expect(zonedIso(d("2026-12-01T07:00:00Z"), "Asia/Seoul")).toBe("2026-12-01T16:00:00+09:00");
  });
});

describe("exchangeToday / latestFinalWeekday", () => {
  it.each([
    ["2026-11-23T07:00:00Z", "2026-11-23", "2026-11-23"], // Monday 16:00 KST
    ["2026-11-23T06:00:00Z", "2026-11-23", "2026-11-20"], // Monday 15:00 KST → Friday
    ["2026-11-22T16:00:00Z", "2026-11-23", "2026-11-20"], // Monday 01:00 KST (Sunday in UTC)
    ["2026-11-21T09:00:00Z", "2026-11-21", "2026-11-20"], // Saturday
    ["2026-11-22T09:00:00Z", "2026-11-22", "2026-11-20"], // Sunday
    ["2026-11-20T14:59:00Z", "2026-11-20", "2026-11-20"], // Friday 23:59 KST
    ["2026-11-20T15:00:00Z", "2026-11-21", "2026-11-20"], // Saturday 00:00 KST (Friday in UTC and Washington)
  ])("at %s Seoul's today is %s, the latest final weekday %s", (now, today, latest) => {
    expect(exchangeToday(d(now))).toBe(today);
    expect(latestFinalWeekday(d(now))).toBe(latest);
  });
});

describe("planFetch", () => {
  it.each([
    // [last stored, now, expected]
    ["2026-11-20", "2026-11-21T03:00:00Z", { fetch: false }], // Saturday, Friday stored: weekend → no fetch
    ["2026-11-20", "2026-11-22T10:00:00Z", { fetch: false }], // Sunday
    ["2026-11-20", "2026-11-23T06:59:00Z", { fetch: false }], // Monday before 16:00
    ["2026-11-20", "2026-11-23T07:00:00Z", { fetch: true, from: "2026-11-13", to: "2026-11-23" }], // Monday 16:00
    ["2026-11-23", "2026-11-23T09:00:00Z", { fetch: false }], // Monday's close already stored
    ["2026-08-27", "2026-11-23T07:00:00Z", { fetch: true, from: "2026-08-20", to: "2026-11-23" }], // catch-up after downtime
    ["2026-11-19", "2026-11-21T03:00:00Z", { fetch: true, from: "2026-11-12", to: "2026-11-21" }], // Saturday, Friday missing
    [null, "2026-11-23T07:00:00Z", { fetch: true, from: "2026-10-24", to: "2026-11-23" }], // nothing stored
  ] as const)("last %s at %s → %o", (last, now, expected) => {
    expect(planFetch(last, d(now))).toMatchObject(expected);
  });

  it("an explicit start fetches even when current", () => {
    expect(planFetch("2026-11-23", d("2026-11-23T09:00:00Z"), "2026-11-01")).toEqual({ fetch: true, from: "2026-11-01", to: "2026-11-23" });
  });
});

describe("finalBars", () => {
  const bars = [{ date: "2026-11-20" }, { date: "2026-11-23" }, { date: "2026-11-24" }];
  it.each([
    ["2026-11-23T06:59:00Z", ["2026-11-20"]],
    ["2026-11-23T07:00:00Z", ["2026-11-20", "2026-11-23"]],
    ["2026-11-25T00:00:00Z", ["2026-11-20", "2026-11-23", "2026-11-24"]],
  ])("at %s keeps %o", (now, dates) => {
    expect(finalBars(bars, d(now)).map((b) => b.date)).toEqual(dates);
  });
});

describe("moveEvent", () => {
  it.each([
    [-3.1, 2, "KOSPI fell 3.1% to 2,455.20", "코스피 3.1% 하락, 2,455.20 마감"],
    [2, 2, "KOSPI rose 2.0% to 2,455.20", "코스피 2.0% 상승, 2,455.20 마감"],
    [-2, 2, "KOSPI fell 2.0% to 2,455.20", "코스피 2.0% 하락, 2,455.20 마감"],
    [1.99, 2, null, null],
    [-1.2, 2, null, null],
    [null, 2, null, null],
  ] as const)("%s%% with threshold %s → %s", (pct, threshold, title, titleKo) => {
    const e = moveEvent("kospi", "2026-11-23", 2455.2, pct, threshold);
    if (title === null) return expect(e).toBeNull();
    expect(e).toEqual({
      eventKey: "kospi-move-2026-11-23",
      title,
      titleKo,
      occurredAt: d("2026-11-23T06:30:00Z"), // 15:30 Seoul
      occurredZone: "Asia/Seoul",
    });
  });
});
