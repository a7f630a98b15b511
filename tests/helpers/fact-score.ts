// Scoring extracted facts against a gold file with the matching rules of ../shared/corpus/score.mjs, through the
// project's scorer (server/news/extract/score.ts: same kinds and tolerances, plus agreement on the matched facts'
// fields). Every prediction's evidence is also checked against the text it came from.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { extractFacts } from "@/server/news/extract";
import { seededTracked } from "@/server/news/ingest/tracked";
import { formatScore, scoreFacts, type GoldFact, type PredictedFact } from "@/server/news/extract/score";

export { matches, type GoldFact, type KindStats } from "@/server/news/extract/score";

/** Runs the extractor over every article of a gold file in `dir` and scores it: per kind and overall P/R/F1, fields. */
export function scoreDirectory(dir: string, goldFile: string) {
  const gold = JSON.parse(readFileSync(path.join(dir, goldFile), "utf8")) as Record<string, GoldFact[]>;
  const predicted: Record<string, PredictedFact[]> = {};
  for (const file of Object.keys(gold)) {
    const text = readFileSync(path.join(dir, file), "utf8");
    const facts = extractFacts(text, { publishedOn: null, ...seededTracked() });
    for (const f of facts) expect(text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
    predicted[file] = facts as unknown as PredictedFact[];
  }
  const score = scoreFacts(gold, predicted);
  return { gold, ...score, summary: `${formatScore(score)}\n${JSON.stringify(score.stats)}` };
}
