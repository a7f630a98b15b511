// Scoring extracted facts against a gold file with the matching rules of ../shared/corpus/score.mjs (same kinds,
// same tolerances; a prediction restating an already-matched gold fact is not a false positive). Every prediction's
// evidence is also checked against the text it came from.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { extractFacts } from "@/server/news/extract";

export type GoldFact = Record<string, unknown> & { kind: string };
export type KindStats = { tp: number; fp: number; fn: number };

const near = (a: unknown, b: unknown, rel: number) => a != null && b != null && Math.abs(Number(a) - Number(b)) <= Math.abs(Number(b)) * rel + 1e-9;
const same = (a: unknown, b: unknown) => a != null && b != null && Number(a) === Number(b);

/** Whether predicted fact p states gold fact g (score.mjs `matches`). */
export function matches(p: Record<string, unknown>, g: GoldFact): boolean {
  if (p.kind !== g.kind) return false;
  switch (g.kind) {
    case "tariff_rate":
      return [g.sector, ...((g.alt as string[] | undefined) ?? [])].includes(p.sector) && same(p.ratePct, g.ratePct);
    case "deadline":
      return p.date === g.date;
    case "market_move":
      return p.index === g.index && ((g.changePct != null && near(p.changePct, g.changePct, 0.03)) || (g.level != null && near(p.level, g.level, 0.005)));
    case "budget":
      return p.currency === g.currency && near(p.amount, g.amount, 0.01);
    case "trade_balance":
      return near(p.amountUsd, g.amountUsd, 0.01) && (g.year == null || p.year == null || p.year === g.year);
    case "tax_change":
      return same(p.fromPct, g.fromPct) && same(p.toPct, g.toPct);
    case "investment_pledge":
      return near(p.amountUsd, g.amountUsd, 0.01);
    default:
      return false;
  }
}

/** Runs the extractor over every article of a gold file in `dir` and scores it: per kind and overall P/R/F1. */
export function scoreDirectory(dir: string, goldFile: string) {
  const gold = JSON.parse(readFileSync(path.join(dir, goldFile), "utf8")) as Record<string, GoldFact[]>;
  const stats: Record<string, KindStats> = {};
  const bump = (kind: string, key: keyof KindStats) => ((stats[kind] ??= { tp: 0, fp: 0, fn: 0 })[key] += 1);
  for (const [file, goldFacts] of Object.entries(gold)) {
    const text = readFileSync(path.join(dir, file), "utf8");
    const facts = extractFacts(text, { publishedOn: null });
    for (const f of facts) expect(text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
    const got = facts as unknown as Record<string, unknown>[];
    const used = new Set<number>();
    for (const g of goldFacts) {
      const i = got.findIndex((p, j) => !used.has(j) && matches(p, g));
      if (i >= 0) {
        used.add(i);
        bump(g.kind, "tp");
      } else bump(g.kind, "fn");
    }
    got.forEach((p, j) => {
      if (!used.has(j) && !goldFacts.some((g) => matches(p, g))) bump(String(p.kind), "fp");
    });
  }
  let tp = 0, fp = 0, fn = 0;
  for (const s of Object.values(stats)) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, stats, tp, fp, fn, precision, recall, f1, summary: JSON.stringify(stats) };
}
