// Rules written once the fifth blind batch (b5) was opened and moved to the development set
// (tests/fixtures/extract-blind/README.md): each with positives and near misses. The sentences are written for these
// tests, in the patterns the batch showed, not copied from it.
import { describe, expect, it } from "vitest";
import { extractFacts } from "@/server/news/extract";
import { timeFrame } from "@/server/news/extract/context";
import { of } from "./helpers";

const ABOUT = "Tariffs dominate the talks. ";
const run = (text: string, pub: string | null = "2026-06-15") => extractFacts(text, { publishedOn: pub });
const rates = (text: string, pub: string | null = "2026-06-15") =>
  of(run(text, pub), "tariff_rate").map((f) => [f.sector, f.ratePct, f.country, f.status]);

describe("tariff_rate: sectors that bear a rate without a tariff word", () => {
  it.each([
    // the subject's noun ("articles") between the sectors and the verb
    [`${ABOUT}Copper and aluminum articles from all countries remain at 50%.`, [["copper", 50, "ALL", "in_effect"], ["aluminum", 50, "ALL", "in_effect"]]],
    // the verb understood in a second clause ("gapping")
    [`${ABOUT}Steel stays at 50%, and certain computing chips at 25%.`, [["steel", 50, "ALL", "in_effect"], ["semiconductors", 25, "ALL", "in_effect"]]],
    // the subject counts back into a list
    [`${ABOUT}Steel, aluminum and copper were left out: the first two stay at 50 percent.`, [["steel", 50, "ALL", "in_effect"], ["aluminum", 50, "ALL", "in_effect"]]],
    // "carry their own … duty" in a relative clause
    [`${ABOUT}Steel and aluminum, which already carry their own 25 percent duty, are left out of the new levy.`, [["steel", 25, "ALL", "in_effect"], ["aluminum", 25, "ALL", "in_effect"]]],
  ])("%s", (text, want) => {
    expect(rates(text)).toEqual(want);
  });

  it.each([
    // a second clause with another kind of figure
    `${ABOUT}Steel stays at 50%, and growth at 2%.`,
    // "the first two" with fewer sectors listed than counted
    `${ABOUT}Steel was left out: the first two stay at 50 percent.`,
  ])("near miss: %s", (text) => {
    expect(rates(text).filter((r) => r[1] !== 50 || r[0] !== "steel")).toEqual([]);
  });
});

describe("tariff_rate: Korean cars under the global car tariffs", () => {
  it("a 25% car rate said to be paid under the auto tariffs is everyone's, though Korean cars pay it", () => {
    expect(rates(`${ABOUT}Korean cars, currently taxed at 25 percent under the U.S. auto tariffs, face a long wait.`, "2025-07-31")).toEqual([["autos", 25, "ALL", "in_effect"]]);
  });
  it("without the programme named, a 25% on Korean cars stays worded as Korea's (and \"for months\" is no product)", () => {
    expect(rates(`${ABOUT}Korean-built cars have faced a 25 percent levy for months.`, "2025-07-31")).toEqual([["autos", 25, "KR", "in_effect"]]);
  });
});

describe("publication date: a dateline without its year", () => {
  it("a weekday ahead of the news in the lead does not fix the year", () => {
    // 31 July is a Thursday in 2025 and a Friday in 2026: "due … on Friday" is the day a rate was to start, not the dateline's
    const text = "SEOUL, July 31 (Newswire) — Seoul and Washington agreed a deal, sparing Korea the 25 percent rate that had been due to hit its exports on Friday.";
    expect(timeFrame(text, null, 2025).publishedOn).toBe("2025-07-31");
  });
  it("a weekday that is the news day still does", () => {
    const text = "SEOUL, March 12 (Newswire) — The National Assembly on Thursday passed the special act.";
    expect(timeFrame(text, null, 2025).publishedOn).toBe("2026-03-12");
  });
});
