// Which feed items are worth ingesting: any of the feed's keywords in the item's title or summary (pure).
//
// Rules (case-insensitive):
// - A keyword written in Latin letters/digits matches a whole word, optionally followed by an English plural or
//   possessive ending (s, es, 's, ’s): "tariff" matches "Tariff", "tariffs", "tariff's", "tariff-free", but not
//   "tariffing" or "antitariff" — another word that merely starts with it is a different word ("KOSPI" must not
//   match "kospis200x"). Words of a multi-word keyword may be separated by any whitespace ("trade  deal").
// - A keyword containing any other script (Hangul, CJK) matches as a substring: Korean attaches particles and
//   compounds without spaces, so "관세" must match "관세율", "관세를" and "상호관세".
// - An empty keyword list matches every item.

const LATIN = /^[\p{Script=Latin}\p{N}\s'’.&+-]+$/u;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export type KeywordMatcher = (text: string) => string | null;

/** A matcher returning the first keyword found in a text, or null. Empty keywords are ignored. */
export function keywordMatcher(keywords: readonly string[]): KeywordMatcher {
  const cleaned = keywords.map((k) => k.trim()).filter(Boolean);
  if (cleaned.length === 0) return () => "";
  const tests = cleaned.map((keyword) => {
    if (LATIN.test(keyword)) {
      const body = keyword.split(/\s+/).map(escape).join("\\s+");
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:e?s|['’]s)?(?![\\p{L}\\p{N}])`, "iu");
      return { keyword, test: (t: string) => re.test(t) };
    }
    const needle = keyword.toLocaleLowerCase();
    return { keyword, test: (t: string) => t.toLocaleLowerCase().includes(needle) };
  });
  return (text) => tests.find((t) => t.test(text))?.keyword ?? null;
}

/** Whether an item's title or summary contains any of the keywords (all items when there are none). */
export function itemMatches(keywords: readonly string[], item: { title: string; summary: string | null }): boolean {
  return keywordMatcher(keywords)(`${item.title}\n${item.summary ?? ""}`) !== null;
}
