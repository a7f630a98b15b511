// Assembling FACTS.md facts from an article's text: sentences → the parsers' matches (amounts, percents, dates,
// sectors, index levels) → facts by the wording of trade news around them (English and Korean), one module per fact
// kind in ./kinds/. Pure: no I/O, no clock; the publication date comes in through the time frame (./context.ts).
//
// Each fact's evidence is the sentence it was read from; restatements of one figure in an article collapse into one
// fact (the most confident, then the earliest).
import { adjustWeekdayForTense, parseDates, tenseAround, type DateMatch } from "./dates";
import { parseAmounts, parsePercents } from "./numbers";
import { findSectors } from "./sectors";
import { splitSentences, type Sentence } from "./sentences";
import { timeFrame, type TimeFrame } from "./context";
import type { Fact } from "./types";
import { calibrated } from "./calibration";
import { why } from "./basis";
import { deadlineFacts } from "./kinds/deadlines";
import { marketFacts, namesKospi } from "./kinds/market-moves";
import { moneyFacts } from "./kinds/money";
import { speaksOfUsInvestment } from "./kinds/investment-pledges";
import { tableLine } from "./kinds/tables";
import { seriesSessions } from "./kinds/series-sessions";
import { slice, type ArticleCtx, type Unit } from "./kinds/shared";
import { taxFacts } from "./kinds/tax-changes";
import { mentionsTariffs, SAME_RATE } from "./kinds/tariff-candidates";
import { EFFECTIVE_AFTER_KO, EFFECTIVE_BEFORE, tariffFacts } from "./kinds/tariff-rates";
import { bareRateSectors, linkToMeasure, replacedBeforePublication, sectorRateEnded, type KnownMeasure } from "./measures";
import { dateFromCloses, type DailyClose } from "./closes";

/** What the tracker already knows, which stated facts are linked to (both optional). */
export type Tracked = { measures?: readonly KnownMeasure[]; closes?: readonly DailyClose[] };

/** The matches inside one sentence (offsets are the article's). */
const within = <T extends { start: number; end: number }>(xs: T[], s: Sentence) => xs.filter((x) => x.start >= s.start && x.end <= s.end);

// A question or a Q&A heading about the investment: short, asks ("?", "…는.", "Q:", "─ "), names it
// (also "What exactly did Korea promise?")
const INVEST_QUESTION = /^(?=.{0,80}$)(?:Q[.:]?\s|[─—–-]\s*)?.*(?:투자|invest|(?:Korea|Seoul)\b.*\b(?:promise|pledge|commit)).*(?:\?|[은는]\.?|[나까가]\.|요\?)$/i;

/** Each sentence with its matches, read by every fact kind in turn; the article so far tells later sentences what
 * "the index" and "of the fund" refer to. */
export function extractWithFrame(text: string, frame: TimeFrame, tracked: Tracked = {}): Fact[] {
  const { measures = [], closes = [] } = tracked;
  const sentences = splitSentences(text);
  const amounts = parseAmounts(text);
  const percents = parsePercents(text);
  const dates = resolvedDates(text, sentences, frame);
  const sectors = findSectors(text);
  const facts: Fact[] = [];
  const ctx: ArticleCtx = { tariffs: mentionsTariffs(text), kospiBefore: false, pledgeBefore: false, usInvestment: speaksOfUsInvestment(text) };
  // (where the latest sentence's rates are in `facts`: a sentence after them may give their start day)
  let lastRates: number[] = [];
  const units: Unit[] = [];
  for (const s of sentences) {
    const u: Unit = { s, amounts: within(amounts, s), percents: within(percents, s), dates: within(dates, s), sectors: within(sectors, s), ctx: { ...ctx } };
    units.push(u);
    const mark = facts.length;
    const rowFacts = tableLine(u, ctx, frame);
    const backDay = u.percents.length ? null : datedBackReference(u);
    if (backDay) for (const i of lastRates) facts[i] = withStartDay(facts[i]!, backDay, frame);
    if (u.percents.length || SAME_RATE.test(s.text)) {
      const rates = tariffFacts(u, frame).flatMap((f) => bareRateSectors(f, frame, measures, u.sectors.map((x) => x.sector), ctx.lastSectors ?? []));
      if (rates.length) lastRates = rates.map((_, i) => facts.length + i);
      facts.push(...rates);
      if (rates.length) ctx.lastRate = rates.at(-1)!.ratePct;
      const named = rates.filter((f) => f.cue === "bound" || f.cue === "loose:sector").map((f) => f.sector);
      if (named.length) ctx.lastSectors = [...new Set(named)];
      facts.push(...taxFacts(u, frame));
    }
    if (u.dates.length) facts.push(...deadlineFacts(u, frame));
    const moves = u.percents.length || /\d,\d{3}/.test(s.text) ? marketFacts(u, frame) : [];
    facts.push(...moves);
    ctx.marketBefore = moves.length > 0;
    if (u.amounts.length) {
      const money = moneyFacts(u, frame);
      facts.push(...money);
      if (money.some((f) => f.kind === "investment_pledge")) ctx.pledgeBefore = true;
    }
    // a table row's facts stand for what the sentence rules read of the same kinds in it
    if (rowFacts.length) {
      const kinds = new Set(rowFacts.map((f) => f.kind));
      facts.splice(mark, facts.length - mark, ...facts.slice(mark).filter((f) => !kinds.has(f.kind)), ...rowFacts);
      // (the row's rates moved in `facts`: a later sentence's start day is not theirs to take)
      if (kinds.has("tariff_rate")) lastRates = [];
    }
    if (namesKospi(s.text)) ctx.kospiBefore = true;
    ctx.investQuestion = INVEST_QUESTION.test(s.text.trim());
  }
  // (sessions the wording rules left out, found by agreeing with the tracker's closes)
  if (namesKospi(text)) facts.push(...seriesSessions(units, facts, frame, closes));
  const kept = facts.filter((f) => !replacedBeforePublication(f, frame, measures) && !supersededProposal(f, facts));
  // (after the siblings' statuses are linked: a threat to go back to a rate is not that rate in force)
  const linked = siblingsLinked(kept.map((f) => dateFromCloses(linkToMeasure(f, frame, measures), frame, closes)));
  return dedupe(linked.filter((f) => !sectorRateEnded(f, frame, measures))).map(calibrated);
}

/** Facts of an article (FACTS.md shapes) with evidence; `publishedOn` null → the text's own date stamp, if any. Rates
 * the sentence only names take their status from the tracker's `measures` (./measures.ts), and KOSPI moves their day
 * from its `closes` (./closes.ts), when given. */
export function extractArticleFacts(text: string, publishedOn: string | null, tracked: Tracked = {}): { facts: Fact[]; frame: TimeFrame } {
  const frame = timeFrame(text, publishedOn);
  return { facts: extractWithFrame(text, frame, tracked), frame };
}

/** The article's dates, with bare weekdays moved to the week the wording around them points to (past or ahead). */
function resolvedDates(text: string, sentences: Sentence[], frame: TimeFrame): DateMatch[] {
  const all = sameDay(text, underYearHeadings(text, parseDates(text, frame.anchor)));
  const out: DateMatch[] = [];
  for (const d of all) {
    if (d.kind === "day_of_month" || d.kind === "relative") {
      if (frame.certain) out.push(d); // "오는 24일", "tomorrow" name a day only next to a known publication date
      continue;
    }
    if (d.kind !== "weekday") {
      out.push(d);
      continue;
    }
    if (!frame.certain) continue; // a bare weekday is certain only next to a known publication date
    if (/^(?:last|next)\s/i.test(d.raw)) {
      out.push(d);
      continue;
    }
    const s = sentences.find((x) => d.start >= x.start && d.end <= x.end);
    // "this Tuesday" keeps the parser's reading, unless a start word before it points ahead ("starting this Tuesday")
    if (/^this\s/i.test(d.raw)) {
      const ahead = s && /\b(?:starting|from|beginning|effective|until|by)\s+$/i.test(s.text.slice(Math.max(0, d.start - s.start - 14), d.start - s.start));
      const date = ahead ? adjustWeekdayForTense(d.date!, frame.anchor, "future") : d.date!;
      out.push({ ...d, date, month: date.slice(0, 7) });
      continue;
    }
    const around = s ? s.text.slice(Math.max(0, d.start - s.start - 50), Math.min(s.text.length, d.end - s.start + 40)) : d.raw;
    const lead = s ? s.text.slice(Math.max(0, d.start - s.start - 14), d.start - s.start) : "";
    const lead40 = s ? s.text.slice(Math.max(0, d.start - s.start - 40), d.start - s.start) : "";
    const tense = POSSESSIVE_MOVE.test(text.slice(d.end, d.end + 30)) || /\bsince\s+$/i.test(lead) ? "past" : /\b(?:starting|from|beginning|effective|until|till|by|before|through)\s+$/i.test(lead) ||
      /\b(?:takes? effect|takes? hold|due|set for|scheduled for|slated for|expires?|begins?|starts?|kicks? in)\s+(?:on\s+)?$|\b(?:rises?|doubles?|climbs?|jumps?|falls?|drops?|goes up|go up)\s+to\s+\d+(?:\.\d+)?\s?(?:%|percent|per cent)\s+(?:on\s+)?$/i.test(lead40)
      ? "future"
      : // the verb right before the day decides before the sentence's other words do ("took effect on Thursday, a day
        // after …", "signed on Monday")
        PAST_VERB_BEFORE.test(lead40) ? "past" : tenseAround(around);
    const date = adjustWeekdayForTense(d.date!, frame.anchor, tense);
    out.push({ ...d, date, month: date.slice(0, 7) });
  }
  // "두 번째 시한은 7월 24일이다. … 관세가 이날 만료된다": 이날 after a sentence that ends by naming a day is that day
  const named = (d: DateMatch) => {
    if (d.kind !== "relative" || d.raw !== "이날") return d;
    const prev = sentences.filter((x) => x.end <= d.start).at(-1);
    const day = prev && /일(?:\([^)]{1,6}\))?\s*(?:이다|이었다|였다|입니다)[.]?$/.test(prev.text) ? out.filter((o) => o.start >= prev.start && o.end <= prev.end && o.precision === "day" && o.date && o.kind !== "relative").at(-1) : undefined;
    return day ? { ...d, date: day.date, month: day.month } : d;
  };
  // "on Wednesday, the 9th", "Saturday, April 5": the day after the weekday says which one it is
  return out.map(named).map((d) => {
    const day = d.kind === "weekday" ? out.find((o) => o.start >= d.end && o.start - d.end <= 3 && /^,?[ \t]*$/.test(text.slice(d.end, o.start)) && (o.kind === "month_day" || o.kind === "day_of_month" || o.kind === "iso") && o.date) : undefined;
    return day ? { ...d, date: day.date, month: day.month } : d;
  });
}

// A chronology's year heading, alone on its line ("2025", "■ 2026년"): the month-days under it written without a year
// are of that year, whatever the publication date ("March 12 — …" under "2025" in an article of March 2026).
const YEAR_HEADING = /^[ \t■□▶►●◆#*|-]*((?:19|20)\d{2})년?[ \t]*[:：]?[ \t]*$/gm;
function underYearHeadings(text: string, dates: DateMatch[]): DateMatch[] {
  const headings = [...text.matchAll(YEAR_HEADING)].map((m) => ({ at: m.index!, year: m[1]! }));
  if (headings.length === 0) return dates;
  return dates.map((d) => {
    const h = headings.filter((x) => x.at < d.start).at(-1);
    if (!h || d.date === null || d.kind !== "month_day" || /\d{4}/.test(d.raw) || d.date.startsWith(h.year)) return d;
    const date = `${h.year}${d.date.slice(4)}`;
    return { ...d, date, month: date.slice(0, 7) };
  });
}

// "The same day, U.S. steel and aluminum duties double to 50%", "같은 날 0시 1분 발효됐지만": the day named just before
// ("since that day", "그날부터": the day named before, too)
const SAME_DAY = /\b(?:the|that)\s+same\s+day\b|\b(?<=(?:since|from|on)\s+)that\s+day\b|같은\s?날|(?<![가-힣])그날/gi;
function sameDay(text: string, dates: DateMatch[]): DateMatch[] {
  const out = [...dates];
  for (const m of text.matchAll(SAME_DAY)) {
    const prev = dates.filter((d) => d.precision === "day" && d.date !== null && d.kind !== "relative" && d.end <= m.index! && m.index! - d.end <= 600).at(-1);
    if (prev) out.push({ date: prev.date, month: prev.month, precision: "day", kind: "relative", start: m.index!, end: m.index! + m[0].length, raw: m[0] });
  }
  return out.sort((a, b) => a.start - b.start);
}

// "recovering from Tuesday's 1.28 percent slide", "Monday's close": a session already traded
const POSSESSIVE_MOVE = /^['’]s\s+(?:\d+(?:\.\d+)?\s?(?:%|percent|per cent)|close|closing|session|trading|rout|slide|drop|fall|plunge|rally|gain|rebound|sell-?off)\b/i;
// ("proclaimed by the White House on Wednesday": a participle and its agent)
const PAST_VERB_BEFORE = /\b(?:took effect|went into effect|came into (?:force|effect)|kicked in|(?!(?:scheduled|slated|expected|planned|set|due|needed|required|asked)\b)[a-z]{3,}ed|was|were)\s+(?:by\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,3})?(?:on\s+)?$/i;

// Restatements of one figure share a key (kind and figure); the better fact of each key stays.
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

// How directly a fact's rule reads it (before calibration): a rate bound by its tariff phrase over a sector nearby over
// one on all goods, a day named with deadline wording over one in a deadline clause, a move after the index's name.
const STRONG_CUES = new Set(["bound", "near", "change-after-name", "budget-words-near", "with-us", "pledged-to-invest"]);
const strength = (f: Fact) => (STRONG_CUES.has(f.cue ?? "") ? 2 : f.cue === "loose:all_goods" || f.cue === "loose:other" ? 0 : 1);

function better(a: Fact, b: Fact): Fact {
  // trade balances: the one that names the year wins
  if (a.kind === "trade_balance" && b.kind === "trade_balance" && (a.year === null) !== (b.year === null))
    return a.year !== null ? a : b;
  if (a.kind === "tariff_rate" && b.kind === "tariff_rate" && (a.effective === null) !== (b.effective === null))
    return a.effective !== null ? a : b;
  if (strength(b) !== strength(a)) return strength(b) > strength(a) ? b : a;
  // a rate read from a verb of its own over one read from a headline's "deal"/"set" or from no verb at all
  if (a.kind === "tariff_rate" && b.kind === "tariff_rate" && WEAK_STATUS.has(a.basis?.status?.cue ?? "") && !WEAK_STATUS.has(b.basis?.status?.cue ?? "")) return b;
  return a;
}
const WEAK_STATUS = new Set(["no-verb", "announce-words"]);

// "he would lift the tariffs on Korean autos, lumber and pharmaceuticals, and the reciprocal tariff, from 15 to 25
// percent": one figure for several sectors has one status; when the tracker knows the measure of one of them (the
// threat on all goods) and the words gave none, the others take its status
const UNREAD = new Set(["no-verb", "announce-words"]);
function siblingsLinked(facts: Fact[]): Fact[] {
  const linked = new Map<string, Fact>();
  const spanOf = (f: Fact) => (f.kind === "tariff_rate" && f.basis?.ratePct?.at ? `${f.basis.ratePct.at[0]}:${f.ratePct}` : null);
  for (const f of facts) if (spanOf(f) && /^measure:/.test(f.basis?.status?.cue ?? "")) linked.set(spanOf(f)!, f);
  return facts.map((f) => {
    const from = spanOf(f) ? linked.get(spanOf(f)!) : undefined;
    if (!from || from === f || f.kind !== "tariff_rate" || from.kind !== "tariff_rate" || !UNREAD.has(f.basis?.status?.cue ?? "")) return f;
    return { ...f, status: from.status, basis: { ...f.basis, status: from.basis!.status! } };
  });
}

// "The government had submitted a 12.2 trillion won plan …, after first floating a package of around 10 trillion won",
// in an article that reports the budget passed: the earlier figures are not budgets of their own
// ("처음 제시한 '10조원 필수 추경' 구상"; "(정부안 12조2000억원)" right before the figure, whatever else the line says)
const EARLIER_PROPOSAL = /\bhad\s+(?:first\s+)?(?:submitted|proposed|floated|sought|requested|asked for)\b|\b(?:first|initially|originally)\s+(?:floating|floated|proposed|proposing|sought)\b|정부안(?!에서)|당초|처음\s?(?:제시|내놓|제출)한/i;
const PASSED = /\b(?:passed|approved|cleared|enacted)\b|통과|의결|확정/i;
function supersededProposal(f: Fact, facts: Fact[]): boolean {
  if (f.kind !== "budget") return false;
  const at = f.basis?.amount?.at?.[0];
  const named = at !== undefined && /(?:정부안|정부 제출안|\bgovernment(?:'s|’s)? (?:proposal|plan) of)\s*$/i.test(f.evidence.text.slice(Math.max(0, at - f.evidence.start - 14), at - f.evidence.start));
  if (!named && (!EARLIER_PROPOSAL.test(f.evidence.text) || PASSED.test(f.evidence.text))) return false;
  return facts.some((o) => o !== f && o.kind === "budget" && o.currency === f.currency && o.amount > f.amount && PASSED.test(o.evidence.text));
}

/** A budget in dollars that is a won budget of the article converted ("Extra Budget to $9.7 Billion" over "13.8 trillion
 * won"): a conversion is not a second budget. */
function convertedBudget(f: Fact, facts: Fact[]): boolean {
  if (f.kind !== "budget" || f.currency !== "USD") return false;
  return facts.some((o) => o.kind === "budget" && o.currency === "KRW" && o.amount / f.amount >= 1000 && o.amount / f.amount <= 1700);
}

// A sentence with no figure that gives the start day of the rate just named, referring back to it: "The rate for South
// Korea … is scheduled to take effect on April 9.", "The reduction applies retroactively to goods entered on or after …
// November 1, 2025", "이 관세는 다음 달 3일부터 부과된다"
const BACK_REF = /\b(?:the (?:(?:new|lower|higher|reduced|country|reciprocal|same) )?(?:rate|levy|duty|tariff|cut|reduction|increase|hike)s?|(?:these|those|the) (?:duties|levies|tariffs|rates|measures|orders|proclamations|changes|new rates))\b(?! (?:on|for) (?!(?:South )?Korea))|(?:이|해당|인하된|새|이번)\s?(?:관세|세율)|(?:^|\s)(?:인하|인상)(?:는|가|분은)\s/i;
// ("11월 1일 이후 통관분부터 거슬러 적용된다": the day, then what it applies from)
const KO_APPLIES_FROM = /^\s*(?:이후\s*)?[^.]{0,20}?(?:부터|로)\s*(?:소급|거슬러)?\s*(?:적용|부과|시행)/;
function datedBackReference(u: Unit): DateMatch | null {
  if (!BACK_REF.test(u.s.text)) return null;
  for (const d of u.dates) {
    if (d.precision !== "day" || d.date === null) continue;
    if (EFFECTIVE_BEFORE.test(slice(u, d.start - 60, d.start)) || EFFECTIVE_AFTER_KO.test(slice(u, d.end, d.end + 60)) || KO_APPLIES_FROM.test(slice(u, d.end, d.end + 40))) return d;
  }
  return null;
}

/** A rate with the start day a later sentence gave it, when its own sentence gave none. */
function withStartDay(f: Fact, d: DateMatch, frame: TimeFrame): Fact {
  if (f.kind !== "tariff_rate" || f.effective !== null || f.status === "proposed" || f.status === "paused") return f;
  const ahead = frame.certain && d.date! > frame.anchor;
  const weak = ["no-verb", "announce-words", "proposal-words"].includes(f.basis?.status?.cue ?? "");
  return { ...f, effective: d.date, status: weak ? (ahead ? "announced" : "in_effect") : f.status, basis: { ...f.basis, effective: why(`referred:${d.kind}`, [d.start, d.end]) } };
}

function dedupe(facts: Fact[]): Fact[] {
  const byKey = new Map<string, Fact>();
  for (const f of facts) {
    if (convertedBudget(f, facts)) continue;
    const k = keyOf(f);
    const had = byKey.get(k);
    byKey.set(k, had ? better(had, f) : f);
  }
  return [...byKey.values()].sort((a, b) => a.evidence.start - b.evidence.start);
}
