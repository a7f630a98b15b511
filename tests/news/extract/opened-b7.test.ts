// Rules written once the seventh blind batch (b7) was opened and moved to the development set
// (tests/fixtures/extract-blind/README.md): each with positives and near misses. The sentences are written for these
// tests, in the patterns the batch showed, not copied from it.
import { describe, expect, it } from "vitest";
import { extractFacts } from "@/server/news/extract";
import { SEEDED_MEASURES } from "@/server/news/ingest/tracked";
import { of } from "./helpers";

const ABOUT = "Tariffs dominate the talks. ";
const tracked = (text: string, pub: string) =>
  of(
    extractFacts(text, { publishedOn: pub, measures: SEEDED_MEASURES }),
    "tariff_rate",
  ).map((f) => [f.sector, f.ratePct, f.country, f.status]);

describe("tariff_rate: a sector duty the tracker shows replaced before publication is not a rate of the article", () => {
  it.each([
    // a chronology that goes on to the doubling
    [
      `${ABOUT}\nMarch 12 — Steel and aluminum imports from every country start paying 25% under Section 232.\nJune 4 — The steel and aluminum duties double to 50%.`,
      "2025-12-01",
      [
        ["steel", 50, "ALL", "in_effect"],
        ["aluminum", 50, "ALL", "in_effect"],
      ],
    ],
    // the old car rate that entries were filed at before the cut
    [
      `${ABOUT}Entries of Korean cars made since November 1 were filed at the old 25% rate and can be corrected.`,
      "2025-12-10",
      [],
    ],
  ])("%s", (text, pub, want) => {
    expect(tracked(text, pub)).toEqual(want);
  });

  it.each([
    // while it is still collected
    [
      `${ABOUT}Steel and aluminum imports from every country pay 25% under Section 232.`,
      "2025-04-20",
      [
        ["steel", 25, "ALL", "in_effect"],
        ["aluminum", 25, "ALL", "in_effect"],
      ],
    ],
    // a threat to go back to it is no rate in force
    [
      `${ABOUT}Trump said he would raise the tariff on Korean cars back to 25%.`,
      "2026-01-27",
      [["autos", 25, "KR", "proposed"]],
    ],
    // the baseline is left alone: it still applies to others
    [
      `${ABOUT}The 10% baseline on all imports remains in place.`,
      "2025-12-01",
      [["all_goods", 10, "ALL", "in_effect"]],
    ],
  ])("kept: %s", (text, pub, want) => {
    expect(tracked(text, pub)).toEqual(want);
  });
});

describe("tariff_rate: a Korean threat over a list of goods, worded as going back ('되돌리겠다')", () => {
  it("gives every good listed", () => {
    const text =
      "트럼프 대통령이 한국산 자동차·목재·의약품과 상호관세를 모두 15%에서 25%로 되돌리겠다고 밝혔다.";
    expect(tracked(text, "2026-01-27")).toEqual([
      ["autos", 25, "KR", "proposed"],
      ["lumber", 25, "KR", "proposed"],
      ["pharmaceuticals", 25, "KR", "proposed"],
      ["all_goods", 25, "KR", "proposed"],
    ]);
  });
});
