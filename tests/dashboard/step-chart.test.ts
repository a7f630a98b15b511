// The step chart's arithmetic (components/dashboard/charts/steps.ts): segments that hold each rate until the next
// change or the end, gaps for unknown rates, and a rate axis that always covers the highest rate.
import { describe, expect, it } from "vitest";
import { rateTicks, stepPath, stepSegments } from "@/components/dashboard/charts/steps";

const id = (v: number) => v;

describe("stepSegments", () => {
  it("holds each rate from its change to the next one, the last until the end, in time order", () => {
    const segments = stepSegments(
      [
        { t: 30, ratePct: 15 },
        { t: 10, ratePct: 25 },
      ],
      id,
      id,
      50,
    );
    expect(segments).toEqual([
      { x1: 10, x2: 30, y: 25, ratePct: 25, from: 10 },
      { x1: 30, x2: 50, y: 15, ratePct: 15, from: 30 },
    ]);
  });

  it("leaves a gap where the rate is unknown and ignores changes after the end", () => {
    const segments = stepSegments(
      [
        { t: 0, ratePct: 10 },
        { t: 5, ratePct: null },
        { t: 8, ratePct: 20 },
        { t: 99, ratePct: 50 },
      ],
      id,
      id,
      12,
    );
    expect(segments.map((s) => [s.x1, s.x2, s.ratePct])).toEqual([
      [0, 5, 10],
      [8, 12, 20],
    ]);
  });
});

describe("rateTicks", () => {
  it("steps by 5 up to 20 % and by 10 above, always reaching the highest rate", () => {
    expect(rateTicks(0)).toEqual([0, 5, 10]);
    expect(rateTicks(15)).toEqual([0, 5, 10, 15]);
    expect(rateTicks(25)).toEqual([0, 10, 20, 30]);
    for (const max of [1, 7.5, 19, 20, 21, 49, 50, 145]) expect(rateTicks(max).at(-1)).toBeGreaterThanOrEqual(max);
  });
});

describe("stepPath", () => {
  it("draws one path: runs joined by verticals, a new sub-path after a gap, coordinates to a tenth", () => {
    const segments = stepSegments(
      [
        { t: 0, ratePct: 10 },
        { t: 5, ratePct: 20.04 },
        { t: 7, ratePct: null },
        { t: 8.26, ratePct: 30 },
      ],
      id,
      id,
      12,
    );
    expect(stepPath(segments)).toBe("M0 10H5V20H7M8.3 30H12");
    expect(stepPath([])).toBe("");
  });
});
