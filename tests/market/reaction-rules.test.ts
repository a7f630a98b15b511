// Market rules (server/market/reaction-rules.ts): chart downsampling and the trading day an event meets.
// KOSPI closes below are copied from db/seed/kospi-daily.csv (2025-04-04 2465.42 and 2025-04-07 2328.20 are
// cross-checked there against JoongAng Daily / the monthly series). KRX closes at 15:30 Asia/Seoul = 06:30Z.
import { describe, expect, it } from "vitest";
import { closeInstant, downsampleOhlc, eventReaction, reactionDayIndex, type Ohlc } from "@/server/market/reaction-rules";

const d = (iso: string) => new Date(iso);

describe("downsampleOhlc", () => {
  const row = (date: string, open: number | null, high: number | null, low: number | null, close: number, volume: number | null): Ohlc => ({
    date,
    open,
    high,
    low,
    close,
    volume,
  });

  // Seven real-ish rows (first week of April 2025, values from the seed) plus gaps in the optional fields.
  const ROWS: Ohlc[] = [
    row("2025-04-01", 2511.24, 2530.61, 2494.43, 2521.39, 453394),
    row("2025-04-02", 2525.62, 2532.15, 2499.83, 2505.86, 515600),
    row("2025-04-03", 2437.43, 2488.92, 2437.43, 2486.7, 480057),
    row("2025-04-04", null, 2506.71, 2438.02, 2465.42, null), // open/volume missing
    row("2025-04-07", 2359.25, null, null, 2328.2, 619501), // high/low missing → close stands in
    row("2025-04-08", 2381.2, 2381.31, 2328.94, 2334.23, 557018),
    row("2025-04-09", null, null, null, 2293.7, null), // close only
  ];

  it("rows already within the bound come back one per bucket (missing open/high/low → close)", () => {
    expect(downsampleOhlc(ROWS, 7)).toEqual([
      { date: "2025-04-01", dateTo: "2025-04-01", open: 2511.24, high: 2530.61, low: 2494.43, close: 2521.39, volume: 453394 },
      { date: "2025-04-02", dateTo: "2025-04-02", open: 2525.62, high: 2532.15, low: 2499.83, close: 2505.86, volume: 515600 },
      { date: "2025-04-03", dateTo: "2025-04-03", open: 2437.43, high: 2488.92, low: 2437.43, close: 2486.7, volume: 480057 },
      { date: "2025-04-04", dateTo: "2025-04-04", open: 2465.42, high: 2506.71, low: 2438.02, close: 2465.42, volume: null },
      { date: "2025-04-07", dateTo: "2025-04-07", open: 2359.25, high: 2328.2, low: 2328.2, close: 2328.2, volume: 619501 },
      { date: "2025-04-08", dateTo: "2025-04-08", open: 2381.2, high: 2381.31, low: 2328.94, close: 2334.23, volume: 557018 },
      { date: "2025-04-09", dateTo: "2025-04-09", open: 2293.7, high: 2293.7, low: 2293.7, close: 2293.7, volume: null },
    ]);
    expect(downsampleOhlc(ROWS, 500)).toEqual(downsampleOhlc(ROWS, 7));
  });

  it("hand-checked: 7 rows into at most 3 buckets of 3, 3 and 1", () => {
    expect(downsampleOhlc(ROWS, 3)).toEqual([
      // Apr 1–3: open of Apr 1, max(2530.61, 2532.15, 2488.92), min(2494.43, 2499.83, 2437.43), close of Apr 3,
      // 453394 + 515600 + 480057.
      { date: "2025-04-01", dateTo: "2025-04-03", open: 2511.24, high: 2532.15, low: 2437.43, close: 2486.7, volume: 1_449_051 },
      // Apr 4–8: open of Apr 4 missing → its close; max(2506.71, 2328.2, 2381.31); min(2438.02, 2328.2, 2328.94);
      // close of Apr 8; 0 + 619501 + 557018 (a missing volume counts as nothing).
      { date: "2025-04-04", dateTo: "2025-04-08", open: 2465.42, high: 2506.71, low: 2328.2, close: 2334.23, volume: 1_176_519 },
      // Apr 9 alone, volume unknown → null (not 0).
      { date: "2025-04-09", dateTo: "2025-04-09", open: 2293.7, high: 2293.7, low: 2293.7, close: 2293.7, volume: null },
    ]);
  });

  it.each([
    // [rows, maxPoints, expected bucket count]
    [0, 1, 0],
    [1, 1, 1],
    [7, 1, 1],
    [7, 2, 2], // size 4: 4 + 3
    [7, 3, 3],
    [7, 6, 4], // size 2: 2+2+2+1 — fewer buckets than allowed, never more
    [10, 3, 3], // size 4: 4+4+2
    [10, 4, 4], // size 3: 3+3+3+1
    [499, 500, 499],
    [500, 500, 500],
    [501, 500, 251], // size 2
    [1000, 500, 500],
    [1001, 500, 334], // size 3
    [5000, 10, 10],
  ] as const)("%i rows, maxPoints %i → %i buckets covering every row in order", (n, max, expected) => {
    const rows = Array.from({ length: n }, (_, i) => row(`r${String(i).padStart(6, "0")}`, i, i + 0.5, i - 0.5, i + 0.25, 1));
    const out = downsampleOhlc(rows, max);
    expect(out).toHaveLength(expected);
    expect(out.length).toBeLessThanOrEqual(max);
    // Contiguous, non-overlapping, complete.
    expect(out.reduce((s, b) => s + (b.volume ?? 0), 0)).toBe(n);
    for (let k = 1; k < out.length; k++) {
      const prevEnd = Number(out[k - 1]!.dateTo.slice(1));
      expect(Number(out[k]!.date.slice(1))).toBe(prevEnd + 1);
    }
    if (n > 0) {
      expect(out[0]!.date).toBe(rows[0]!.date);
      expect(out.at(-1)!.dateTo).toBe(rows.at(-1)!.date);
    }
  });

  it("1,000,000 synthetic rows → at most 500 buckets with the right aggregates", () => {
    const N = 1_000_000;
    const rows: Ohlc[] = new Array(N);
    const base = Date.UTC(1000, 0, 1);
    let totalVolume = 0;
    for (let i = 0; i < N; i++) {
      const date = new Date(base + i * 86_400_000).toISOString().slice(0, 10);
      // A deterministic zig-zag so each bucket's extremes are not simply its first/last row.
      const mid = 1000 + ((i * 7919) % 1000);
      const volume = (i % 97) + 1;
      totalVolume += volume;
      rows[i] = { date, open: mid - 1, high: mid + 5, low: mid - 5, close: mid + 1, volume };
    }
    const out = downsampleOhlc(rows, 500);
    expect(out).toHaveLength(500); // size 2000 exactly
    expect(out[0]!.date).toBe(rows[0]!.date);
    expect(out.at(-1)!.dateTo).toBe(rows[N - 1]!.date);
    expect(out.reduce((s, b) => s + b.volume!, 0)).toBe(totalVolume);
    // Spot-check three buckets against a direct computation over their 2,000 rows.
    for (const k of [0, 137, 499]) {
      const slice = rows.slice(k * 2000, (k + 1) * 2000);
      expect(out[k]).toEqual({
        date: slice[0]!.date,
        dateTo: slice.at(-1)!.date,
        open: slice[0]!.open,
        high: Math.max(...slice.map((r) => r.high!)),
        low: Math.min(...slice.map((r) => r.low!)),
        close: slice.at(-1)!.close,
        volume: slice.reduce((s, r) => s + r.volume!, 0),
      });
    }
    // The zig-zag covers mid 1000..1999 in every 2,000-row bucket.
    expect(out[137]!.high).toBe(1999 + 5);
    expect(out[137]!.low).toBe(1000 - 5);
  });

  it.each([0, -1, 0.5])("maxPoints %s throws a RangeError", (max) => {
    expect(() => downsampleOhlc(ROWS, max)).toThrow(RangeError);
    expect(() => downsampleOhlc([], max)).toThrow(RangeError);
  });
});

// KOSPI closes, 2025-04-01 … 2025-04-15 (weekends Apr 5–6 and 12–13 are absent).
const CLOSES = [
  { date: "2025-04-01", close: 2521.39 }, // Tue
  { date: "2025-04-02", close: 2505.86 }, // Wed
  { date: "2025-04-03", close: 2486.7 }, // Thu
  { date: "2025-04-04", close: 2465.42 }, // Fri
  { date: "2025-04-07", close: 2328.2 }, // Mon
  { date: "2025-04-08", close: 2334.23 },
  { date: "2025-04-09", close: 2293.7 },
  { date: "2025-04-10", close: 2445.06 },
  { date: "2025-04-11", close: 2432.72 }, // Fri
  { date: "2025-04-14", close: 2455.89 }, // Mon
  { date: "2025-04-15", close: 2477.41 },
] as const;
const DAYS = CLOSES.map((c) => c.date);
const pct = (from: number, to: number) => ((to - from) / from) * 100;

describe("closeInstant", () => {
  it.each([
    ["2025-04-04", "2025-04-04T06:30:00.000Z"],
    ["2025-01-02", "2025-01-02T06:30:00.000Z"],
    // Seoul has no DST: the close is 06:30Z on New York's change days too.
    ["2025-11-03", "2025-11-03T06:30:00.000Z"],
    ["2026-03-09", "2026-03-09T06:30:00.000Z"],
  ] as const)("%s → %s", (date, expected) => {
    expect(closeInstant(date).toISOString()).toBe(expected);
  });
});

describe("reactionDayIndex", () => {
  it.each([
    // [label, event instant, trading day met]
    ["long before the first close", "2025-03-01T00:00:00.000Z", "2025-04-01"],
    ["exactly at 15:30 Seoul belongs to that day", "2025-04-04T06:30:00.000Z", "2025-04-04"],
    ["1 ms before the close", "2025-04-04T06:29:59.999Z", "2025-04-04"],
    ["1 ms after the close → next trading day (Monday)", "2025-04-04T06:30:00.001Z", "2025-04-07"],
    ["Friday 16:00 Seoul → Monday", "2025-04-04T07:00:00.000Z", "2025-04-07"],
    ["Saturday 10:00 Seoul → Monday", "2025-04-05T01:00:00.000Z", "2025-04-07"],
    ["Sunday 23:59 Seoul → Monday", "2025-04-06T14:59:00.000Z", "2025-04-07"],
    ["Monday 09:00 Seoul → Monday", "2025-04-07T00:00:00.000Z", "2025-04-07"],
    // Washington noon (EDT, 16:00Z) on day D is 01:00 on D+1 in Seoul: it meets the KRX close of D+1.
    ["Wed Apr 2 noon New York → Thu Apr 3", "2025-04-02T16:00:00.000Z", "2025-04-03"],
    ["Liberation Day, Wed Apr 2 16:00 New York → Thu Apr 3", "2025-04-02T20:00:00.000Z", "2025-04-03"],
    ["Tue Apr 8 noon New York → Wed Apr 9", "2025-04-08T16:00:00.000Z", "2025-04-09"],
    ["the 90-day pause, Wed Apr 9 13:18 New York → Thu Apr 10", "2025-04-09T17:18:00.000Z", "2025-04-10"],
    ["Fri Apr 11 noon New York (Sat in Seoul) → Mon Apr 14", "2025-04-11T16:00:00.000Z", "2025-04-14"],
    ["exactly the last close", "2025-04-15T06:30:00.000Z", "2025-04-15"],
  ] as const)("%s (%s) → %s", (_, event, expected) => {
    expect(DAYS[reactionDayIndex(DAYS, d(event))]).toBe(expected);
  });

  it.each([
    ["1 ms after the last close", "2025-04-15T06:30:00.001Z"],
    ["a week after", "2025-04-22T00:00:00.000Z"],
  ] as const)("%s → −1", (_, event) => {
    expect(reactionDayIndex(DAYS, d(event))).toBe(-1);
  });

  it("no days → −1", () => {
    expect(reactionDayIndex([], d("2025-04-04T00:00:00Z"))).toBe(-1);
  });

  it.each([
    // In winter (EST, UTC−5) Washington noon is 17:00Z = 02:00 next day in Seoul.
    ["Mon Jan 6 noon New York → Tue Jan 7", "2025-01-06T17:00:00.000Z", 1],
    ["Mon Jan 6 09:00 New York (23:00 Seoul) → Tue Jan 7", "2025-01-06T14:00:00.000Z", 1],
    ["Mon Jan 6 01:30 New York (15:30 Seoul) → Mon Jan 6", "2025-01-06T06:30:00.000Z", 0],
  ] as const)("%s", (_, event, expected) => {
    expect(reactionDayIndex(["2025-01-06", "2025-01-07", "2025-01-08"], d(event))).toBe(expected);
  });
});

describe("eventReaction", () => {
  it("an event on Saturday Apr 5 meets Monday Apr 7: −5.57% on the day", () => {
    const r = eventReaction(CLOSES, d("2025-04-05T01:00:00.000Z"))!;
    expect(r.date).toBe("2025-04-07");
    expect(r.close).toBe(2328.2);
    expect(Number(r.dayPct!.toFixed(2))).toBe(-5.57);
    expect(r.dayPct).toBeCloseTo(((2328.2 - 2465.42) / 2465.42) * 100, 10);
    // Window from the close of day −1 (Fri Apr 4) to day +1 (Tue Apr 8) and to day +5 (Mon Apr 14).
    expect(r.window1Pct).toBeCloseTo(pct(2465.42, 2334.23), 10);
    expect(Number(r.window1Pct!.toFixed(2))).toBe(-5.32);
    expect(r.window5Pct).toBeCloseTo(pct(2465.42, 2455.89), 10);
    expect(Number(r.window5Pct!.toFixed(2))).toBe(-0.39);
  });

  it.each([
    // [label, event, day 0, day −1 close, day 0 close, day +1 close or null, day +5 close or null]
    ["Liberation Day (Wed 16:00 New York)", "2025-04-02T20:00:00.000Z", "2025-04-03", 2505.86, 2486.7, 2465.42, 2445.06],
    ["the 90-day pause (Wed 13:18 New York)", "2025-04-09T17:18:00.000Z", "2025-04-10", 2293.7, 2445.06, 2432.72, null],
    ["exactly at Friday's 15:30 close", "2025-04-04T06:30:00.000Z", "2025-04-04", 2486.7, 2465.42, 2328.2, 2432.72],
    // Fewer than 5 closes follow: the −1..+5 window is null, the −1..+1 one is not.
    ["Mon Apr 14", "2025-04-14T01:00:00.000Z", "2025-04-14", 2432.72, 2455.89, 2477.41, null],
    // Nothing follows: both windows null, the day change still known.
    ["at the last close", "2025-04-15T06:30:00.000Z", "2025-04-15", 2455.89, 2477.41, null, null],
  ] as const)("%s → %s", (_, event, date, prev, close, next1, next5) => {
    const r = eventReaction(CLOSES, d(event))!;
    expect(r.date).toBe(date);
    expect(r.close).toBe(close);
    expect(r.dayPct).toBeCloseTo(pct(prev, close), 10);
    if (next1 === null) expect(r.window1Pct).toBeNull();
    else expect(r.window1Pct).toBeCloseTo(pct(prev, next1), 10);
    if (next5 === null) expect(r.window5Pct).toBeNull();
    else expect(r.window5Pct).toBeCloseTo(pct(prev, next5), 10);
  });

  it("exactly five closes after day 0 is enough for the +5 window", () => {
    // Day 0 = Apr 8 (index 5); day +5 = Apr 15 (index 10), the last one.
    const r = eventReaction(CLOSES, d("2025-04-08T01:00:00.000Z"))!;
    expect(r.date).toBe("2025-04-08");
    expect(r.window5Pct).toBeCloseTo(pct(2328.2, 2477.41), 10);
    // One fewer close and it is null.
    expect(eventReaction(CLOSES.slice(0, -1), d("2025-04-08T01:00:00.000Z"))!.window5Pct).toBeNull();
  });

  it("an event before the first close has no day −1: all changes null", () => {
    expect(eventReaction(CLOSES, d("2025-03-31T12:00:00.000Z"))).toEqual({
      date: "2025-04-01",
      close: 2521.39,
      dayPct: null,
      window1Pct: null,
      window5Pct: null,
    });
  });

  it.each([
    ["1 ms after the last close", "2025-04-15T06:30:00.001Z"],
    ["the next day", "2025-04-16T00:00:00.000Z"],
  ] as const)("an event after the last close → null (%s)", (_, event) => {
    expect(eventReaction(CLOSES, d(event))).toBeNull();
  });

  it("no closes → null", () => {
    expect(eventReaction([], d("2025-04-04T00:00:00Z"))).toBeNull();
  });
});
