// The KOSPI chart's events on its points (components/dashboard/charts/kospi-chart.tsx): a single trading day is sent
// without `dateTo` (the overview leaves it out to keep the page small), a downsampled bucket with its last day.
import { describe, expect, it } from "vitest";
import { attachEvents, type ChartEvent } from "@/components/dashboard/charts/kospi-chart";

const event = (key: string, reactionDate: string): ChartEvent => ({
  key,
  title: key,
  reactionDate,
  dayPct: -1.2,
  window1Pct: null,
  window5Pct: null,
});

describe("attachEvents", () => {
  it("puts an event on the single day it met, and on the bucket whose range holds its day", () => {
    const rows = attachEvents(
      [
        { date: "2025-07-07", close: 3000 },
        { date: "2025-07-08", close: 3050 },
        { date: "2025-07-09", dateTo: "2025-07-15", close: 3100 },
      ],
      [event("on-a-day", "2025-07-08"), event("in-a-bucket", "2025-07-11"), event("after-the-chart", "2025-07-16")],
    );
    expect(rows.map((r) => r.events.map((e) => e.key))).toEqual([[], ["on-a-day"], ["in-a-bucket"]]);
    expect(rows.map((r) => r.eventClose)).toEqual([null, 3050, 3100]);
  });
});
