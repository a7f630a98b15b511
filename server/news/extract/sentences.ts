// Sentence splitting for trade-news text (English and Korean) that keeps character offsets. Pure.
//
// A sentence ends at a line break, or at . ! ? 。 (plus closing quotes/brackets) followed by whitespace and something
// that can start a sentence (a capital, digit, quote, bracket or Hangul). A period after a known abbreviation
// ("Jan.", "No.", "Mr."), a single initial ("Donald J. Trump") or a dotted acronym ("U.S.") does not end the sentence,
// except that a dotted acronym followed by a word that usually opens a sentence ("the U.S. During an interview")
// does.

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "no", "nos", "vs", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
  "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "gov", "sen", "rep", "gen", "jr", "sr", "approx", "est",
  "dept", "fig", "col", "lt", "sgt", "capt", "cmdr", "adm", "pres", "min", "maj", "rev", "ft", "mt", "messrs", "sec", "secs", "incl", "ch",
]);
// Words that, after a dotted acronym, show that the acronym ended the sentence.
const OPENERS = new Set([
  "the", "a", "an", "during", "in", "on", "at", "but", "and", "he", "she", "it", "they", "we", "i", "this", "that",
  "these", "those", "its", "his", "her", "their", "our", "meanwhile", "however", "still", "yet", "after", "before",
  "as", "while", "when", "since", "if", "although", "though", "for", "south", "north", "trump", "korea", "seoul",
  "washington", "officials", "analysts", "there", "some", "many", "under", "with", "by", "from", "last", "earlier",
]);

const END_PUNCT = /[.!?。！？]/;
const CLOSERS = /[”’"')\]»]/;
const STARTER = /[A-Z0-9“‘"'(\[«\u3131-\u318e\uac00-\ud7a3-]/;

function endsSentence(text: string, dot: number, next: number): boolean {
  const ch = text[dot]!;
  if (ch !== ".") return true;
  // the token before the period
  let s = dot;
  while (s > 0 && !/\s/.test(text[s - 1]!)) s--;
  const token = text.slice(s, dot).replace(/^[“‘"'(\[]+/, "");
  if (/^\d+$/.test(token)) return true; // "... rose 3.5 percent in 2024." — numbers end sentences
  const lower = token.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  if (/^[A-Z]$/.test(token)) return false; // an initial
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(token)) {
    // dotted acronym (U.S, U.K, e.g, i.e): a sentence end only before a typical opener
    const word = /^[A-Za-z]+/.exec(text.slice(next))?.[0]?.toLowerCase();
    return word !== undefined && OPENERS.has(word) && /^[A-Z]/.test(text.slice(next));
  }
  return true;
}

/** Whether the line starting at `at` is a table row between pipes. */
function pipeRowAt(text: string, at: number): boolean {
  const nl = text.slice(at).search(/[\r\n]/);
  const line = text.slice(at, nl < 0 ? text.length : at + nl).trim();
  return line.startsWith("|") && line.endsWith("|") && line.length > 2;
}

/** Sentences of `text` with [start, end) offsets; whitespace-only pieces are dropped, spans are trimmed. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b, text: text.slice(a, b) });
  };
  let start = 0;
  // (a table row, "| 철강 | 25% | 3. 12. |", is one unit whatever its periods)
  let piped = pipeRowAt(text, 0);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\n" || ch === "\r") {
      push(start, i);
      start = i + 1;
      piped = pipeRowAt(text, start);
      continue;
    }
    if (piped || !END_PUNCT.test(ch)) continue;
    let j = i + 1;
    while (j < text.length && (CLOSERS.test(text[j]!) || END_PUNCT.test(text[j]!))) j++;
    if (j < text.length && !/\s/.test(text[j]!)) continue; // "3.5", "U.S.-Korea", "e.g.,"
    let k = j;
    while (k < text.length && (text[k] === " " || text[k] === "\t")) k++;
    if (k < text.length && text[k] !== "\n" && text[k] !== "\r" && !STARTER.test(text[k]!)) continue;
    if (!endsSentence(text, i, k)) continue;
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, text.length);
  return out;
}
