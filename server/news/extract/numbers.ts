// Money, percentage and index-level parsing for trade-news text (English and Korean). Pure: no I/O, no clock.
// Every match carries its [start, end) span in the input so evidence can be highlighted.

export type Currency = "USD" | "KRW" | "EUR" | "JPY";

export interface Span {
  start: number;
  end: number;
  raw: string;
}

export interface AmountMatch extends Span {
  value: number; // plain units: "15 trillion won" -> 15_000_000_000_000
  currency: Currency;
}

export interface PercentMatch extends Span {
  value: number; // signed when the text gives a direction ("fell 3.1%" -> -3.1), else as written
  points: boolean; // "percentage points" / "%p" / "포인트"
  signed: boolean; // true when a direction word or explicit sign set the sign
}

export interface LevelMatch extends Span {
  level: number;
}

const SCALE: Record<string, number> = {
  trillion: 1e12, tn: 1e12, tril: 1e12, tr: 1e12, t: 1e12,
  billion: 1e9, bn: 1e9, bil: 1e9, b: 1e9,
  million: 1e6, mn: 1e6, mln: 1e6, mil: 1e6, m: 1e6,
  thousand: 1e3, k: 1e3,
};

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
// (Korean English press: "$350 bil.", "W3tr", "W12.2 trillion")
const SCALE_RE = String.raw`trillion|billion|million|thousand|tril|bil|mil|mln|bn|tn|mn|tr|[tbmk]`;
const PREFIX_CCY = String.raw`US\$|\$|USD\s?|KRW\s?|₩|W(?=\d)|EUR\s?|€|JPY\s?|¥`;
const SUFFIX_CCY = String.raw`won|dollars?|USD|KRW|euros?|yen`;

const toNum = (s: string): number => Number(s.replace(/,/g, ""));
const round = (n: number): number => Math.round(n * 1e6) / 1e6; // kill float noise (55.7 * 1e9)

function ccyOf(token: string): Currency {
  const t = token.trim().toLowerCase();
  if (t === "₩" || t === "w" || t.startsWith("krw") || t === "won" || t === "원") return "KRW";
  if (t === "€" || t.startsWith("eur")) return "EUR";
  if (t === "¥" || t.startsWith("jpy") || t === "yen") return "JPY";
  return "USD";
}

// Prefix currency: "$350 billion", "US$55.7bn", "USD 3.5 trillion", "₩2 trillion", "$100B", optional trailing "won"/"dollars".
const PREFIXED = new RegExp(
  String.raw`(?<![\w$])(${PREFIX_CCY})\s?(${NUM})(?:\s?(${SCALE_RE})\b)?(?:\s(?:${SUFFIX_CCY})\b)?`,
  "gi",
);
// Suffix currency: "15 trillion won", "100 million dollars", "3.5 trillion USD".
// ("350 billion U.S. dollars", "20 billion US dollars")
const SUFFIXED = new RegExp(String.raw`(?<![\w$₩.,])(${NUM})\s?(${SCALE_RE})?[\s-](?:(?:U\.S\.|US|American)\s)?(${SUFFIX_CCY})\b`, "gi");
// Amounts in words: "two trillion won", "three hundred fifty billion dollars", "a trillion won".
const SMALL_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const WORD = String.raw`(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and)`;
const WORDED = new RegExp(String.raw`\b((?:${WORD}[\s-]+)*?${WORD})[\s-]+(trillion|billion|million)[\s-]+(?:(?:U\.S\.|US|American)\s)?(won|dollars?|euros?|yen)\b`, "gi");

/** "three hundred fifty" → 350 (below a thousand; null when the words are not a number). */
function wordsToNumber(words: string): number | null {
  let n = 0, cur = 0, seen = false;
  for (const w of words.toLowerCase().split(/[\s-]+/)) {
    if (w === "and") continue;
    if (w === "hundred") {
      cur = (cur || 1) * 100;
      continue;
    }
    const v = SMALL_WORDS[w];
    if (v === undefined) return null;
    if ((w === "a" || w === "an") && seen) return null;
    cur += v;
    seen = true;
  }
  n += cur;
  return n > 0 && n < 1000 ? n : null;
}
// Korean: "350조 원", "3조 5천억 원", "1조5000억원", "4,500억 원", "55억 달러".
const KOREAN = new RegExp(String.raw`(?<![\d,.])((?:(?:${NUM})?\s?[조억만천백]\s?)+)(원|달러)`, "g");

function parseKorean(body: string): number | null {
  let total = 0;
  let small = 0;
  let seen = false;
  for (const m of body.matchAll(/(\d[\d,]*(?:\.\d+)?)?\s*([조억만천백])/g)) {
    const n = m[1] !== undefined ? toNum(m[1]) : null;
    const unit = m[2]!;
    if (unit === "천" || unit === "백") {
      if (n === null) return null;
      small += n * (unit === "천" ? 1000 : 100);
    } else {
      const mult = unit === "조" ? 1e12 : unit === "억" ? 1e8 : 1e4;
      const group = small + (n ?? 0);
      if (group === 0) return null;
      total += group * mult;
      small = 0;
    }
    seen = true;
  }
  if (!seen) return null;
  return round(total + small); // trailing 천/백 group: "3조 5천 원", "5천 원"
}

// Korean amounts in Hangul numerals, as scripts for radio and TV write them: "십오조 원", "삼천오백억 달러", "천억 원"
const HANGUL_DIGIT: Record<string, number> = { 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 칠: 7, 팔: 8, 구: 9 };
const HANGUL_UNIT: Record<string, number> = { 십: 10, 백: 100, 천: 1000 };
// (the currency word ends there or takes a particle: not "구조 원칙")
const HANGUL_AMOUNT = /(?<![가-힣])((?:[일이삼사오육칠팔구십백천]{1,8}\s?[조억만]\s?)+)(원|달러)(?![가-힣])|(?<![가-힣])((?:[일이삼사오육칠팔구십백천]{1,8}\s?[조억만]\s?)+)(원|달러)(?=(?:은|는|이|가|을|를|의|에|으로|로|과|와|도|만|씩|까지|부터|가량|어치|규모|대|선|안팎|정도|이상|이하|미만)(?![가-힣]{2}))/g;
function hangulBelow10000(w: string): number {
  let total = 0;
  let cur = 0;
  for (const ch of w) {
    if (HANGUL_DIGIT[ch] !== undefined) cur = HANGUL_DIGIT[ch]!;
    else {
      total += (cur || 1) * HANGUL_UNIT[ch]!;
      cur = 0;
    }
  }
  return total + cur;
}
function parseHangul(body: string): number {
  let total = 0;
  for (const m of body.matchAll(/([일이삼사오육칠팔구십백천]+)\s?([조억만])/g)) total += hangulBelow10000(m[1]!) * (m[2] === "조" ? 1e12 : m[2] === "억" ? 1e8 : 1e4);
  return total;
}

function overlaps(a: Span, list: Span[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

/** Money amounts with an explicit currency. Bare numbers ("2025", "350") are never amounts. */
export function parseAmounts(text: string): AmountMatch[] {
  const out: AmountMatch[] = [];
  const push = (m: AmountMatch) => {
    if (!overlaps(m, out)) out.push(m);
  };
  for (const m of text.matchAll(KOREAN)) {
    const body = m[1]!;
    const value = parseKorean(body);
    if (value === null) continue;
    const start = m.index! + (m[0].length - m[0].trimStart().length);
    push({ value, currency: m[2] === "원" ? "KRW" : "USD", start, end: m.index! + m[0].length, raw: m[0].trim() });
  }
  for (const m of text.matchAll(HANGUL_AMOUNT)) {
    const value = parseHangul(m[1] ?? m[3]!);
    if (value > 0) push({ value, currency: (m[2] ?? m[4]) === "원" ? "KRW" : "USD", start: m.index!, end: m.index! + m[0].length, raw: m[0] });
  }
  for (const m of text.matchAll(PREFIXED)) {
    const scaleTok = m[3]?.toLowerCase();
    const scale = scaleTok ? SCALE[scaleTok]! : 1;
    push({ value: round(toNum(m[2]!) * scale), currency: ccyOf(m[1]!), start: m.index!, end: m.index! + m[0].length, raw: m[0] });
  }
  for (const m of text.matchAll(SUFFIXED)) {
    const scaleTok = m[2]?.toLowerCase();
    const scale = scaleTok ? SCALE[scaleTok]! : 1;
    push({ value: round(toNum(m[1]!) * scale), currency: ccyOf(m[3]!), start: m.index!, end: m.index! + m[0].length, raw: m[0] });
  }
  for (const m of text.matchAll(WORDED)) {
    const n = wordsToNumber(m[1]!);
    if (n === null) continue;
    push({ value: round(n * SCALE[m[2]!.toLowerCase()]!), currency: ccyOf(m[3]!), start: m.index!, end: m.index! + m[0].length, raw: m[0] });
  }
  return out.sort((a, b) => a.start - b.start);
}

// (past participles too: "had fallen 1.74%", "has risen 3%")
// (the -ing forms too: "recovered on Thursday, rising 5.89% to 6,852.58"; "added 0.65%", not "an added 10% duty")
const DOWN = String.raw`fell|fallen|fall(?:s|ing)?|dropped|dropping|drops?|declined?|declining|slid|sliding|slipped|slipping|sank|sinking|sunk|tumbled|tumbling|plunged|plunging|plummeted|plummeting|slumped|slumping|dipped|dipping|dips?|eased|easing|edged (?:down|lower)|skidded|lost|losing|shed|shedding|retreated|retreating|down|decreased?`;
const UP = String.raw`rose|risen|rises?|rising|gained|gaining|gains?|climbed|climbing|jumped|jumping|surged|surging|soared|soaring|advanced|advancing|rallied|rallying|rebounded|rebounding|recovered|recovering|leapt|leaped|edged (?:up|higher)|ticked up|up|increased?|(?<!\b(?:an?|the)\s)add(?:ed|ing)`;
const BEFORE_DIR = new RegExp(String.raw`\b(${DOWN}|${UP})\b(?:\s+(?:by|about|around|roughly|nearly|almost|some|just|only|over|more than|as much as|as little as|a further|another))*\s*$`, "i");
const AFTER_DIR_KO = /^\s*(?:가량|정도|대)?\s*(하락|급락|폭락|떨어|내린|내려|내렸|빠졌|빠진|밀렸|밀린|미끄러|주저앉|감소|줄었|줄어|줄면|상승|급등|폭등|치솟|올라|오른|올랐|뛰었|뛴|반등|증가|늘었|늘어)/;
const KO_DOWN = new Set(["하락", "급락", "폭락", "떨어", "내린", "내려", "내렸", "빠졌", "빠진", "밀렸", "밀린", "미끄러", "주저앉", "감소", "줄었", "줄어", "줄면"]);
const PERCENT = new RegExp(
  String.raw`(?<![\w.,])([+\-−]?)(${NUM})\s?(%p|%\s?포인트|%|percentage points?|per\s?cent|percent|퍼센트포인트|퍼센트|포인트)(?![\w])`,
  "gi",
);

/** Percentages; the sign comes from an explicit +/- or a direction word just before (English) or after (Korean). */
export function parsePercents(text: string): PercentMatch[] {
  const out: PercentMatch[] = [];
  // "zero percent" (a tariff abolished); spelled-out figures otherwise stay unparsed
  for (const m of text.matchAll(/\bzero\s?(?:%|percent|per\s?cent)(?![\w])/gi))
    out.push({ value: 0, points: false, signed: false, start: m.index!, end: m.index! + m[0].length, raw: m[0] });
  for (const m of text.matchAll(PERCENT)) {
    const unit = m[3]!.toLowerCase();
    const points = unit === "%p" || unit.startsWith("percentage point") || unit.endsWith("포인트");
    let value = toNum(m[2]!);
    let signed = false;
    let start = m.index!;
    let end = start + m[0].length;
    if (m[1]) {
      signed = true;
      if (m[1] !== "+") value = -value;
    } else {
      const before = text.slice(Math.max(0, start - 40), start);
      const b = BEFORE_DIR.exec(before);
      if (b) {
        signed = true;
        if (new RegExp(`^(?:${DOWN})$`, "i").test(b[1]!)) value = -value;
        start = start - before.length + b.index;
      } else {
        const a = AFTER_DIR_KO.exec(text.slice(end, end + 12));
        if (a) {
          signed = true;
          if (KO_DOWN.has(a[1]!)) value = -value;
          end += a[0].length;
        }
      }
    }
    out.push({ value, points, signed, start, end, raw: text.slice(start, end) });
  }
  return out.sort((a, b) => a.start - b.start);
}

const LEVEL_EN = new RegExp(String.raw`\b(?:closed|ended|finished|settled)\s+(?:\w+\s+){0,2}at\s+(${NUM})(?!\.?\d|,\d)(?!\s?(?:%|percent|per cent))`, "gi");
const LEVEL_KO = new RegExp(String.raw`(${NUM})(?:선)?(?:으로|로|에)\s*(?:(?:장|거래)(?:을|를)\s*)?(?:마감|마쳤|마쳐|마치)`, "g");

/** Index levels: "closed at 2,566.74", "ended the day at 3,100.5", "2,566.74로 마감". */
export function parseIndexLevels(text: string): LevelMatch[] {
  const out: LevelMatch[] = [];
  for (const m of text.matchAll(LEVEL_EN)) out.push({ level: toNum(m[1]!), start: m.index!, end: m.index! + m[0].length, raw: m[0] });
  for (const m of text.matchAll(LEVEL_KO)) out.push({ level: toNum(m[1]!), start: m.index!, end: m.index! + m[0].length, raw: m[0] });
  return out.sort((a, b) => a.start - b.start);
}
