// Sector wording -> the sectors of shared/corpus/FACTS.md, with spans. Pure.
// Note: these are the extractor's (FACTS.md) sectors, which split steel and aluminum; the app's SECTORS in
// server/core/constants.ts merges them as "steel_aluminium" — the mapping between the two belongs to the extractor.

export const FACT_SECTORS = [
  "all_goods",
  "autos",
  "auto_parts",
  "steel",
  "aluminum",
  "semiconductors",
  "pharmaceuticals",
  "lumber",
  "copper",
  "other",
] as const;
export type FactSector = (typeof FACT_SECTORS)[number];

export interface SectorMatch {
  sector: Exclude<FactSector, "other">;
  start: number;
  end: number;
  raw: string;
}

// English patterns are matched case-insensitively on word boundaries; Korean ones without boundaries.
// Longest match wins where patterns overlap ("auto parts" beats "auto", "자동차 부품" beats "자동차").
const EN: [FactSector, string][] = [
  ["auto_parts", String.raw`(?:auto|car|vehicle|automobile|automotive)[\s-]?parts|auto components|autoparts`],
  // ("an investment vehicle", "a special purpose vehicle" are not cars)
  ["autos", String.raw`cars?|autos?|automobiles?|light trucks?|(?<!(?:investment|purpose|financing|funding|investing|policy)\s)vehicles?|automakers?|carmakers?|automotive`],
  ["steel", String.raw`steel|steelmakers?`],
  ["aluminum", String.raw`alumin(?:um|ium)`],
  // singular "chip" only as a modifier of trade words ("chip tariff", "chip exports"): "a bargaining chip" is not a sector
  ["semiconductors", String.raw`semiconductors?|(?:advanced |AI |computer |graphics |logic )processors|(?:computer |memory )?chips|chipmakers?|microchips?|chip(?=[\s-](?:tariffs?|dut(?:y|ies)|levy|levies|exports?|imports?|shipments|sector|industry|makers?|stocks?|supply|plants?|factor(?:y|ies)))`],
  ["pharmaceuticals", String.raw`pharmaceuticals?|pharma|drugs|medicines`],
  ["lumber", String.raw`lumber|timber|softwood`],
  ["copper", String.raw`copper`],
  [
    "all_goods",
    String.raw`reciprocal tariffs?|reciprocal (?:duties|levies|levy|rates?)|all imports|all goods|across[\s-]the[\s-]board|universal tariffs?|baseline tariffs?|blanket tariffs?|country[\s-]specific tariffs?`,
  ],
];
const KO: [FactSector, string][] = [
  ["auto_parts", String.raw`자동차\s?(?:핵심\s?)?부품|핵심\s?부품|車\s?부품|차\s?부품|부품`],
  ["autos", String.raw`자동차|완성차|승용차|수입차|車`],
  ["steel", String.raw`철강`],
  ["aluminum", String.raw`알루미늄`],
  // ("일부 첨단 연산용 칩에 25% 관세": a chip named with its particle)
  ["semiconductors", String.raw`반도체|(?<![가-힣])(?<!협상\s?)칩(?=에|은|는|이|가|을|를|의|과|와|\s|$)`],
  ["pharmaceuticals", String.raw`의약품|제약`],
  ["lumber", String.raw`목재`],
  ["copper", String.raw`구리`],
  ["all_goods", String.raw`상호\s?관세|보편\s?관세|기본\s?관세|모든 수입품`],
];

// "bargaining chip(s)", "blue chips", "drug trafficking" etc. are not sectors.
const NOT_SECTOR = /\b(?:bargaining chips?|blue[\s-]chips?|chips? (?:in|away)|drug (?:traffick\w*|cartels?|dealers?|smuggl\w*)|car bomb|steel (?:nerves|resolve))\b/gi;

// Car parts named without "auto": "vehicles, light trucks and covered parts", "Autos and Parts", "engines, transmissions
// and other key components" — auto parts when a car word stands within CAR_NEAR characters in the same sentence
// ("aircraft and parts" is not).
const BARE_PARTS = /\b(?:(?:covered|key|major|core|other|their|its)\s+)*(?:parts|components)\b|\bengines?(?:,\s*|\s+(?:and|or)\s+)transmissions?\b|\bpowertrain(?:s|\s+parts)?\b/gi;
const CAR_NEAR = 150;
const CAR_BEFORE = 600;

/** All sector mentions in `text`, left to right, non-overlapping (longest first at each position). */
export function findSectors(text: string): SectorMatch[] {
  const cands: SectorMatch[] = [];
  const cars = [...text.matchAll(new RegExp(String.raw`\b(?:${EN.find(([s]) => s === "autos")![1]})\b`, "gi"))].map((m) => m.index!);
  for (const m of text.matchAll(BARE_PARTS)) {
    // (engines and transmissions, or powertrains, are car parts when the article has just spoken of cars)
    const drivetrain = /^(?:engines?\b|powertrain)/i.test(m[0]) && cars.some((at) => at < m.index! && m.index! - at <= CAR_BEFORE);
    const near = (drivetrain || cars.some((at) => Math.abs(at - m.index!) <= CAR_NEAR && !/[.!?]\s|\n/.test(text.slice(Math.min(at, m.index!), Math.max(at, m.index!))))) && !/\b(?:aircraft|airplane|plane|aerospace|machinery|electronics?|phone)s?\b/i.test(text.slice(Math.max(0, m.index! - 25), m.index!));
    if (near) cands.push({ sector: "auto_parts", start: m.index!, end: m.index! + m[0].length, raw: m[0] });
  }
  for (const [sector, re] of EN)
    for (const m of text.matchAll(new RegExp(String.raw`\b(?:${re})\b`, "gi")))
      cands.push({ sector: sector as SectorMatch["sector"], start: m.index!, end: m.index! + m[0].length, raw: m[0] });
  for (const [sector, re] of KO)
    for (const m of text.matchAll(new RegExp(re, "g")))
      cands.push({ sector: sector as SectorMatch["sector"], start: m.index!, end: m.index! + m[0].length, raw: m[0] });
  const blocked = [...text.matchAll(NOT_SECTOR)].map((m) => [m.index!, m.index! + m[0].length] as const);
  cands.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: SectorMatch[] = [];
  for (const c of cands) {
    if (blocked.some(([s, e]) => c.start < e && s < c.end)) continue;
    if (out.some((o) => c.start < o.end && o.start < c.end)) continue;
    out.push(c);
  }
  return out;
}

/** Distinct sectors mentioned, in order of first mention. */
export function sectorsIn(text: string): SectorMatch["sector"][] {
  return [...new Set(findSectors(text).map((m) => m.sector))];
}
