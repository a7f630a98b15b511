// The object of a tariff ("on US auto imports", "against steel", "will also apply to Korean cars", "on a narrow set of
// advanced computing chips"): which tracked sectors it names, all goods, or another product. Used by the tariff
// candidates (./tariff-candidates.ts).
import type { FactSector } from "@/server/news/extract/sectors";
import type { Unit } from "./shared";

export const SECTOR_TOKEN = /^(?:auto(?:mobile|motive)?s?|cars?|vehicles?|parts|components|steel|alumin(?:um|ium)|semiconductors?|chips?|pharmaceuticals?|drugs?|medicines?|lumber|timber|copper|imports?|goods|products|exports?|자동차|부품|철강|알루미늄|반도체|의약품|목재|구리|수입품|제품)$/i;
export const ALL_GOODS_PHRASE = /\b(?:reciprocal|baseline|blanket|universal|across[\s-]the[\s-]board|all (?:\w+ ){0,3}(?:imports|goods|products|exports)|country[\s-]wide|general)\b|상호\s?관세|보편\s?관세|기본\s?관세|모든 (?:수입품|제품)/i;

// What a tariff applies to: "on US auto imports", "against steel", "will also apply to Korean cars".
export const ON_OBJECT = /^\s*(?:on|against|for|(?:levied|imposed|charged|collected)\s+on|(?:agreed|promised|negotiated|secured|offered|won|set)\s+(?:in\s+\w+\s+)?(?:for|on)|(?:(?:will|would|also|now|then|to|which|that|has|have|had|been)\s+)*(?:appl(?:y|ies|ied)|extend(?:s|ed)?)\s+(?:also\s+)?to|(?:(?:will|would|now|also)\s+)?(?:hits?|hitting|targets?|targeting|covers?|covering))\b/i;
// "on a narrow set of advanced chips", "to a short list of products": a quantity before the object is not the object
const QUANTITY_OF = /^(\s*)(?:a|an|the)\s+(?:(?:narrow|small|wide|broad|limited|long|short|new|first|second)\s+)?(?:set|group|range|list|class|handful|number|basket|category|subset|array|slate)\s+of\s+/i;

export function sectorsBetween(u: Unit, a: number, b: number): FactSector[] {
  return [...new Set(u.sectors.filter((s) => s.start >= a && s.end <= b).map((s) => s.sector))];
}

/** The object of "on" in `tail` (which starts at `at`): its sectors, all goods ("on all imports"), or "other". */
export function objectOfOn(u: Unit, at: number, tail: string): FactSector[] {
  const body = tail.replace(ON_OBJECT, (m) => " ".repeat(m.length)).replace(QUANTITY_OF, (m) => " ".repeat(m.length));
  const stop = objectEnd(body);
  let sectors = sectorsBetween(u, at, at + stop);
  // "on engines, transmissions and other key parts": a sector match may open the object with words objectEnd does not know
  const opening = sectors.length === 0 ? u.sectors.find((x) => x.start === at + (/^\s*(?:the\s+)?/i.exec(body)?.[0].length ?? 0)) : undefined;
  if (opening) sectors = [opening.sector, ...sectorsBetween(u, opening.end, opening.end + objectEnd(body.slice(opening.end - at)))];
  sectors = [...new Set(sectors)];
  if (sectors.length === 0 && ALL_GOODS_PHRASE.test(tail.slice(0, stop))) sectors = ["all_goods"];
  if (sectors.length === 0) {
    // "a 25% tariff on heavy-duty trucks", "a 50% levy on kitchen cabinets": named products outside the tracked
    // sectors are "other" (imports, goods, countries and partners are not products)
    const obj = /^\s*((?:[a-z][a-z-]*\s+){0,2}?)([a-z][a-z-]*s)\b/.exec(body);
    // (nor is a stretch of time: "a 25 percent levy for months", "for years now")
    if (obj && !/^(?:imports|goods|products|exports|items|countries|nations|partners|allies|shipments|others|things|sales|companies|firms|makers|those|these|its|their|us|them|days|weeks|months|years|decades|hours|quarters|now|yes)$/.test(obj[2]!) &&
      !/\b(?:its|their|all|most|many|some|our|these|those|the)\b/.test(obj[1]!))
      sectors = ["other"];
  }
  return sectors;
}

/** Where the object of "on" ends: it runs over modifiers, countries, sector words and lists of them. */
function objectEnd(body: string): number {
  const words = [...body.matchAll(/[^\s,]+|,/g)];
  for (const [wi, m] of words.entries()) {
    const w = m[0].replace(/[.;:!?)]+$/, "");
    // an adjective right before a sector word: "semi-finished copper", "finished steel"
    if (/^[a-z][a-z-]*$/.test(w) && w === m[0] && sectorWordWithinFour(words, wi)) continue;
    if (w === "," || /^(?:and|or|&|the|all|of|foreign|imported|import|imports|goods|products|exports|[A-Z][\w.&'’-]*|[가-힣]+)$/.test(w) || SECTOR_TOKEN.test(w) || /^(?:parts|components)$/i.test(w)) {
      if (/[.;:!?)]$/.test(m[0]) && !/^(?:[A-Za-z]\.){2,}$/.test(m[0])) return m.index! + m[0].length;
      continue;
    }
    return m.index!;
  }
  return body.length;
}

/** Lowercase words after word `wi` reach a sector word within four: "branded or patented pharmaceutical products". */
function sectorWordWithinFour(words: RegExpMatchArray[], wi: number): boolean {
  for (const n of words.slice(wi + 1, wi + 5)) {
    const nw = n[0].replace(/[.;:!?),]+$/, "");
    if (SECTOR_TOKEN.test(nw)) return true;
    if (!/^[a-z][a-z-]*$/.test(n[0])) return false;
  }
  return false;
}
