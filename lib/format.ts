// Pure display formatters shared by server and client components. No I/O, no wall clock.
//
// Output must be identical on the server and in the browser (hydration), so month/weekday names and zone
// abbreviations come from small tables here instead of the runtime's locale data wherever ICU builds differ.
// Negative numbers use the typographic minus sign U+2212 ("−").

import { durationParts, type DurationParts } from "@/server/dashboard/deadline-rules";
import { localDate } from "@/server/core/time";

export type DisplayLocale = "en" | "ko";

const MINUS = "\u2212";
const EN_WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const KO_WEEKDAYS = ["일", "월", "화", "수", "목", "금", "토"] as const;
/** English month abbreviations (Intl's differ between Node builds; these never do). */
export const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** Abbreviations for zones whose short name ICU renders only as "GMT+x" in English. */
const ZONE_ABBREVIATIONS: Record<string, string> = {
  "Asia/Seoul": "KST",
  "Asia/Tokyo": "JST",
  "Asia/Shanghai": "CST",
  "Asia/Hong_Kong": "HKT",
  "Asia/Singapore": "SGT",
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function intlLocale(locale: DisplayLocale): string {
  return locale === "ko" ? "ko-KR" : "en-US";
}

function toDate(value: string | Date): Date {
  const d = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a valid instant: ${String(value)}`);
  return d;
}

const partsCache = new Map<string, Intl.DateTimeFormat>();
function zonedFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
    partsCache.set(zone, f);
  }
  return f;
}

interface ZonedFields {
  year: number;
  month: number; // 1..12
  day: number;
  weekday: number; // 0 = Sunday
  hour: number;
  minute: number;
  zoneName: string;
}

function zonedFields(instant: Date, zone: string): ZonedFields {
  const parts = zonedFormatter(zone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = EN_WEEKDAYS.indexOf(get("weekday") as (typeof EN_WEEKDAYS)[number]);
  let zoneName = get("timeZoneName");
  if (/^GMT[+-−]/.test(zoneName) && ZONE_ABBREVIATIONS[zone]) zoneName = ZONE_ABBREVIATIONS[zone]!;
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    weekday,
    hour: Number(get("hour")) % 24,
    minute: Number(get("minute")),
    zoneName: zoneName.replace("−", "-"),
  };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * An instant as a wall-clock time in `zone`, with the zone's abbreviation.
 * en: "Fri 1 Aug 2025, 00:01 EDT" — ko: "2025년 8월 1일 (금) 00:01 EDT".
 * Zones without an abbreviation in Intl (and not in the table above) show an offset such as "GMT+9".
 */
export function formatInstant(iso: string | Date, zone: string, locale: DisplayLocale): string {
  const f = zonedFields(toDate(iso), zone);
  const time = `${pad2(f.hour)}:${pad2(f.minute)}`;
  if (locale === "ko") {
    return `${f.year}년 ${f.month}월 ${f.day}일 (${KO_WEEKDAYS[f.weekday] ?? ""}) ${time} ${f.zoneName}`;
  }
  return `${EN_WEEKDAYS[f.weekday] ?? ""} ${f.day} ${EN_MONTHS[f.month - 1] ?? ""} ${f.year}, ${time} ${f.zoneName}`;
}

/** Just the wall-clock time and zone: "00:01 EDT". */
export function formatTimeOfDay(iso: string | Date, zone: string): string {
  const f = zonedFields(toDate(iso), zone);
  return `${pad2(f.hour)}:${pad2(f.minute)} ${f.zoneName}`;
}

/**
 * A calendar date ("YYYY-MM-DD", no zone involved): en "1 Aug 2025", ko "2025년 8월 1일".
 * With `weekday`: en "Fri 1 Aug 2025", ko "2025년 8월 1일 (금)".
 */
export function formatDate(dateStr: string, locale: DisplayLocale, opts: { weekday?: boolean } = {}): string {
  const m = DATE_RE.exec(dateStr);
  if (!m) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${dateStr}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${dateStr}`);
  }
  const wd = d.getUTCDay();
  if (locale === "ko") return `${year}년 ${month}월 ${day}일${opts.weekday ? ` (${KO_WEEKDAYS[wd]})` : ""}`;
  return `${opts.weekday ? `${EN_WEEKDAYS[wd]} ` : ""}${day} ${EN_MONTHS[month - 1]} ${year}`;
}

export interface NumberOptions {
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
  /** Show "+" on positive values. */
  signed?: boolean;
}

/** A plain number with grouping: formatNumber(3183.234, "en", { maximumFractionDigits: 2 }) → "3,183.23". */
/** Intl.NumberFormat instances by locale and options: making one costs far more than formatting with it. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: true });
    numberFormats.set(key, f);
  }
  return f;
}

export function formatNumber(x: number, locale: DisplayLocale, opts: NumberOptions = {}): string {
  if (!Number.isFinite(x)) return "—";
  const max = opts.maximumFractionDigits ?? Math.max(opts.minimumFractionDigits ?? 0, 2);
  const min = Math.min(opts.minimumFractionDigits ?? 0, max);
  const body = numberFormat(intlLocale(locale), min, max).format(Math.abs(x));
  const isZero = /^[0.,]+$/.test(body);
  if (x < 0 && !isZero) return `${MINUS}${body}`;
  if (opts.signed && x > 0 && !isZero) return `+${body}`;
  return body;
}

/**
 * A value already in percent points (25 means 25 %, −5.57 means −5.57 %), two decimals by default.
 * formatPct(1.8, "en", { signed: true }) → "+1.80%"; formatPct(-5.57, "ko") → "−5.57%".
 */
export function formatPct(
  x: number,
  locale: DisplayLocale,
  opts: { signed?: boolean; minimumFractionDigits?: number; maximumFractionDigits?: number } = {},
): string {
  if (!Number.isFinite(x)) return "—";
  const min = opts.minimumFractionDigits ?? 2;
  const max = Math.max(opts.maximumFractionDigits ?? 2, min);
  return `${formatNumber(x, locale, { minimumFractionDigits: min, maximumFractionDigits: max, signed: opts.signed })}%`;
}

// ---- money ----

const KO_CURRENCY_WORDS: Record<string, string> = {
  KRW: "원",
  USD: "달러",
  EUR: "유로",
  JPY: "엔",
  CNY: "위안",
  GBP: "파운드",
};

const EN_CURRENCY_PREFIX: Record<string, string> = { USD: "$", EUR: "€", GBP: "£" };

const JO = 1_000_000_000_000; // 10^12
const EOK = 100_000_000; // 10^8
const MAN = 10_000; // 10^4

/**
 * Korean myriad units: 13.8e12 → "13조 8,000억", 2e11 → "2,000억", 150,000,000 → "1억 5,000만", 9,999 → "9,999".
 * Amounts of 1조 or more are rounded to 억, amounts of 1억 or more to 만, smaller ones to whole units.
 */
function koreanUnits(abs: number): string {
  const step = abs >= JO ? EOK : abs >= EOK ? MAN : 1;
  const r = Math.round(abs / step) * step;
  const group = numberFormat("ko-KR", 0, 0);
  const jo = Math.floor(r / JO);
  const eok = Math.floor((r % JO) / EOK);
  const man = Math.floor((r % EOK) / MAN);
  const one = Math.round(r % MAN);
  const pieces: string[] = [];
  if (jo) pieces.push(`${group.format(jo)}조`);
  if (eok) pieces.push(`${group.format(eok)}억`);
  if (man) pieces.push(`${group.format(man)}만`);
  if (one || pieces.length === 0) pieces.push(group.format(one));
  return pieces.join(" ");
}

function englishScaled(abs: number, wholeDecimals: number): string {
  const scales = [
    { size: 1e12, suffix: "tn" },
    { size: 1e9, suffix: "bn" },
    { size: 1e6, suffix: "m" },
  ] as const;
  const scaled = numberFormat("en-US", 0, 2);
  for (let i = 0; i < scales.length; i++) {
    const { size, suffix } = scales[i]!;
    if (abs >= size) {
      const n = scaled.format(abs / size);
      // 999.999bn rounds to "1,000bn": say "1tn" instead.
      if (i > 0 && n === "1,000") return `1${scales[i - 1]!.suffix}`;
      return `${n}${suffix}`;
    }
  }
  const plain = numberFormat("en-US", 0, wholeDecimals).format(abs);
  return plain === "1,000,000" ? "1m" : plain;
}

/**
 * Money for tiles and tables.
 * en: "KRW 15tn", "KRW 13.8tn", "KRW 200bn", "$55.7bn". ko: "15조 원", "13조 8,000억 원", "2,000억 원", "557억 달러".
 */
export function formatMoney(amount: number, currency: string, locale: DisplayLocale): string {
  if (!Number.isFinite(amount)) return "—";
  const code = currency.toUpperCase();
  const abs = Math.abs(amount);
  const sign = amount < 0 && abs >= 0.5 ? MINUS : "";
  if (locale === "ko") {
    const units = koreanUnits(abs);
    const word = KO_CURRENCY_WORDS[code] ?? code;
    // "15조 원" but "9,999원": a space after a unit word, none after a bare number (a code always gets one).
    const space = /[조억만]$/.test(units) || !KO_CURRENCY_WORDS[code] ? " " : "";
    return `${sign}${units}${space}${word}`;
  }
  const decimals = code === "KRW" || code === "JPY" ? 0 : 2;
  const body = englishScaled(abs, decimals);
  const prefix = EN_CURRENCY_PREFIX[code];
  return prefix ? `${sign}${prefix}${body}` : `${sign}${code} ${body}`;
}

// ---- countdown ----

/** Days, hours, minutes and seconds left in `ms` (never negative); the domain's one implementation. */
export const countdownParts = durationParts;
export type CountdownParts = DurationParts;

/** The calendar date of an instant in the zone it was stated in (00:01 New York on 1 Aug → "1 Aug 2025"). */
export function formatDateIn(instant: Date | string, zone: string, locale: DisplayLocale): string {
  return formatDate(localDate(typeof instant === "string" ? new Date(instant) : instant, zone), locale);
}

/** Text in the reader's language: the Korean version when there is one, else the original. */
export function textIn<T extends string | null>(text: T, textKo: string | null | undefined, locale: DisplayLocale): T | string {
  return locale === "ko" && textKo ? textKo : text;
}

/** A record's title in the reader's language. */
export function titleIn(record: { title: string; titleKo?: string | null }, locale: DisplayLocale): string {
  return textIn(record.title, record.titleKo, locale);
}
