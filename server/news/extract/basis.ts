// Recording why a fact's fields have their values: the rule (cue) and the article's words each came from. Pure.
import type { FieldBasis } from "./types";

/** A field's basis before calibration (confidence is set by ./calibration.ts). */
export const why = (cue: string, at: [number, number] | null = null): FieldBasis => ({ cue, at, confidence: 0 });

/** Where `re` first matches inside `text`, which starts at article offset `offset`; null when it does not. */
export function wordsOf(re: RegExp | null, text: string, offset: number): [number, number] | null {
  if (!re) return null;
  const m = new RegExp(re.source, re.flags.replace("g", "")).exec(text);
  return m ? [offset + m.index, offset + m.index + m[0].length] : null;
}

/** The span of a match that carries article offsets. */
export const spanOf = (m: { start: number; end: number } | null | undefined): [number, number] | null => (m ? [m.start, m.end] : null);
