// What every fact kind reads a sentence with: the sentence and the parsers' matches inside it, the article around it,
// and the text between two offsets or the clause around one. Pure: no I/O, no clock.
import type { AmountMatch, PercentMatch } from "@/server/news/extract/numbers";
import type { DateMatch } from "@/server/news/extract/dates";
import type { SectorMatch } from "@/server/news/extract/sectors";
import type { Sentence } from "@/server/news/extract/sentences";
import type { Evidence } from "@/server/news/extract/types";

/** What the article says outside the sentence, for wording that leans on it ("the index", "of the fund"). */
export interface ArticleCtx {
  /** The article is about tariffs (a tariff word anywhere in it): "rate" alone and "cars remain at 25%" are tariffs. */
  tariffs: boolean;
  /** KOSPI was named in an earlier sentence: "the index" / "the benchmark" then means KOSPI. */
  kospiBefore: boolean;
  /** The sentence before stated a KOSPI move: "That came after a 3.09% jump on Thursday" continues it. */
  marketBefore?: boolean;
  /** An investment pledge was stated in an earlier sentence: "of the fund, $150 billion …" is part of it. */
  pledgeBefore: boolean;
  /** The article speaks of Korea's investment in the US ("invest … in the United States", "대미 투자"): a dollar figure
   * in it is that investment's or a share of it, not a Korean budget. */
  usInvestment?: boolean;
  /** A pledge stated earlier in this sentence: where its figure ends and how much it is ("the $350 billion commitment —
   * $200 billion in cash …"). */
  pledgeInSentence?: { end: number; usd: number };
  /** The sectors of the latest tariff rates named with their sector: "the levy", "these items" refer back to them. */
  lastSectors?: import("@/server/news/extract/sectors").FactSector[];
  /** The sentence before asked about the investment (an explainer's question: "─ 투자 규모는.", "Q: How much will Korea
   * invest?"): the answer's first dollar figure is the pledge ("총 3500억 달러다."). */
  investQuestion?: boolean;
  /** The header of the table being read (./tables.ts), while its lines last. */
  table?: import("./tables").TableHeader;
  /** The latest tariff rate named: "the same rate", "같은 세율" refer back to it. */
  lastRate?: number;
}

/** One sentence with the parser matches inside it (offsets are the article's). */
export interface Unit {
  s: Sentence;
  amounts: AmountMatch[];
  percents: PercentMatch[];
  dates: DateMatch[];
  sectors: SectorMatch[];
  ctx: ArticleCtx;
}

export const round = (n: number) => Math.round(n * 1e6) / 1e6;
export const evidenceOf = (s: Sentence): Evidence => ({ start: s.start, end: s.end, text: s.text });
/** Text of the article between two offsets, clamped to the sentence. */
export const slice = (u: Unit, a: number, b: number) => u.s.text.slice(Math.max(0, a - u.s.start), Math.max(0, Math.min(u.s.end, b) - u.s.start));

// Clause boundaries inside a sentence (dashes, semicolons, colons, parentheses, commas before a new clause).
const CLAUSE_BREAK = /\s[—–]\s?|[—–;:()]|\s-\s|,\s(?=(?:which|while|who|but|although|though|as|after|before|when|adding|according|and\s(?:the|a|its|it|he|she|they))\b)|,\s|(?:고|며|면서|지만|는데),?\s/g;

export function clauseAt(u: Unit, pos: number): { start: number; end: number } {
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

/** `read` run once per sentence: the unit's kinds may ask for the same reading several times (the tariff candidates
 * per date, the earlier KOSPI sessions per move). */
export function oncePerUnit<T>(read: (u: Unit) => T): (u: Unit) => T {
  const seen = new WeakMap<Unit, T>();
  return (u) => {
    if (seen.has(u)) return seen.get(u)!;
    const out = read(u);
    seen.set(u, out);
    return out;
  };
}
