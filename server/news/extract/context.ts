// The time frame of an article: its publication date when the text states one (a date stamp near the top or bottom:
// "Published April 8, 2025", "입력 2025.04.08 14:03", an ISO or dotted date alone on a line), else the year the
// article's undated month-days most likely belong to. Pure.
//
// Without a publication date:
//   1. a weekday pinned to a month-day ("Tuesday (Apr 8)", "on Monday, July 7") fixes the year: the first year from
//      the latest year the text mentions (or 2015) on which that day is that weekday;
//   2. else the latest year of a full date in the text ("April 2, 2025", "2025-04-02", "2025년 4월 2일");
//   3. else the caller's fallback year (the tracked story's year, DEFAULT_REFERENCE_YEAR).
// A wire dateline ("SEOUL, July 23 (Reuters) -") counts as the publication date (year as above when unwritten).
// Bare weekdays are resolved only with a publication date (FACTS.md: a weekday is certain only next to a known
// publication date); month-days without a year take the reference year (less certain, lower confidence).

import { splitSentences } from "./sentences";

export const DEFAULT_REFERENCE_YEAR = 2025;

export interface TimeFrame {
  /** The publication date (YYYY-MM-DD) when given or stated in the text; null otherwise. */
  publishedOn: string | null;
  /** The date the date parser resolves against: the publication date, or mid-year of the reference year. */
  anchor: string;
  /** Whether the anchor is a real publication date (weekdays resolvable, years certain). */
  certain: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const WEEKDAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const pad = (n: number) => String(n).padStart(2, "0");
const monthNo = (name: string) => MONTHS[name.slice(0, 3).toLowerCase()]!;

function valid(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
const iso = (y: number, m: number, d: number) => (valid(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null);

/** A date written with its year in `s`, if any (first one). */
function fullDateIn(s: string): string | null {
  // (a Korean official date spaces its dots: "2025. 12. 4.")
  let m = /(?<!\d)(\d{4})[-./]\s?(\d{1,2})[-./]\s?(\d{1,2})(?!\d)/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  // a two-digit year with its Korean weekday, which must fit: "25.11.17(월)"
  m = /(?<![\d.])(\d{2})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?\s*\(([일월화수목금토])\)/.exec(s);
  const short = m ? iso(2000 + +m[1]!, +m[2]!, +m[3]!) : null;
  if (m && short && new Date(`${short}T00:00:00Z`).getUTCDay() === "일월화수목금토".indexOf(m[4]!)) return short;
  // an American numeric date, month first ("12/08/2025"), unless the first number cannot be a month
  m = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/.exec(s);
  if (m) return +m[1]! > 12 ? iso(+m[3]!, +m[2]!, +m[1]!) : iso(+m[3]!, +m[1]!, +m[2]!);
  m = new RegExp(String.raw`\b${MONTH_NAME}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, "i").exec(s);
  if (m) return iso(+m[3]!, monthNo(m[1]!), +m[2]!);
  m = new RegExp(String.raw`\b(\d{1,2})\s+${MONTH_NAME}\.?,?\s+(\d{4})\b`, "i").exec(s);
  if (m) return iso(+m[3]!, monthNo(m[2]!), +m[1]!);
  return null;
}

// (a line may open with a symbol or a bar: "▲ 2025.07.08", "| July 8, 2025 |", "[입력 2025.07.31 08:12 | 수정 …]")
const STAMP_LEAD = /^[\s▲△▶►■□◆◇●○•·|*\[\]{}<>#~-]+/;
const STAMP_CUE = /^\s*(?:published|posted|updated|last updated|date|dated|first published|written|write|created|recorded|aired|broadcast|filed|기사입력|최종수정|입력|수정|등록|발행|승인|송고|작성|게재|보도\s?시점|보도\s?일시?|배포\s?일시?|방송\s?일시?)(?![A-Za-z])[\s:：-]*/i;

// (and middle dots: "May 2, 2025 · 6:45 p.m. KST · A weekly newsletter")
const MASTHEAD_SEP = /\||\s(?:--|—|–|·|•)\s/;
const STAMP_CUE_LATE = /(?:^|[\s=,;·])(?:published|posted|updated|기사입력|입력|송고|등록|작성)\s*[:：]?\s*(?=\d|[A-Z][a-z]{2,8}\.?\s+\d)/i;

/** The publication date stated in the text: a stamp line near the top (first 12 lines) or bottom (last 5 lines). */
export function detectPublishedOn(text: string): string | null {
  const lines = text.split(/\r?\n/).map((l) => l.replace(STAMP_LEAD, "").trim()).filter((l) => l.length > 0);
  // A masthead line's parts, separated by bars, are read apart: "Trade Report | November 17, 2026 | By …",
  // "SBS 뉴스 | 작성 2026.01.27 20:35", "Write: 2026-07-24 15:48 | Update: 2026-07-24 17:02" (the first stamp is the
  // article's; a later one is an update).
  // (bars or spaced dashes: "PARTS & POLICY WEEKLY -- No. 146 -- Monday, November 17, 2025")
  const parts = (l: string) => (MASTHEAD_SEP.test(l) ? l.split(MASTHEAD_SEP).map((x) => x.replace(STAMP_LEAD, "").trim()).filter((x) => x.length > 0) : [l]);
  const candidates = [...lines.slice(0, 12), ...lines.slice(-5)].flatMap(parts);
  for (const line of candidates) {
    if (STAMP_CUE.test(line)) {
      const d = fullDateIn(line.replace(STAMP_CUE, ""));
      if (d) return d;
    }
    // a cue after a byline: "【서울=뉴스】 김민준 기자 = 입력 2025.07.09 09:40", "By Jane Doe, Posted: Jul 8, 2025"
    const late = STAMP_CUE_LATE.exec(line);
    const d = late ? fullDateIn(line.slice(late.index + late[0].length)) : null;
    if (d) return d;
  }
  for (const line of candidates) {
    // a short line that is (mostly) a date: "April 8, 2025", "2025-04-08 10:31 KST", "Tue, 08 Apr 2025 09:12:00 GMT"
    if (line.length > 48) continue;
    const d = fullDateIn(line);
    if (d && line.replace(/^\([^)]{1,20}\)\s*/, "").replace(/\([월화수목금토일]\)|[\d\s.:,/()+|▲△■◆◇●•·\[\]-]|[A-Za-z]{2,9}\.?|[년월일시분]|오전|오후|기사입력|최종수정|입력|수정|등록|송고|승인|발송|배포|발행/g, "").length <= 2) return d;
  }
  // a short label and a colon, then the date, when nothing else dates the text ("일시: 2026.1.27(화) 16:00~17:40" heading a
  // meeting's minutes), unless the label names a start or a due day
  for (const line of candidates) {
    const labelled = /^([가-힣]{1,5}|[A-Za-z]{2,12})\s*[:：]\s*(?=\d|[A-Z][a-z]{2,8}\.?\s+\d)/.exec(line);
    const d = labelled && !/시행|발효|적용|마감|기한|시한|만료|종료|effective|deadline|due|expir/i.test(labelled[1]!) ? fullDateIn(line.slice(labelled[0].length, labelled[0].length + 24)) : null;
    if (d) return d;
  }
  // a masthead part with a weekday and a month-day but no year ("Thursday, Oct. 30"): the one nearby year that fits
  for (const line of candidates.filter((l) => l.length <= 32)) {
    const d = weekdayDateIn(line);
    if (d) return d;
  }
  return null;
}

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** "Thursday, Oct. 30" alone: the date in 2024–2027 on which that month-day falls on that weekday, if only one does. */
function weekdayDateIn(line: string): string | null {
  const m = new RegExp(String.raw`^(Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*\.?,?\s+${MONTH_NAME}\.?\s+(\d{1,2})(?:st|nd|rd|th)?$`, "i").exec(line.trim());
  if (!m) return null;
  const wd = WEEKDAYS.indexOf(m[1]!.toLowerCase());
  const fits = [2024, 2025, 2026, 2027].map((y) => iso(y, monthNo(m[2]!), +m[3]!)).filter((d): d is string => d !== null && new Date(`${d}T00:00:00Z`).getUTCDay() === wd);
  return fits.length === 1 ? fits[0]! : null;
}

/** The year fixed by a weekday written next to a month-day ("Tuesday (Apr 8)", "Monday, July 7"), if any. */
function pinnedYear(text: string, notBefore: number): number | null {
  const re = new RegExp(
    String.raw`\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b[\s,(]+${MONTH_NAME}\.?\s+(\d{1,2})(?!\d)(?!,?\s+\d{4})`,
    "gi",
  );
  for (const m of text.matchAll(re)) {
    const wd = WEEKDAY_NAMES.indexOf(m[1]!.toLowerCase());
    const mo = monthNo(m[2]!), d = +m[3]!;
    for (let y = notBefore; y <= notBefore + 12; y++) {
      if (valid(y, mo, d) && new Date(Date.UTC(y, mo - 1, d)).getUTCDay() === wd) return y;
    }
  }
  const ko = /(\d{1,2})월\s*(\d{1,2})일\s*\(([일월화수목금토])\)/g;
  for (const m of text.matchAll(ko)) {
    const wd = "일월화수목금토".indexOf(m[3]!);
    const mo = +m[1]!, d = +m[2]!;
    for (let y = notBefore; y <= notBefore + 12; y++) {
      if (valid(y, mo, d) && new Date(Date.UTC(y, mo - 1, d)).getUTCDay() === wd) return y;
    }
  }
  return null;
}

/** The text without its sentences about what is to come ("On Jan. 1, 2027, tariffs … will rise"): a year named only
 * there is not the article's. */
function pastTense(text: string): string {
  return splitSentences(text)
    .map((x) => x.text)
    .filter((s) => !/\b(?:will|would|is set to|are set to|is due|are due|scheduled|next year|upcoming)\b|예정|계획/i.test(s))
    .join("\n");
}

function latestFullDateYear(text: string): number | null {
  let best: number | null = null;
  const res = [
    /(?<![\d.])(?<y>\d{4})-\d{2}-\d{2}(?!\d)/g,
    /(?<y>\d{4})년\s*\d{1,2}월\s*\d{1,2}일/g,
    new RegExp(String.raw`\b${MONTH_NAME}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+(?<y>\d{4})\b`, "gi"),
  ];
  for (const re of res)
    for (const m of text.matchAll(re)) {
      const y = Number(m.groups!.y);
      if (y >= 1990 && y <= 2100) best = Math.max(best ?? y, y);
    }
  return best;
}

/** A dateline's unwritten year: the year found, or the next one when only there is the dateline's day the weekday the
 * lead names ("SEOUL, March 12 (Xinhua) -- … on Thursday passed": 12 March is a Thursday in 2026, not 2025). */
function datelineYear(lead: string, month: number, day: number, year: number): number {
  // (a weekday ahead of the news — "the rate that had been due to hit on Friday", "takes effect on Friday" — is not
  // the dateline's day)
  const wd = [...lead.matchAll(/\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g)].find(
    (m) => !/\b(?:due|will|would|set|scheduled|expected|next|last|until|by|before|starting|from|takes? effect|begins?|start)\b[^.;]{0,30}$/i.test(lead.slice(Math.max(0, m.index! - 40), m.index)),
  );
  if (!wd) return year;
  const want = WEEKDAY_NAMES.indexOf(wd[1]!.toLowerCase());
  const weekday = (y: number) => new Date(Date.UTC(y, month - 1, day)).getUTCDay();
  return valid(year + 1, month, day) && weekday(year) !== want && weekday(year + 1) === want ? year + 1 : year;
}

/** The article's time frame (see the rules at the top). */
export function timeFrame(text: string, publishedOn: string | null, fallbackYear = DEFAULT_REFERENCE_YEAR): TimeFrame {
  // a given date may carry a time ("2025-07-08T09:00:00Z"); an impossible one is ignored rather than trusted
  const given = publishedOn ? /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedOn) : null;
  const pub = (given ? iso(+given[1]!, +given[2]!, +given[3]!) : null) ?? detectPublishedOn(text);
  if (pub) return { publishedOn: pub, anchor: pub, certain: true };
  const years = [...text.matchAll(/(?<![\d.,$])((?:19|20)\d{2})(?![\d,])/g)].map((m) => +m[1]!).filter((y) => y <= 2100);
  const latest = years.length ? Math.max(...years) : 2015;
  // (a full date written with its year only where the text looks ahead — "On Jan. 1, 2027, tariffs will rise" — is in a
  // later year than the article's: news names the year of a date only when it is not the current one)
  const aheadOnly = latestFullDateYear(text);
  const year = pinnedYear(text, Math.max(2015, latest)) ?? latestFullDateYear(pastTense(text)) ?? (aheadOnly !== null ? aheadOnly - 1 : fallbackYear);
  // a wire dateline ("SEOUL, July 23 (Reuters) -") dates the article to the day; its year, if unwritten, is the
  // reference year
  const line = new RegExp(
    String.raw`(?:^|
)\s*[A-Z][A-Za-z .'’-]{1,30},\s+${MONTH_NAME}\.?\s+(\d{1,2})(?:,\s+(\d{4}))?\s*\([A-Za-z .&]{2,30}\)\s*[-—–]`,
  ).exec(text.slice(0, 600));
  if (line) {
    const d = iso(line[3] ? +line[3] : datelineYear(text.slice(line.index + line[0].length, line.index + line[0].length + 300), monthNo(line[1]!), +line[2]!, year), monthNo(line[1]!), +line[2]!);
    if (d) return { publishedOn: d, anchor: d, certain: true };
  }
  return { publishedOn: null, anchor: `${year}-07-01`, certain: false };
}
