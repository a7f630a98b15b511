// Which percents in a sentence are tariff rates, and on which sectors: "a 25% tariff on Korean cars", "tariffs of 25%
// on steel", "자동차에 25%의 관세", "Steel and aluminum remain at 50%" (in an article about tariffs). The old rate of a
// change ("15%, down from 25%"), another country's rate and an average are not. Used by the tariff-rate facts and by
// deadlines (the day a tariff takes effect).
import type { PercentMatch } from "@/server/news/extract/numbers";
import type { FactSector, SectorMatch } from "@/server/news/extract/sectors";
import { clauseAt, oncePerUnit, slice, type Unit } from "./shared";
import { currentOldRate, cutFigure, goodsTariffNow, heldBeforeCut, koCutsItTo, sameFigure, saidToBeNow } from "./tariff-same";
import { OTHER_PRODUCT, subjectSectors } from "./tariff-subjects";
import { ALL_GOODS_PHRASE, objectOfOn, ON_OBJECT, SECTOR_TOKEN, sectorsBetween } from "./tariff-objects";

const TARIFF_TOKEN = /^(?:tariffs?|dut(?:y|ies)|levy|levies|surcharges?)$|관세/i;
const TARIFF_WORD = /\b(?:tariffs?|dut(?:y|ies)|levy|levies|surcharges?)\b|관세/gi;
const KO_CHANGED = /^(?:낮아진|내려간|인하된|낮춘|낮춰진|오른|올라간|인상된|올린|상향된|하향된|높아진|조정된)$/;
const TARIFF_MODIFIERS = new Set([
  "and", "or", "&", "a", "an", "the", "additional", "extra", "new", "higher", "import", "reciprocal", "baseline",
  "blanket", "universal", "sectoral", "sector-specific", "retaliatory", "punitive", "across-the-board", "across", "board",
  "proposed", "planned", "threatened", "flat", "general", "existing", "current", "country-specific", "minimum", "base",
  "so-called", "customs", "trade", "item-specific", "product-specific", "most-favored-nation", "mfn", "tit-for-tat",
  "all-in", "combined", "same", "inclusive", "preferential", "special", "temporary", "section", "232", "301", "122",
  "worldwide", "global", "emergency", "uniform", "country",
  "의", "추가", "상호", "보편", "기본", "품목별", "품목", "고율", "수입", "추가적인", "일률", "한국산", "수입산", "글로벌", "국가별", "일괄",
]);
// A sentence naming another kind of rate: there "rate" alone is not a tariff rate.
const OTHER_RATE = /\b(?:tax(?:es)?|VAT|interest|growth|inflation|unemployment|exchange|mortgage|policy|base|bond|yield|bank|BOK|Fed|monetary|lending|deposit|key|savings|loan|approval|jobless|birth|participation|utilization|savings)\b|세율|금리|은행|환율|성장률|지지율/i;
const TARIFF_OR_RATE_WORD = /\b(?:tariffs?|dut(?:y|ies)|levy|levies|surcharges?|rates?)\b|관세/gi;
const NOT_TARIFF_AFTER = /^\s*(?:of\b|increase|rise|jump|gain|growth|drop|decline|fall|share|stake|stake|chance|probability|likelihood|margin|cut|reduction|discount|interest|return|stake|of\s+(?:the|its|their|all|total|GDP))/i;

/**
 * The rate a change starts from, written after or around the new one: "15%, down from 25%", "set at 15 percent,
 * down from the 25 percent which …", "raised to 50% on June 4, from 25%", "3.5% instead of the regular 5%", and
 * "lowers a threatened 25% tariff on its exports to 15%" (the figure a lowering verb starts from).
 */
function isOldRate(u: Unit, p: PercentMatch, ps: PercentMatch[]): boolean {
  const prev = ps.filter((o) => o.end <= p.start).at(-1);
  // "replacing the 25% rate", "superseding the 25% levy"
  if (/\b(?:replac(?:e|es|ed|ing)|supersed(?:e|es|ed|ing))\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$/i.test(slice(u, p.start - 40, p.start))) return true;
  if (prev && p.start - prev.end <= 140 && /\b(?:(?:down|up|lowered|reduced|cut|raised|increased)\s+)?(?:from|instead of|rather than|compared with|versus|vs\.?)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}$/i.test(slice(u, p.start - 45, p.start)))
    return true;
  const next = ps.find((o) => o.start >= p.end);
  // "완성차 25% → 15%": the figure an arrow leads from
  if (next && /^\s*(?:→|->|⇒|➡)\s*$/.test(slice(u, p.end, next.start))) return true;
  if (next && next.start - p.end <= 40 && /[을를]\s*$/.test(slice(u, p.end, next.start)) &&
    /^\s*(?:으로|로)\s*(?:낮|인하|내리|내려|줄이|줄여|완화|인상|올리|올려|상향|하향)/.test(slice(u, next.end, next.end + 12)))
    return true;
  if (next && next.start - p.end <= 90 && /\bto\s+(?:just\s+|only\s+)?$/i.test(slice(u, p.end, next.start)) && !/[;—–]/.test(slice(u, p.end, next.start)) &&
    /\b(?:lower(?:s|ed|ing)?|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|slash(?:es|ed|ing)?|trim(?:s|med|ming)?|rais(?:e|es|ed|ing)|hik(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|bring(?:s|ing)? down|brought down)\b(?:\s+[\w.'’-]+){0,4}\s*$/i.test(slice(u, p.start - 45, p.start)))
    return true;
  return false;
}

export const OTHER_COUNTRY = /\b(?:Japan(?:ese)?|EU|European(?: Union)?|China|Chinese|Vietnam(?:ese)?|Mexic(?:o|an)|Canad(?:a|ian)|Taiwan(?:ese)?|U\.K\.|UK|United Kingdom|Britain|British|India(?:n)?|German(?:y)?|Brazil(?:ian)?|Swiss|Switzerland)\b|일본|중국|유럽연합|대만|베트남|멕시코|캐나다|영국/;

/** "The EU and Japan, which struck deals capping tariffs on their drugs at 15%", "the 15% applied to Japanese rivals". */
function otherCountrysRate(u: Unit, p: PercentMatch): boolean {
  const head = slice(u, u.s.start, p.start);
  if (OTHER_COUNTRY.test(head) && !KOREA.test(head)) return true;
  return new RegExp(String.raw`^\s*(?:tariffs?|duties|levy|rate)?\s*(?:applied to|imposed on|given to|granted to|secured by|won by|for|on)\s+(?:the\s+)?(?:${OTHER_COUNTRY.source})`).test(slice(u, p.end, p.end + 50));
}

export interface TariffCand {
  pct: PercentMatch;
  sectors: FactSector[];
  bound: boolean; // sector given by the tariff phrase itself (vs clause fallback)
}

function tokensAfter(text: string): { token: string; offset: number }[] {
  const out: { token: string; offset: number }[] = [];
  for (const m of text.matchAll(/[—–]|[^\s—–]+/g)) out.push({ token: m[0], offset: m.index! });
  return out;
}

/** "25% tariff", "25 per cent steel and aluminium tariffs", "25% U.S. tariffs", "25%의 상호관세", "25% 관세". */
function boundAfter(u: Unit, p: PercentMatch): { end: number; tariffStart: number } | null {
  const after = slice(u, p.end, p.end + 90);
  // ("a 67 percent tariff increase": a change in the rate, not the rate)
  if (NOT_TARIFF_AFTER.test(after) || /^\s*(?:tariff|duty|levy)\s+(?:increase|hike|rise|jump)\b/i.test(after)) return null;
  const toks = tokensAfter(after);
  for (let i = 0; i < toks.length && i < 7; i++) {
    const raw = toks[i]!.token;
    const word = raw.replace(/^[“‘"'(]+|[”’"'),.;:!?]+$/g, "");
    const acronym = /^(?:[A-Za-z]\.){2,}$/.test(raw); // "U.S." does not end the phrase
    const stop = !acronym && raw !== word && /[,.;:!?)]$/.test(raw) && !TARIFF_TOKEN.test(word);
    // "a 15 percent rate" right after the figure is a tariff rate in a sentence about duties, not taxes or interest
    // (also after modifiers: "the 25 percent country-specific rate for Korea")
    const rateWord = /^rates?$/i.test(word) && !OTHER_RATE.test(u.s.text);
    // "a 15% import tax" (AP's word for a tariff)
    const importTax = /^tax(?:es)?$/i.test(word) && i > 0 && /^import$/i.test(toks[i - 1]!.token);
    // "the 10 percent baseline already charged on imports", "a 10% floor on imports": the noun is the tariff (not in
    // "baseline tariff", where the tariff word follows)
    const nounOfTariff = /^(?:baseline|floor)$/i.test(word) && !TARIFF_TOKEN.test((toks[i + 1]?.token ?? "").replace(/[,.;:!?]+$/, ""));
    if (TARIFF_TOKEN.test(word) || /관세/.test(word) || rateWord || importTax || nounOfTariff) {
      const rel = after.indexOf(word, toks[i]!.offset);
      return { tariffStart: p.end + rel, end: p.end + rel + word.length };
    }
    if (stop || /[—–]/.test(raw)) return null;
    const lower = word.toLowerCase();
    // (sectors joined by a middle dot: "자동차·부품")
    if (TARIFF_MODIFIERS.has(lower) || SECTOR_TOKEN.test(word) || word.split(/[·ㆍ・]/).every((w) => SECTOR_TOKEN.test(w)) || /^[A-Z][\w.&'’-]*$/.test(word) || /^의$/.test(word))
      continue;
    // ("25%의 관세", "25%짜리", "현재 25%인 한국산 자동차 관세")
    if (/^[가-힣]+$/.test(word) && i === 0 && /^(?:의|짜리|인)$/.test(word)) continue;
    // "15%로 낮아진 한국산 자동차·부품 관세": the duty a change brought to the figure
    if ((i === 0 && word === "로" && KO_CHANGED.test(toks[1]?.token ?? "")) || (i === 1 && toks[0]!.token === "로" && KO_CHANGED.test(word))) continue;
    return null;
  }
  return null;
}

/** "tariffs of 25%", "tariff rate of 25%", "raised tariffs on Korean cars to 25%", "관세율 25%", "관세를 15%로". */
function boundBefore(u: Unit, p: PercentMatch, others: PercentMatch[]): { tariffStart: number; tariffEnd: number } | null {
  const from = Math.max(u.s.start, p.start - 90);
  const prev = others.filter((o) => o.end <= p.start).at(-1);
  // "from 25% to 15%", "25%에서 15%로": the new rate is bound by what binds the old one
  if (prev && /^\s*(?:to|에서)\s*$/i.test(slice(u, prev.end, p.start))) return boundBefore(u, prev, others);
  const lo = Math.max(from, prev ? prev.end : from);
  const before = slice(u, lo, p.start);
  let last: RegExpExecArray | null = null;
  // in an article about tariffs, "the rate on its autos to drop to 15%" names a tariff rate too
  const word = u.ctx.tariffs && !OTHER_RATE.test(u.s.text) ? TARIFF_OR_RATE_WORD : TARIFF_WORD;
  for (const m of before.matchAll(word)) last = m as RegExpExecArray;
  if (!last) return null;
  const between = before.slice(last.index + last[0].length);
  if (/[;:—–()]|\s-\s/.test(between)) return null;
  // "tariff on its exports to 15%": the exports are the tariff's object, not a trade flow
  const flowChecked = between.replace(/^\s*(?:on|against)\s+(?:[\w.'’-]+\s+){0,3}?(?:exports?|imports?|shipments)\b/i, " ");
  // "the levy rose to 50%": the tariff itself moved to a new rate
  if (/^\s*(?:rose|climbed|jumped|increased|went up|was raised|were raised|fell|dropped|was lowered|was cut|were cut)\s+to\s*$/i.test(between))
    return { tariffStart: lo + last.index, tariffEnd: lo + last.index + last[0].length };
  if (/\b(?:surplus|deficit|exports?|shares?|growth|GDP|rose|fell|increase[sd]?|jump(?:ed)?|rate of return|probability|chance|inflation|interest|tax(?:es)?|sales|revenue|account(?:s|ed)?)\b|수출|흑자|적자|성장|세금|세율/i.test(flowChecked))
    return null;
  const tail = between.replace(/\s+$/, "");
  const ok =
    /\b(?:of|to|at|as high as|up to|as much as|around|about|nearly|roughly|some|by|from|is|was|are|were|be|(?<!\b(?:would|could|might|should)\s)(?:has|have|had) been|stands at|stood at|remains?|remained|stays?|stayed)$/i.test(tail) ||
    // "lift the Section 232 levy from its current 25%"
    /\b(?:from|at)\s+(?:its|the|their)\s+(?:current|existing|present)$/i.test(tail) ||
    // "관세율을 15%로", "관세도 기존 25%에서": a few words after 관세, but not its effects ("관세 여파로 9.6% 줄었다")
    /(?:율|률)?(?:을|를|은|는|이|가|도)?$/.test(tail) && /관세/.test(last[0]) && between.trim().length <= 12 && !/여파|영향|때문|탓|인해|인한|부담|피해/.test(between) ||
    tail.length === 0;
  if (!ok) return null;
  if (/\bby$/i.test(tail)) return null; // "cut tariffs by 10%" is a change, not a rate
  return { tariffStart: lo + last.index, tariffEnd: lo + last.index + last[0].length };
}

export const SAME_RATE = /\bthe same (?:rate|levy|duty|tariff|size|level|amount)\b|\bduties of the same rate\b|같은 세율|동일한 세율|같은 관세율|동일 세율|\b(?:(?:is|are)\s+)?(?:due|set|expected|scheduled|slated)\s+to follow\b|\bto follow (?:on|by|from|in|no later than)\b/i;
const DEAL_SETS = /\b(?:the|their|this|that) (?:deal|agreement|accord|pact)\b[^.;]{0,30}\b(?:calls for|sets|provides for|caps? (?:it|them|the rate) at|would (?:cut|lower|bring) (?:it|them|the rate)(?: down)? to)\s+(?:a\s+)?$|(?:합의|협정)(?:은|는|에서는|상)\s*$/i;
const REFERS_BACK = /\bthe (?:tariff )?rate\b(?!\s+(?:on|for|of|to|that|which|applied|charged|paid))|\b(?:the (?:levy|levies|duty|duties|same (?:rate|levy|duty|tariff))|th(?:ese|ose) (?:items|goods|products|levies|duties)|(?:the|that|this) sector|the sector's|such (?:goods|items|products))\b|해당 (?:품목|제품|업종)|이들 품목|같은 세율/i;

/** The last sector of `near` and those listed with it before it: "steel, aluminum and copper", "철강 및 알루미늄",
 * "자동차·부품". */
export function listEndingWithLast(u: Unit, near: SectorMatch[]): FactSector[] {
  const list = [near.at(-1)!];
  for (let i = near.length - 2; i >= 0; i--) {
    // (a modifier may stand before the next item: "Cars and key auto parts")
    if (!/^\s*(?:,|,?\s*and|,?\s*or|&|및|과|와|·|ㆍ|・)?\s*(?:(?:key|other|major|covered|core|certain|some|most|their|its)\s+)*$/i.test(slice(u, near[i]!.end, list[0]!.start))) break;
    list.unshift(near[i]!);
  }
  return [...new Set(list.map((s) => s.sector))];
}

/** Which percents of a sentence are tariff rates, and on which sectors, in text order. */
// (read by the tariff rates and, per date, by the deadlines: once per sentence)
export const tariffCandidates = oncePerUnit(findCandidates);

function findCandidates(u: Unit): TariffCand[] {
  const out: TariffCand[] = [];
  // "핵심 부품에도 다음 달 3일부터 같은 세율이 적용된다", "parts will face the same rate from May 3": the rate named last, for the
  // sectors of this sentence
  const same = u.ctx.lastRate !== undefined && u.percents.length === 0 ? new RegExp(SAME_RATE.source, "i").exec(u.s.text) : null;
  if (same && u.sectors.length) {
    const start = u.s.start + same.index;
    out.push({ pct: { value: u.ctx.lastRate!, start, end: start + same[0].length, raw: same[0], points: false, signed: false }, sectors: [...new Set(u.sectors.map((x) => x.sector))], bound: false });
  }
  const ps = u.percents.filter((p) => !p.points);
  for (const p of ps) {
    if (heldBeforeCut(u, p) || (!saidToBeNow(u, p) && !currentOldRate(u, p) && startsOrMovesARate(u, p, ps))) continue;
    // "paying a 25% tariff … a deal was supposed to cut it to 15%": the new rate of the tariff just named
    if (out.length && cutsItTo(u, p)) {
      out.push({ pct: p, sectors: out.at(-1)!.sectors, bound: out.at(-1)!.bound });
      continue;
    }
    // "the tariff will be zero percent, while it is 15 percent at most for branded drugs": "it" is the tariff just named
    if (out.length && /\b(?:it|that)\s+(?:is|was|will be|would be)\s+$/i.test(slice(u, p.start - 16, p.start))) {
      const forWhat = /^\s*(?:at most\s+|at least\s+)?(?:for|on)\s+((?:[\w-]+\s+){0,2}[\w-]+)/i.exec(slice(u, p.end, p.end + 50));
      const named = forWhat ? sectorsBetween(u, p.end, p.end + forWhat[0].length) : [];
      out.push({ pct: p, sectors: named.length ? named : out.at(-1)!.sectors, bound: true });
      continue;
    }
    if (otherCountrysRate(u, p)) continue;
    // "the average 2.5 percent levy Korean goods paid": a statistic, not a rate on the schedule
    if (/\baverage\s+(?:[\w-]+\s+)?$|평균\s*$/i.test(slice(u, p.start - 25, p.start))) continue;
    // "코스피 5.57% 폭락", "the KOSPI fell 2%": an index's move, not a rate
    if (/(?:KOSPI|Kospi|KOSDAQ|Kosdaq|코스피|코스닥|index|지수)\s*(?:는|가|이|은)?\s*$/.test(slice(u, p.start - 14, p.start))) continue;
    const cand = currentOldRate(u, p) ?? sameFigure(u, p) ?? candidateAt(u, p, ps) ?? cutFigure(u, p);
    if (cand) out.push(cand);
  }
  // "cars have faced a 25 percent levy since April 3, and duties of the same rate on engines and other key parts start on
  // May 3": the rate just named, for the sectors named after the phrase
  const last = out.at(-1);
  const again = last && !same ? new RegExp(SAME_RATE.source, "i").exec(slice(u, last.pct.end, u.s.end)) : null;
  if (last && again) {
    const start = last.pct.end + again.index;
    // ("… and key parts face the same rate from early May": the sectors may stand just before the phrase)
    const before = /(?:,\s*|\s)and\s+[^,;]{0,40}$|,?\s+with\s+[^,;]{0,70}$/i.exec(slice(u, last.pct.end, start));
    const from = before ? start - before[0].length : start;
    const more = sectorsBetween(u, from, Math.min(u.s.end, start + again[0].length + 80)).filter((x) => !last.sectors.includes(x));
    if (more.length && !u.percents.some((p) => p.start > start)) out.push({ pct: { ...last.pct, start, end: start + again[0].length, raw: again[0] }, sectors: more, bound: false });
  }
  return out;
}

/** A move ("rose 25%") or the rate a change starts from ("from 25% to 15%", "25%에서 15%로"): not a rate of its own. */
function startsOrMovesARate(u: Unit, p: PercentMatch, ps: PercentMatch[]): boolean {
  if (p.signed && !/^[+]/.test(p.raw)) return true;
  if (/^\s*(?:to|에서)\s/.test(slice(u, p.end, p.end + 6)) && /\bfrom\s+(?:the\s+)?(?:current\s+|existing\s+)?$/i.test(slice(u, p.start - 30, p.start)))
    return true;
  if (/^에서\s*\d/.test(slice(u, p.end, p.end + 8))) return true;
  // "1% 가까이 오르며", "2% 넘게 밀렸다": a move, not a rate
  if (/^\s*(?:가까이|넘게|이상|안팎|남짓|가량|정도|대)?\s*(?:오르|올라|올랐|오른|상승|하락|내리|내려|내린|떨어|급등|급락|뛰|밀려|밀린)/.test(slice(u, p.end, p.end + 12))) return true;
  return isOldRate(u, p, ps);
}

/** "… cut it to 15%", "bring them down to 10%": a new rate for the tariff named before it in the sentence. */
function cutsItTo(u: Unit, p: PercentMatch): boolean {
  return koCutsItTo(u, p) || /\b(?:it|them|that|the rate)\s+(?:down\s+|up\s+|back\s+)?to\s+$/i.test(slice(u, p.start - 25, p.start)) &&
    /\b(?:cut|lower|reduc|rais|bring|brought|slash|trim|hik|increas)\w*\s+(?:it|them|that|the rate)\s+(?:down\s+|up\s+|back\s+)?to\s+$/i.test(slice(u, p.start - 40, p.start));
}

/**
 * The percent as a tariff rate, when a tariff phrase binds it or (in an article about tariffs) a sector bears it;
 * its sectors come from that phrase ("bound"), else from its clause, else it is on all goods.
 */
function candidateAt(u: Unit, p: PercentMatch, ps: PercentMatch[]): TariffCand | null {
  let sectors: FactSector[];
  const nowIs = goodsTariffNow(u, p);
  if (nowIs) return nowIs;
  if (/\breciprocal\s+$/i.test(slice(u, p.start - 12, p.start))) return { pct: p, sectors: ["all_goods"], bound: true }; // "The reciprocal 15% on …"
  // "15%로 낮추기로 한 자동차 관세", "50%로 올린 철강 관세": the rate a sector's tariff was set to, named before it
  const setTo = KO_SET_TO.exec(slice(u, p.end, p.end + 40));
  if (setTo) {
    const named = sectorsBetween(u, p.end, p.end + setTo[0].length);
    if (named.length) return { pct: p, sectors: named, bound: true };
  }
  const after = boundAfter(u, p);
  if (after) sectors = sectorsAfterTariffWord(u, p, ps, after.end);
  else {
    const before = boundBefore(u, p, ps);
    if (!before) {
      const subj = subjectSectors(u, p);
      if (subj.length) return { pct: p, sectors: subj, bound: false };
      // "tariffs that apply to every country: 50% on steel and aluminum": the figure's own object, in a sentence about duties
      const onWhat = /^\s*(?:(?:agreed|promised|negotiated|secured)\s+)?(?:on|for)\s+(?:(?:imported|foreign|all|Korean|South Korean)\s+)?/i.exec(slice(u, p.end, p.end + 30));
      if (onWhat && new RegExp(TARIFF_WORD.source, "i").test(u.s.text)) {
        const objs = objectOfOn(u, p.end, slice(u, p.end, Math.min(u.s.end, p.end + 70)).replace(/^(\s*(?:(?:agreed|promised|negotiated|secured)\s+)?)for\b/i, "$1on")).filter((s) => s !== "other");
        if (objs.length) return { pct: p, sectors: objs, bound: true };
      }
      // "a threat to push Korean cars back to 25%", "lowering Korean autos to 15%": a verb moving the sector's rate
      const moved = u.ctx.tariffs ? MOVES_SECTOR_TO.exec(slice(u, Math.max(u.s.start, p.start - 70), p.start)) : null;
      if (moved) {
        const named = sectorsBetween(u, p.start - moved[0].length, p.start);
        if (named.length) return { pct: p, sectors: named, bound: true };
      }
      // "The deal calls for 15%" after a line naming the sectors: the deal's rate for them
      if (u.ctx.lastSectors?.length && DEAL_SETS.test(slice(u, Math.max(u.s.start, p.start - 60), p.start))) return { pct: p, sectors: u.ctx.lastSectors, bound: false };
      return null;
    }
    sectors = sectorsAroundTariffWordBefore(u, p, before);
    // "Section 232 duties of 50 percent apply to steel and aluminium and to semi-finished copper products"
    const applies = sectors.length === 0 ? APPLIES_TO.exec(slice(u, p.end, Math.min(u.s.end, p.end + 90))) : null;
    if (applies) sectors = objectOfOn(u, p.end + applies[0].length - 4, ` on ${slice(u, p.end + applies[0].length, Math.min(u.s.end, p.end + applies[0].length + 90))}`);
    // "would raise tariffs on Korean autos, lumber and pharmaceuticals, as well as the reciprocal tariff, … to 25%": a
    // rise over a list of sectors named after the first tariff word
    const prevPct = ps.filter((o) => o.end <= p.start).at(-1);
    const from = prevPct && !/^\s*(?:to|에서)\s*$/i.test(slice(u, prevPct.end, p.start)) ? prevPct.end : u.s.start;
    const run = slice(u, from, p.start);
    // (in Korean the verb follows the figure: "자동차·목재·의약품 관세와 상호관세를 모두 25%로 인상하겠다")
    if (/\b(?:rais(?:e|es|ed|ing)|hik(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|go(?:es)? up|restor(?:e|es|ed|ing)|lift(?:s|ed|ing)?|bring(?:s|ing)? back)\b|인상|올리|되돌리|되돌려|복원|환원/i.test(run + slice(u, p.end, p.end + 20)) && /\bas well as\b|및|과|와|,|·/.test(run)) {
      const listed = sectorsBetween(u, from, p.start);
      if (listed.length > sectors.length) sectors = [...new Set([...listed, ...(ALL_GOODS_PHRASE.test(run) ? (["all_goods"] as FactSector[]) : [])])];
    }
  }
  const bound = sectors.length > 0;
  // "Steel, aluminum and copper … remain subject to the 50% Section 232 duties": the subject bears the phrase's rate
  if (sectors.length === 0) sectors = subjectSectors(u, p);
  if (sectors.length === 0) sectors = sectorsOfClause(u, p);
  return { pct: p, sectors: sectors.filter((s) => s !== undefined), bound };
}

const APPLIES_TO = /^\s*(?:(?:has|have|had|will|would|now|also|already)\s+)*(?:appl(?:y|ies|ied))\s+(?:(?:since|from|as of|starting)\s+[^,;]{1,30}?\s+)?to\s+/i;
const IMPOSER_CLAUSE = /^\s*(?:that|which)?\s*(?:Washington|the (?:U\.S\.|US|United States|administration|White House)|it|America|Trump)\s+(?:now\s+|still\s+|already\s+)?(?:applies|charges|imposes|levies|collects|slapped|imposed|put|puts)\s+(?:to|on)\s+/i;
const MOVES_SECTOR_TO = /\b(?:push(?:es|ed|ing)?|rais(?:e|es|ed|ing)|lift(?:s|ed|ing)?|hik(?:e|es|ed|ing)|return(?:s|ed|ing)?|restor(?:e|es|ed|ing)|bring(?:s|ing)?|brought|send(?:s|ing)?|sent|lower(?:s|ed|ing)?|cut(?:s|ting)?)\s+(?:[\w'’-]+\s+){1,4}?(?:back\s+|up\s+|down\s+)?to\s+$/i;
const PAID_IN_CLAUSE = /^\s*(?:that|which)\s+(?:[\w-]+\s+){1,5}?(?:have|has|had|now|still|already)?\s*(?:paid|faced|borne|pay|face|bear)\b/i;

const KO_SET_TO = /^\s*로\s*(?:낮추|내리|내린|인하|올리|올린|인상|조정|묶)[가-힣]*\s+(?:한\s+)?(?:[가-힣·]+\s+){0,2}?[가-힣·]*관세/;

/** "25 per cent steel tariffs", "25% tariff on steel and aluminum", "자동차에 25% 관세": a rate before its tariff word. */
function sectorsAfterTariffWord(u: Unit, p: PercentMatch, ps: PercentMatch[], tariffEnd: number): FactSector[] {
  let sectors = sectorsBetween(u, p.end, tariffEnd);
  const clause = clauseAt(u, tariffEnd);
  const nextPct = ps.find((o) => o.start > tariffEnd);
  // (a list of sectors runs past the clause's commas: "levies on steel, aluminum and copper products")
  let clauseEnd = clause.end;
  // (but not into a tariff phrase of its own: "…, and steel duties doubled to 50%")
  while (/^,\s/.test(slice(u, clauseEnd, clauseEnd + 2)) && u.sectors.some((x) => x.start >= clauseEnd && x.start <= clauseEnd + 12)) {
    const next = clauseAt(u, clauseEnd + 2).end;
    if (new RegExp(TARIFF_WORD.source, "i").test(slice(u, clauseEnd, next))) break;
    clauseEnd = next;
  }
  const tailEnd = Math.min(clauseEnd, nextPct ? nextPct.start : u.s.end, tariffEnd + 70);
  let tail = slice(u, tariffEnd, tailEnd);
  let at = tariffEnd;
  // "a 15% tariff, including the normal duty, on patented medicines": past the aside to the object
  const aside = /^,\s*(?:including|inclusive of|on top of|plus|excluding|effective|starting|beginning)\b[^,]{0,40},/i.exec(slice(u, tariffEnd, tariffEnd + 60));
  if (aside) [at, tail] = [tariffEnd + aside[0].length, slice(u, tariffEnd + aside[0].length, Math.min(u.s.end, tariffEnd + aside[0].length + 70))];
  // "the 25% tariff that imported cars have paid since April 3": who pays it, in the relative clause
  const payer = sectors.length === 0 ? PAID_IN_CLAUSE.exec(tail) : null;
  if (payer) sectors = sectorsBetween(u, at, at + payer[0].length);
  // "the 25% duty Washington applies to cars from all countries", "the 25 percent duty it charges on all imported cars"
  const imposer = sectors.length === 0 ? IMPOSER_CLAUSE.exec(tail) : null;
  if (imposer) [at, tail] = [at + imposer[0].length, ` on ${tail.slice(imposer[0].length)}`];
  if (sectors.length === 0 && ON_OBJECT.test(tail)) sectors = objectOfOn(u, imposer ? at - 4 : at, tail);
  // "duties of 50 percent apply to steel …", "a 25 percent tariff has applied since 15 January 2026 to certain chips"
  const applies = sectors.length === 0 ? APPLIES_TO.exec(slice(u, at, Math.min(u.s.end, at + 90))) : null;
  if (applies) sectors = objectOfOn(u, at + applies[0].length - 4, ` on ${slice(u, at + applies[0].length, Math.min(u.s.end, at + applies[0].length + 70))}`);
  // "Nor is copper, on which a 50 per cent tariff took effect": the sector the relative clause hangs on
  const whichFrom = Math.max(u.s.start, p.start - 30);
  const onWhich = sectors.length === 0 ? /,\s*(?:on|for|against)\s+which\s+(?:a|an|the)?\s*$/i.exec(slice(u, whichFrom, p.start)) : null;
  if (onWhich) {
    const at2 = whichFrom + onWhich.index;
    const lastS = u.sectors.filter((x) => x.end <= at2 && x.end >= at2 - 2).at(-1);
    if (lastS) sectors = [lastS.sector];
  }
  // "apply a 15% tariff to Korean cars", "grant a 15% rate to …": the object after "to"
  else if (sectors.length === 0 && /^\s*to\s/i.test(tail) && /\b(?:appl(?:y|ies|ied|ying)|extend(?:s|ed)?|grant(?:s|ed)?|give[sn]?|gave|offer(?:s|ed)?)\b/i.test(slice(u, p.start - 40, p.start)))
    sectors = objectOfOn(u, at, tail.replace(/^(\s*)to\b/i, "$1on"));
  if (sectors.length === 0) {
    // Korean: "한국산 자동차에 25% 관세" — the sector in the clause just before the percent
    const before = clauseAt(u, p.start);
    const ko = u.sectors.filter((s) => s.end <= p.start && s.start >= Math.max(before.start, p.start - 25) && /[가-힣]/.test(s.raw));
    if (ko.length) sectors = [...new Set(ko.map((s) => s.sector))];
    // "한국산 자동차와 일반 수출품에는 15%의 관세": the other goods listed with the sector
    if (ko.length && /(?:일반|나머지|기타)\s*(?:수출품|제품|상품|품목)/.test(slice(u, Math.max(before.start, p.start - 30), p.start))) sectors = [...sectors, "all_goods"];
    // "철강·알루미늄, 자동차에 대한 25% 품목관세": a list that runs past the clause's comma
    const wide = u.sectors.filter((s) => s.end <= p.start && s.start >= p.start - 40 && /[가-힣]/.test(s.raw));
    if (ko.length && wide.length > ko.length) sectors = [...new Set([...listEndingWithLast(u, wide), ...sectors])];
  }
  return sectors;
}

/** "tariffs of 25% on steel", "auto tariffs of 25%", "자동차 관세 25%": a rate after its tariff word. */
function sectorsAroundTariffWordBefore(u: Unit, p: PercentMatch, before: { tariffStart: number; tariffEnd: number }): FactSector[] {
  let sectors = sectorsBetween(u, before.tariffEnd, p.start);
  if (sectors.length === 0) {
    const m = /^\s*(?:on|for)\s+((?:(?:[\w.&'’-]+|,)\s*){1,6})/i.exec(slice(u, p.end, p.end + 60));
    if (m) {
      const stop = m[1]!.search(/\s(?!(?:and|or|&|the|all|of|foreign|imported|US|U\.S\.|American|Korean)\b)(?=[a-z])(?![a-z]*(?:s|parts|steel|copper|lumber|timber|pharma\w*|alumin\w*|auto\w*|cars?|vehicles?|chips?)\b)/);
      sectors = sectorsBetween(u, p.end, p.end + m[0].length - m[1]!.length + (stop >= 0 ? stop : m[1]!.length));
      // "a tariff of 25 percent on certain advanced computing chips": adjectives before the sector word
      if (sectors.length === 0) sectors = objectOfOn(u, p.end, slice(u, p.end, Math.min(u.s.end, p.end + 70)).replace(/^(\s*)for\b/i, "$1on")).filter((s) => s !== "other");
    }
  }
  if (sectors.length === 0) {
    // "auto tariffs of 25%", "steel and aluminum tariffs of 25%", "자동차 관세 25%"
    const head = slice(u, Math.max(u.s.start, before.tariffStart - 40), before.tariffStart);
    const m = /((?:[\w가-힣-]+\s*(?:,|and|or|&|및|과|와)?\s*){1,4})$/.exec(head);
    if (m) sectors = sectorsBetween(u, before.tariffStart - m[1]!.length, before.tariffStart);
  }
  return sectors;
}

/** Fallback: a subject in the same clause before the percent ("auto exports face a 25% tariff"); else all goods. */
function sectorsOfClause(u: Unit, p: PercentMatch): FactSector[] {
  let clause = clauseAt(u, p.start);
  // ", which had faced a 25% levy": the subject is in the clause before
  // (", already under a 50 percent tariff": an aside about the noun before the comma)
  if (/^\s*(?:which|that|who\b|(?:already|still|now|currently)\s+(?:under|subject to|facing|hit (?:by|with)|paying)\b)/i.test(slice(u, clause.start, clause.start + 24)) && clause.start > u.s.start)
    clause = { start: clauseAt(u, clause.start - 3).start, end: clause.end };
  const head = slice(u, Math.max(clause.start, p.start - 60), p.start);
  if (ALL_GOODS_PHRASE.test(head) || ALL_GOODS_PHRASE.test(slice(u, p.end, p.end + 40))) return ["all_goods"];
  // "the levy", "these items", "tariffs on the sector", "해당 품목": a rate referring back to the latest sectors named
  if (u.ctx.lastSectors?.length && REFERS_BACK.test(slice(u, Math.max(u.s.start, p.start - 80), Math.min(u.s.end, p.end + 40))) && !u.sectors.length)
    return u.ctx.lastSectors;
  // "imported polysilicon will be subject to … a 15 percent duty": a named product outside the tracked sectors
  if (OTHER_PRODUCT.test(slice(u, Math.max(u.s.start, p.start - 120), p.start)) && !u.sectors.some((x) => x.end <= p.start)) return ["other"];
  const near = u.sectors.filter((s) => s.start >= Math.max(clause.start, p.start - 80) && s.end <= p.start);
  // "steel and aluminium ... face 50%": the last sector and those listed with it
  if (near.length) return listEndingWithLast(u, near);
  // "cut its tariff on Korean tires to 10%": a named product outside the tracked sectors is "other", not all goods
  const obj = /\b(?:tariffs?|dut(?:y|ies)|levy|levies)\s+on\s+(?:(?:South\s+)?Korean\s+|Korea-made\s+|imported\s+|foreign\s+)?((?:[a-z][a-z-]*\s+){0,2}?)([a-z][a-z-]*s)\b/.exec(head);
  return obj && !/^(?:imports|goods|products|exports|items|countries|nations|economies|partners|allies|shipments|others|things|sales|companies|firms|businesses|makers|exporters|importers|producers|manufacturers|suppliers|consumers|buyers|dozens|hundreds|scores|those|these|its|their|us|them)$/.test(obj[2]!) &&
    !/\b(?:its|their|all|most|many|some|our|these|those|the)\b/.test(obj[1]!)
    ? ["other"]
    : ["all_goods"];
}

/** A tariff word anywhere in the text: the article is about tariffs. */
export const mentionsTariffs = (text: string) => new RegExp(TARIFF_WORD.source, "i").test(text);

export const KOREA = /\b(?:South Korea(?:n|'s|’s)?|Korea(?:n|'s|’s)?|Seoul(?:'s|’s)?|ROK)\b|한국|한국산|한미|국내|우리나라|대한민국/;
