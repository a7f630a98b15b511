// Earlier KOSPI sessions a sentence names in passing, beside (or instead of) its own move: "after edging up 0.17% on
// Monday", "before recovering 1.14% to 5,549.85 on Monday", "then rebounded 3.56% on Tuesday to close at 6,747.95",
// "(a 0.8% dip on Tuesday)", "That came after a 3.09% jump on Thursday". Each is one session with its own change, day
// and (when given) close. Used by ./market-moves.ts.
import type { DateMatch } from "@/server/news/extract/dates";
import { oncePerUnit, slice, type Unit } from "./shared";

export interface SessionMove {
  changePct: number;
  level: number | null;
  day: DateMatch | null;
  /** Named as the session before the sentence's own ("the day before", "the previous session"), with no date of its own. */
  before?: boolean;
  start: number;
  end: number;
}

const DOWN_VERB = String.raw`slipp(?:ed|ing)|slid(?:ing)?|f(?:ell|alling)|dropp(?:ed|ing)|plung(?:ed|ing)|tumbl(?:ed|ing)|los(?:t|ing)|s(?:ank|inking)|declin(?:ed|ing)|dipp(?:ed|ing)|eas(?:ed|ing)|edg(?:ed|ing) (?:down|lower)`;
const UP_VERB = String.raw`r(?:ose|ising)|gain(?:ed|ing)|climb(?:ed|ing)|jump(?:ed|ing)|surg(?:ed|ing)|add(?:ed|ing)|advanc(?:ed|ing)|rall(?:ied|ying)|rebound(?:ed|ing)|recover(?:ed|ing)|edg(?:ed|ing) (?:up|higher)`;
const NUM = String.raw`([+\-−]?\d+(?:\.\d+)?)\s?(?:%|percent|per cent)`;
const BEFORE_WORD = /^(?:the previous (?:session|day|trading day)|the (?:session|day) before|a day earlier)$/i;
const DAY_WORD = String.raw`(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|yesterday|the previous (?:session|day|trading day)|the (?:session|day) before|a day earlier)`;
const LEVEL = String.raw`(?:\s+to\s+(?:close\s+at\s+|finish\s+at\s+)?(\d{1,2},\d{3}(?:\.\d+)?))?`;
// a verb of moving, after a word that chains it to the sentence's own move, then its day (and close)
const CHAINED = new RegExp(String.raw`\b(?:after|before|then)\s+(?:(?:had|having)\s+)?(?:a\s+flat\s+|(${DOWN_VERB})\s+|(${UP_VERB})\s+)${NUM}${LEVEL}\s+(${DAY_WORD})${LEVEL}`, "gi");
// a noun of moving with its day: "a 3.09% jump on Thursday", "an 8.95% plunge on July 13"
const NOUN = /^(?:slide|drop|fall|decline|loss|plunge|tumble|slump|sell-?off|retreat|rout|crash|dive|dip|skid|slip)$/i;
const UP_NOUN = /^(?:rally|gain|rise|jump|surge|rebound|advance|climb|leap|bounce)$/i;
const NOUN_MOVE = new RegExp(String.raw`\b(?:a|an)\s+(?:flat\s+|further\s+|sharp\s+|steep\s+)?${NUM}\s+([a-z-]+)\b`, "gi");

const level = (s: string | undefined) => (s ? Number(s.replace(/,/g, "")) : null);

/** The earlier sessions the sentence names, each with its day when the text gives one (read once per sentence). */
export const sessionMoves = oncePerUnit(readSessions);

function readSessions(u: Unit): SessionMove[] {
  const out: SessionMove[] = [];
  // (cheap test first: most sentences name no percent after "after/before/then" or "a/an")
  if (!/\d\s?(?:%|percent|per cent)/i.test(u.s.text)) return out;
  for (const m of u.s.text.matchAll(CHAINED)) {
    const at = u.s.start + m.index!;
    const end = at + m[0].length;
    const explicit = /^[+\-−]/.test(m[3]!);
    const sign = m[1] ? -1 : m[2] ? 1 : explicit && !/^[\-−]/.test(m[3]!) ? 1 : explicit ? -1 : 0;
    if (!sign) continue;
    const day = u.dates.find((d) => d.precision === "day" && d.start >= at && d.end <= end) ?? null;
    out.push({ changePct: sign * Math.abs(Number(m[3]!.replace("−", "-"))), level: level(m[4] ?? m[6]), day, before: !day && BEFORE_WORD.test(m[5]!.trim()), start: at, end });
  }
  for (const m of u.s.text.matchAll(NOUN_MOVE)) {
    const sign = NOUN.test(m[2]!) ? -1 : UP_NOUN.test(m[2]!) ? 1 : 0;
    const at = u.s.start + m.index!;
    const end = at + m[0].length;
    // its day right after the noun ("… jump on Thursday", "… plunge on July 13"), else none: a move with no day is
    // another period's ("a 5.5% gain over the week")
    const day = u.dates.find((d) => d.precision === "day" && d.start >= end && d.start <= end + 4) ?? null;
    if (!sign || !day || out.some((o) => o.start <= at && o.end >= end)) continue;
    if (/^\s*(?:over|for|in|this|last|across)\b/i.test(slice(u, end, end + 12))) continue;
    out.push({ changePct: sign * Math.abs(Number(m[1]!.replace("−", "-"))), level: null, day, start: at, end: day.end });
  }
  return out;
}

/** A move given with the close it reached: "lost 5.8% on Wednesday, closing at 6,471.17", "added 0.65% on Monday to
 * 5,846.09", "0.60% 내린 6258.77로", "12.06% 폭락해 5093.54까지". */
export interface LevelPair {
  changePct: number;
  level: number;
  /** The figure's start, and the end of the level's words. */
  start: number;
  end: number;
}

const LEVEL_NUM = String.raw`(\d{1,2},\d{3}(?:\.\d+)?|\d{3,5}\.\d+)`;
const DAY_BETWEEN = String.raw`(?:\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?`;
const LEVEL_AFTER_EN = new RegExp(String.raw`^${DAY_BETWEEN},?\s+(?:to|at|(?:closing|finishing|ending|settling)\s+at|to\s+(?:close|finish|end|settle)\s+at)\s+${LEVEL_NUM}(?!\d|[.,]\d)`, "i");
// (not a line crossed: "4,140선까지")
const LEVEL_AFTER_KO = new RegExp(String.raw`^[가-힣]{0,3}\s*${LEVEL_NUM}(?!\d|[.,]\d|\s*선)\s*(?:으로|로|에|까지)`);

/** The signed figures of the sentence that are followed by the close they reached, in order. */
export function levelPairs(u: Unit, signed: readonly { value: number; start: number; end: number }[]): LevelPair[] {
  const out: LevelPair[] = [];
  for (const p of signed) {
    const rest = slice(u, p.end, p.end + 60);
    const m = LEVEL_AFTER_EN.exec(rest) ?? LEVEL_AFTER_KO.exec(rest);
    const level = m ? Number(m[1]!.replace(/,/g, "")) : NaN;
    if (!m || !(level >= 300 && level <= 20000) || out.some((o) => o.start === p.start)) continue;
    out.push({ changePct: p.value, level, start: p.start, end: p.end + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Each pair's day: one inside its words ("added 0.65% on Monday to …"), else the last one after the pair before and
 * before its figure that no earlier pair took ("전날 4.58% 급락한 …", "이날도 0.60% 내린 …"), else one right after it
 * ("… at 5,808.53 on Friday"). */
export function pairDays(u: Unit, pairs: readonly LevelPair[]): (DateMatch | null)[] {
  const days = u.dates.filter((d) => d.precision === "day" && d.date !== null);
  const taken = new Set<DateMatch>();
  return pairs.map((p, i) => {
    const prevEnd = i > 0 ? pairs[i - 1]!.end : u.s.start;
    const d =
      days.find((x) => x.start >= p.start && x.end <= p.end) ??
      days.filter((x) => x.start >= prevEnd && x.end <= p.start && !taken.has(x)).at(-1) ??
      days.find((x) => x.start >= p.end && x.start <= p.end + 15 && (i === pairs.length - 1 || x.end <= pairs[i + 1]!.start));
    if (d) taken.add(d);
    return d ?? null;
  });
}
