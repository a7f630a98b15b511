// Sector wording -> FACTS.md sectors (server/news/extract/sectors.ts). Sentences written for these tests.
import { describe, expect, it } from "vitest";
import { FACT_SECTORS, findSectors, sectorsIn } from "@/server/news/extract/sectors";
import { expectOneMatch } from "./helpers";

describe("findSectors: single mentions", () => {
  it.each([
    ["a duty on imported cars", "autos", "cars"],
    ["levies on automobiles", "autos", "automobiles"],
    ["foreign vehicles face a charge", "autos", "vehicles"],
    ["Korean automakers complained", "autos", "automakers"],
    ["the auto tariff", "autos", "auto"],
    ["자동차 관세", "autos", "자동차"],
    ["tariffs on auto parts", "auto_parts", "auto parts"],
    ["car parts makers", "auto_parts", "car parts"],
    ["automotive parts suppliers", "auto_parts", "automotive parts"],
    ["부품 관세", "auto_parts", "부품"],
    ["자동차 부품 업계", "auto_parts", "자동차 부품"],
    ["a 50% steel levy", "steel", "steel"],
    ["철강 관세", "steel", "철강"],
    ["aluminum duties", "aluminum", "aluminum"],
    ["aluminium duties", "aluminum", "aluminium"],
    ["알루미늄 수출", "aluminum", "알루미늄"],
    ["semiconductors may be next", "semiconductors", "semiconductors"],
    ["a tariff on chips", "semiconductors", "chips"],
    ["반도체 관세", "semiconductors", "반도체"],
    ["pharmaceuticals were spared", "pharmaceuticals", "pharmaceuticals"],
    ["duties on drugs", "pharmaceuticals", "drugs"],
    ["의약품 관세", "pharmaceuticals", "의약품"],
    ["lumber imports", "lumber", "lumber"],
    ["timber probe", "lumber", "timber"],
    ["copper tariff", "copper", "copper"],
    ["구리 관세", "copper", "구리"],
    ["the reciprocal tariff", "all_goods", "reciprocal tariff"],
    ["a levy on all imports", "all_goods", "all imports"],
    ["an across-the-board duty", "all_goods", "across-the-board"],
    ["a 10% baseline tariff", "all_goods", "baseline tariff"],
    ["상호관세 25%", "all_goods", "상호관세"],
    ["Reciprocal Tariffs take effect", "all_goods", "Reciprocal Tariffs"],
  ])("%s", (text, sector, raw) => {
    expectOneMatch(findSectors(text), text, { sector, raw });
  });
});

describe("findSectors: not sectors", () => {
  it.each([
    ["Shipbuilding is a bargaining chip."],
    ["Blue chips led the rally."],
    ["a drug trafficking case"],
    ["Steelers won the game."],
    ["cartography and carpets"],
    ["The talks were held in Washington."],
    ["The coppersmith retired."],
    ["autonomy of the central bank"],
  ])("%s", (text) => {
    expect(findSectors(text)).toEqual([]);
  });
});

describe("findSectors: several mentions", () => {
  it("prefers the longest wording and keeps text order", () => {
    const text = "Duties on cars and car parts, plus steel and aluminum.";
    expect(findSectors(text).map((m) => m.sector)).toEqual(["autos", "auto_parts", "steel", "aluminum"]);
  });

  it("car parts named without a car word before them: parts, components, engines and transmissions near a car word", () => {
    expect(sectorsIn("Sedans, light trucks and covered parts from Korea pay the new rate.")).toEqual(["autos", "auto_parts"]);
    expect(sectorsIn("A duty on cars, and later on engines, transmissions and other key components.")).toEqual(["autos", "auto_parts"]);
    // not car parts: no car word near, or another machine's parts
    expect(sectorsIn("Spare parts for factories are exempt.")).toEqual([]);
    expect(sectorsIn("Cars pay 25%, while civil aircraft and parts are exempt.")).toEqual(["autos"]);
  });

  it("sectorsIn lists each sector once", () => {
    expect(sectorsIn("Cars, more cars, vehicles and chips; 반도체 too.")).toEqual(["autos", "semiconductors"]);
  });

  it("only emits FACTS.md sectors", () => {
    const all = findSectors("cars, auto parts, steel, aluminium, chips, drugs, timber, copper, all imports");
    for (const m of all) expect(FACT_SECTORS).toContain(m.sector);
    expect(new Set(all.map((m) => m.sector)).size).toBe(9);
  });
});
