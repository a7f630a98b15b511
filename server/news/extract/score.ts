// Scoring extracted facts against gold (../shared/corpus/FACTS.md shapes) with the matching rules of
// ../shared/corpus/score.mjs — same kinds, same tolerances, a prediction restating an already-matched gold fact is not
// a false positive — and, on the matched pairs, agreement on the fields score.mjs does not check: tariff `status`,
// `country` and `effective`, deadline `date`, market-move `date`, and a budget's `purpose` being present. Pure.
//
// Among the predictions that match one gold fact, the one agreeing on most fields is paired with it (score.mjs takes the
// first); the counts of true/false positives are the same either way.
import { cueFamily } from "./calibration";

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
  const rel = reliability(score);
  if (rel.facts.n) lines.push(`confidence: facts ECE ${rel.facts.ece.toFixed(3)} (${rel.facts.n}), fields ECE ${rel.fields.ece.toFixed(3)} (${rel.fields.n})`);
  return lines.join("\n");
}

// ---------------------------------------------------------------- confidence: calibration counts and reliability

type Basis = Record<string, { cue: string; confidence: number }>;

/** Whether a matched prediction's field agrees with the gold fact (numbers within score.mjs's tolerances, texts present). */
export function fieldRight(field: string, p: PredictedFact, g: GoldFact): boolean {
  const [pv, gv] = [p[field], g[field]];
  if (field === "sector") return [g.sector, ...((g.alt as string[] | undefined) ?? [])].includes(p.sector);
  if (field === "purpose" || field === "what" || field === "tax") return typeof pv === "string" && /\p{L}{2}/u.test(pv);
  if (typeof gv === "number" || typeof pv === "number") return gv == null ? pv == null : near(pv, gv, field === "level" ? 0.005 : 0.03);
  return (pv ?? null) === (gv ?? null);
}

/** Per rule, how many of the facts (fields) it gave were right: the table ./calibration.ts reads. A field is right when
 * its fact states a gold fact and the field agrees with it. */
export function calibrationCounts(score: Score) {
  const kinds: Record<string, [number, number]> = {}, facts: Record<string, [number, number]> = {};
  const fieldTotals: Record<string, [number, number]> = {}, fields: Record<string, [number, number]> = {};
  const add = (t: Record<string, [number, number]>, k: string, ok: boolean) => {
    const c = (t[k] ??= [0, 0]);
    c[0] += ok ? 1 : 0;
    c[1] += 1;
  };
  for (const o of score.outcomes) {
    const kind = o.fact.kind;
    const right = o.gold !== null;
    add(kinds, kind, right);
    add(facts, `${kind}|${String(o.fact.cue ?? "")}`, right);
    for (const [field, b] of Object.entries((o.fact.basis as Basis | undefined) ?? {})) {
      const ok = right && fieldRight(field, o.fact, o.gold!);
      add(fieldTotals, `${kind}.${field}`, ok);
      add(fields, `${kind}.${field}|${cueFamily(b.cue)}`, ok);
    }
  }
  return { kinds, facts, fieldTotals, fields };
}

export interface Reliability {
  /** Expected calibration error: the mean |stated confidence − share right| over ten equal-width bins, by count. */
  ece: number;
  n: number;
  bins: { from: number; n: number; confidence: number; right: number }[];
}

function reliabilityOf(pairs: [number, boolean][]): Reliability {
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, n: 0, confidence: 0, right: 0 }));
  for (const [c, ok] of pairs) {
    const b = bins[Math.min(9, Math.floor(c * 10))]!;
    b.n += 1;
    b.confidence += c;
    b.right += ok ? 1 : 0;
  }
  let ece = 0;
  for (const b of bins) if (b.n) ece += (b.n / pairs.length) * Math.abs(b.confidence / b.n - b.right / b.n);
  return { ece, n: pairs.length, bins: bins.filter((b) => b.n > 0).map((b) => ({ ...b, confidence: b.confidence / b.n, right: b.right / b.n })) };
}

/** How well the stated confidences match how often facts, and fields, were right. */
export function reliability(score: Score): { facts: Reliability; fields: Reliability } {
  const facts: [number, boolean][] = [];
  const fields: [number, boolean][] = [];
  for (const o of score.outcomes) {
    if (typeof o.fact.confidence !== "number") continue;
    const right = o.gold !== null;
    facts.push([o.fact.confidence, right]);
    for (const [field, b] of Object.entries((o.fact.basis as Basis | undefined) ?? {})) fields.push([b.confidence, right && fieldRight(field, o.fact, o.gold!)]);
  }
  return { facts: reliabilityOf(facts), fields: reliabilityOf(fields) };
}
