// The additional duty on Korean goods per HTS-10 line, table-tested with real codes across 2025–26 on the real lists
// and measures. "Today's knowledge" (corrections and retroactive notices applied) unless a case says "as known then".
import { describe, expect, it } from "vitest";
import { dutyFor } from "@/server/products/duty-rules";
import { localToInstant } from "@/server/core/time";
import { seedHits, seedMeasuresKnownAt } from "./seed-rules";

const noon = (d: string) => localToInstant(`${d}T12:00`, "America/New_York");
const TODAY = noon("2026-12-06");
const duty = (hts: string, day: string, o: { knownAt?: Date; baseRatePct?: number } = {}) => {
  const knownAt = o.knownAt ?? TODAY;
  return dutyFor({ hts, at: noon(day), knownAt, hits: seedHits(hts), measures: seedMeasuresKnownAt(knownAt), baseRatePct: o.baseRatePct });
};

const DATES = ["2025-03-01", "2025-04-10", "2025-08-10", "2025-12-01", "2026-03-01", "2026-08-01"] as const;

// HTS-10 → additional duty on each date above (percent of customs value).
const TABLE: [string, string, number[]][] = [
  ["8703230190", "car, 1.5–3 l: Section 232 autos, Korea 15% from 1 Nov 2025", [0, 25, 25, 15, 15, 15]],
  ["8704310120", "light truck: Section 232 autos", [0, 25, 25, 15, 15, 15]],
  ["8708291500", "body part: auto parts from 3 May 2025", [0, 10, 25, 15, 15, 15]],
  ["8701210015", "road tractor: reciprocal, then trucks 25% from 1 Nov 2025", [0, 10, 15, 25, 25, 25]],
  ["8704221120", "truck 5–20 t", [0, 10, 15, 25, 25, 25]],
  ["8702103100", "diesel bus: buses 10% from 1 Nov 2025", [0, 10, 15, 10, 10, 10]],
  ["7208360030", "hot-rolled coil: Korea's quota, 25%, 50%, Annex I-A", [0, 25, 50, 50, 50, 50]],
  ["7606113030", "aluminium plate: 10% of 2018 (no Korean exemption), then 25%, 50%", [10, 25, 50, 50, 50, 50]],
  ["7408113000", "copper wire: exempt from the reciprocal, copper 50% from 1 Aug 2025", [0, 0, 50, 50, 50, 50]],
  ["7403110000", "copper cathodes: outside every metals list", [0, 0, 0, 0, 0, 0]],
  ["8302416015", "building fittings: derivative duty on half the value + reciprocal on the rest, then Annex I-B", [0, 17.5, 32.5, 32.5, 30, 25]],
  ["8542310001", "processors: exempt (matched on eight digits), not on the semiconductor list", [0, 0, 0, 0, 0, 0]],
  ["8471500150", "processing unit on the semiconductor list: 25% from 15 Jan 2026", [0, 0, 0, 0, 25, 25]],
  ["8517130000", "smartphone: exempt throughout", [0, 0, 0, 0, 0, 0]],
  ["3004200010", "antibiotics: exempt; patented medicines only under Section 232", [0, 0, 0, 0, 0, 0]],
  ["9401614011", "upholstered wooden seat: 25% then Korea's 15%", [0, 10, 15, 15, 15, 15]],
  ["4407110001", "pine lumber: exempt until timber's own 10%", [0, 0, 0, 10, 10, 10]],
  ["6110202010", "cotton sweater: reciprocal 10, 15, 15 all-in, Section 122 10%, Section 301 12.5% all-in", [0, 10, 15, 15, 10, 12.5]],
];

describe("additional duty on Korean goods by HTS-10 line", () => {
  it.each(TABLE)("%s (%s)", (hts, _what, expected) => {
    expect(DATES.map((d) => duty(hts, d).additionalDutyPct)).toEqual(expected);
  });

  it("names the measure, instrument and heading of each step", () => {
    const a = duty("8703230190", "2025-12-01");
    expect(a.components).toHaveLength(1);
    expect(a.components[0]).toMatchObject({ programme: "s232_autos", measureKey: "autos-kr-15", allIn: true, ratePct: 15, contributionPct: 15 });
    expect(a.components[0]!.listKeys).toEqual(["s232-autos"]);
    expect(a.excluded.map((e) => e.reason)).toEqual(["s232_outside_reciprocal"]);
    const fittings = duty("8302416015", "2025-08-10");
    expect(fittings.components.map((c) => [c.programme, c.measureKey, c.basis, c.sharePct, c.contributionPct])).toEqual([
      ["s232_metals", "steel-alu-232-50", "content", 50, 25],
      ["ieepa_reciprocal", "reciprocal-kr-15", "remainder", 50, 7.5],
    ]);
    expect(fittings.notes.map((n) => n.code)).toContain("metal_content");
    expect(fittings.uncertain).toBe(true);
  });

  it("answers as known then: Korea's 15% on cars was published on 4 Dec 2025 with effect from 1 Nov", () => {
    expect(duty("8703230190", "2025-12-01", { knownAt: noon("2025-12-01") }).additionalDutyPct).toBe(25);
    expect(duty("8703230190", "2025-12-01", { knownAt: noon("2025-12-05") }).additionalDutyPct).toBe(15);
    // Wood: Korea's heading came with the same notice.
    expect(duty("9401614011", "2025-12-01", { knownAt: noon("2025-12-01") }).additionalDutyPct).toBe(25);
  });

  it("takes the base rate off Korea's all-in rates, not off stacked ones", () => {
    expect(duty("8703230190", "2025-12-01", { baseRatePct: 2.5 }).additionalDutyPct).toBe(12.5);
    expect(duty("8704310120", "2025-12-01", { baseRatePct: 25 }).additionalDutyPct).toBe(0);
    expect(duty("6110202010", "2025-12-01", { baseRatePct: 16.5 }).additionalDutyPct).toBe(0);
    expect(duty("6110202010", "2026-03-01", { baseRatePct: 16.5 }).additionalDutyPct).toBe(10);
    expect(duty("6110202010", "2025-08-10", { baseRatePct: 16.5 }).additionalDutyPct).toBe(15);
  });

  it("applies Korea's 25% for the one day before the pause (9 Apr 2025)", () => {
    expect(dutyFor({ hts: "6110202010", at: noon("2025-04-09"), hits: seedHits("6110202010"), measures: seedMeasuresKnownAt(TODAY) }).additionalDutyPct).toBe(25);
  });

  it("puts a Section 232 good outside the reciprocal, Section 122 and Section 301, and says why", () => {
    const car = duty("8703230190", "2026-08-01");
    expect(car.excluded.map((e) => e.reason)).toContain("s232_outside_s301");
    const carMarch = duty("8703230190", "2026-03-01");
    expect(carMarch.excluded.map((e) => e.reason)).toContain("s232_outside_s122");
    const part = duty("8708291500", "2025-12-01");
    expect(part.excluded.map((e) => e.reason)).toEqual(["s232_outside_reciprocal"]);
    expect(part.notes.map((n) => n.code)).toContain("car_or_truck_part");
  });

  it("flags what the line alone cannot decide instead of guessing", () => {
    expect(duty("3004200010", "2026-10-01").notes.map((n) => n.code)).toContain("pharma_patented");
    expect(duty("8471500150", "2026-03-01").notes.map((n) => n.code)).toContain("semiconductor_gate");
    const laptop = duty("8471300100", "2026-08-01");
    expect(laptop.additionalDutyPct).toBe(25);
    expect(laptop.notes.map((n) => n.code)).toEqual(expect.arrayContaining(["annex_heading_8471", "computer_as_auto_part"]));
    const sweater = duty("6110202010", "2026-08-01");
    expect(sweater.notes.map((n) => n.code)).toContain("s301_tier_disputed");
    expect(sweater.uncertain).toBe(true);
  });

  it("shows a line the April 2026 annexes took out of the metals duties (umbrella parts, an aluminium derivative)", () => {
    const before = duty("6603908100", "2025-12-01");
    expect(before.components.map((c) => c.programme)).toContain("s232_metals");
    const after = duty("6603908100", "2026-08-01");
    expect(after.components.map((c) => c.programme)).not.toContain("s232_metals");
    expect(after.excluded.map((e) => e.reason)).toContain("annex_ii_removed");
  });
});
