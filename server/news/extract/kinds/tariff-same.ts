// A tariff figure the article repeats for other goods, and the figure Korean wording says the goods' tariff is now.
// Used by ./tariff-candidates.ts.
import type { PercentMatch } from "@/server/news/extract/numbers";
import { clauseAt, slice, type Unit } from "./shared";
import type { TariffCand } from "./tariff-candidates";
import { sectorsBetween } from "./tariff-objects";

// "Key components … will get the same 25% charge starting May 3", "A matching 25% on engines … is scheduled to start",
// "The same 25% extends to major auto parts": a figure the article's tariff is said to be repeated at, for the goods
// the sentence names
const FOREIGN = /\b(?:Japan(?:ese)?|EU|European|China|Chinese|Vietnam(?:ese)?|Taiwan(?:ese)?|British|Britain|UK|Mexic\w+|Canad\w+)\b|일본|유럽|중국|베트남|대만|영국|멕시코|캐나다/;
const SAME_FIGURE = /\b(?:the same|a matching|an identical|a similar|matching|identical)\s+$|같은\s*$|동일한\s*$/i;
export function sameFigure(u: Unit, p: PercentMatch): TariffCand | null {
  if (!u.ctx.tariffs || !SAME_FIGURE.test(slice(u, p.start - 14, p.start))) return null;
  // (the goods of the figure's own clause when it names some: "… on key parts — and the same 15% will cover Korean auto
  // parts"; not another country's: "같은 15%를 적용받는 일본 자동차")
  const clause = clauseAt(u, p.start);
  if (FOREIGN.test(slice(u, clause.start, clause.end))) return null;
  const inClause = u.sectors.filter((x) => x.start >= clause.start && x.end <= clause.end);
  const named = [...new Set((inClause.length ? inClause : u.sectors).map((x) => x.sector))].filter((x) => x !== "all_goods");
  return named.length ? { pct: p, sectors: named, bound: false } : null;
}

// "현재 25%인 한국산 자동차와 자동차 부품 관세를", "현재 15%인 한국산 자동차·목재·의약품 관세와 상호관세를": the rate the goods'
// tariff now is, named before them
const KO_NOW_IS = /^\s*(?:인|이던|이었던|짜리)\s+(?:한국산\s+)?(?:[가-힣·]+\s*){1,5}?관세(?:\s*(?:와|과|및)\s*상호\s?관세)?/;
export function goodsTariffNow(u: Unit, p: PercentMatch): TariffCand | null {
  const nowIs = KO_NOW_IS.exec(slice(u, p.end, p.end + 60));
  const named = nowIs ? sectorsBetween(u, p.end, p.end + nowIs[0].length) : [];
  return named.length ? { pct: p, sectors: named, bound: true } : null;
}

/** A figure said to be the goods' tariff now stays a rate beside the cut that follows ("현재 25%인 한국산 자동차 관세를 15%로
 * 낮춘다"). */
export const saidToBeNow = (u: Unit, p: PercentMatch) => /(?:현재|지금|현행)\s*$/.test(slice(u, p.start - 8, p.start)) && KO_NOW_IS.test(slice(u, p.end, p.end + 60));

// "the cut on cars and auto parts from 25% to 15%", "the promised cut to 15 percent for autos", "For autos, the headline is a
// cut from 25% to 15%": the new figure of a cut, for the goods the cut names; "자동차와 부품에 붙던 25% 관세는 … 15%로
// 낮아졌고": the new figure of the goods' tariff named as the topic
const CUT_ON = /\bcut\s+(?:on|for|in)\s+([^,;.]{3,60}?)\s+from\s+\d+(?:\.\d+)?\s?(?:%|percent|per cent)\s+to\s+$/i;
const CUT_TO = /\bcut\s+(?:from\s+\d+(?:\.\d+)?\s?(?:%|percent|per cent)\s+)?to\s+$/i;
const FOR_AFTER = /^\s*(?:percent|per cent)?\s*(?:for|on)\s+((?:[\w-]+\s+){0,3}[\w-]+)/i;
const KO_NEW_FIGURE = /^\s*(?:로|으로)\s*(?:낮아|낮추|내려|내리|인하|낮춰|올라|올리|인상|올려)/;
export function cutFigure(u: Unit, p: PercentMatch): TariffCand | null {
  if (!u.ctx.tariffs) return null;
  const before = slice(u, Math.max(u.s.start, p.start - 90), p.start);
  const on = CUT_ON.exec(before);
  const goods = (a: number, b: number) => [...new Set(u.sectors.filter((x) => x.start >= a && x.end <= b).map((x) => x.sector))].filter((x) => x !== "all_goods");
  if (on) {
    const named = goods(p.start - on[0].length, p.start);
    if (named.length) return { pct: p, sectors: named, bound: true };
  }
  if (CUT_TO.test(before)) {
    const forWhat = FOR_AFTER.exec(slice(u, p.end, p.end + 50));
    const named = forWhat ? goods(p.end, p.end + forWhat[0].length) : [];
    const fronted = /^\s*For\s+((?:[\w-]+\s+){0,3}[\w-]+),/i.exec(u.s.text);
    const front = fronted ? goods(u.s.start, u.s.start + fronted[0].length) : [];
    if (named.length || front.length) return { pct: p, sectors: named.length ? named : front, bound: true };
  }
  if (KO_NEW_FIGURE.test(slice(u, p.end, p.end + 8))) {
    const topic = /관세(?:는|가)\s/.exec(slice(u, u.s.start, p.start));
    const named = topic ? goods(u.s.start, u.s.start + topic.index) : [];
    if (named.length) return { pct: p, sectors: named, bound: true };
    // "…25% 관세가 붙는데, 이걸 15%로 낮추기로 했습니다": the goods the words refer back to, in the sentence or the one before
    if (KO_BACK.test(slice(u, p.start - 12, p.start))) {
      const back = goods(u.s.start, p.start);
      const last = (u.ctx.lastSectors ?? []).filter((x) => x !== "all_goods");
      if (back.length || last.length) return { pct: p, sectors: back.length ? back : last, bound: true };
    }
  }
  return null;
}
export const KO_BACK = /(?:이걸|이것을|이를|그걸|(?:이|해당|그)\s?(?:관세|세율)(?:를|을|는|은|도))\s*$/;
/** "…25% 관세가 붙는데, 이걸 15%로 낮추기로 했습니다": the new figure of the tariff just named. */
export const koCutsItTo = (u: Unit, p: PercentMatch) => KO_BACK.test(slice(u, p.start - 12, p.start)) && KO_NEW_FIGURE.test(slice(u, p.end, p.end + 8));

/** "붙던 25% 관세는 … 15%로 낮아졌고": the rate the goods paid before a cut that has happened (with the cut still ahead,
 * "매기던 25%의 품목관세도 15%로 낮아진다", it is still paid). */
export const heldBeforeCut = (u: Unit, p: PercentMatch) =>
  /(?:붙던|매기던|부과되던|적용되던|물던|내던)\s*$/.test(slice(u, p.start - 8, p.start)) && /낮아졌|내려갔|인하됐|인하되었|바뀌었/.test(u.s.text);

// "down from the 25% duty the US currently charges on all imported vehicles", "compared with the 25 per cent currently
// levied under Section 232 on imported vehicles from all countries", "from the 25% rate still being charged today on every
// imported car": the old figure of a cut, said to be charged now, for the goods its own words name
const FROM_OLD = /\b(?:down from|up from|from|compared (?:with|to)|versus|rather than|instead of)\s+(?:the\s+)?$/i;
const NOW_WORDS = /\b(?:currently|still|now|today|at present)\b/i;
export function currentOldRate(u: Unit, p: PercentMatch): TariffCand | null {
  if (!u.ctx.tariffs || !FROM_OLD.test(slice(u, p.start - 24, p.start))) return null;
  const rest = /^[^,;—–()]{0,110}/.exec(slice(u, p.end, p.end + 110))![0];
  if (!NOW_WORDS.test(rest) || /\b(?:threat\w*|pencilled|planned|proposed)\b/i.test(rest)) return null;
  const named = sectorsBetween(u, p.end, p.end + rest.length).filter((x) => x !== "all_goods");
  return named.length ? { pct: p, sectors: named, bound: true } : null;
}