// The extractor's entry point: an article's plain text → the facts it states (FACTS.md shapes), each with evidence.
// Pure: no I/O, no clock (the publication date is passed in).
import type { ExtractOptions, Fact } from "./types";

export type { ExtractOptions, Fact } from "./types";

export function extractFacts(text: string, options: ExtractOptions): Fact[] {
  void text;
  void options;
  return []; // assembled in server/domain/extract/facts.ts (in progress)
}
