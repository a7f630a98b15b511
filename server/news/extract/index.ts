// The extractor's entry point: an article's plain text → the facts it states (FACTS.md shapes), each with evidence.
// Pure: no I/O, no clock (the publication date is passed in; without one the text's own date stamp is used, and
// weekday-only dates stay unresolved). ./facts.ts assembles the facts from one module per fact kind in ./kinds/;
// the time frame is in ./context.ts.
import { extractArticleFacts } from "./facts";
import type { ExtractOptions, Fact } from "./types";

export type { ExtractOptions, Fact } from "./types";
export { extractArticleFacts } from "./facts";
export { knownMeasures, type KnownMeasure } from "./measures";
export type { DailyClose } from "./closes";
export { detectPublishedOn, timeFrame, DEFAULT_REFERENCE_YEAR } from "./context";

export function extractFacts(text: string, options: ExtractOptions): Fact[] {
  return extractArticleFacts(text, options.publishedOn, { measures: options.measures, closes: options.closes }).facts;
}
