// Calibrated confidence: each fact's and each field's confidence is how often facts (fields) found by the same rule
// were right on the blind set (tests/fixtures/extract-blind), measured by `npm run extract -- --calibrate` into
// ./calibration-table.ts. A rule seen only a few times leans on its kind's (field's) overall rate: (right + 4 × prior)
// / (seen + 4). So of the facts given 0.9, about nine in ten state a fact the article states; of the fields given 0.9,
// about nine in ten are right as well (a field of a fact that is not the article's counts as wrong). Pure.
import { CALIBRATION, type Counts } from "./calibration-table";
import type { Fact, FieldBasis } from "./types";

const SHRINK = 4;
const rate = ([right, seen]: Counts) => (right + 1) / (seen + 2);
const shrunk = (c: Counts | undefined, prior: number) => (c ? (c[0] + SHRINK * prior) / (c[1] + SHRINK) : prior);
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** A field's rule for calibration: one row for every measure ("measure:autos-232-25" → "measure") and for every day read
 * from the close series ("close:2025-04-07" → "close"), which would otherwise each be a row of one or two. */
export const cueFamily = (cue: string) => cue.replace(/^(measure|close|change|series-close|series-change):.*$/, "$1");

/** The fact with its confidence and each field's set from the calibration table. */
export function calibrated<F extends Fact>(f: F): F {
  const kindPrior = rate(CALIBRATION.kinds[f.kind] ?? [0, 0]);
  const confidence = round3(shrunk(CALIBRATION.facts[`${f.kind}|${f.cue ?? ""}`], kindPrior));
  if (!f.basis) return { ...f, confidence };
  const basis: Record<string, FieldBasis> = {};
  for (const [field, b] of Object.entries(f.basis)) {
    const key = `${f.kind}.${field}`;
    const prior = CALIBRATION.fieldTotals[key] ? rate(CALIBRATION.fieldTotals[key]!) : confidence;
    basis[field] = { ...b, confidence: round3(shrunk(CALIBRATION.fields[`${key}|${cueFamily(b.cue)}`], prior)) };
  }
  return { ...f, confidence, basis };
}
