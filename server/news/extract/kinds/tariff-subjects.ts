// A rate borne by what a sentence is about, with no tariff phrase binding the figure, in an article about tariffs:
// "Steel, aluminum and copper remain at 50%", "Korean cars currently pay 15 percent", "Korean cars and auto parts keep
// the 15% all-in rate", "… remain subject to the 50% Section 232 duties", "Generic medicines still enter at 0 percent",
// "Korean goods … have been charged 12.5 percent", "한국산 자동차에는 이미 25%", list lines ("— Steel and aluminum: 50%").
import type { PercentMatch } from "@/server/news/extract/numbers";
import type { FactSector } from "@/server/news/extract/sectors";
import { slice, type Unit } from "./shared";
import { listEndingWithLast } from "./tariff-candidates";

const ADVERBS = String.raw`(?:(?:have|has|had|will|would|also|still|now|already|currently|continue to|continues to|do|does|must|generally|typically|effectively|then|only|are to|is to|are|is|were|was|being|each|both|keep|keeps|kept)\s+)*`;
const VERBS = String.raw`remain(?:s|ed)?(?:\s+subject\s+to)?|carr(?:y|ies|ied)|taxed|stay(?:s|ed)?|stand(?:s)?|stood|pa(?:y|ys|id|ying)|fac(?:e|es|ed|ing)|keep(?:s|ing)?|kept|enter(?:s|ed)?(?:\s+the\s+(?:U\.S\.|US|United States|American)(?:\s+market)?)?|(?:are|is|be|been|were|was)\s+(?:charged|taxed|levied|subject\s+to|hit\s+with)|subject\s+to|charged|(?:went|goes|go|rose|rises|climbed|jumped|doubled|moved)\s+to`;
// the verb, then "at", an article and adjectives before the figure ("keep the 15% all-in rate")
// ("remain subject to Section 232 duties of 50%": the duty's name may stand between the verb and the figure)
const BEAR_VERB = new RegExp(String.raw`\s+${ADVERBS}(?:${VERBS})\s+(?:at\s+)?(?:(?:a|an|the|same|current|existing|flat|combined|their|its|own)\s+){0,3}(?:(?:Section\s+\d+\s+)?(?:duties|tariffs?|levies|levy|rates?)\s+of\s+)?$`, "i");
const TARIFF_IN = /\b(?:tariffs?|dut(?:y|ies)|levy|levies|surcharges?)\b|관세/i;
const NOT_BEAR = /\b(?:shares?|growth|GDP|interest|tax(?:es)?|inflation|poll|approval|respondents|stake|margin|unemployment|sales|exports?|prices?|profits?|revenue|percentage points?|wages?|dividends?|stocks?)\b/i;
// (what a figure borne by goods is still not: a tax, a share, a price; an export named in passing may be the goods)
const NOT_BEAR_BUT_GOODS = /\b(?:shares?|growth|GDP|interest|tax(?:es)?|inflation|poll|approval|respondents|stake|margin|unemployment|prices?|profits?|revenue|percentage points?|wages?|dividends?|stocks?)\b/i;
const KOREAN_GOODS = /\b(?:(?:South\s+)?Korean|Korea's)\s+(?:goods|products|imports|exports|shipments|items)\b|한국산\s*(?:제품|상품)/i;

// Named products outside the tracked sectors: their rates are "other".
export const OTHER_PRODUCT = /\b(?:polysilicon|solar (?:cells?|panels?|modules?|wafers?)|(?:heavy[\s-]duty |medium[\s-]duty |pickup )?trucks|buses|(?:upholstered |wood(?:en)? )?furniture|(?:kitchen )?cabinets|vanities|drones?|robot(?:s|ics)|machinery|aircraft|jet engines|critical minerals|rare earths|batter(?:y|ies)|tires|tyres|appliances|washing machines|refrigerators|smartphones)\b|폴리실리콘|가구|트럭|버스|드론|태양광|배터리|세탁기|타이어/i;

// "the 15% Korean autos now pay": the figure, then who bears it
const PAID_BY_AFTER = /^\s*(?:that\s+)?(?:(?:South\s+)?Korean\s+|imported\s+|foreign\s+)?([\w-]+(?:\s+(?:and|or)\s+[\w-]+)?)\s+(?:now\s+|currently\s+|still\s+|already\s+)?(?:pay|pays|face|faces|bear|bears)\b/i;

/** The sectors bearing percent `p` as the subject of a verb of bearing a rate (or of a list line), else none. */
export function subjectSectors(u: Unit, p: PercentMatch): FactSector[] {
  // (the words near the figure: "hitting the country's biggest export to the U.S. Korean steel … have paid 25%" bears it)
  // ("went to 25% of the market": a share)
  // (unless a verb of bearing stands right before the figure: "Cars, the country's biggest export to the United States,
  // continue to enter at 15 percent")
  const bears = BEAR_VERB.test(slice(u, Math.max(u.s.start, p.start - 120), p.start));
  const notBorne = (bears ? NOT_BEAR_BUT_GOODS : NOT_BEAR).test(slice(u, Math.max(u.s.start, p.start - 50), p.end + 20));
  if (!u.ctx.tariffs || notBorne || /^\s*of\s/i.test(slice(u, p.end, p.end + 4))) return [];
  const paidBy = PAID_BY_AFTER.exec(slice(u, p.end, p.end + 50));
  if (paidBy) {
    const named = u.sectors.filter((x) => x.start >= p.end && x.end <= p.end + paidBy[0].length).map((x) => x.sector);
    if (named.length) return [...new Set(named)];
  }
  const ko = koreanSubject(u, p);
  // "duties on steel and aluminum (50%) and on semi-finished copper products (50%)": the figure in brackets after its
  // sectors, in a sentence about duties
  if (/\(\s*$/.test(slice(u, p.start - 2, p.start)) && /^\s*\)/.test(slice(u, p.end, p.end + 2)) && TARIFF_IN.test(u.s.text)) {
    const near = u.sectors.filter((x) => x.end <= p.start && x.end >= p.start - 30);
    const lastS = near.at(-1);
    if (lastS && /^\s*(?:(?:semi-finished|finished)\s+)?(?:products|imports|goods|articles)?\s*\(\s*$/i.test(slice(u, lastS.end, p.start))) return listEndingWithLast(u, near);
  }
  if (ko.length) return ko;
  const line = listLineSectors(u, p);
  if (line.length) return line;
  const box = boxLineSectors(u, p);
  if (box.length) return box;
  const head = slice(u, Math.max(u.s.start, p.start - 120), p.start);
  const gapped = gappedSubject(u, p, head);
  if (gapped.length) return gapped;
  const v = BEAR_VERB.exec(head) ?? /\s*:\s*(?:(?:still|now|currently|already|remain(?:s)?|unchanged at)\s+|(?:a|an|the)\s+(?:[a-z]+\s+)?)?$/i.exec(head);
  if (!v) return [];
  const verbAt = p.start - head.length + v.index;
  const from = Math.max(u.s.start, verbAt - 100);
  // the list may run across commas ("Steel, aluminum and copper remain at 50%"); the subject may carry a tail
  // ("… from Korea", "… goods on the main product list") without a verb of its own
  const near = u.sectors.filter((x) => x.end <= verbAt && x.start >= from);
  const lastS = near.at(-1);
  // ("Steel and aluminum from all sources remain at 50%", "Korean cars and parts, which still pay the 25%")
  // ("Steel and aluminum (and derivatives): 50%", "Copper semi-finished products and derivatives: 50%")
  if (lastS && /^\s*(?:,\s*(?:by contrast|in contrast|meanwhile|however|for now|for their part|too|also|though|as before|in turn|so far|as a result)\s*,\s*)?(?:\([^)]{0,30}\)\s*)?(?:(?:semi-finished|finished|flat-rolled)\s+)?(?:imports?|products|shipments|goods|articles|items)?(?:\s+and\s+derivatives)?\s*(?:\([^)]{0,30}\)\s*)?(?:,\s*(?:which|that|who|the|its|(?:South\s+)?Korea['’]s)\s[^,;]{0,90},\s*)?(?:(?:from|made in|built in|of)\s+(?:South\s+)?Korea(?:n)?(?:\s+\w+)?|(?:from|of)\s+(?:all|every|any)\s+(?:sources?|origins?|countr(?:y|ies)|nations?|suppliers?)|from\s+(?:South\s+)?Korean\s+(?:[\w-]+\s+){0,9}?[\w-]+|on\s+the\s+\w+(?:\s+\w+)?\s+list|(?:entering|shipped to|sold in|imported into)\s+(?:the\s+)?(?:U\.S\.|US|United States|America)(?:\s+market)?)?\s*,?\s*(?:which|that|who)?\s*$/i.test(slice(u, lastS.end, verbAt)))
    return withAsDo(u, p, listEndingWithLast(u, near));
  const subject = slice(u, from, verbAt);
  const ordinal = firstOfList(u, subject, verbAt);
  if (ordinal.length) return ordinal;
  if (KOREAN_GOODS.test(subject) && !/[;:]/.test(subject)) return ["all_goods"];
  if (OTHER_PRODUCT.test(subject) && near.length === 0) return ["other"];
  return [];
}

// A bulleted line that names its goods before a colon and gives the figure first after it: "- Steel and aluminum articles
// and listed derivatives: 25%, in effect since …", "• Certain automobile parts (engines, transmissions …): 25%".
// (memo bullets and numbers too: "○ 상호관세: 韓 25%는 …", "2) 車 25%: 4/3(목) 발효", "4) 철강·알루미늄: … 모두 25%")
const LIST_LINE = /^\s*(?:[-•*–—·▪○●◦□■▶►◆]|\d{1,2}[).])\s*([^:;]{1,160}):\s*(?:韓|한국|美|Korea['’]s|Korean)?\s*$|^\s*([A-Z][^:;.]{2,40}):\s*$/;
// a memo line's head that names the goods and gives the figure before its colon: "2) 車 25%: 4/3(목) 발효", "○ 완성차 25%: …"
const HEAD_FIGURE = /^\s*(?:[-•*–—·▪○●◦□■▶►◆]|\d{1,2}[).])\s*([^:;%]{1,30}?)\s*$/;
/** The sectors a bulleted line's head names (outside its brackets of examples), bearing the figure after its colon. */
function listLineSectors(u: Unit, p: PercentMatch): FactSector[] {
  const lead = slice(u, u.s.start, p.start);
  const h = /^\s*:/.test(slice(u, p.end, p.end + 3)) ? HEAD_FIGURE.exec(lead) : null;
  if (h && !NOT_BEAR.test(h[1]!)) return [...new Set(u.sectors.filter((x) => x.start >= u.s.start && x.end <= p.start).map((x) => x.sector))];
  // ("4) 철강·알루미늄: 3/12부터 국가별 면제 없이 모두 25%.": the head's goods, the figure closing the line's words)
  const later = /^\s*(?:[-•*–—·▪○●◦□■▶►◆]|\d{1,2}[).])\s*([^:;%]{1,40}):([^:;%]{1,70})$/.exec(lead);
  if (later && !/줄(?:어|었|여|인)|늘(?:어|었|려|린)|감소|증가|하락|상승|상한|최대|이내|\b(?:fell|rose|grew|dropped|caps?|ceiling|up to|at most)\b/i.test(later[2]!) && /^\s*(?:의?\s*관세|부과|적용|[.。]|$)/.test(slice(u, p.end, p.end + 6))) {
    const headEnd = u.s.start + later[0].indexOf(":");
    const named = u.sectors.filter((x) => x.start >= u.s.start && x.end <= headEnd);
    if (named.length && !u.sectors.some((x) => x.start > headEnd && x.end <= p.start)) return [...new Set(named.map((x) => x.sector))];
  }
  const m = LIST_LINE.exec(lead);
  if (!m || NOT_BEAR.test(m[1] ?? m[2]!)) return [];
  const headEnd = p.start - slice(u, u.s.start, p.start).length + m[0].lastIndexOf(":");
  const brackets = [...slice(u, u.s.start, headEnd).matchAll(/\([^)]*\)/g)].map((b) => ({ start: u.s.start + b.index!, end: u.s.start + b.index! + b[0].length }));
  const named = u.sectors.filter((x) => x.start >= u.s.start && x.end <= headEnd && !brackets.some((b) => x.start >= b.start && x.end <= b.end));
  return [...new Set(named.map((x) => x.sector))];
}

// A number box's line: the figure first, then a dash and what it is ("25% — the U.S. Section 232 duty on imported cars,
// collected since April 3", "15% – 한국산 자동차 관세").
const BOX_LINE = /^\s*(?:[-•*▲■·]\s*)?$/;
const BOX_ALL_GOODS = /\b(?:baseline|reciprocal|country rate|universal|surcharge)\b|상호\s?관세|기본\s?관세|보편\s?관세/i;
function boxLineSectors(u: Unit, p: PercentMatch): FactSector[] {
  if (!BOX_LINE.test(slice(u, u.s.start, p.start))) return [];
  const m = /^\s*[—–-]\s+([^\n]{3,200})/.exec(slice(u, p.end, u.s.end));
  // (not a ceiling: "15% – 목재·의약품 관세 상한")
  if (!m || !(TARIFF_IN.test(m[1]!) || /^(?:the\s+)?(?:U\.S\.\s+|US\s+|American\s+)?rate\s+on\b/i.test(m[1]!)) || NOT_BEAR.test(m[1]!.split(/[,;]/)[0]!) || /\b(?:caps?|ceiling|limit|maximum|at most|up to)\b|상한|한도|최대|이내/i.test(m[1]!)) return [];
  const from = p.end + m.index + m[0].length - m[1]!.length;
  // (the goods the description names before any other figure: "… during the 90-day pause on the 25% country rate")
  const to = u.percents.find((o) => o.start > from)?.start ?? u.s.end;
  const named = [...new Set(u.sectors.filter((x) => x.start >= from && x.end <= to).map((x) => x.sector))];
  if (named.length) return named;
  return BOX_ALL_GOODS.test(slice(u, from, to)) ? ["all_goods"] : [];
}

const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4 };
/** "Steel, aluminum and copper fall outside the deal: the first two stay at 50 percent": the subject counts back into the
 * sectors listed earlier in the sentence. */
function firstOfList(u: Unit, subject: string, verbAt: number): FactSector[] {
  const m = /\b(?:the\s+)?first\s+(two|three|four)\s*$|\b(both)(?:\s+of\s+them)?\s*$/i.exec(subject);
  if (!m) return [];
  const n = m[2] ? 2 : COUNT_WORDS[m[1]!.toLowerCase()]!;
  const listed = [...new Set(u.sectors.filter((x) => x.end <= verbAt - subject.length + m.index).map((x) => x.sector))];
  return listed.length > n ? listed.slice(0, n) : [];
}

/** "Steel … remain at 50%, and certain advanced chips at 25%": the verb of the clause before is understood in the
 * second ("gapping"); the sectors between ", and" and "at" bear the figure. */
const GAPPED_BEFORE = new RegExp(String.raw`(?:${VERBS})\s+at\s+\d+(?:\.\d+)?\s*(?:%|percent|per cent)\s*$`, "i");
function gappedSubject(u: Unit, p: PercentMatch, head: string): FactSector[] {
  const m = /,\s*(?:and|while|with)\s+((?:[\w-]+\s+){1,6}?)at\s+$/i.exec(head);
  if (!m) return [];
  const before = head.slice(0, m.index);
  if (!GAPPED_BEFORE.test(head.slice(0, m.index))) return [];
  const from = p.start - head.length + m.index;
  return [...new Set(u.sectors.filter((x) => x.start >= from && x.end <= p.start).map((x) => x.sector))];
}

/** "Steel stays at 50%, as do aluminum and copper": the sectors after "as do" bear the same rate. */
function withAsDo(u: Unit, p: PercentMatch, sectors: FactSector[]): FactSector[] {
  const m = /^\s*,?\s*as (?:do|does|did)\s+((?:[\w-]+\s*(?:,|and|or)?\s*){1,6})/i.exec(slice(u, p.end, p.end + 60));
  if (!m) return sectors;
  const from = p.end + m.index;
  const more = u.sectors.filter((x) => x.start >= from && x.end <= from + m[0].length).map((x) => x.sector);
  return [...new Set([...sectors, ...more])];
}

// A Korean rate a sector bears: marked 에는/에/에도 right before the figure, or by a verb of bearing right before it
// ("철강·알루미늄에 붙는 50%", "한국산 자동차가 내는 15%"), or as the topic with the verb after the figure ("자동차·부품은 지금도
// 15%를 내고", "철강·알루미늄에는 … 50%가 붙고 있고", "…에는 이미 25%가 부과되고 있다").
const KO_BEAR_BEFORE = /(?:(?:에는|에도|에|엔)\s*(?:붙는|매기는|매겨지는|부과되는|적용되는|물리는)?|(?:가|이)\s*(?:내는|무는|물고 있는|내고 있는))\s*(?:이미|현재|여전히|지금도|모두|똑같이)?\s*$/;
// ("구리 제품에 매기는 50%", "철강과 알루미늄 본재에는 … 50%", "자동차 업계에는"): a noun of the sector's goods between
const KO_GOODS_NOUN = /^\s*(?:제품|품목|반제품|완제품|수입품|수출품|본재|소재|업계|업체들?)?\s*$/;
const KO_TOPIC = /(?:에는|에도|은|는|이|가|도)(?=\s)/g;
const KO_BEAR_AFTER = /^\s*(?:가|를|을|는|의|씩)?\s*(?:각각|모두|이미|여전히|계속)?\s*(?:붙|부과|내고|낸다|내며|내는|물고|문다|물리|적용|매겨|그대로|유지)/;

/** The Korean sectors bearing `p` (see KO_BEAR_BEFORE and KO_TOPIC), else none. */
function koreanSubject(u: Unit, p: PercentMatch): FactSector[] {
  const head = slice(u, Math.max(u.s.start, p.start - 40), p.start);
  const m = KO_BEAR_BEFORE.exec(head);
  const bears = m && (/관세|부과/.test(u.s.text) || m[0].trim().length > 2);
  if (m && bears) {
    const at = p.start - head.length + m.index;
    const near = u.sectors.filter((x) => x.end <= at && x.start >= at - 30 && /[가-힣]/.test(x.raw));
    const lastS = near.at(-1);
    // ("구리 제품에 매기는 50%": the sector's goods)
    if (lastS && (lastS.end === at || KO_GOODS_NOUN.test(slice(u, lastS.end, at)))) return listEndingWithLast(u, near);
  }
  // "구리 50%도 마찬가지다", "구리 50%도 … 모든 나라에 적용된다": a sector right before the figure, in an article about tariffs
  const right = u.sectors.filter((x) => /[가-힣]/.test(x.raw) && x.end <= p.start && p.start - x.end <= 1).at(-1);
  if (right && /^\s*(?:도|는|가|를|의|씩)?(?:\s|$|[.,…])/.test(slice(u, p.end, p.end + 3)) && !/^\s*(?:도|는|가|를|의)?\s*(?:증가|감소|늘|줄|상승|하락|급등|급락|올랐|내렸|성장|확대|축소)/.test(slice(u, p.end, p.end + 12)))
    return listEndingWithLast(u, u.sectors.filter((x) => x.end <= right.end && x.start >= right.end - 30 && /[가-힣]/.test(x.raw)));
  if (!KO_BEAR_AFTER.test(slice(u, p.end, p.end + 10))) return [];
  // the topic: the last sector marked 은/는/이/가/에는 within 40 characters, with no other figure or clause end between
  const wide = slice(u, Math.max(u.s.start, p.start - 45), p.start);
  const base = p.start - wide.length;
  for (const t of [...wide.matchAll(KO_TOPIC)].reverse()) {
    const at = base + t.index!;
    const between = slice(u, at, p.start);
    if (/[,;]|고\s|며\s|\d+(?:\.\d+)?\s*%/.test(between)) continue;
    const near = u.sectors.filter((x) => x.end <= at && x.start >= at - 30 && /[가-힣]/.test(x.raw));
    const lastS = near.at(-1);
    // ("구리 제품에 매기는 50%": the sector's goods)
    if (lastS && (lastS.end === at || KO_GOODS_NOUN.test(slice(u, lastS.end, at)))) return listEndingWithLast(u, near);
  }
  return [];
}
