// Date mentions in trade-news text (English and Korean), resolved against the article's publication date — never
// the wall clock. Pure. Every match carries its [start, end) span.
//
// Precision: "day" mentions resolve to YYYY-MM-DD; "month" mentions ("in June", "early August", "6월") only to
// YYYY-MM with date = null, because the text does not name a day.
//
// Year rule for a month-day written without a year: take the publication year; if that date would lie more than
// YEAR_WINDOW_DAYS (~6 months) before publication, use the next year ("Jan. 2" published 2025-12-30 -> 2026-01-02);
// if it would lie more than YEAR_WINDOW_DAYS after publication, use the previous year ("Dec. 28" published
// 2026-01-03 -> 2025-12-28). Month-only mentions use the same rule on the 1st of the month. Wording that points ahead
// ("until", "through", "by", "deadline", "까지") never moves a date back a year ("through Dec. 31" published
// 2025-06-27 -> 2025-12-31).
//
// Weekdays (certain, per FACTS.md, because the publication date is known):
//   "last Monday"  -> the latest Monday strictly before publication;
//   "next Monday"  -> the first Monday strictly after publication;
//   "this Friday"  -> the Friday of publication's Monday–Sunday week;
//   bare / "on Wednesday" / "(수)" -> the nearest such day within publication -3..+3 days (news mostly says
//   "on Tuesday" for the last few days and "on Friday" for the next few).

import * as chrono from "chrono-node";

export const YEAR_WINDOW_DAYS = 183;

export type DatePrecision = "day" | "month";

export interface DateMatch {
  date: string | null; // YYYY-MM-DD when precision is "day"
  month: string; // YYYY-MM
  precision: DatePrecision;
  kind: "iso" | "month_day" | "weekday" | "month" | "day_of_month" | "relative";
  start: number;
  end: number;
  raw: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH_RE = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const FULL_MONTH_RE = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December)`;
const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  일: 0, 월: 1, 화: 2, 수: 3, 목: 4, 금: 5, 토: 6,
};

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const fmt = (t: number) => new Date(t).toISOString().slice(0, 10);

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(utc(y, m, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function parsePub(pub: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(pub);
  if (!m || !valid(+m[1]!, +m[2]!, +m[3]!)) throw new Error(`bad publication date: ${pub}`);
  return utc(+m[1]!, +m[2]!, +m[3]!);
}

/**
 * Year for a month(-day) written without one (see the rule at the top). `forward`: the wording points ahead
 * ("until Dec. 31", "by Jan. 5", "expires on", "까지") — a date later in the publication year then stays in it however
 * far ahead ("through Dec. 31" published June 27 is this December, not last); the rule for dates long past is unchanged
 * ("was suspended until July 9" published in October is this July).
 */
export function inferYear(month: number, day: number, pub: string, forward = false): number {
  const p = parsePub(pub);
  const y = new Date(p).getUTCFullYear();
  const diff = (utc(y, month, Math.min(day, 28)) - p) / DAY_MS;
  if (diff < -YEAR_WINDOW_DAYS) return y + 1;
  if (forward) return y;
  if (diff > YEAR_WINDOW_DAYS) return y - 1;
  return y;
}

// Wording right before a date that points ahead of publication.
const FORWARD_BEFORE = /\b(?:until|till|through|thru|by|before|no later than|deadline(?:\s+(?:of|on|is))?|expires?(?:\s+on)?|due(?:\s+(?:on|by))?|scheduled (?:for|on)|slated for|set for|will (?:\w+\s+){0,2}(?:on|from))\s+(?:the\s+)?$/i;
const BACKWARD_BEFORE = /\b(?:since|ago|as early as|back in|earlier on)\s+(?:the\s+)?$/i;
const FORWARD_AFTER_KO = /^\s*(?:까지|시한|마감)/; // right after the date, so never the 시한 of 제시한

/** Resolve a weekday (0 = Sunday) relative to the publication date. */
export function resolveWeekday(weekday: number, pub: string, mode: "bare" | "this" | "next" | "last"): string {
  const p = parsePub(pub);
  const pd = new Date(p).getUTCDay();
  let delta: number;
  if (mode === "next") delta = ((weekday - pd + 7) % 7) || 7;
  else if (mode === "last") delta = -(((pd - weekday + 7) % 7) || 7);
  else if (mode === "this") delta = ((weekday + 6) % 7) - ((pd + 6) % 7); // Monday-based week
  else {
    delta = (weekday - pd + 7) % 7; // 0..6
    if (delta > 3) delta -= 7; // -3..+3
  }
  return fmt(p + delta * DAY_MS);
}

interface Raw {
  start: number;
  end: number;
  m: DateMatch;
}

/** "4/7(월)", "4/24 (Thu)": month/day with its weekday, as tables and schedules write a day (the weekday makes it a
 * date, not a ratio). */
function slashDays(text: string, yearFor: (mo: number, d: number, s: number, e: number) => number, day: (kind: DateMatch["kind"], y: number, mo: number, d: number, s: number, e: number) => void) {
  // (or 부터 or a policy verb after it, as Korean memos write a day: "5/3 부과 개시 예정", "3/12부터"; not "1/3까지", a share)
  for (const m of text.matchAll(/(?<![\d/.])(1[0-2]|0?[1-9])\/(3[01]|[12]\d|0?[1-9])(?:\s*\((?:[일월화수목금토]|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?\)|(?=\s*(?:부터|발표|부과|시행|발효|개시|만료|종료)))/g)) {
    const mo = +m[1]!, d = +m[2]!;
    day("month_day", yearFor(mo, d, m.index!, m.index! + m[0].length), mo, d, m.index!, m.index! + m[0].length);
  }
}

/** Korean official dates: "2025. 11. 14.", "'25.11.14.", and "12.3.(현지시간)", "12.4.부터" (month and day, dotted, followed by a
 * bracket or a particle: not a decimal). */
function dottedDays(text: string, yearFor: (mo: number, d: number, s: number, e: number) => number, day: (kind: DateMatch["kind"], y: number, mo: number, d: number, s: number, e: number) => void) {
  // ("5.3(토)", "4.3부터", "’26.4.30까지": without the last dot when a weekday or 부터 follows, or 까지 after a year; not
  // "2.5까지", a figure)
  for (const m of text.matchAll(/(?<![\d.])(?:(20\d{2})\.\s?|['’](\d{2})\.\s?)?(1[0-2]|0?[1-9])\.\s?(3[01]|[12]\d|0?[1-9])(?:\.(?=\s*\(|\s*(?:부터|까지|자|에|일|이후|MOU|서명)|(?:\s|$))|(?=\([일월화수목금토]\)|부터)|(?<=['’]\d{2}\.\s?\d{1,2}\.\s?\d{1,2})(?=까지))/g)) {
    const mo = +m[3]!, d = +m[4]!;
    const full = m[1] ? +m[1] : m[2] ? 2000 + +m[2] : null;
    // (a bare "12.3." needs a bracket, a particle, a time or a table cell's end after it; "2.5. " alone may be a figure)
    if (full === null && !/^\s*(?:\(|부터|까지|자|에|일|이후|\||\d{1,2}:\d{2})/.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 7))) continue;
    day("month_day", full ?? yearFor(mo, d, m.index!, m.index! + m[0].length), mo, d, m.index!, m.index! + m[0].length);
  }
}

/** "1 August", "1 Aug 2025". */
function dayMonthDays(text: string, yearFor: (mo: number, d: number, s: number, e: number) => number, day: (kind: DateMatch["kind"], y: number, mo: number, d: number, s: number, e: number) => void) {
  const dm = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_RE})\b(?:,?\s+(\d{4})\b)?`, "g");
  for (const m of text.matchAll(dm)) {
    const mo = MONTHS[m[2]!.toLowerCase()]!, d = +m[1]!;
    const y = m[3] ? +m[3] : yearFor(mo, d, m.index!, m.index! + m[0].length);
    day("month_day", y, mo, d, m.index!, m.index! + m[0].length);
  }
}

/** The year of a month-day written without one, by the rule at the top and the words around it. */
function yearReader(text: string, pub: string) {
  const forwardAt = (s: number, e: number) =>
    FORWARD_BEFORE.test(text.slice(Math.max(0, s - 40), s)) || FORWARD_AFTER_KO.test(text.slice(e, e + 6));
  // "since February 24", "지난 … 이후": a day looked back on is never after publication
  // ("지난해 11월 1일", "올해 3월 12일", "내년 1월 1일": the year said before the day; "6월 4일부터 … 적용되고 있습니다": a start
  // that is running now lies behind)
  return (mo: number, d: number, s: number, e: number): number => {
    const said = /(지난\s?해|작년|올해|금년|내년|이듬해)\s*$/.exec(text.slice(Math.max(0, s - 8), s))?.[1]?.replace(/\s/g, "");
    const py = new Date(parsePub(pub)).getUTCFullYear();
    if (said) return said === "지난해" || said === "작년" ? py - 1 : said === "내년" || said === "이듬해" ? py + 1 : py;
    const y = inferYear(mo, d, pub, forwardAt(s, e));
    const back = BACKWARD_BEFORE.test(text.slice(Math.max(0, s - 20), s)) || /^\s*(?:\([^)]{1,12}\)\s*)?부터[^.]{0,50}?(?:되고\s?있|하고\s?있|적용\s?중|부과\s?중)/.test(text.slice(e, e + 70));
    return back && utc(y, mo, Math.min(d, 28)) > parsePub(pub) ? y - 1 : y;
  };
}

/** All date mentions in `text`, resolved against `pub` (YYYY-MM-DD). */
export function parseDates(text: string, pub: string): DateMatch[] {
  parsePub(pub);
  const found: Raw[] = [];
  const take = (start: number, end: number, m: Omit<DateMatch, "start" | "end" | "raw">) => {
    if (found.some((f) => start < f.end && f.start < end)) return;
    found.push({ start, end, m: { ...m, start, end, raw: text.slice(start, end) } });
  };
  const day = (kind: DateMatch["kind"], y: number, mo: number, d: number, s: number, e: number) => {
    if (valid(y, mo, d)) take(s, e, { date: `${y}-${pad(mo)}-${pad(d)}`, month: `${y}-${pad(mo)}`, precision: "day", kind });
  };
  // ISO 2025-08-01
  for (const m of text.matchAll(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g))
    day("iso", +m[1]!, +m[2]!, +m[3]!, m.index!, m.index! + m[0].length);

  // Korean: [2025년] 7월 9일 [(수)]
  const yearFor = yearReader(text, pub);
  for (const m of text.matchAll(/(?:(\d{4})년\s*)?(\d{1,2})월\s*(\d{1,2})일(?:\s*\([일월화수목금토]\))?/g)) {
    const mo = +m[2]!, d = +m[3]!;
    const y = m[1] ? +m[1] : yearFor(mo, d, m.index!, m.index! + m[0].length);
    day("month_day", y, mo, d, m.index!, m.index! + m[0].length);
  }

  slashDays(text, yearFor, day);
  dottedDays(text, yearFor, day);

  // "August 1, 2025", "Aug. 1", "July 9", "Apr 8" (not "May 2025", not "July 9th-ish" digits beyond 2)
  const md = new RegExp(String.raw`\b(${MONTH_RE})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(\d{4})\b)?`, "g");
  for (const m of text.matchAll(md)) {
    const mo = MONTHS[m[1]!.toLowerCase()]!, d = +m[2]!;
    const y = m[3] ? +m[3] : yearFor(mo, d, m.index!, m.index! + m[0].length);
    day("month_day", y, mo, d, m.index!, m.index! + m[0].length);
  }
  dayMonthDays(text, yearFor, day);

  dayOfMonthMentions(text, pub, take);
  koreanRelativeDays(text, pub, take);
  relativeMentions(text, pub, take);

  // Weekdays: "last/next/this/on Monday", bare "Monday", Korean "(수)" standing alone.
  for (const m of text.matchAll(/\b(?:(last|next|this|on)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g)) {
    const q = m[1]?.toLowerCase();
    const mode = q === "last" || q === "next" || q === "this" ? q : "bare";
    const date = resolveWeekday(WEEKDAYS[m[2]!.toLowerCase()]!, pub, mode);
    take(m.index!, m.index! + m[0].length, { date, month: date.slice(0, 7), precision: "day", kind: "weekday" });
  }
  koreanWeekdays(text, pub, take);
  for (const m of text.matchAll(/\(([일월화수목금토])\)/g)) {
    const date = resolveWeekday(WEEKDAYS[m[1]!]!, pub, "bare");
    take(m.index!, m.index! + m[0].length, { date, month: date.slice(0, 7), precision: "day", kind: "weekday" });
  }

  // Month precision: "in June", "early August", "mid-July", "late August 2025", "by end of June", "6월".
  const mon = new RegExp(
    String.raw`\b(?:(?:in|by|until|since|early|mid|late|end of|the end of)[\s-]+)(?:(?:early|mid|late)[\s-]+)?(${FULL_MONTH_RE})\b(?:,?\s+(\d{4})\b)?`,
    "g",
  );
  for (const m of text.matchAll(mon)) {
    const mo = MONTHS[m[1]!.toLowerCase()]!;
    const y = m[2] ? +m[2] : inferYear(mo, 1, pub);
    take(m.index!, m.index! + m[0].length, { date: null, month: `${y}-${pad(mo)}`, precision: "month", kind: "month" });
  }
  for (const m of text.matchAll(/(?:(\d{4})년\s*)?(?<!\d)(\d{1,2})월(?!\s*\d{1,2}일)/g)) {
    const mo = +m[2]!;
    if (mo < 1 || mo > 12) continue;
    const y = m[1] ? +m[1] : inferYear(mo, 1, pub);
    take(m.index!, m.index! + m[0].length, { date: null, month: `${y}-${pad(mo)}`, precision: "month", kind: "month" });
  }

  return found.sort((a, b) => a.start - b.start).map((f) => f.m);
}

/**
 * A bare weekday ("on Friday") resolved by parseDates to the nearest such day (publication -3..+3) moved by a week
 * when the wording says otherwise: past-tense wording ("said on Friday", "closed on Friday") never points after the
 * publication date, future wording ("will meet on Monday", "월요일 발표할 예정") never before it.
 */
export function adjustWeekdayForTense(date: string, pub: string, tense: "past" | "future" | null): string {
  if (tense === null) return date;
  const d = parsePub(date);
  const p = parsePub(pub);
  if (tense === "past" && d > p) return fmt(d - 7 * DAY_MS);
  if (tense === "future" && d < p) return fmt(d + 7 * DAY_MS);
  return date;
}

const FUTURE_WORDS = /\b(?:will|shall|is set to|are set to|is scheduled|are scheduled|is due|are due|is expected to|are expected to|plans? to|planning to|is to|are to|upcoming|next|(?:holds|convenes)\s+(?:a|an|the|its)\s+(?:[\w-]+\s+)?(?:hearing|meeting|talks|vote|summit|session))\b|(?:할|될|갈|올|낼|볼)\s*(?:예정|계획|방침|전망)|예정/;
const PAST_WORDS = /\b(?:said|says|told|announced|was|were|had|did|rose|fell|closed|ended|gained|lost|jumped|dropped|slid|surged|climbed|tumbled|met|held|signed|sent|posted|reported|unveiled|added|noted|\w{3,}ed)\b|했다|됐다|였다|었다|았다|밝혔|마감했/;

/** Tense of the wording around a date mention (within `sentence`), for adjustWeekdayForTense. */
export function tenseAround(sentence: string): "past" | "future" | null {
  if (FUTURE_WORDS.test(sentence)) return "future";
  if (PAST_WORDS.test(sentence)) return "past";
  return null;
}

/**
 * A day named by its number alone — Korean "오는 24일", "지난 9일", "다음 달 3일", "3일(현지시간)부터", English "on the
 * 24th" — in the publication month, or the month the wording points to: 다음 달/내달 the next, 지난달 the previous; "오는"
 * never before publication, "지난" never after; a bare number more than 20 days from publication's day is the
 * neighbouring month's (published 2 April, "28일" is 28 March). Only certain next to a real publication date (the
 * caller drops them otherwise). Durations ("90일간", "30일 이내", "7일 연속") are not days.
 */
function dayOfMonthMentions(text: string, pub: string, take: (s: number, e: number, m: Omit<DateMatch, "start" | "end" | "raw">) => void) {
  const p = new Date(parsePub(pub));
  const [py, pm, pd] = [p.getUTCFullYear(), p.getUTCMonth() + 1, p.getUTCDate()];
  const at = (monthShift: number, d: number, s: number, e: number) => {
    const m0 = pm - 1 + monthShift;
    const y = py + Math.floor(m0 / 12), mo = (((m0 % 12) + 12) % 12) + 1;
    if (valid(y, mo, d)) take(s, e, { date: `${y}-${pad(mo)}-${pad(d)}`, month: `${y}-${pad(mo)}`, precision: "day", kind: "day_of_month" });
  };
  // ("법안이 제출되는 달의 1일": the 1st of a month not yet known is no day)
  const ko = /(?:(오는|지난|이번\s?달|이달|다음\s?달|내달|지난\s?달|전달)\s*)?(?<![\d,월년~-]\s?)(?<!\d\.\s?)(?<!제\s?)(?<![는은]\s?달의?\s?)(\d{1,2})일(?!\s*(?:간|동안|째|이내|안에|만에|연속|치|분의|자로|자\s|이상|이후로))/g;
  let carried = null as { shift: number; end: number } | null;
  for (const m of text.matchAll(ko)) {
    const q = (m[1] ?? "").replace(/\s/g, ""), d = +m[2]!;
    const start = m.index! + (m[1] ? 0 : m[0].indexOf(m[2]!));
    const end = m.index! + m[0].length;
    // "다음 달 6일이며, 공청회는 7일부터": a bare day soon after a day in a named month is in that month
    const near: number | null = carried && start - carried.end < 40 && !/[.!?。]\s/.test(text.slice(carried.end, start)) ? carried.shift : null;
    const shift: number = q === "다음달" || q === "내달" ? 1 : q === "지난달" || q === "전달" ? -1 : q === "이번달" || q === "이달" ? 0
      : q === "오는" ? (d >= pd ? 0 : 1) : q === "지난" ? (d <= pd ? 0 : -1)
      : near ?? (d - pd > 20 ? -1 : d - pd < -20 ? 1 : 0);
    at(shift, d, start, end);
    carried = shift !== 0 || q ? { shift, end } : null;
  }
  for (const m of text.matchAll(/\b(?:on|by|from|until|till|before|after|since|through|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,) the (\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of|century|anniversary|time|day|round|consecutive|straight|annual|largest|biggest))/gi)) {
    const d = +m[1]!;
    const start = m.index! + m[0].indexOf("the");
    at(d - pd > 20 ? -1 : d - pd < -20 && /^(?:on|by|from|until|till|before|through|\w+day,)$/i.test(m[0].split(" ")[0]!) ? 1 : 0, d, start, m.index! + m[0].length);
  }
}

/**
 * English days named relative to publication — "today", "tomorrow", "yesterday", "tonight", "in two weeks", "three days
 * later", "10 days from now" — read with chrono-node's English casual parser against the publication day (UTC noon).
 * A library rather than more patterns: it knows the many ways English says a day relative to another, which a list of
 * ours would only enumerate. A window ("within 90 days") is not a day. Only certain next to a real publication date
 * (the caller drops them otherwise).
 */
function relativeMentions(text: string, pub: string, take: (s: number, e: number, m: Omit<DateMatch, "start" | "end" | "raw">) => void) {
  if (!/\b(?:today|tonight|tomorrow|yesterday|later|from now|ago|in (?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:days?|weeks?))\b/i.test(text)) return;
  const instant = new Date(parsePub(pub) + DAY_MS / 2);
  for (const r of chrono.en.casual.parse(text, { instant, timezone: 0 })) {
    const tags = [...r.tags()].join(" ");
    if (!/casualReference\/(?:today|tonight|tomorrow|yesterday)|result\/relativeDate/.test(tags) || /^within\b/i.test(r.text)) continue;
    // ("next week" is a week, not a day)
    if (/^(?:next|this|last|the coming)\s+(?:week|month|year)$/i.test(r.text.trim())) continue;
    // ("a week from yesterday": an offset from the day, not the day)
    if (/\b(?:days?|weeks?|months?)\s+from\s+$/i.test(text.slice(Math.max(0, r.index - 14), r.index))) continue;
    if (!r.start.isCertain("day") && !/casualReference/.test(tags)) continue;
    const date = fmt(Date.UTC(r.start.get("year")!, r.start.get("month")! - 1, r.start.get("day")!));
    take(r.index, r.index + r.text.length, { date, month: date.slice(0, 7), precision: "day", kind: "relative" });
  }
}

/** Korean weekdays: "다음 주 수요일" (the week after this one), "지난주 금요일", "이번 주 월요일", bare "수요일". */
function koreanWeekdays(text: string, pub: string, take: (s: number, e: number, m: Omit<DateMatch, "start" | "end" | "raw">) => void) {
  for (const m of text.matchAll(/(?:(지난\s?주|다음\s?주|이번\s?주)\s*)?([일월화수목금토])요일/g)) {
    const q = m[1]?.replace(/\s/g, "");
    const shift = q === "다음주" ? 7 : q === "지난주" ? -7 : 0;
    const t = new Date(`${resolveWeekday(WEEKDAYS[m[2]!]!, pub, q ? "this" : "bare")}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + shift);
    const date = t.toISOString().slice(0, 10);
    take(m.index!, m.index! + m[0].length, { date, month: date.slice(0, 7), precision: "day", kind: "weekday" });
  }
}

/** Korean days relative to publication: 오늘/이날/당일 (that day), 내일 (the next), 어제/전날 (the one before). */
function koreanRelativeDays(text: string, pub: string, take: (s: number, e: number, m: Omit<DateMatch, "start" | "end" | "raw">) => void) {
  const p = parsePub(pub);
  for (const m of text.matchAll(/(?<![가-힣])(오늘|이날|당일|내일|어제|전날)(?=[은는도의이가에\s,]|부터|까지)/g)) {
    const shift = m[1] === "내일" ? 1 : m[1] === "어제" || m[1] === "전날" ? -1 : 0;
    const date = fmt(p + shift * DAY_MS);
    take(m.index!, m.index! + m[1]!.length, { date, month: date.slice(0, 7), precision: "day", kind: "relative" });
  }
}
