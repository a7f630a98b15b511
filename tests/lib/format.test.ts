import { describe, expect, it } from "vitest";
import {
  countdownParts,
  formatDate,
  formatInstant,
  formatMoney,
  formatNumber,
  formatPct,
  formatTimeOfDay,
} from "@/lib/format";

const M = "\u2212"; // typographic minus

describe("formatInstant", () => {
  it.each([
    // The August 1, 2025 tariff effective instant: 00:01 in Washington is 13:01 in Seoul.
    ["2025-08-01T04:01:00Z", "America/New_York", "en", "Fri 1 Aug 2025, 00:01 EDT"],
    ["2025-08-01T04:01:00Z", "Asia/Seoul", "en", "Fri 1 Aug 2025, 13:01 KST"],
    ["2025-08-01T04:01:00Z", "America/New_York", "ko", "2025년 8월 1일 (금) 00:01 EDT"],
    ["2025-08-01T04:01:00Z", "Asia/Seoul", "ko", "2025년 8월 1일 (금) 13:01 KST"],
    // Crossing midnight: 00:01 EDT on July 9 is already the afternoon of July 9 in Seoul.
    ["2025-07-09T04:01:00Z", "Asia/Seoul", "en", "Wed 9 Jul 2025, 13:01 KST"],
    ["2025-07-08T20:00:00Z", "Asia/Seoul", "ko", "2025년 7월 9일 (수) 05:00 KST"],
    ["2025-01-01T00:00:00Z", "UTC", "en", "Wed 1 Jan 2025, 00:00 UTC"],
  ] as const)("%s in %s (%s) → %s", (iso, zone, locale, expected) => {
    expect(formatInstant(iso, zone, locale)).toBe(expected);
  });

  describe("US daylight saving time starts on Sunday 8 March 2026 at 02:00 local", () => {
    it.each([
      ["2026-03-08T06:59:00Z", "en", "Sun 8 Mar 2026, 01:59 EST"],
      ["2026-03-08T07:00:00Z", "en", "Sun 8 Mar 2026, 03:00 EDT"],
      ["2026-03-07T05:01:00Z", "en", "Sat 7 Mar 2026, 00:01 EST"],
      ["2026-03-09T04:01:00Z", "en", "Mon 9 Mar 2026, 00:01 EDT"],
      ["2026-03-08T06:59:00Z", "ko", "2026년 3월 8일 (일) 01:59 EST"],
      ["2026-03-08T07:00:00Z", "ko", "2026년 3월 8일 (일) 03:00 EDT"],
    ] as const)("%s → %s", (iso, locale, expected) => {
      expect(formatInstant(iso, "America/New_York", locale)).toBe(expected);
    });

    it("Seoul, which has no DST, keeps KST across the US change", () => {
      expect(formatInstant("2026-03-08T06:59:00Z", "Asia/Seoul", "en")).toBe("Sun 8 Mar 2026, 15:59 KST");
      expect(formatInstant("2026-03-08T07:00:00Z", "Asia/Seoul", "en")).toBe("Sun 8 Mar 2026, 16:00 KST");
    });

    it("00:01 New York on the same calendar day is an hour earlier in UTC after the change", () => {
      // The same local wall time maps to 05:01Z before and 04:01Z after the change.
      expect(formatInstant("2026-03-06T05:01:00Z", "America/New_York", "en")).toBe("Fri 6 Mar 2026, 00:01 EST");
      expect(formatInstant("2026-03-10T04:01:00Z", "America/New_York", "en")).toBe("Tue 10 Mar 2026, 00:01 EDT");
    });
  });

  it("accepts a Date", () => {
    expect(formatInstant(new Date(Date.UTC(2025, 3, 2, 20, 0)), "America/New_York", "en")).toBe(
      "Wed 2 Apr 2025, 16:00 EDT",
    );
  });

  it("rejects an invalid instant", () => {
    expect(() => formatInstant("not a date", "Asia/Seoul", "en")).toThrow(RangeError);
  });

  it("formatTimeOfDay gives the time and zone only", () => {
    expect(formatTimeOfDay("2025-08-01T04:01:00Z", "America/New_York")).toBe("00:01 EDT");
    expect(formatTimeOfDay("2025-08-01T04:01:00Z", "Asia/Seoul")).toBe("13:01 KST");
  });
});

describe("formatDate", () => {
  it.each([
    ["2025-08-01", "en", {}, "1 Aug 2025"],
    ["2025-08-01", "ko", {}, "2025년 8월 1일"],
    ["2025-06-03", "en", { weekday: true }, "Tue 3 Jun 2025"],
    ["2025-06-03", "ko", { weekday: true }, "2025년 6월 3일 (화)"],
    ["2026-12-31", "en", {}, "31 Dec 2026"],
  ] as const)("%s (%s, %o) → %s", (date, locale, opts, expected) => {
    expect(formatDate(date, locale, opts)).toBe(expected);
  });

  it("does not shift the calendar day whatever the process time zone", () => {
    expect(formatDate("2025-01-01", "en")).toBe("1 Jan 2025");
  });

  it.each(["2025-02-30", "2025-8-1", "2025-08-01T00:00:00Z", ""])("rejects %j", (bad) => {
    expect(() => formatDate(bad, "en")).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it.each([
    // KRW in Korean: 조 / 억 / 만 units
    [15e12, "KRW", "ko", "15조 원"],
    [13.8e12, "KRW", "ko", "13조 8,000억 원"],
    [2e11, "KRW", "ko", "2,000억 원"],
    [1.5e8, "KRW", "ko", "1억 5,000만 원"],
    [31.8e12, "KRW", "ko", "31조 8,000억 원"],
    [1_234.5e12, "KRW", "ko", "1,234조 5,000억 원"],
    [13_812_345_678_901, "KRW", "ko", "13조 8,123억 원"], // rounded to 억 above 1조
    [9_999, "KRW", "ko", "9,999원"],
    [0, "KRW", "ko", "0원"],
    [-2e11, "KRW", "ko", `${M}2,000억 원`],
    // KRW in English
    [15e12, "KRW", "en", "KRW 15tn"],
    [13.8e12, "KRW", "en", "KRW 13.8tn"],
    [2e11, "KRW", "en", "KRW 200bn"],
    [5e8, "KRW", "en", "KRW 500m"],
    [12_345, "KRW", "en", "KRW 12,345"],
    [-15e12, "KRW", "en", `${M}KRW 15tn`],
    // USD
    [55.7e9, "USD", "en", "$55.7bn"],
    [55.6e9, "USD", "en", "$55.6bn"],
    [350e9, "USD", "en", "$350bn"],
    [1.2e12, "USD", "en", "$1.2tn"],
    [999.999e9, "USD", "en", "$1tn"],
    [55.7e9, "USD", "ko", "557억 달러"],
    [55.65e9, "USD", "ko", "556억 5,000만 달러"],
    [350e9, "USD", "ko", "3,500억 달러"],
    [1.2e12, "USD", "ko", "1조 2,000억 달러"],
    [-66e9, "USD", "en", `${M}$66bn`],
    // other currencies
    [3e9, "EUR", "en", "€3bn"],
    [3e9, "CHF", "en", "CHF 3bn"],
    [3e9, "CHF", "ko", "30억 CHF"],
  ] as const)("%d %s (%s) → %s", (amount, currency, locale, expected) => {
    expect(formatMoney(amount, currency, locale)).toBe(expected);
  });

  it("shows a dash for a non-finite amount", () => {
    expect(formatMoney(Number.NaN, "KRW", "en")).toBe("—");
  });
});

describe("formatPct", () => {
  it.each([
    [1.8, "en", { signed: true }, "+1.80%"],
    [-5.57, "en", { signed: true }, `${M}5.57%`],
    [-5.57, "en", {}, `${M}5.57%`],
    [1.8, "en", {}, "1.80%"],
    [0, "en", { signed: true }, "0.00%"],
    [-0.001, "en", { signed: true }, "0.00%"],
    [25, "ko", { minimumFractionDigits: 0, maximumFractionDigits: 1 }, "25%"],
    [2.5, "en", { minimumFractionDigits: 0, maximumFractionDigits: 1 }, "2.5%"],
    [3.456, "ko", { signed: true }, "+3.46%"],
  ] as const)("%d (%s, %o) → %s", (x, locale, opts, expected) => {
    expect(formatPct(x, locale, opts)).toBe(expected);
  });
});

describe("formatNumber", () => {
  it.each([
    [3183.234, "en", {}, "3,183.23"],
    [2_284.72, "ko", { minimumFractionDigits: 2 }, "2,284.72"],
    [-120.5, "en", { signed: true }, `${M}120.5`],
    [120.5, "en", { signed: true }, "+120.5"],
    [1_000_000, "en", { maximumFractionDigits: 0 }, "1,000,000"],
    [0, "en", { signed: true }, "0"],
  ] as const)("%d (%s, %o) → %s", (x, locale, opts, expected) => {
    expect(formatNumber(x, locale, opts)).toBe(expected);
  });

  it("shows a dash for NaN", () => {
    expect(formatNumber(Number.NaN, "en")).toBe("—");
  });
});

describe("countdownParts", () => {
  const s = 1000;
  const m = 60 * s;
  const h = 60 * m;
  const d = 24 * h;
  it.each([
    [0, { days: 0, hours: 0, minutes: 0, seconds: 0 }],
    [-5 * d, { days: 0, hours: 0, minutes: 0, seconds: 0 }],
    [999, { days: 0, hours: 0, minutes: 0, seconds: 0 }],
    [1_000, { days: 0, hours: 0, minutes: 0, seconds: 1 }],
    [23 * d + 13 * h + 1 * m, { days: 23, hours: 13, minutes: 1, seconds: 0 }],
    [d - 1, { days: 0, hours: 23, minutes: 59, seconds: 59 }],
    [400 * d + 5 * s + 500, { days: 400, hours: 0, minutes: 0, seconds: 5 }],
    [Number.NaN, { days: 0, hours: 0, minutes: 0, seconds: 0 }],
  ])("%d ms → %o", (ms, expected) => {
    expect(countdownParts(ms)).toEqual(expected);
  });
});
