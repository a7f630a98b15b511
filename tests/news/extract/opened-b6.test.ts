// Rules written once the sixth blind batch (b6) was opened and moved to the development set
// (tests/fixtures/extract-blind/README.md): each with positives and near misses. The sentences are written for these
// tests, in the patterns the batch showed, not copied from it.
import { describe, expect, it } from "vitest";
import { extractFacts } from "@/server/news/extract";
import { SEEDED_MEASURES } from "@/server/news/ingest/tracked";
import { of } from "./helpers";

const ABOUT = "Tariffs dominate the talks. ";
const tracked = (text: string, pub: string) =>
  of(extractFacts(text, { publishedOn: pub, measures: SEEDED_MEASURES }), "tariff_rate").map((f) => [f.sector, f.ratePct, f.country, f.status]);

describe("tariff_rate: a rate named by the deal or order that set it", () => {
  const text = `${ABOUT}Exporters point to the 15% rate on Korean cars agreed with Washington, which parts makers also cite.`;
  it("is in effect once the tracker shows it collected", () => {
    expect(tracked(text, "2026-02-23")).toEqual([["autos", 15, "KR", "in_effect"]]);
  });
  it("keeps the words' status while the tracker does not show it in force (the cut agreed, not yet dated)", () => {
    expect(tracked(text, "2025-08-05")).toEqual([["autos", 15, "KR", "announced"]]);
  });
  it("keeps the words' status for a rate the tracker does not know", () => {
    expect(tracked(`${ABOUT}Exporters point to the 35% rate on Korean lumber agreed with Washington.`, "2026-02-23")).toEqual([["lumber", 35, "KR", "announced"]]);
  });
});

describe("tariff_rate: bulleted lines naming their goods before a colon", () => {
  it.each([
    [
      `${ABOUT}\nStill in force:\n- Steel and aluminum articles and listed derivatives: 25%, in effect since March 12, 2025.`,
      [["steel", 25, "ALL", "in_effect"], ["aluminum", 25, "ALL", "in_effect"]],
    ],
    // the examples in brackets are not goods of their own
    [`${ABOUT}\nComing:\n• Certain automobile parts (engines, gearboxes and wiring): 25%, to take effect May 3, 2025.`, [["auto_parts", 25, "ALL", "announced"]]],
    [`${ABOUT}\nIn force:\n* Passenger cars and light trucks: 25%, since April 3, 2025.`, [["autos", 25, "ALL", "in_effect"]]],
  ])("%s", (text, want) => {
    expect(tracked(text, "2025-04-10")).toEqual(want);
  });

  it.each([
    // another kind of figure on a bulleted line
    `${ABOUT}\nOutlook:\n- Steel exports, year on year: 25%, the ministry estimates.`,
    // a line with no goods named
    `${ABOUT}\nOutlook:\n- Forecast growth for the year: 1.8%.`,
    // not a bulleted line: a colon in running text keeps the sentence rules
    `${ABOUT}Analysts expect steel mills to spend more on compliance: 25%, they reckon.`,
  ])("near miss: %s", (text) => {
    expect(tracked(text, "2025-04-10")).toEqual([]);
  });
});
