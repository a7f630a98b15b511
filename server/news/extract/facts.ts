// Assembling FACTS.md facts from an article's text: sentences → the parsers' matches (amounts, percents, dates,
// sectors, index levels) → facts by the wording of trade news around them (English and Korean). Pure: no I/O, no
// clock; the publication date comes in through the time frame (./context.ts).
//
// Each fact's evidence is the sentence it was read from; restatements of one figure in an article collapse into one
// fact (the most confident, then the earliest).
import { adjustWeekdayForTense, parseDates, tenseAround, type DateMatch } from "./dates";
import { parseAmounts, parseIndexLevels, parsePercents, type AmountMatch, type PercentMatch } from "./numbers";
import { findSectors, type FactSector, type SectorMatch } from "./sectors";
import { splitSentences, type Sentence } from "./sentences";
import { timeFrame, type TimeFrame } from "./context";
import type {
  BudgetFact,
  DeadlineFact,
  Evidence,
  Fact,
  FactTariffStatus,
  InvestmentPledgeFact,
  MarketMoveFact,
  TariffRateFact,
  TaxChangeFact,
  TradeBalanceFact,
} from "./types";

export interface ExtractContext {
  frame: TimeFrame;
}

/** What the article says outside the sentence, for wording that leans on it ("the index", "of the fund"). */
interface ArticleCtx {
  /** The article is about tariffs (a tariff word anywhere in it): "rate" alone and "cars remain at 25%" are tariffs. */
  tariffs: boolean;
  /** KOSPI was named in an earlier sentence: "the index" / "the benchmark" then means KOSPI. */
  kospiBefore: boolean;
  /** An investment pledge was stated in an earlier sentence: "of the fund, $150 billion …" is part of it. */
  pledgeBefore: boolean;
}

/** One sentence with the parser matches inside it (offsets are the article's). */
interface Unit {
  s: Sentence;
  amounts: AmountMatch[];
  percents: PercentMatch[];
  dates: DateMatch[];
  sectors: SectorMatch[];
  ctx: ArticleCtx;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const evidenceOf = (s: Sentence): Evidence => ({ start: s.start, end: s.end, text: s.text });
const within = <T extends { start: number; end: number }>(xs: T[], s: Sentence) => xs.filter((x) => x.start >= s.start && x.end <= s.end);
/** Text of the article between two offsets, clamped to the sentence. */
const slice = (u: Unit, a: number, b: number) => u.s.text.slice(Math.max(0, a - u.s.start), Math.max(0, Math.min(u.s.end, b) - u.s.start));

// Clause boundaries inside a sentence (dashes, semicolons, colons, parentheses, commas before a new clause).
const CLAUSE_BREAK = /\s[—–]\s?|[—–;:()]|\s-\s|,\s(?=(?:which|while|who|but|although|though|as|after|before|when|adding|according|and\s(?:the|a|its|it|he|she|they))\b)|,\s|(?:고|며|면서|지만|는데),?\s/g;

function clauseAt(u: Unit, pos: number): { start: number; end: number } {
  let start = u.s.start;
  let end = u.s.end;
  for (const m of u.s.text.matchAll(CLAUSE_BREAK)) {
    const a = u.s.start + m.index!;
    const b = a + m[0].length;
    if (b <= pos) start = b;
    else if (a >= pos) {
      end = a;
      break;
    }
  }
  return { start, end };
}

// ---------------------------------------------------------------- tariff rates

const TARIFF_TOKEN = /^(?:tariffs?|dut(?:y|ies)|levy|levies|surcharges?)$|관세/i;
const TARIFF_WORD = /\b(?:tariffs?|dut(?:y|ies)|levy|levies)\b|관세/gi;
const TARIFF_MODIFIERS = new Set([
  "and", "or", "&", "a", "an", "the", "additional", "extra", "new", "higher", "import", "reciprocal", "baseline",
  "blanket", "universal", "sectoral", "sector-specific", "retaliatory", "punitive", "across-the-board", "across", "board",
  "proposed", "planned", "threatened", "flat", "general", "existing", "current", "country-specific", "minimum", "base",
  "so-called", "customs", "trade", "item-specific", "product-specific", "most-favored-nation", "mfn", "tit-for-tat",
  "의", "추가", "상호", "보편", "기본", "품목별", "고율", "수입", "추가적인", "일률",
]);
const SECTOR_TOKEN = /^(?:auto(?:mobile|motive)?s?|cars?|vehicles?|parts|components|steel|alumin(?:um|ium)|semiconductors?|chips?|pharmaceuticals?|drugs?|lumber|timber|copper|imports?|goods|products|exports?|자동차|부품|철강|알루미늄|반도체|의약품|목재|구리|수입품|제품)$/i;
// A sentence naming another kind of rate: there "rate" alone is not a tariff rate.
const OTHER_RATE = /\b(?:tax(?:es)?|VAT|interest|growth|inflation|unemployment|exchange|mortgage|policy|base|bond|yield|bank|BOK|Fed|monetary|lending|deposit|key|savings|loan|approval|jobless|birth|participation|utilization|savings)\b|세율|금리|은행|환율|성장률|지지율/i;
const TARIFF_OR_RATE_WORD = /\b(?:tariffs?|dut(?:y|ies)|levy|levies|rates?)\b|관세/gi;
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
  if (next && next.start - p.end <= 40 && /[을를]\s*$/.test(slice(u, p.end, next.start)) &&
    /^\s*(?:으로|로)\s*(?:낮|인하|내리|내려|줄이|줄여|완화|인상|올리|올려|상향|하향)/.test(slice(u, next.end, next.end + 12)))
    return true;
  if (next && next.start - p.end <= 90 && /\bto\s+(?:just\s+|only\s+)?$/i.test(slice(u, p.end, next.start)) && !/[;—–]/.test(slice(u, p.end, next.start)) &&
    /\b(?:lower(?:s|ed|ing)?|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|slash(?:es|ed|ing)?|trim(?:s|med|ming)?|rais(?:e|es|ed|ing)|hik(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|bring(?:s|ing)? down|brought down)\b(?:\s+[\w.'’-]+){0,4}\s*$/i.test(slice(u, p.start - 45, p.start)))
    return true;
  return false;
}

const OTHER_COUNTRY = /\b(?:Japan(?:ese)?|EU|European(?: Union)?|China|Chinese|Vietnam(?:ese)?|Mexic(?:o|an)|Canad(?:a|ian)|Taiwan(?:ese)?|U\.K\.|UK|United Kingdom|Britain|British|India(?:n)?|German(?:y)?|Brazil(?:ian)?|Swiss|Switzerland)\b|일본|중국|유럽연합|대만|베트남|멕시코|캐나다|영국/;

/** "The EU and Japan, which struck deals capping tariffs on their drugs at 15%", "the 15% applied to Japanese rivals". */
function otherCountrysRate(u: Unit, p: PercentMatch): boolean {
  const head = slice(u, u.s.start, p.start);
  if (OTHER_COUNTRY.test(head) && !KOREA.test(head)) return true;
  return new RegExp(String.raw`^\s*(?:tariffs?|duties|levy|rate)?\s*(?:applied to|imposed on|given to|granted to|secured by|won by|for|on)\s+(?:the\s+)?(?:${OTHER_COUNTRY.source})`).test(slice(u, p.end, p.end + 50));
}

// "Steel, aluminum and copper remain at 50%", "Imported cars have paid 25% since April": in an article about tariffs,
// sectors as the subject of a verb of bearing a rate, with no tariff word in the sentence.
const BEAR_VERB = /\s+(?:(?:have|has|had|will|would|also|still|now|already|continue to|continues to)\s+)*(?:remain(?:s|ed)?|stay(?:s|ed)?|stand(?:s)?|stood|pa(?:y|ys|id)|fac(?:e|es|ed|ing)|(?:are|is|be|were|was)\s+(?:charged|taxed|levied|subject to|hit with))\s+(?:at\s+)?(?:a\s+|an\s+)?$/i;
const NOT_BEAR = /\b(?:shares?|growth|GDP|interest|tax(?:es)?|inflation|poll|approval|respondents|stake|margin|unemployment|sales|exports?|prices?|profits?|revenue|percentage points?)\b/i;

function subjectSectors(u: Unit, p: PercentMatch): FactSector[] {
  if (!u.ctx.tariffs || NOT_BEAR.test(u.s.text)) return [];
  // (a list line "— Steel and aluminum: 50%.", "Autos and auto parts: Still 25% for now" names the rate after a colon)
  const head = slice(u, Math.max(u.s.start, p.start - 90), p.start);
  const v = BEAR_VERB.exec(head) ?? /\s*:\s*(?:(?:still|now|currently|already|remain(?:s)?|unchanged at)\s+)?$/i.exec(head);
  if (!v) return [];
  const verbAt = p.start - head.length + v.index;
  // the list may run across commas ("Steel, aluminum and copper remain at 50%")
  const near = u.sectors.filter((x) => x.end <= verbAt && x.start >= Math.max(u.s.start, p.start - 90));
  const lastS = near.at(-1);
  if (!lastS || !/^\s*(?:imports?|products|shipments|goods)?\s*$/i.test(slice(u, lastS.end, verbAt))) return [];
  const list = [lastS];
  for (let i = near.length - 2; i >= 0; i--) {
    if (!/^\s*(?:,|,?\s*and|,?\s*or|&|및|과|와)?\s*$/.test(slice(u, near[i]!.end, list[0]!.start))) break;
    list.unshift(near[i]!);
  }
  return [...new Set(list.map((x) => x.sector))];
}

interface TariffCand {
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
  if (NOT_TARIFF_AFTER.test(after)) return null;
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
    if (TARIFF_TOKEN.test(word) || /관세/.test(word) || rateWord || importTax) {
      const rel = after.indexOf(word, toks[i]!.offset);
      return { tariffStart: p.end + rel, end: p.end + rel + word.length };
    }
    if (stop || /[—–]/.test(raw)) return null;
    const lower = word.toLowerCase();
    if (TARIFF_MODIFIERS.has(lower) || SECTOR_TOKEN.test(word) || /^[A-Z][\w.&'’-]*$/.test(word) || /^의$/.test(word))
      continue;
    if (/^[가-힣]+$/.test(word) && i === 0 && /^(?:의|짜리)$/.test(word)) continue;
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
  if (/\b(?:surplus|deficit|exports?|shares?|growth|GDP|rose|fell|increase[sd]?|jump(?:ed)?|rate of return|probability|chance|inflation|interest|tax(?:es)?|sales|revenue|account(?:s|ed)?)\b|수출|흑자|적자|성장|세금|세율/i.test(flowChecked))
    return null;
  const tail = between.replace(/\s+$/, "");
  const ok =
    /\b(?:of|to|at|as high as|up to|as much as|around|about|nearly|roughly|some|by|from|is|was|are|were|be|stands at|stood at|remains?|remained|stays?|stayed)$/i.test(tail) ||
    // "관세율을 15%로", "관세도 기존 25%에서": a few words after 관세, but not its effects ("관세 여파로 9.6% 줄었다")
    /(?:율|률)?(?:을|를|은|는|이|가|도)?$/.test(tail) && /관세/.test(last[0]) && between.trim().length <= 12 && !/여파|영향|때문|탓|인해|인한|부담|피해/.test(between) ||
    tail.length === 0;
  if (!ok) return null;
  if (/\bby$/i.test(tail)) return null; // "cut tariffs by 10%" is a change, not a rate
  return { tariffStart: lo + last.index, tariffEnd: lo + last.index + last[0].length };
}

const ALL_GOODS_PHRASE = /\b(?:reciprocal|baseline|blanket|universal|across[\s-]the[\s-]board|all (?:\w+ ){0,3}(?:imports|goods|products|exports)|country[\s-]wide|general)\b|상호\s?관세|보편\s?관세|기본\s?관세|모든 (?:수입품|제품)/i;

function sectorsBetween(u: Unit, a: number, b: number): FactSector[] {
  return [...new Set(u.sectors.filter((s) => s.start >= a && s.end <= b).map((s) => s.sector))];
}

function tariffCandidates(u: Unit): TariffCand[] {
  const out: TariffCand[] = [];
  const ps = u.percents.filter((p) => !p.points);
  for (const p of ps) {
    if (p.signed && !/^[+]/.test(p.raw)) continue; // "rose 25%" is a move, not a rate
    // "from 25% to 15%": the old rate is not the fact
    if (/^\s*(?:to|에서)\s/.test(slice(u, p.end, p.end + 6)) && /\bfrom\s+(?:the\s+)?(?:current\s+|existing\s+)?$/i.test(slice(u, p.start - 30, p.start)))
      continue;
    if (/^에서\s*\d/.test(slice(u, p.end, p.end + 8))) continue; // "25%에서 15%로"
    if (isOldRate(u, p, ps)) continue;
    // "paying a 25% tariff … a deal was supposed to cut it to 15%": the new rate of the tariff just named
    if (out.length && /\b(?:it|them|that|the rate)\s+(?:down\s+|up\s+|back\s+)?to\s+$/i.test(slice(u, p.start - 25, p.start)) &&
      /\b(?:cut|lower|reduc|rais|bring|brought|slash|trim|hik|increas)\w*\s+(?:it|them|that|the rate)\s+(?:down\s+|up\s+|back\s+)?to\s+$/i.test(slice(u, p.start - 40, p.start))) {
      out.push({ pct: p, sectors: out.at(-1)!.sectors, bound: out.at(-1)!.bound });
      continue;
    }
    if (otherCountrysRate(u, p)) continue;
    // "the average 2.5 percent levy Korean goods paid": a statistic, not a rate on the schedule
    if (/\baverage\s+(?:[\w-]+\s+)?$|평균\s*$/i.test(slice(u, p.start - 25, p.start))) continue;
    let sectors: FactSector[] = [];
    let bound = false;
    const after = boundAfter(u, p);
    if (after) {
      sectors = sectorsBetween(u, p.end, after.end);
      // "... tariff on US auto imports", "tariffs on steel and aluminum", "관세" preceded by "자동차에 25%"
      const clause = clauseAt(u, after.end);
      const nextPct = ps.find((o) => o.start > after.end);
      const tailEnd = Math.min(clause.end, nextPct ? nextPct.start : u.s.end, after.end + 70);
      const tail = slice(u, after.end, tailEnd);
      const ON = /^\s*(?:on|against|for|(?:(?:will|would|also|now|then|to|which|that)\s+)*(?:appl(?:y|ies|ied)|extend(?:s|ed)?)\s+(?:also\s+)?to)\b/i;
      if (sectors.length === 0 && ON.test(tail)) {
        // walk the object of "on": modifiers, countries, sector words and lists of them; stop at anything else
        let stop = tail.length;
        const body = tail.replace(ON, (m) => " ".repeat(m.length));
        const words = [...body.matchAll(/[^\s,]+|,/g)];
        for (const [wi, m] of words.entries()) {
          const w = m[0].replace(/[.;:!?)]+$/, "");
          // an adjective right before a sector word: "semi-finished copper", "finished steel"
          // (also a chain: "branded or patented pharmaceutical products")
          const adjective = /^[a-z][a-z-]*$/.test(w) && w === m[0] && (() => {
            for (const n of words.slice(wi + 1, wi + 5)) {
              const nw = n[0].replace(/[.;:!?),]+$/, "");
              if (SECTOR_TOKEN.test(nw)) return true;
              if (!/^[a-z][a-z-]*$/.test(n[0])) return false;
            }
            return false;
          })();
          if (adjective) continue;
          if (w === "," || /^(?:and|or|&|the|all|of|foreign|imported|import|imports|goods|products|exports|[A-Z][\w.&'’-]*|[가-힣]+)$/.test(w) || SECTOR_TOKEN.test(w) || /^(?:parts|components)$/i.test(w)) {
            if (/[.;:!?)]$/.test(m[0]) && !/^(?:[A-Za-z]\.){2,}$/.test(m[0])) { stop = m.index! + m[0].length; break; }
            continue;
          }
          stop = m.index!;
          break;
        }
        const stopAt = { index: stop };
        sectors = sectorsBetween(u, after.end, after.end + stop);
        if (sectors.length === 0 && ALL_GOODS_PHRASE.test(tail.slice(0, stopAt ? stopAt.index : tail.length))) sectors = ["all_goods"];
        if (sectors.length === 0) {
          // "a 25% tariff on heavy-duty trucks", "a 50% levy on kitchen cabinets": named products outside the tracked
          // sectors are "other" (imports, goods, countries and partners are not products)
          const obj = /^\s*((?:[a-z][a-z-]*\s+){0,2}?)([a-z][a-z-]*s)\b/.exec(body);
          if (obj && !/^(?:imports|goods|products|exports|items|countries|nations|partners|allies|shipments|others|things|sales|companies|firms|makers|those|these|its|their|us|them)$/.test(obj[2]!) &&
            !/\b(?:its|their|all|most|many|some|our|these|those|the)\b/.test(obj[1]!))
            sectors = ["other"];
        }
      }
      if (sectors.length === 0) {
        // Korean: "한국산 자동차에 25% 관세" — the sector in the clause just before the percent
        const before = clauseAt(u, p.start);
        const ko = u.sectors.filter((s) => s.end <= p.start && s.start >= Math.max(before.start, p.start - 25) && /[가-힣]/.test(s.raw));
        if (ko.length) sectors = [...new Set(ko.map((s) => s.sector))];
      }
      bound = sectors.length > 0;
    } else {
      const before = boundBefore(u, p, ps);
      if (!before) {
        const subj = subjectSectors(u, p);
        if (subj.length) out.push({ pct: p, sectors: subj, bound: false });
        continue;
      }
      sectors = sectorsBetween(u, before.tariffEnd, p.start);
      if (sectors.length === 0) {
        const m = /^\s*(?:on|for)\s+((?:(?:[\w.&'’-]+|,)\s*){1,6})/i.exec(slice(u, p.end, p.end + 60));
        if (m) {
          const stop = m[1]!.search(/\s(?!(?:and|or|&|the|all|of|foreign|imported|US|U\.S\.|American|Korean)\b)(?=[a-z])(?![a-z]*(?:s|parts|steel|copper|lumber|timber|pharma\w*|alumin\w*|auto\w*|cars?|vehicles?|chips?)\b)/);
          sectors = sectorsBetween(u, p.end, p.end + m[0].length - m[1]!.length + (stop >= 0 ? stop : m[1]!.length));
        }
      }
      if (sectors.length === 0) {
        // "auto tariffs of 25%", "steel and aluminum tariffs of 25%", "자동차 관세 25%"
        const head = slice(u, Math.max(u.s.start, before.tariffStart - 40), before.tariffStart);
        const m = /((?:[\w가-힣-]+\s*(?:,|and|or|&|및|과|와)?\s*){1,4})$/.exec(head);
        if (m) sectors = sectorsBetween(u, before.tariffStart - m[1]!.length, before.tariffStart);
      }
      bound = sectors.length > 0;
    }
    if (sectors.length === 0) {
      // Fallback: a subject in the same clause before the percent ("auto exports face a 25% tariff"); else all goods.
      let clause = clauseAt(u, p.start);
      // ", which had faced a 25% levy": the subject is in the clause before
      if (/^\s*(?:which|that|who)\b/i.test(slice(u, clause.start, clause.start + 8)) && clause.start > u.s.start)
        clause = { start: clauseAt(u, clause.start - 3).start, end: clause.end };
      const head = slice(u, Math.max(clause.start, p.start - 60), p.start);
      if (ALL_GOODS_PHRASE.test(head) || ALL_GOODS_PHRASE.test(slice(u, p.end, p.end + 40))) sectors = ["all_goods"];
      else {
        const near = u.sectors.filter((s) => s.start >= Math.max(clause.start, p.start - 80) && s.end <= p.start);
        if (near.length) {
          // "steel and aluminium ... face 50%": the last sector and those listed with it
          const list = [near.at(-1)!];
          for (let i = near.length - 2; i >= 0; i--) {
            if (!/^\s*(?:,|,?\s*and|,?\s*or|&|및|과|와)?\s*$/.test(slice(u, near[i]!.end, list[0]!.start))) break;
            list.unshift(near[i]!);
          }
          sectors = [...new Set(list.map((s) => s.sector))];
        } else {
          // "cut its tariff on Korean tires to 10%": a named product outside the tracked sectors is "other", not all goods
          const obj = /\b(?:tariffs?|dut(?:y|ies)|levy|levies)\s+on\s+(?:(?:South\s+)?Korean\s+|Korea-made\s+|imported\s+|foreign\s+)?((?:[a-z][a-z-]*\s+){0,2}?)([a-z][a-z-]*s)\b/.exec(head);
          sectors =
            obj && !/^(?:imports|goods|products|exports|items|countries|nations|economies|partners|allies|shipments|others|things|sales|companies|firms|businesses|makers|exporters|importers|producers|manufacturers|suppliers|consumers|buyers|dozens|hundreds|scores|those|these|its|their|us|them)$/.test(obj[2]!) &&
            !/\b(?:its|their|all|most|many|some|our|these|those|the)\b/.test(obj[1]!)
              ? ["other"]
              : ["all_goods"];
        }
      }
    }
    out.push({ pct: p, sectors: sectors.filter((s) => s !== undefined), bound });
  }
  return out;
}

const KOREA = /\b(?:South Korea(?:n|'s|’s)?|Korea(?:n|'s|’s)?|Seoul(?:'s|’s)?|ROK)\b|한국|한국산|한미|국내|우리나라|대한민국/;
const GLOBAL_SCOPE = /\b(?:all (?:countries|nations|trading partners|foreign)|every country|global(?:ly)?|worldwide|from all)\b|모든 국가|전 세계/i;

function tariffStatus(sentence: string, futureEffective: boolean): FactTariffStatus {
  const s = sentence;
  // "a 10 percent baseline tariff remains in place" under a pause of other rates
  if (/\b(?:remain(?:s|ed)?|stay(?:s|ed)?)\s+in\s+(?:place|effect|force)\b/i.test(s)) return "in_effect";
  if (/\b(?:paus(?:e|ed|es|ing)|suspend(?:ed|s|ing)?|suspension|delay(?:ed|s|ing)?|postpon(?:e|ed|es|ing)|hold(?:s|ing)? off|(?:put |is |are |was |were )?on hold|reprieve)\b|유예|연기|보류/i.test(s))
    return "paused";
  if (/\b(?:lower(?:ed|s|ing)?|cut(?:s|ting)?|reduc(?:ed|es|ing)|slash(?:ed|es|ing)?|eas(?:ed|es|ing)|trimm?(?:ed|ing))\b[^.]{0,80}\bto\s+\d|\bfrom\s+\d+(?:\.\d+)?\s?(?:%|percent|per cent)\s+to\s+\d|인하|낮추|낮춘|낮아/i.test(s))
    return "reduced";
  if (futureEffective) return "announced";
  if (/\b(?:propos(?:ed|es|ing|al)|threat(?:en|ened|ens|ening)?|consider(?:ed|s|ing)?|could|may|might|mull(?:ed|s|ing)?|weigh(?:s|ed|ing)?|float(?:ed|s)?|warn(?:ed|s)?)\b|검토|위협|경고/i.test(s))
    return /\b(?:took effect|in effect|in place|already|currently)\b/i.test(s) ? "in_effect" : "proposed";
  // "will face a 15 per cent levy", "would pay": not yet in force
  if (/\b(?:will|would|shall)\s+(?:\w+\s+)?(?:face|pay|apply|be)\b/i.test(s) && !/\b(?:already|currently|still|remain(?:s|ed)?|continue(?:s|d)? to)\b/i.test(s))
    return "announced";
  if (/\b(?:took effect|takes? effect today|in effect|went into effect|came into (?:force|effect)|(?:went )?into force|in force|in place|imposed|levied|already|currently|existing|faces|faced|facing|face|are paying|is paying|ha(?:ve|s|d) (?:been )?pa(?:id|ying)|slapped|hit (?:with|by)|kicked in|now|remain(?:s|ed)?|stay(?:s|ed)?|still|continue(?:s|d)? to|subject to|since)\b|부과(?:하고|되고|된|됐|받고)|부과 (?:영향|여파)|관세로 (?:인한 )?피해|발효(?:됐|된)|시행(?:됐|된|중)|적용(?:되고|받고|중)|유지|여파/i.test(s))
    return "in_effect";
  return "announced";
}

const EFFECTIVE_BEFORE = /(?:effect(?:ive)?(?:\s+(?:on|from|as of))?|from|starting(?:\s+on)?|beginning(?:\s+on)?|as of|kick(?:s|ing)? in(?:\s+on)?|begin(?:s)?(?:\s+on)?|start(?:s)?(?:\s+on)?)\s+(?:the\s+)?$/i;
const EFFECTIVE_AFTER_KO = /^\s*(?:부터|이후|에\s*발효|발효|시행)/;

function effectiveDate(u: Unit): string | null {
  for (const d of u.dates) {
    if (d.precision !== "day" || d.date === null) continue;
    if (EFFECTIVE_BEFORE.test(slice(u, d.start - 40, d.start)) || EFFECTIVE_AFTER_KO.test(slice(u, d.end, d.end + 10))) return d.date;
  }
  return null;
}

function tariffFacts(u: Unit, frame: TimeFrame): TariffRateFact[] {
  const cands = tariffCandidates(u);
  if (cands.length === 0) return [];
  const eff = effectiveDate(u);
  const future = eff !== null && (!frame.certain || eff >= frame.anchor);
  // with a known publication date, an effective date before it is never "to come" ("a 25% tariff that took effect
  // April 3" in a sentence about what the government will do)
  const futureCue = future || (!frame.certain && /\b(?:will|set to|to take effect|takes effect on|from)\b/i.test(u.s.text) && eff !== null);
  const korea = KOREA.test(u.s.text);
  const out: TariffRateFact[] = [];
  for (const c of cands) {
    // the status words of this rate's own part of the sentence (", and the other rates were paused" is another part)
    const prevEnd = cands.filter((o) => o.pct.end <= c.pct.start).at(-1)?.pct.end ?? u.s.start;
    const rest = slice(u, c.pct.end, u.s.end);
    const brk = /,\s(?:and|but|while|whereas)\s|;\s|\s(?:but|while|whereas)\s/.exec(rest);
    const status = tariffStatus(slice(u, prevEnd, brk ? c.pct.end + brk.index : u.s.end), futureCue);
    for (const sector of c.sectors) {
      const country = korea && !GLOBAL_SCOPE.test(u.s.text) ? "KR" : "ALL";
      out.push({
        kind: "tariff_rate",
        sector,
        ratePct: c.pct.value,
        country,
        status,
        effective: eff,
        evidence: evidenceOf(u.s),
        confidence: c.bound ? 0.9 : sector === "all_goods" ? 0.75 : 0.65,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- deadlines

const DEADLINE_NEAR_BEFORE = /\b(?:by|until|till|through|before|no later than|ahead of|deadline(?:\s+(?:of|on|is|was))?|expir(?:e|es|ed|ing|y)(?:\s+on)?|due(?:\s+(?:on|by))?|effect(?:ive)?(?:\s+(?:on|from))?|scheduled(?:\s+(?:for|on))?|slated(?:\s+for)?|set(?:\s+(?:for|to))?)\s+(?:the\s+)?$/i;
const DEADLINE_CUE = /\b(?:deadline|expir(?:e|es|ed|ing|y|ation)|take[sn]? effect|taking effect|go(?:es)? into effect|come(?:s)? into force|effective|scheduled|slated|set (?:for|to)|due (?:on|by)|cut-?off|grace period|ends? on|lapse[sd]?)\b|시한|마감|만료|종료|발효|예정|까지/i;
const DEADLINE_AFTER = /^\s*(?:deadline|cut-?off|까지|시한|마감|만료|종료|부터 발효|발효|시행)/i;

function deadlineWhat(u: Unit, d: DateMatch): string {
  const clause = clauseAt(u, d.start);
  const after = slice(u, d.end, clause.end).trim();
  if (/^deadline\b/i.test(after)) {
    const before = slice(u, clause.start, d.start).trim().split(/\s+/).slice(-3).join(" ");
    return `${before.replace(/^(?:the|a|an)\s+/i, "")} deadline`.trim();
  }
  let before = slice(u, clause.start, d.start).trim();
  before = before.replace(/\s+(?:on|by|until|till|through|before|from|at|of|in|for)$/i, "");
  const words = before.split(/\s+/).filter(Boolean).slice(-7);
  let what = words.join(" ").replace(/^(?:the|a|an|is|are|was|were|that|which)\s+/i, "");
  if (what.length < 4) what = (before + " " + after).trim().split(/\s+/).slice(0, 8).join(" ");
  if (/[가-힣]/.test(u.s.text) && what.length < 4) what = slice(u, d.end, d.end + 30).trim();
  return what.slice(0, 80);
}

function describeDeadline(u: Unit, d: DateMatch): string {
  const what = deadlineWhat(u, d);
  const clause = clauseAt(u, d.start);
  const near = slice(u, Math.max(u.s.start, clause.start - 40), Math.min(u.s.end, d.end + 20));
  if (/\btake[sn]? effect|taking effect|effective|발효|시행/i.test(near)) {
    const rate = tariffCandidates(u)[0];
    if (rate) return `${rate.pct.value}% tariff takes effect`;
  }
  if (/\bdeadline\b/i.test(u.s.text) && !/deadline/i.test(what)) return `deadline: ${what}`;
  return what;
}

const MONETARY = /\b(?:rate[\s-]setting|monetary policy|base rate|benchmark (?:interest )?rate|interest rates?|Bank of Korea|BOK|Federal Reserve|FOMC|Fed)\b|금통위|금융통화위원회|기준금리|한국은행|한은/i;

function deadlineFacts(u: Unit, frame: TimeFrame): DeadlineFact[] {
  const out: DeadlineFact[] = [];
  for (const d of u.dates) {
    if (d.precision !== "day" || d.date === null) continue;
    const before = slice(u, d.start - 60, d.start);
    const near = DEADLINE_NEAR_BEFORE.test(slice(u, d.start - 40, d.start)) || DEADLINE_AFTER.test(slice(u, d.end, d.end + 12));
    const clause = clauseAt(u, d.start);
    const clauseText = slice(u, Math.max(clause.start, d.start - 60), Math.min(clause.end, d.end + 40));
    // the day a tariff takes effect ("a 10% levy from Oct. 14", "8월 1일부터 … 관세를 부과") is a deadline while ahead
    const effective = (EFFECTIVE_BEFORE.test(slice(u, d.start - 40, d.start)) || EFFECTIVE_AFTER_KO.test(slice(u, d.end, d.end + 10))) &&
      !/\bretroactive(?:ly)?\s+(?:from|to|as of)\s+$/i.test(slice(u, d.start - 30, d.start)) && tariffCandidates(u).length > 0;
    const cue = near || effective || DEADLINE_CUE.test(clauseText) || /\bdeadline\b/i.test(before);
    if (!cue) continue;
    // a central bank's rate meeting is a date, not a trade deadline
    if (MONETARY.test(u.s.text) && !/\bdeadline\b|시한/i.test(u.s.text) && !/\b(?:tariffs?|duties|levy)\b|관세/i.test(u.s.text)) continue;
    // a past date in a certain frame is a deadline only when called one ("the July 9 deadline", "expired on")
    if (frame.certain && d.date < frame.anchor && !/deadline|expir|시한|만료/i.test(u.s.text)) continue;
    if (/\b(?:since|last)\s+$/i.test(slice(u, d.start - 8, d.start))) continue;
    // something that already happened on that day is not a deadline ("duties that took effect on April 5")
    if (/\b(?:took|went|came)\s+into\s+(?:effect|force)\s+(?:on\s+)?$|\btook effect\s+(?:on\s+)?$|\b(?:expired|ended|lapsed)\s+(?:on\s+)?$/i.test(slice(u, d.start - 30, d.start)) && !/\bdeadline\b|시한/i.test(u.s.text))
      continue;
    out.push({
      kind: "deadline",
      date: d.date,
      what: describeDeadline(u, d),
      evidence: evidenceOf(u.s),
      confidence: (near ? 0.85 : 0.7) * (frame.certain || d.kind === "iso" || /\d{4}/.test(d.raw) ? 1 : 0.85),
    });
  }
  return out;
}

// ---------------------------------------------------------------- market moves

const KOSPI = /\bKOSPI\b|\bKospi\b|코스피|Korea Composite Stock Price Index/g;
const OTHER_INDEX = /\b(?:KOSDAQ|Kosdaq|Nikkei|S&P|Dow|Nasdaq|Hang Seng|Topix|won|yen|dollar|shares of|stock of|Samsung|Hyundai|SK Hynix|LG|Kia)\b|코스닥|원화|환율|닛케이|삼성|현대/;

const UP_WORDS = /\b(?:rose|rises|rising|gained|gains|climbed|jumped|surged|soared|advanced|rallied|rebounded|higher|up|added)\b|상승|올라|오른|급등|반등/i;
const DOWN_WORDS = /\b(?:fell|falls|falling|dropped|declined|slid|slipped|sank|tumbled|plunged|lost|lower|down|shed|retreated)\b|하락|떨어|내린|내려|급락|밀려/i;

/** Unsigned percents whose direction the wording around gives: "ended 1.2% higher", "lost 45 points, or 1.8%", "50포인트(1.8%) 내린". */
function signedByContext(u: Unit, at: number): PercentMatch[] {
  const out: PercentMatch[] = [];
  for (const p of u.percents) {
    if (p.points || p.signed || p.start < at - 5) continue;
    const after = slice(u, p.end, p.end + 14);
    const before = slice(u, Math.max(at, p.start - 45), p.start);
    let sign = 0;
    if (/^\s*\)?\s*(?:higher|up)\b/i.test(after) || /^\s*\)?\s*(?:상승|올라|오른|급등|반등)/.test(after)) sign = 1;
    else if (/^\s*\)?\s*(?:lower|down)\b/i.test(after) || /^\s*\)?\s*(?:하락|떨어|내린|내려|급락|밀려)/.test(after)) sign = -1;
    else if (/(?:points?|포인트),?\s*(?:or\s*|\()?\s*$/i.test(before)) sign = DOWN_WORDS.test(before) ? -1 : UP_WORDS.test(before) ? 1 : 0;
    if (sign !== 0) out.push({ ...p, value: sign * Math.abs(p.value), signed: true });
  }
  return out;
}

// "the index", "the benchmark", "the main index": KOSPI when the article named it before and names no other index here
const INDEX_REF = /\bthe (?:(?:benchmark|main|key|broader|composite)\s+)?(?:index|benchmark)\b|(?:^|\s)(?:지수는|지수가)/gi;
const OTHER_MEASURE = /\b(?:sentiment|consumer|producer|price index|prices index|PMI|CPI|PPI|dollar index|volatility|VKOSPI|manufacturing|purchasing|leading)\b|심리|물가|지수 상승률/i;

function marketFacts(u: Unit, frame: TimeFrame): MarketMoveFact[] {
  let mentions = [...u.s.text.matchAll(KOSPI)];
  if (mentions.length === 0 && u.ctx.kospiBefore && !OTHER_INDEX.test(u.s.text) && !OTHER_MEASURE.test(u.s.text))
    mentions = [...u.s.text.matchAll(INDEX_REF)];
  if (mentions.length === 0) return [];
  const at = u.s.start + mentions[0]!.index!;
  // "3%대 급락" (in the 3% range), "3% 넘게": a headline's range, not the day's move ("rose as much as 1.8%" is one);
  // "has risen 33 percent year-to-date", "올해 들어 20% 상승": a move over a year or month, not a day's
  const approx = (p: PercentMatch) =>
    /^\s*(?:대|넘게|이상|안팎|남짓)/.test(slice(u, p.start + p.raw.search(/[%퍼]/) + 1, p.end + 6)) ||
    /^\s*(?:so far\s+)?(?:year[\s-]to[\s-]date|this year|so far this year|since (?:January|the start of the year)|on[\s-]year|year[\s-]on[\s-]year|from a year (?:earlier|ago)|this month|in (?:the first half|the first quarter|\d{4}))\b/i.test(slice(u, p.end, p.end + 30)) ||
    /(?:올해 들어|연초 대비|연초 이후|연중)\s*$/.test(slice(u, p.start - 12, p.start));
  const moves = u.percents.filter((p) => !p.points && p.signed).concat(signedByContext(u, at)).filter((p) => !approx(p)).sort((a, b) => a.start - b.start);
  const after = moves.filter((p) => p.start >= at && !OTHER_INDEX.test(slice(u, at, p.start)));
  const pick = after[0] ?? (OTHER_INDEX.test(slice(u, u.s.start, at)) ? null : moves.filter((p) => p.end <= at).at(-1)) ?? null;
  let level: number | null = null;
  const lv = parseIndexLevels(u.s.text).find((l) => u.s.start + l.start >= at - 10);
  if (lv && lv.level >= 300 && lv.level <= 20000) level = lv.level;
  if (level === null) {
    const m = /(?:\b(?:at|to|of|hit|near|above|below)\s+|(?<=\s))(\d{1,2},\d{3}(?:\.\d+)?)(?:\s*(?:points?|level|mark|선)|(?=\s*(?:로|으로|에)))?/.exec(slice(u, at, u.s.end));
    if (m && /(?:points?|level|mark|선|로|으로|에)|\b(?:at|to|hit|near|above|below)\s/.test(m[0] + slice(u, at + m.index + m[0].length, at + m.index + m[0].length + 4))) {
      const v = Number(m[1]!.replace(/,/g, ""));
      if (v >= 300 && v <= 20000) level = v;
    }
  }
  if (!pick && level === null) return [];
  const d = u.dates.find((x) => x.precision === "day" && x.date !== null && (x.kind !== "weekday" || frame.certain));
  return [
    {
      kind: "market_move",
      index: "KOSPI",
      changePct: pick ? pick.value : null,
      level,
      date: d?.date ?? null,
      evidence: evidenceOf(u.s),
      confidence: pick && after.includes(pick) ? 0.9 : 0.7,
    },
  ];
}

// ---------------------------------------------------------------- money: budgets, trade balances, pledges

const CONVERSION_BEFORE = /[(（]\s*(?:approximately|approx\.?|about|around|roughly|some|nearly|almost|or|equivalent to|worth|약|≈|~)?\s*$/i;
const TRADE_CUE = /\b(?:trade surplus|trade deficit|surplus|deficit|trade (?:balance|gap|imbalance))\b|무역\s?흑자|무역\s?적자|무역수지|흑자|적자/i;
const NOT_TRADE = /\b(?:budget (?:surplus|deficit)|fiscal|current[\s-]account|primary (?:surplus|deficit))\b|재정|경상수지/i;
const OTHER_PARTNER = /\bwith (?:China|Japan|the EU|the European Union|Vietnam|the world|Germany|Mexico|Canada)\b|\b(?:overall|total|global) trade (?:surplus|deficit)\b|대중|대일|전체 무역/i;
const US = /\bU\.S\.(?!\w)|\b(?:US|USA|United States|America|American|Washington)\b|미국|대미|워싱턴/;
// (also "channel/pour/funnel $350bn into the US")
const INVEST_CUE = /\binvest(?:s|ed|ing|ment|ments)?\b|\b(?:channel|pour|funnel|plough|plow)(?:s|ed|ing|led|ling)?\b(?=[^.;]{0,40}\binto\b)|\b(?:new|build(?:ing)?|open(?:ing)?)\s+(?:\w+\s+)?(?:plants?|factor(?:y|ies)|facilit(?:y|ies))\b|투자|공장/i;
const PLEDGE_CUE = /\b(?:pledg\w*|commit\w*|promis\w*|vow\w*|offer\w*|plan\w*|will|would|announc\w*|agree\w*|propos\w*|intend\w*|to invest|sign(?:s|ed|ing)?|MOU|memorandum|pact)\b|약속|약정|발표|계획|하기로|제안|합의/i;
const BUDGET_CUE = /\b(?:(?:supplementary|extra|additional|emergency|special)\s+budget|budget|packages?|funds?|funding|financial support|support|aid|relief|stimulus|subsid(?:y|ies)|liquidity|loans?|lending|financing|spending|bailout|guarantees?|earmark(?:s|ed)?|allocat(?:e|es|ed|ion)|set aside|vouchers?)\b|추경|배정|편성|투입|추가경정예산|예산|지원|기금|펀드|유동성|대출|보증|긴급/i;
const NOT_BUDGET_ADJ = /^\s*worth\s+of\b|^\s*(?:(?:in|of|worth of)\s+)?(?:exports?|imports?|sales|revenue|shipments|goods|cars|vehicles|chips|trade|market (?:value|cap\w*)|profit|earnings|deals?|purchases?|LNG|energy)\b|^\s*(?:어치|규모의\s*(?:수출|수입))/i;
const NOT_BUDGET_BEFORE = /\b(?:exports?|imports?|sales|revenue|shipments|purchases?|buy(?:ing)?|bought|market (?:value|cap\w*)|worth|valued at|profit|earnings|surplus|deficit)\s+(?:\w+\s+){0,3}(?:of|at|to|worth|totaling|reaching|hit|reached)?\s*$|수출(?:액|이|은|는)?\s*$|수입(?:액|이|은|는)?\s*$/i;

function isConversion(u: Unit, a: AmountMatch, all: AmountMatch[]): boolean {
  const before = slice(u, a.start - 30, a.start);
  if (!CONVERSION_BEFORE.test(before)) return false;
  const open = before.search(/[(（][^(（]*$/);
  const prev = all.filter((o) => o.end <= a.start).at(-1);
  return prev !== undefined && u.s.start + 0 <= prev.end && a.start - 30 + open - prev.end <= 3 && a.start - 30 + open >= prev.end - 1;
}

/** The amount's partner in the other currency written in parentheses right after it ("15 trillion won ($10 bn)"). */
function conversionOf(a: AmountMatch, all: AmountMatch[], u: Unit): AmountMatch | null {
  const next = all.find((o) => o.start > a.end);
  if (!next || next.start - a.end > 30) return null;
  return isConversion(u, next, all) ? next : null;
}

function yearOf(u: Unit, a: AmountMatch, frame: TimeFrame): number | null {
  const years = [...u.s.text.matchAll(/\b(?:in|for|during|of|throughout)\s+((?:19|20)\d{2})\b|(?:^|\s)((?:19|20)\d{2})(?:년|\s?(?:full[\s-]year|annual))|((?:19|20)\d{2})년/gi)].map((m) => ({
    y: Number(m[1] ?? m[2] ?? m[3]),
    at: u.s.start + m.index!,
  }));
  if (years.length) {
    years.sort((x, y) => Math.abs(x.at - a.start) - Math.abs(y.at - a.start));
    return years[0]!.y;
  }
  if (frame.certain && /\blast year\b|작년|지난해/i.test(u.s.text)) return Number(frame.anchor.slice(0, 4)) - 1;
  return null;
}

const ALLOCATION_VERB = /^(?:set(?:s|ting)?\s+aside|earmark(?:s|ed|ing)?|allocat(?:e|es|ed|ing))$/i;

function purposeNear(u: Unit, a: AmountMatch, cue: RegExp): string {
  const clause = clauseAt(u, a.start);
  const text = slice(u, Math.max(u.s.start, clause.start - 60), Math.min(u.s.end, a.end + 120));
  const m = new RegExp(cue.source, "i").exec(text);
  if (!m) return text.trim().split(/\s+/).slice(0, 8).join(" ");
  let rest = text.slice(m.index);
  // "financial support for carmakers to 15 trillion won": the purpose stops where the figure starts
  const at = rest.indexOf(a.raw);
  if (at > 0) {
    const head = rest.slice(0, at).replace(/\s+(?:to|of|at|worth|totaling|with|by)\s*$/i, "").trim();
    const after = rest.slice(at + a.raw.length).trim();
    // "set aside 2 trillion won in loans for exporters": the verb of allocating is not what the money is for
    if (ALLOCATION_VERB.test(head)) rest = after.replace(/^(?:in|for|to|as|on)\s+/i, "");
    else rest = head.split(/\s+/).length >= 2 ? head : `${head} ${after}`;
  }
  const words = rest.split(/\s+/);
  const stop = words.findIndex((w, i) => i > 0 && /[,;:.()—–]$|^[(—–]/.test(w));
  return words
    .slice(0, stop >= 0 ? Math.min(stop + 1, 9) : 9)
    .join(" ")
    .replace(/[,;:.()—–]+$/, "")
    .replace(/\s+(?:in|for|to|of|on|at|with|by|and|the|a)$/i, "")
    .slice(0, 100);
}

// A share of a pledge already stated: "Of the fund, $150 billion …", "$150 billion of the $350 billion would be devoted
// to shipbuilding", "on top of $150 billion for shipbuilding", "remaining $200 billion will be used for …".
const SHARE_CUE = /\bof the (?:(?:US)?\$\s?[\d.,]+\s*(?:billion|trillion|bn)?|[\d.,]+\s*(?:billion|trillion)\s*dollars|fund|package|investment|pledge|total|sum|amount)\b|\bon top of\b|\bdevoted to\b|\b(?:will|would|is to|are to)\s+go\s+to(?:ward)?\b|\ballocated\b|\bearmarked\b|\b(?:be|is|are) used for\b|\bremaining\b|\bthe rest\b|\bin cash\b|(?:펀드|투자|투자금|기금|금액)\s*(?:가운데|중(?:에서)?)|(?:에|으로)\s*(?:쓰인|쓰이|사용|투입|배정)/i;
// A ceiling or yearly instalment is not a pledge of its own: "annual payments capped at $20 billion".
const NOT_PLEDGE_BEFORE = /\b(?:capped at|cap of|ceiling of|limit of|no more than|up to|at most|annual(?:ly)?(?:\s+\w+){0,2}|a year of)\s+(?:\w+\s+){0,1}$/i;
const NOT_PLEDGE_AFTER = /^\s*(?:a|per|each|every)\s+year\b|^\s*annually\b/i;

function moneyFacts(u: Unit, frame: TimeFrame): (BudgetFact | TradeBalanceFact | InvestmentPledgeFact)[] {
  const out: (BudgetFact | TradeBalanceFact | InvestmentPledgeFact)[] = [];
  for (const a of u.amounts) {
    if (isConversion(u, a, u.amounts)) continue;
    const conv = conversionOf(a, u.amounts, u);
    const usd = a.currency === "USD" ? a.value : conv?.currency === "USD" ? conv.value : null;
    const clause = clauseAt(u, a.start);
    const win = slice(u, Math.max(clause.start - 40, a.start - 70), Math.min(u.s.end, a.end + 70));
    const tight = slice(u, a.start - 45, a.end + 45);

    // "exports to the US rose 10.5 percent to $127.8 billion, …, while its trade surplus …": a flow named in the
    // amount's own clause (without a balance word there) is what the figure measures
    const ownClause = slice(u, clause.start, a.start);
    const flowBefore = /\b(?:exports?|imports?|shipments|sales|purchases)\s+(?:[\w.]+\s+){0,3}(?:of|at|to|worth|totaling|reaching|hit|reached|were|was|rose|fell|grew)?\s*$|수출(?:액|이|은|는)?\s*$|수입(?:액|이|은|는)?\s*$/i.test(slice(u, a.start - 50, a.start)) ||
      (/\b(?:exports?|imports?|shipments|sales|purchases)\b|수출|수입/i.test(ownClause) && !TRADE_CUE.test(ownClause));
    // "… stood at $55.6 billion in 2024, up from $44.4 billion in 2023": the earlier balance compared with
    const prevBalance = out.at(-1)?.kind === "trade_balance" && /\b(?:up|down)?\s*(?:from|compared with|versus|vs\.?)\s+(?:a\s+|the\s+)?$/i.test(slice(u, a.start - 25, a.start));
    // "… with the U.S. came to $4.44 billion, while the overall trade surplus reached $9.55 billion": the partner is
    // the one named in the amount's own part of the sentence
    let lead = slice(u, a.start - 90, a.start);
    const cut = [...lead.matchAll(/(?:,\s*|\s)(?:while|whereas|but|compared with)\s|;/g)].at(-1);
    if (cut) lead = lead.slice(cut.index! + cut[0].length);
    // a Korean-language balance without 대미/미국 is the country's overall balance
    const otherPartner = OTHER_PARTNER.test(lead + slice(u, a.start, a.end + 25)) || (/[가-힣]/.test(u.s.text) && !US.test(u.s.text));
    if (((TRADE_CUE.test(tight) && !NOT_TRADE.test(tight)) || prevBalance) && !otherPartner && !flowBefore) {
      if (usd !== null && usd >= 1e8) {
        out.push({
          kind: "trade_balance",
          amountUsd: round(usd),
          year: yearOf(u, a, frame),
          evidence: evidenceOf(u.s),
          confidence: /with the (?:U\.S\.|US|United States)|대미|미국/.test(u.s.text) ? 0.9 : 0.8,
        });
      }
      continue;
    }
    const notOwnMoney = NOT_BUDGET_ADJ.test(slice(u, a.end, a.end + 30)) || NOT_BUDGET_BEFORE.test(slice(u, a.start - 50, a.start));
    if (notOwnMoney) continue;
    const investWin = slice(u, clause.start, a.end + 60);
    const notPledge = NOT_PLEDGE_BEFORE.test(slice(u, a.start - 30, a.start)) || NOT_PLEDGE_AFTER.test(slice(u, a.end, a.end + 12));
    // a dollar share of the pledge: in a sentence that pledges investment in the US, or after a pledge was stated
    // "the $350 billion investment fund", "$350 bil. strategic investment": the figure names a pledge
    const investNoun = /^\s*(?:in\s+)?(?:(?:strategic|direct|new|additional|planned|promised|pledged|U\.S\.|US)\s+)?investments?\b|^\s*규모의?\s*(?:대미\s*)?투자/i.test(slice(u, a.end, a.end + 30)) &&
      (US.test(u.s.text) || u.ctx.pledgeBefore);
    const share = usd !== null && a.currency !== "KRW" && !notPledge && SHARE_CUE.test(u.s.text) &&
      (u.ctx.pledgeBefore || (INVEST_CUE.test(u.s.text) && US.test(u.s.text) && PLEDGE_CUE.test(u.s.text)));
    if (share || (!notPledge && usd !== null && investNoun) || (!notPledge && INVEST_CUE.test(investWin) && US.test(u.s.text) && PLEDGE_CUE.test(u.s.text))) {
      if (usd !== null && usd >= 1e7)
        out.push({
          kind: "investment_pledge",
          amountUsd: round(usd),
          purpose: purposeNear(u, a, share && !INVEST_CUE.test(investWin) ? /\b(?:for|to|on)\b/ : /\binvest\w*|투자/),
          evidence: evidenceOf(u.s),
          confidence: 0.8,
        });
      continue;
    }
    // "the 12.2 trillion won extra budget … will be expanded to 13.8 trillion won": the revised figure replaces the
    // budget stated before it in the sentence
    if (/\b(?:expand|rais|increas|boost|lift|enlarg|bump|cut|reduc|trimm|slash|scal|revis)\w*\s+(?:\w+\s+)?(?:up\s+|down\s+)?to\s+$/i.test(slice(u, a.start - 40, a.start))) {
      let i = out.length - 1;
      while (i >= 0 && !(out[i]!.kind === "budget" && (out[i] as BudgetFact).currency === a.currency)) i--;
      if (i >= 0) {
        const old = out[i] as BudgetFact;
        out.splice(i, 1, { ...old, amount: a.value, confidence: Math.min(old.confidence, 0.8) });
        continue;
      }
    }
    if (!BUDGET_CUE.test(win)) continue;
    if ((a.currency === "KRW" && a.value < 1e9) || (a.currency !== "KRW" && a.value < 1e6)) continue;
    // "from 12 trillion won to 15 trillion won": the old figure is not the budget
    if (/^\s*to\s/i.test(slice(u, a.end, a.end + 5)) && /\bfrom\s+$/i.test(slice(u, a.start - 6, a.start))) continue;
    out.push({
      kind: "budget",
      amount: a.value,
      currency: a.currency,
      purpose: purposeNear(u, a, BUDGET_CUE),
      evidence: evidenceOf(u.s),
      confidence: BUDGET_CUE.test(tight) ? 0.85 : 0.65,
    });
  }
  return out;
}

// ---------------------------------------------------------------- tax changes

const PCT = String.raw`(\d+(?:\.\d+)?)\s?(?:%|percent|per cent|퍼센트)`;
const FROM_TO = new RegExp(String.raw`\bfrom\s+(?:the\s+)?(?:current\s+|existing\s+|previous\s+)?${PCT}\s+to\s+(?:a\s+)?${PCT}`, "gi");
const TO_FROM = new RegExp(String.raw`\bto\s+${PCT}\s+from\s+(?:the\s+)?(?:current\s+|existing\s+|previous\s+)?${PCT}`, "gi");
// "at a reduced rate of 3.5 percent until the end of this year, down from the standard 5 percent", "keeping the rate
// at 3.5 percent instead of the regular 5 percent": the new rate first, the old one after (no other percent between)
const NEW_THEN_OLD = new RegExp(
  String.raw`${PCT}(?:(?!\d+(?:\.\d+)?\s?(?:%|percent|per cent))[^.;%]){0,70}?\b(?:down from|up from|instead of|rather than|compared with|versus|vs\.?)\s+(?:the\s+|a\s+)?(?:[A-Za-z-]+\s+){0,2}?${PCT}`,
  "gi",
);
const KO_FROM_TO = new RegExp(String.raw`${PCT}에서\s*${PCT}\s*(?:로|으로)`, "g");
const TAX_WORD = /\b(?:tax(?:es)?|VAT|levy on (?:purchases|consumption))\b|(?:개별소비세|소비세|부가세|부가가치세|취득세|법인세|관세(?!율)|세율|[가-힣]{1,6}세)(?=[\s은는을를이가의율]|$)/i;

function taxName(u: Unit): string {
  const t = u.s.text;
  let m = /((?:[A-Za-z-]+\s){0,3})tax(?:es)?\s+on\s+((?:[A-Za-z-]+\s?){1,3})/i.exec(t);
  if (m && !/\b(?:the|a|an)\s*$/i.test(m[2]!)) {
    const obj = m[2]!.trim().split(/\s+/).slice(0, 2).join(" ");
    return `tax on ${obj}`.replace(/\s+(?:will|would|is|are|was|were|to|from)$/i, "");
  }
  m = /((?:[A-Za-z-]+\s){0,3})tax\b/i.exec(t);
  if (m) {
    const words = m[1]!.trim().split(/\s+/).filter((w) => w && !/^(?:the|a|an|its|their|of|on|to|and|will|would|cut|cuts|lower|lowered|reduce|reduced)$/i.test(w));
    return `${words.slice(-3).join(" ")} tax`.trim();
  }
  m = /(개별소비세|소비세|부가가치세|부가세|취득세|법인세|[가-힣]{1,6}세)(?=[\s은는을를이가의율]|$)/.exec(t);
  return m ? m[1]! : "tax";
}

function taxFacts(u: Unit, frame: TimeFrame): TaxChangeFact[] {
  const t = u.s.text;
  if (!TAX_WORD.test(t)) return [];
  // a tariff sentence without a tax word of its own is a tariff reduction, not a tax change
  if (/\btariffs?\b|관세/i.test(t) && !/\btax(?:es)?\b|VAT|소비세|부가세|취득세|법인세/i.test(t)) return [];
  const out: TaxChangeFact[] = [];
  const add = (from: number, to: number, at: number) => {
    if (from === to) return;
    const until = u.dates.find(
      (d) => d.precision === "day" && d.date !== null && (/\b(?:until|till|through|to)\s+(?:the\s+end\s+of\s+)?$/i.test(slice(u, d.start - 20, d.start)) || /^\s*까지/.test(slice(u, d.end, d.end + 4))),
    );
    // "until the end of this year", "through year-end", "연말까지": the last day of the publication year
    const yearEnd = frame.certain && /\b(?:until|till|through|to|by)\s+(?:the\s+)?(?:end of (?:this|the) year|year[\s-]end)\b|올해 말까지|연말까지/i.test(t)
      ? `${frame.anchor.slice(0, 4)}-12-31`
      : null;
    out.push({
      kind: "tax_change",
      tax: taxName(u),
      fromPct: from,
      toPct: to,
      until: until?.date ?? yearEnd,
      evidence: evidenceOf(u.s),
      confidence: 0.85,
    });
    void at;
  };
  for (const m of t.matchAll(FROM_TO)) add(Number(m[1]), Number(m[2]), m.index!);
  for (const m of t.matchAll(TO_FROM)) add(Number(m[2]), Number(m[1]), m.index!);
  for (const m of t.matchAll(KO_FROM_TO)) add(Number(m[1]), Number(m[2]), m.index!);
  if (out.length === 0) for (const m of t.matchAll(NEW_THEN_OLD)) add(Number(m[2]), Number(m[1]), m.index!);
  return out;
}

// ---------------------------------------------------------------- dedupe

function keyOf(f: Fact): string {
  switch (f.kind) {
    case "tariff_rate":
      return `t|${f.sector}|${f.ratePct}`;
    case "deadline":
      return `d|${f.date}`;
    case "market_move":
      return `m|${f.changePct}|${f.level}`;
    case "budget":
      return `b|${f.currency}|${f.amount}`;
    case "trade_balance":
      return `tb|${f.amountUsd}`;
    case "tax_change":
      return `x|${f.fromPct}|${f.toPct}`;
    case "investment_pledge":
      return `p|${f.amountUsd}`;
  }
}

function better(a: Fact, b: Fact): Fact {
  // trade balances: the one that names the year wins
  if (a.kind === "trade_balance" && b.kind === "trade_balance" && (a.year === null) !== (b.year === null))
    return a.year !== null ? a : b;
  if (a.kind === "tariff_rate" && b.kind === "tariff_rate" && (a.effective === null) !== (b.effective === null))
    return a.effective !== null ? a : b;
  return b.confidence > a.confidence + 1e-9 ? b : a;
}

function dedupe(facts: Fact[]): Fact[] {
  const byKey = new Map<string, Fact>();
  for (const f of facts) {
    const k = keyOf(f);
    const had = byKey.get(k);
    byKey.set(k, had ? better(had, f) : f);
  }
  return [...byKey.values()].sort((a, b) => a.evidence.start - b.evidence.start);
}

// ---------------------------------------------------------------- entry

function resolvedDates(text: string, sentences: Sentence[], frame: TimeFrame): DateMatch[] {
  const all = parseDates(text, frame.anchor);
  const out: DateMatch[] = [];
  for (const d of all) {
    if (d.kind !== "weekday") {
      out.push(d);
      continue;
    }
    if (!frame.certain) continue; // a bare weekday is certain only next to a known publication date
    if (/^(?:last|next|this)\s/i.test(d.raw)) {
      out.push(d);
      continue;
    }
    const s = sentences.find((x) => d.start >= x.start && d.end <= x.end);
    const around = s ? s.text.slice(Math.max(0, d.start - s.start - 50), Math.min(s.text.length, d.end - s.start + 40)) : d.raw;
    const lead = s ? s.text.slice(Math.max(0, d.start - s.start - 14), d.start - s.start) : "";
    const tense = /\b(?:starting|from|beginning|effective|until|till|by|before|through)\s+$/i.test(lead) ? "future" : tenseAround(around);
    const date = adjustWeekdayForTense(d.date!, frame.anchor, tense);
    out.push({ ...d, date, month: date.slice(0, 7) });
  }
  return out;
}

export function extractWithFrame(text: string, frame: TimeFrame): Fact[] {
  const sentences = splitSentences(text);
  const amounts = parseAmounts(text);
  const percents = parsePercents(text);
  const dates = resolvedDates(text, sentences, frame);
  const sectors = findSectors(text);
  const facts: Fact[] = [];
  const ctx: ArticleCtx = { tariffs: new RegExp(TARIFF_WORD.source, "i").test(text), kospiBefore: false, pledgeBefore: false };
  for (const s of sentences) {
    const u: Unit = { s, amounts: within(amounts, s), percents: within(percents, s), dates: within(dates, s), sectors: within(sectors, s), ctx: { ...ctx } };
    if (u.percents.length) {
      facts.push(...tariffFacts(u, frame));
      facts.push(...taxFacts(u, frame));
    }
    if (u.dates.length) facts.push(...deadlineFacts(u, frame));
    if (u.percents.length || /\d,\d{3}/.test(s.text)) facts.push(...marketFacts(u, frame));
    if (u.amounts.length) {
      const money = moneyFacts(u, frame);
      facts.push(...money);
      if (money.some((f) => f.kind === "investment_pledge")) ctx.pledgeBefore = true;
    }
    if (new RegExp(KOSPI.source).test(s.text)) ctx.kospiBefore = true;
  }
  return dedupe(facts);
}

/** Facts of an article (FACTS.md shapes) with evidence; `publishedOn` null → the text's own date stamp, if any. */
export function extractArticleFacts(text: string, publishedOn: string | null, fallbackYear?: number): { facts: Fact[]; frame: TimeFrame } {
  const frame = timeFrame(text, publishedOn, fallbackYear);
  return { facts: extractWithFrame(text, frame), frame };
}
