// KOSPI moves: the day's change and/or closing level in a sentence naming KOSPI (or "the index" once the article has
// named it); a move over a year or a headline's range ("3%대 급락") is not the day's move.
import type { TimeFrame } from "@/server/news/extract/context";
import { parseIndexLevels, type PercentMatch } from "@/server/news/extract/numbers";
import type { MarketMoveFact } from "@/server/news/extract/types";
import { spanOf, why } from "@/server/news/extract/basis";
import { evidenceOf, slice, type Unit } from "./shared";
import { levelPairs, pairDays, sessionMoves } from "./market-sessions";

// ("KOSPI 200 futures" / "코스피200 선물" are another market)
const KOSPI = /\bKOSPI\b(?!\s?200)|\bKospi\b(?!\s?200)|코스피(?!\s?200)|Korea Composite Stock Price Index/g;
const OTHER_MARKETS = String.raw`KOSPI\s?200|Kospi\s?200|futures|KOSDAQ|Kosdaq|Nikkei|S&P|Dow|Nasdaq|Hang Seng|Topix|shares of|stock of|Samsung|Hyundai|SK Hynix|LG|Kia`;
const OTHER_MARKETS_KO = "코스피\\s?200|선물|코스닥|원화|환율|닛케이|삼성|현대";
const OTHER_INDEX = new RegExp(String.raw`\b(?:${OTHER_MARKETS}|won|yen|dollar)\b|${OTHER_MARKETS_KO}`);

export const namesKospi = (text: string) => new RegExp(KOSPI.source).test(text);

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
    // ("… closed at 4,042.83, a 2.6% jump": the noun after the figure gives its direction)
    if (/^\s*\)?\s*(?:higher|up|jump|gain|rise|rally|surge|rebound|advance|climb|leap)\b/i.test(after) || /^\s*\)?\s*(?:상승|올라|오른|급등|반등)/.test(after)) sign = 1;
    else if (/^\s*(?:drop|fall|decline|loss|plunge|tumble|slide|slump|dip|rout)\b/i.test(after)) sign = -1;
    else if (/^\s*\)?\s*(?:lower|down)\b/i.test(after) || /^\s*\)?\s*(?:하락|떨어|내린|내려|급락|밀려)/.test(after)) sign = -1;
    else if (/(?:points?|포인트),?\s*(?:or\s*|\()?\s*$/i.test(before)) sign = DOWN_WORDS.test(before) ? -1 : UP_WORDS.test(before) ? 1 : 0;
    // "to close up 2.73 percent", "ended down 0.4%"
    else if (/\b(?:close[ds]?|closing|finish(?:ed)?|end(?:ed)?|settle[ds]?)\s+(?:up|higher)\s+$/i.test(before)) sign = 1;
    else if (/\b(?:close[ds]?|closing|finish(?:ed)?|end(?:ed)?|settle[ds]?)\s+(?:down|lower)\s+$/i.test(before)) sign = -1;
    if (sign !== 0) out.push({ ...p, value: sign * Math.abs(p.value), signed: true });
  }
  return out;
}

// "the index", "the benchmark", "the main index": KOSPI when the article named it before and names no other index here
const INDEX_REF = /\bthe (?:(?:benchmark|main|key|broader|composite)\s+)?(?:index|benchmark|gauge)\b|(?:^|\s)(?:지수는|지수가)/gi;
const OTHER_MEASURE = /\b(?:sentiment|consumer|producer|price index|prices index|PMI|CPI|PPI|dollar index|volatility|VKOSPI|manufacturing|purchasing|leading)\b|심리|물가|지수 상승률/i;

/** A close reported with no day of its own ("이날 코스피는 … 마감했다", "the KOSPI closed 1.2% higher") is the session of
 * the publication day, when that day is known, is a weekday, and the sentence names no other time ("last week", "in
 * April"). */
function sessionOfPublication(u: Unit, frame: TimeFrame): string | null {
  // ("its biggest gain since March 2020" compares; "fell 8% in April" is another period)
  if (!frame.certain || u.dates.some((d) => !/^since\s/i.test(d.raw))) return null;
  const day = new Date(`${frame.anchor}T00:00:00Z`).getUTCDay();
  if (day === 0 || day === 6) return null;
  if (/\b(?:last (?:week|month|year|session)|previous (?:session|day|week)|yesterday|earlier (?:this|in the)|this (?:week|month|year)|so far|year[\s-]to[\s-]date|for the (?:week|month|year)|weekly|monthly)\b|지난주|지난달|전날|어제|올해|이번 주|이달|주간|월간/i.test(u.s.text)) return null;
  return /\b(?:closed?|closing|ended|finished|settled|(?:rose|fell|gained|lost|jumped|dropped|slid|climbed|tumbled|surged|soared|plunged|rallied|rebounded|advanced|declined|sank|slipped|added|shed)\b)|마감|장을 마쳤|거래를 마쳤|이날|오늘/i.test(u.s.text)
    ? frame.anchor
    : null;
}

/** "closed above 5,000 for the first time": a round line passed, not the close. */
const roundLinePassed = (u: Unit, lvAt: number, level: number) => level % 100 === 0 && /\b(?:above|below|over|past|beyond|under|through)\s+(?:the\s+)?$/i.test(u.s.text.slice(Math.max(0, lvAt - 12), lvAt));

/** "… to 4,086.89", "hit 2,400", "4,000선에": the level is where the index got to, not a line it is compared with. */
function reachedLevel(u: Unit, level: number): boolean {
  const at = u.s.text.indexOf(level.toLocaleString("en-US"));
  if (at < 0) return true;
  return /\b(?:at|to|hit|reached|touched)\s+$/i.test(u.s.text.slice(Math.max(0, at - 10), at)) || /^[\d,.]+\s*(?:선?(?:으로|로|에))/.test(u.s.text.slice(at, at + 16));
}

/** The words of a level in the sentence ("3,114.95"). */
function levelWords(u: Unit, level: number): [number, number] | null {
  for (const m of u.s.text.matchAll(/\d{1,2},\d{3}(?:\.\d+)?|\d{3,5}(?:\.\d+)?/g))
    if (Number(m[0].replace(/,/g, "")) === level) return [u.s.start + m.index!, u.s.start + m.index! + m[0].length];
  return null;
}

const DOWN_NOUN = /^(?:slide|drop|fall|decline|loss|plunge|tumble|slump|sell-?off|retreat|rout|crash|dive|dip|skid)$/i;
const UP_NOUN = /^(?:rally|gain|rise|jump|surge|rebound|advance|climb|leap|bounce)$/i;
// "more than erasing Wednesday's 1.74% slide", "giving back part of Monday's 1.30% rally"
// A second move in the sentence with its own level: "… after slipping 0.19% to 4,028.51 yesterday", "and added another
// 1.69% to 5,170.81 on Jan. 28", "on April 7, when it plunged 5.57 percent to 2,328.20"
const SECOND_MOVE = /\b(?:after|and|when it|when the index|before|then)\s+(?:had\s+)?(slipp(?:ed|ing)|slid(?:ing)?|f(?:ell|alling)|dropp(?:ed|ing)|plung(?:ed|ing)|tumbl(?:ed|ing)|los(?:t|ing)|sank|sinking|r(?:ose|ising)|gain(?:ed|ing)|climb(?:ed|ing)|jump(?:ed|ing)|surg(?:ed|ing)|add(?:ed|ing)(?: another)?|advanc(?:ed|ing))\s+(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)\s+(?:on\s+[A-Z]\w+\s+)?to\s+(\d{1,2},\d{3}(?:\.\d+)?)/gi;
// "on April 7, when it plunged 5.57 percent", "a reversal from Monday, when the KOSPI plunged 5.57 percent"
const WHEN_MOVED = /\bwhen (?:it|the index|the KOSPI|the Kospi|KOSPI|the benchmark)\s+(slipped|slid|fell|dropped|plunged|tumbled|lost|sank|rose|gained|climbed|jumped|surged|soared|added|advanced)\s+(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)/gi;
const SECOND_DOWN = /^(?:slip|slid|f|dropp|plung|tumbl|los|sank|sink)/i;
const DAYS_MOVE = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|yesterday)['’]s\s+(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)\s+([a-z-]+)/gi;
// "a day after falling 0.81%", "전날에는 1.74% 하락했다"
const DAY_AFTER = /\ba day after (falling|dropping|sliding|losing|declining|sinking|rising|gaining|climbing|jumping|advancing|rallying)\s+(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)|전날(?:에는|에도|엔)?\s*(\d+(?:\.\d+)?)\s*%\s*(하락|급락|떨어|내린|내렸|밀려|상승|급등|올랐|오른|반등)/gi;

function shiftDays(day: string, n: number): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** The trading day before `day` (weekends skipped; holidays are not known here). */
function sessionBefore(day: string): string {
  const t = new Date(`${day}T00:00:00Z`);
  do t.setUTCDate(t.getUTCDate() - 1);
  while (t.getUTCDay() === 0 || t.getUTCDay() === 6);
  return t.toISOString().slice(0, 10);
}

/** A session before the sentence's own, named in passing: its change, on the day named or the session before. */
function earlierMoves(u: Unit, main: MarketMoveFact): MarketMoveFact[] {
  const out: MarketMoveFact[] = [];
  const push = (value: number, date: string | null, start: number, end: number, cue: string, level: number | null = null) => {
    if (main.changePct !== null && Math.abs(main.changePct) === Math.abs(value)) return;
    out.push({ ...main, changePct: value, level, date, cue, basis: { changePct: why("signed", [start, end]), level: why(level === null ? "none" : "second-move", level === null ? null : [start, end]), date: why(date ? cue : "none") } });
  };
  for (const m of u.s.text.matchAll(DAYS_MOVE)) {
    const sign = DOWN_NOUN.test(m[2]!) ? -1 : UP_NOUN.test(m[2]!) ? 1 : 0;
    if (!sign) continue;
    const at = u.s.start + m.index!;
    const day = u.dates.find((d) => d.start >= at && d.start < at + 12 && d.precision === "day");
    push(sign * Number(m[1]), day?.date ?? null, at, at + m[0].length, "named-session");
  }
  for (const m of u.s.text.matchAll(SECOND_MOVE)) {
    const down = SECOND_DOWN.test(m[1]!);
    const at = u.s.start + m.index!;
    const end = at + m[0].length;
    // its day: right after the level ("… to 4,028.51 yesterday"), else just before the clause ("on April 7, when it plunged")
    const day = u.dates.find((d) => d.precision === "day" && d.start >= at && d.end <= end) ?? u.dates.find((d) => d.precision === "day" && d.start >= end && d.start <= end + 12) ?? u.dates.filter((d) => d.precision === "day" && d.end <= at && d.end >= at - 25).at(-1);
    const level = Number(m[3]!.replace(/,/g, ""));
    if (main.level === level) continue;
    push((down ? -1 : 1) * Number(m[2]), day?.date ?? null, at, end, "second-move", level);
  }
  // "its steepest drop since April 7, when it plunged 5.57 percent": a session named by its day, without a level
  for (const m of u.s.text.matchAll(WHEN_MOVED)) {
    const at = u.s.start + m.index!;
    if (/^\s+to\s+\d/.test(slice(u, at + m[0].length, at + m[0].length + 6))) continue; // (with a level: SECOND_MOVE's)
    const day = u.dates.filter((d) => d.precision === "day" && d.end <= at && d.end >= at - 6).at(-1);
    if (day?.date) push((SECOND_DOWN.test(m[1]!) ? -1 : 1) * Number(m[2]), day.date, at, at + m[0].length, "named-session");
  }
  for (const m of u.s.text.matchAll(DAY_AFTER)) {
    const down = /^(?:fall|drop|slid|los|declin|sink|하락|급락|떨어|내린|내렸|밀려)/i.test(m[1] ?? m[4]!);
    const at = u.s.start + m.index!;
    push((down ? -1 : 1) * Number(m[2] ?? m[3]), main.date ? sessionBefore(main.date) : null, at, at + m[0].length, "session-before");
  }
  // "after edging up 0.17% on Monday", "(a 0.8% dip on Tuesday)" (./market-sessions.ts)
  for (const m of sessionMoves(u)) {
    if (out.some((o) => o.changePct !== null && Math.abs(o.changePct) === Math.abs(m.changePct)) || (m.level !== null && m.level === main.level)) continue;
    push(m.changePct, m.day?.date ?? (m.before && main.date ? sessionBefore(main.date) : null), m.start, m.end, m.before ? "session-before" : "named-session", m.level);
  }
  return out;
}

export function marketFacts(u: Unit, frame: TimeFrame): MarketMoveFact[] {
  const main = marketFact(u, frame);
  if (main) {
    // "a reversal from Monday, when the KOSPI plunged 5.57 percent": the sentence's own move is the day before "when"
    const when = [...u.s.text.matchAll(WHEN_MOVED)].find((m) => main.changePct !== null && Math.abs(Number(m[2])) === Math.abs(main.changePct));
    const day = when ? u.dates.filter((d) => d.precision === "day" && d.date && d.end <= u.s.start + when.index! && d.end >= u.s.start + when.index! - 6).at(-1) : undefined;
    // (a move already made: a weekday read as ahead, "a reversal from Monday, when …", is the one before)
    const date = day?.date && day.kind === "weekday" && day.date > frame.anchor ? shiftDays(day.date, -7) : day?.date;
    const fixed = day ? { ...main, date: date!, basis: { ...main.basis, date: why("named-session", spanOf(day)) } } : main;
    return withPairs(u, frame, [fixed, ...earlierMoves(u, fixed)]);
  }
  // "That came after a 3.09% jump on Thursday": right after a sentence on KOSPI's move, sessions it names with their day
  if (!u.ctx.marketBefore || OTHER_INDEX.test(u.s.text) || OTHER_MEASURE.test(u.s.text)) return [];
  return sessionMoves(u)
    .filter((m) => m.day?.date)
    .map((m) => ({
      kind: "market_move" as const,
      index: "KOSPI" as const,
      changePct: m.changePct,
      level: m.level,
      date: m.day!.date,
      evidence: evidenceOf(u.s),
      confidence: 0,
      cue: "named-session",
      basis: { changePct: why("signed", [m.start, m.end]), level: why(m.level === null ? "none" : "second-move", m.level === null ? null : [m.start, m.end]), date: why("named-session", spanOf(m.day!)) },
    }));
}

// Another market named before a move (the currency only as "the won": "won it back on Thursday" is a verb)
const OTHER_BETWEEN = new RegExp(String.raw`\b(?:${OTHER_MARKETS}|the (?:won|yen|dollar))\b|${OTHER_MARKETS_KO}`);

/** The moves a sentence gives with the close each reached (./market-sessions.ts levelPairs): one pair lends its close to
 * the move; two or more are each a session, dated by the words around each ("코스피는 전날 4.58% 급락한 6296.38에 마감한 데
 * 이어 이날도 0.60% 내린 6258.77로 거래를 마쳤다"; "…, which had closed up 2.31% at 5,808.53 on Friday …, added 0.65% on
 * Monday to 5,846.09"), replacing what the other rules read of the same figures. */
function withPairs(u: Unit, frame: TimeFrame, found: MarketMoveFact[]): MarketMoveFact[] {
  const signed = u.percents.filter((p) => !p.points && p.signed).concat(signedByContext(u, u.s.start));
  // (not another market's: "while the KOSDAQ fell 2% to 700.12")
  // (nor an intraday swing: "fell as much as 1.2 percent to 2,950.10 early on but reversed to close up …")
  const intraday = (p: { start: number; end: number }) =>
    /\bas (?:much|low|high) as\b/i.test(slice(u, p.start - 14, p.end)) || /^[^.;]{0,12}\b(?:in early trade|intraday|early on|early in the session|in the morning)\b/i.test(slice(u, p.end, p.end + 40)) || /장중|장 초반|오전 한때/.test(slice(u, p.start - 20, p.start));
  const pairs = levelPairs(u, signed).filter((p, i, all) => !intraday(p) && !OTHER_BETWEEN.test(slice(u, i > 0 ? all[i - 1]!.end : u.s.start, p.start)));
  const same = (f: MarketMoveFact, p: { changePct: number }) => f.changePct !== null && Math.abs(f.changePct) === Math.abs(p.changePct);
  if (pairs.length === 1) {
    const p = pairs[0]!;
    return found.map((f) => (same(f, p) && f.level === null ? { ...f, level: p.level, basis: { ...f.basis, level: why("level", [p.start, p.end]) } } : f));
  }
  if (pairs.length < 2) return found;
  const days = pairDays(u, pairs);
  const moves = pairs.map((p, i): MarketMoveFact => {
    const day = days[i];
    // (the first, with no day of its own, is the session of the publication day: "was up 0.9% at 3,283 a little before
    // 11 a.m., after closing Wednesday up 0.74% at 3,254.47")
    const date = day?.date ?? (i === 0 ? sessionOfPublication({ ...u, dates: [] }, frame) : null);
    return {
      kind: "market_move",
      index: "KOSPI",
      changePct: p.changePct,
      level: p.level,
      date,
      evidence: evidenceOf(u.s),
      confidence: 0,
      cue: i === 0 ? "change-after-name" : "second-move",
      basis: { changePct: why("signed", [p.start, p.end]), level: why("level", [p.start, p.end]), date: day ? why(day.kind, spanOf(day)) : why(date ? "publication-session" : "none") },
    };
  });
  return [...moves, ...found.filter((f) => !pairs.some((p) => same(f, p) || f.level === p.level))];
}

// "직전 거래일인 지난 20일에도 2.31% 오른 5,808.53으로 마감": a close with no index named, after the article named KOSPI
const CLOSE_WORDS = /\b(?:closed|closing|ended|finished)\b|마감|(?:장|거래)(?:을|를)\s*마(?:쳤|쳐|치)/;

/** Where the sentence names KOSPI: by name, as "the index" once the article has named it, or (the sentence's start)
 * for a close with a level and no index named, after the article named KOSPI. */
function kospiAt(u: Unit): number | null {
  const named = new RegExp(KOSPI.source).exec(u.s.text);
  if (named) return u.s.start + named.index;
  if (!u.ctx.kospiBefore || OTHER_INDEX.test(u.s.text) || OTHER_MEASURE.test(u.s.text)) return null;
  const ref = new RegExp(INDEX_REF.source, "i").exec(u.s.text);
  if (ref) return u.s.start + ref.index;
  return CLOSE_WORDS.test(u.s.text) && parseIndexLevels(u.s.text).some((l) => l.level >= 300 && l.level <= 20000) ? u.s.start : null;
}

function marketFact(u: Unit, frame: TimeFrame): MarketMoveFact | null {
  const at = kospiAt(u);
  if (at === null) return null;
  // "3%대 급락" (in the 3% range), "3% 넘게": a headline's range, not the day's move ("rose as much as 1.8%" is one);
  // "has risen 33 percent year-to-date", "올해 들어 20% 상승": a move over a year or month, not a day's
  const approx = (p: PercentMatch) =>
    /^\s*(?:대|넘게|이상|안팎|남짓)/.test(slice(u, p.start + p.raw.search(/[%퍼]/) + 1, p.end + 6)) ||
    /\bover (?:a|the)\s+(?:[\w-]+\s+){0,2}(?:week|month|year|period|quarter)\b[^.;]{0,40}$/i.test(slice(u, u.s.start, p.start)) ||
    /^\s*(?:so far\s+)?(?:year[\s-]to[\s-]date|this year|so far this year|since (?:January|the start of the year)|on[\s-]year|year[\s-]on[\s-]year|from a year (?:earlier|ago)|this month|in (?:the first half|the first quarter|\d{4}))\b/i.test(slice(u, p.end, p.end + 30)) ||
    /(?:올해 들어|연초 대비|연초 이후|연중|(?:주간|월간|연간)(?:\s*등락률)?)\s*$/.test(slice(u, p.start - 12, p.start));
  // (a second move's own figure, "… and added another 1.69% to 5,170.81 on Jan. 28", is not the sentence's first)
  const seconds = [...u.s.text.matchAll(SECOND_MOVE)].map((m) => [u.s.start + m.index!, u.s.start + m.index! + m[0].length] as const);
  const inSecond = (p: PercentMatch) => seconds.some(([a, b]) => p.start >= a && p.end <= b);
  const moves = u.percents.filter((p) => !p.points && p.signed).concat(signedByContext(u, at)).filter((p) => !approx(p) && !inSecond(p)).sort((a, b) => a.start - b.start);
  const after = moves.filter((p) => p.start >= at && !OTHER_INDEX.test(slice(u, at, p.start)));
  // "fell as much as 1.19 percent to 4,890.72 in early trade but reversed course to close up 2.73 percent at 5,084.85":
  // the close, not the intraday swing, with the level after it
  const intraday = (p: PercentMatch) =>
    /\bas (?:much|low|high) as\b/i.test(p.raw) || /\bas (?:much|low|high) as\s+$/i.test(slice(u, p.start - 14, p.start)) || /^[^.;]{0,30}\b(?:in early trade|intraday|early (?:on|in the session)|in the morning)\b/i.test(slice(u, p.end, p.end + 50)) || /장중|오전 한때/.test(slice(u, p.start - 20, p.start));
  const closing = after.find((p, i) => i > 0 && /\b(?:close[ds]?|closing|finish(?:ed)?|end(?:ed)?|settle[ds]?)\b|마감|장을 마쳤/i.test(slice(u, p.start - 25, p.end + 25)));
  const pick = (after.length > 1 && intraday(after[0]!) && closing) || after[0] || (OTHER_INDEX.test(slice(u, u.s.start, at)) ? null : moves.filter((p) => p.end <= at).at(-1)) || null;
  let level: number | null = null;
  const levelFrom = pick && pick !== after[0] ? pick.start : at - 10;
  // (not past a second move's own level: "dipped 0.81 percent on Monday, then jumped 2.73 percent on Tuesday to 5,084.85")
  const second = pick ? [...u.s.text.matchAll(SECOND_MOVE)].find((m) => u.s.start + m.index! > pick.end) : undefined;
  const later = pick ? sessionMoves(u).find((m) => m.start > pick.end) : undefined;
  const levelTo = Math.min(second ? u.s.start + second.index! : u.s.end, later ? later.start : u.s.end);
  const lv = parseIndexLevels(u.s.text).find((l) => u.s.start + l.start >= levelFrom && u.s.start + l.start < levelTo);
  if (lv && lv.level >= 300 && lv.level <= 20000) level = lv.level;
  if (level === null) {
    const from = Math.max(at, levelFrom);
    const m = /(?:\b(?:at|to|of|hit|near|above|below)\s+|(?<=\s))(\d{1,2},\d{3}(?:\.\d+)?)(?:\s*(?:points?|level|mark|선)|(?=\s*(?:로|으로|에)))?/.exec(slice(u, from, levelTo));
    if (m && /(?:points?|level|mark|선|로|으로|에)|\b(?:at|to|hit|near|above|below)\s/.test(m[0] + slice(u, from + m.index + m[0].length, from + m.index + m[0].length + 4))) {
      const v = Number(m[1]!.replace(/,/g, ""));
      if (v >= 300 && v <= 20000) level = v;
    }
  }
  // a round line crossed ("2,400선을 내줬다", "6,600선으로 밀려났다") or the opening level ("3,071.74로 출발", "opened at") is
  // not where the index stood at the close
  if (level !== null) {
    const lvAt = u.s.text.indexOf(level.toLocaleString("en-US"), at - u.s.start);
    const around = lvAt >= 0 ? u.s.text.slice(lvAt, lvAt + 24) : "";
    // (nor is a mark ("above the 4,000 mark for the first time") or a target ("12개월 목표치를 6,500으로", "a year-end
    // target of 5,000"))
    const lead = u.s.text.slice(Math.max(0, lvAt - 30), lvAt);
    if (/^[\d,.]+\s*선|^[\d,.]+\s*(?:로|으로|에서)\s*(?:약세로?\s*|강세로?\s*|하락\s*|상승\s*)?(?:출발|시작|개장)|^[\d,.]+(?:\s*|-)(?:point\s+)?mark\b/.test(around) || /\bopen(?:ed|ing)?\s+(?:at\s+)?$/i.test(u.s.text.slice(Math.max(0, lvAt - 14), lvAt)) ||
      /\b(?:target|forecast|projection|outlook)s?\b[^.,;]{0,20}$|목표(?:치|지수)?[^.,;]{0,12}$|전망치[^.,;]{0,12}$/i.test(lead) || roundLinePassed(u, lvAt, level)) level = null;
  }
  if (!pick && level === null) return null;
  // the opening figure with no close beside it is not the session's move ("opened at 2,437.43, down roughly 2.7%"; an
  // intraday high stays one: the seeds label "rose as much as 1.8%"); a level with no word of closing or reaching is a
  // line ("began the year below 2,400")
  // ("09:15 — Opening bell: KOSPI down 1.2%": the opening named before the index)
  if (pick && !closing && (/\bopen(?:ed|ing|s)?\b/i.test(slice(u, at, pick.start)) || /\b(?:opening bell|at the open)\b|개장 직후|장 초반/i.test(slice(u, u.s.start, at)))) return null;
  if (!pick && !CLOSE_WORDS.test(u.s.text) && !reachedLevel(u, level!)) return null;
  // ("from Friday's close" names the session before, not this one)
  // (nor a day that belongs to a second move: "since April 7, when it plunged …", "then jumped … on Tuesday to …")
  const others = [...u.s.text.matchAll(WHEN_MOVED)].map((m) => [u.s.start + m.index! - 8, u.s.start + m.index! + m[0].length])
    .concat([...u.s.text.matchAll(SECOND_MOVE)].map((m) => [u.s.start + m.index!, u.s.start + m.index! + m[0].length]))
    .concat(sessionMoves(u).filter((m) => !pick || m.start > pick.end).map((m) => [m.start, m.end]));
  const own = u.dates.filter((x) => !/^['’]s\b/.test(slice(u, x.end, x.end + 3)) && !others.some(([a, b]) => x.end > a! && x.start < b!));
  const d = own.find((x) => x.precision === "day" && x.date !== null && (x.kind !== "weekday" || frame.certain));
  const session = d ? null : sessionOfPublication({ ...u, dates: own }, frame);
  return {
      kind: "market_move",
      index: "KOSPI",
      changePct: pick ? pick.value : null,
      level,
      date: d?.date ?? session,
      evidence: evidenceOf(u.s),
      confidence: 0,
      cue: pick ? (after.includes(pick) ? "change-after-name" : "change-before-name") : "level-only",
      basis: {
        changePct: why(pick ? "signed" : "none", spanOf(pick)),
        level: why(level === null ? "none" : "level", level === null ? null : levelWords(u, level)),
        date: d ? why(d.kind, spanOf(d)) : why(session ? "publication-session" : "none"),
      },
  };
}
