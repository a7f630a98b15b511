// What the money kinds (budgets, trade balances, investment pledges) read around an amount: its value in dollars
// (itself, or its conversion in parentheses), whether it is the value of goods rather than money spent or pledged,
// and what it is for.
import type { AmountMatch } from "@/server/news/extract/numbers";
import { clauseAt, slice, type Unit } from "./shared";

export const US = /\bU\.S\.(?!\w)|\b(?:US|USA|United States|America|American|Washington)\b|미국|대미|워싱턴/;
const CONVERSION_BEFORE = /[(（]\s*(?:approximately|approx\.?|about|around|roughly|some|nearly|almost|or|equivalent to|worth|약|≈|~)?\s*$/i;
// "$70 billion worth of cars", "exports of $127.8 billion", "valued at $2 billion"
const VALUE_OF_GOODS_AFTER = /^\s*worth\s+of\b|^\s*(?:(?:in|of|worth of)\s+)?(?:exports?|imports?|sales|revenue|shipments|goods|cars|vehicles|chips|trade|market (?:value|cap\w*)|profit|earnings|deals?|purchases?|LNG|energy)\b|^\s*(?:어치|규모의\s*(?:수출|수입)(?!\s*(?:지원|금융|보증|보험|바우처|기업|업체|중소|[·ㆍ,]\s*[가-힣]+\s*(?:대응|지원))))/i;
const VALUE_OF_GOODS_BEFORE = /\b(?:exports?|imports?|sales|revenue|shipments|purchases?|buy(?:ing)?|bought|market (?:value|cap\w*)|worth|valued at|profit|earnings|surplus|deficit)\s+(?:\w+\s+){0,3}(?:of|at|to|worth|totaling|reaching|hit|reached)?\s*$|수출(?:액|이|은|는)?\s*$|수입(?:액|이|은|는)?\s*$/i;

/** One amount of a sentence with what every money kind reads first. */
export interface AmountAt {
  a: AmountMatch;
  /** Its value in dollars: itself, or its conversion in parentheses ("15 trillion won ($10 bn)"); null without one. */
  usd: number | null;
  /** The clause it stands in. */
  clause: { start: number; end: number };
}

/**
 * What a money kind makes of an amount: null when the amount does not state that kind; else its fact, or a null fact
 * when the amount states that kind but does not count (too small, no dollar value): no other kind takes it then.
 */
export type Claim<F> = { fact: F | null } | null;

/** The sentence's amounts in text order, without those that only convert the amount before them. */
export function amountsOf(u: Unit): AmountAt[] {
  const out: AmountAt[] = [];
  for (const a of u.amounts) {
    if (isConversion(u, a, u.amounts)) continue;
    const conv = conversionOf(a, u.amounts, u);
    const usd = a.currency === "USD" ? a.value : conv?.currency === "USD" ? conv.value : null;
    out.push({ a, usd, clause: clauseAt(u, a.start) });
  }
  return out;
}

/** The amount measures goods, trade or what something is worth (exports, sales, purchases, a market value, profits),
 * not money of its own to spend or pledge. */
export function isValueOfGoods(u: Unit, a: AmountMatch): boolean {
  return VALUE_OF_GOODS_AFTER.test(slice(u, a.end, a.end + 30)) || VALUE_OF_GOODS_BEFORE.test(slice(u, a.start - 50, a.start));
}

function isConversion(u: Unit, a: AmountMatch, all: AmountMatch[]): boolean {
  const before = slice(u, a.start - 30, a.start);
  // "two trillion won, or about $1.4 billion,": the other currency after "or"
  const prevAmt = all.filter((o) => o.end <= a.start).at(-1);
  if (prevAmt && prevAmt.currency !== a.currency && /^\s*,?\s*or\s+(?:about|around|roughly|approximately|some|nearly|almost)?\s*$/i.test(slice(u, prevAmt.end, a.start))) return true;
  if (!CONVERSION_BEFORE.test(before)) return false;
  // (offsets from where `before` starts: the sentence's start when the figure is near it)
  const at = Math.max(u.s.start, a.start - 30) + before.search(/[(（][^(（]*$/);
  const prev = all.filter((o) => o.end <= a.start).at(-1);
  return prev !== undefined && u.s.start <= prev.end && at - prev.end <= 3 && at >= prev.end - 1;
}

/** The amount's partner in the other currency written in parentheses right after it ("15 trillion won ($10 bn)"). */
function conversionOf(a: AmountMatch, all: AmountMatch[], u: Unit): AmountMatch | null {
  const next = all.find((o) => o.start > a.end);
  if (!next || next.start - a.end > 30) return null;
  return isConversion(u, next, all) ? next : null;
}

const ALLOCATION_VERB = /^(?:set(?:s|ting)?\s+aside|earmark(?:s|ed|ing)?|allocat(?:e|es|ed|ing))$/i;

/** What the money is for: the words from `cue` ("support for …", "invest … in …") around the amount, cut at a clause. */
export function purposeNear(u: Unit, a: AmountMatch, cue: RegExp): string {
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
