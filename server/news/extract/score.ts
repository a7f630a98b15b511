// Scoring extracted facts against gold (../shared/corpus/FACTS.md shapes) with the matching rules of
// ../shared/corpus/score.mjs — same kinds, same tolerances, a prediction restating an already-matched gold fact is not
// a false positive — and, on the matched pairs, agreement on the fields score.mjs does not check: tariff `status`,
// `country` and `effective`, deadline `date`, market-move `date`, and a budget's `purpose` being present. Pure.
//
// Among the predictions that match one gold fact, the one agreeing on most fields is paired with it (score.mjs takes the
// first); the counts of true/false positives are the same either way.

export type GoldFact = Record<string, unknown> & { kind: string };
export type PredictedFact = Record<string, unknown> & { kind: string };
export interface KindStats {
  tp: number;
  fp: number;
  fn: number;
}
export const SCORED_FIELDS = ["tariff.status", "tariff.country", "tariff.effective", "deadline.date", "market.date", "budget.purpose"] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];
export interface FieldStats {
  agree: number;
  total: number;
}

/** One prediction's outcome: the gold fact it states (null: a false positive) and, when paired, each checked field. */
export interface Outcome {
  file: string;
  fact: PredictedFact;
  gold: GoldFact | null;
  /** The prediction restates a gold fact another prediction was paired with (neither counted right nor wrong). */
  restates: boolean;
  fields: Partial<Record<ScoredField, boolean>>;
}

export interface Score {
  stats: Record<string, KindStats>;
  fields: Record<ScoredField, FieldStats>;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  outcomes: Outcome[];
  /** Gold facts no prediction stated, with their file. */
  missed: { file: string; gold: GoldFact }[];
}

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

const eqOrNull = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/** The checked fields of a matched pair, each agreeing or not. */
export function fieldAgreement(p: PredictedFact, g: GoldFact): Partial<Record<ScoredField, boolean>> {
  switch (g.kind) {
    case "tariff_rate":
      return { "tariff.status": p.status === g.status, "tariff.country": p.country === g.country, "tariff.effective": eqOrNull(p.effective, g.effective) };
    case "deadline":
      return { "deadline.date": p.date === g.date };
    case "market_move":
      return { "market.date": eqOrNull(p.date, g.date) };
    case "budget":
      return { "budget.purpose": typeof p.purpose === "string" && /\p{L}{2}/u.test(p.purpose) };
    default:
      return {};
  }
}

const agreeing = (f: Partial<Record<ScoredField, boolean>>) => Object.values(f).filter(Boolean).length;

/** Scores `predicted` (file name → facts) against `gold` (file name → gold facts). A gold file with no prediction
 * counts all its facts as missed. */
export function scoreFacts(gold: Record<string, GoldFact[]>, predicted: Record<string, PredictedFact[]>): Score {
  const stats: Record<string, KindStats> = {};
  const fields = Object.fromEntries(SCORED_FIELDS.map((f) => [f, { agree: 0, total: 0 }])) as Record<ScoredField, FieldStats>;
  const bump = (kind: string, key: keyof KindStats) => ((stats[kind] ??= { tp: 0, fp: 0, fn: 0 })[key] += 1);
  const outcomes: Outcome[] = [];
  const missed: Score["missed"] = [];
  for (const [file, goldFacts] of Object.entries(gold)) {
    const got = predicted[file] ?? [];
    const paired = new Map<number, { g: GoldFact; f: Partial<Record<ScoredField, boolean>> }>();
    for (const g of goldFacts) {
      let best = -1;
      let bestAgree = -1;
      got.forEach((p, j) => {
        if (paired.has(j) || !matches(p, g)) return;
        const a = agreeing(fieldAgreement(p, g));
        if (a > bestAgree) [best, bestAgree] = [j, a];
      });
      if (best < 0) {
        bump(g.kind, "fn");
        missed.push({ file, gold: g });
        continue;
      }
      bump(g.kind, "tp");
      const f = fieldAgreement(got[best]!, g);
      paired.set(best, { g, f });
      for (const [k, ok] of Object.entries(f) as [ScoredField, boolean][]) {
        fields[k].total += 1;
        if (ok) fields[k].agree += 1;
      }
    }
    got.forEach((p, j) => {
      const pair = paired.get(j);
      if (pair) return outcomes.push({ file, fact: p, gold: pair.g, restates: false, fields: pair.f });
      const restated = goldFacts.find((g) => matches(p, g));
      if (!restated) bump(p.kind ?? "unknown", "fp");
      outcomes.push({ file, fact: p, gold: restated ?? null, restates: restated !== undefined, fields: restated ? fieldAgreement(p, restated) : {} });
    });
  }
  let tp = 0, fp = 0, fn = 0;
  for (const s of Object.values(stats)) [tp, fp, fn] = [tp + s.tp, fp + s.fp, fn + s.fn];
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { stats, fields, tp, fp, fn, precision, recall, f1, outcomes, missed };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** F1 of one kind's counts. */
export function kindF1(s: KindStats): number {
  const p = ratio(s.tp, s.tp + s.fp), r = ratio(s.tp, s.tp + s.fn);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** The score as score.mjs prints it (a line per kind, then the summary), followed by the field agreement lines. */
export function formatScore(score: Score): string {
  const lines: string[] = [];
  for (const [kind, s] of Object.entries(score.stats).sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`${kind.padEnd(18)} tp=${s.tp} fp=${s.fp} fn=${s.fn}  P=${ratio(s.tp, s.tp + s.fp).toFixed(2)} R=${ratio(s.tp, s.tp + s.fn).toFixed(2)} F1=${kindF1(s).toFixed(2)}`);
  lines.push(`extraction: P=${score.precision.toFixed(2)} R=${score.recall.toFixed(2)} F1=${score.f1.toFixed(2)} (gold ${score.tp + score.fn}, predicted ${score.tp + score.fp})`);
  lines.push("field agreement on matched facts:");
  for (const k of SCORED_FIELDS) {
    const s = score.fields[k];
    lines.push(`  ${k.padEnd(17)} ${s.total === 0 ? "  -  " : ratio(s.agree, s.total).toFixed(2)} (${s.agree}/${s.total})`);
  }
  return lines.join("\n");
}
