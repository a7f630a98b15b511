// Whether an extracted fact contradicts what is tracked, and which tracked record it is about. Pure: the service
// reads the current records (as of `now`) and hands them in; these rules only compare.
import type { Fact, TariffRateFact } from "@/server/news/extract/types";
import type { FactSector } from "@/server/news/extract/sectors";
import type { BudgetStatus, DeadlineKind, MeasureStatus, RecordType, Sector } from "@/server/core/constants";
import { isInForce, measureInForce, type MeasureLike } from "@/server/dashboard/tariff-rules";
import { localDate } from "@/server/core/time";

/** The tracked value a proposal contradicts: stored on the proposal as `conflict` (jsonb). */
export type ProposalConflict = {
  recordType: RecordType;
  recordKey: string;
  field: string;
  tracked: number | string;
  proposed: number | string;
  /** The tracked record's title (what the badge links to). */
  title: string;
};

/** FACTS.md sectors → the app's sectors (steel and aluminum are one tracked sector; "other" is not tracked). */
export const FACT_SECTOR_TO_SECTOR: Record<FactSector, Sector | null> = {
  all_goods: "all_goods",
  autos: "autos",
  auto_parts: "auto_parts",
  steel: "steel_aluminium",
  aluminum: "steel_aluminium",
  semiconductors: "semiconductors",
  pharmaceuticals: "pharmaceuticals",
  lumber: "lumber",
  copper: "copper",
  other: null,
};

/** How an article's tariff status reads as a tracked measure status. */
export const FACT_STATUS_TO_MEASURE_STATUS = {
  announced: "announced",
  in_effect: "in_effect",
  paused: "paused",
  proposed: "threatened",
  reduced: "in_effect",
} as const satisfies Record<TariffRateFact["status"], MeasureStatus>;

/** Relative difference beyond which two amounts are different figures (sources round). */
export const AMOUNT_TOLERANCE = 0.01;
/** Relative difference beyond which two index levels for one day differ. */
export const LEVEL_TOLERANCE = 0.005;

export function differs(tracked: number, proposed: number, tolerance: number): boolean {
  if (tracked === proposed) return false;
  const scale = Math.max(Math.abs(tracked), Math.abs(proposed));
  return Math.abs(tracked - proposed) / scale > tolerance;
}

// Words that say nothing about which programme, pledge or deadline a text is about.
const STOPWORDS = new Set(
  "the and for with from into onto over under its their this that these those are was were will would has have had not new per via than then korea korean korea's koreas united states u.s us american america seoul washington government tariff tariffs trade won dollar dollars billion trillion million take takes taking took effect effective deadline deadlines end ends ending rate rates duty duties levy levies goods imports import all countries country percent".split(
    " ",
  ),
);

/** The significant words of a text (lower-case, 3+ letters or 2+ Hangul syllables, no stopwords). */
export function significantWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?|[\uac00-\ud7a3]+/g) ?? [];
  return new Set(
    words
      .map((w) => w.replace(/'s$/, ""))
      .filter((w) => !STOPWORDS.has(w) && (/[\uac00-\ud7a3]/.test(w) ? w.length >= 2 : w.length >= 3 && !/^\d+$/.test(w))),
  );
}

/** How many significant words two texts share. */
export function wordOverlap(a: string, b: string): number {
  const wa = significantWords(a);
  let n = 0;
  for (const w of significantWords(b)) if (wa.has(w)) n++;
  return n;
}

/**
 * Whether a record's text is about what the fact names: they share two significant words, or every one of the
 * fact's if it has fewer (a one-word purpose such as "shipbuilding").
 */
export function textMatches(factText: string, recordText: string): boolean {
  const need = Math.min(2, significantWords(factText).size);
  return need > 0 && wordOverlap(factText, recordText) >= need;
}

/** The candidate sharing most words with the fact's text, among those that match at all. */
function bestByWords<T>(factText: string, candidates: T[], textOf: (c: T) => string): T | null {
  let best: T | null = null;
  let bestScore = 0;
  for (const c of candidates) {
    if (!textMatches(factText, textOf(c))) continue;
    const score = wordOverlap(factText, textOf(c));
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// What the rules compare against (the service maps its rows to these).

export type TrackedMeasure = MeasureLike & { title: string; targetCountry: string; effectiveZone: string | null };
export type TrackedBudget = { budgetKey: string; title: string; programme: string; purpose: string; amount: number; currency: string };
export type TrackedFigure = {
  figureKey: string;
  kind: string;
  title: string;
  period: string | null;
  value: number;
  fromValue: number | null;
  unit: string;
};
export type TrackedDeadline = { deadlineKey: string; title: string; description: string | null; dueAt: Date; dueZone: string };
export type TrackedObservation = { date: string; close: number };

export type Tracked = {
  measures: TrackedMeasure[];
  budgets: TrackedBudget[];
  figures: TrackedFigure[];
  deadlines: TrackedDeadline[];
  /** KOSPI closes for the dates market facts name. */
  kospi: TrackedObservation[];
};

/** The series a market move is checked against and written to. */
export const KOSPI_SERIES = "kospi";

/**
 * The tracked measure a tariff fact is about: one for the same sector and target that takes effect on the fact's
 * effective date; else, for a rate said to be in effect (or reduced), the measure in force now. An announcement or a
 * threat without a matching date is news, not a contradiction: it matches nothing (accepting creates a measure).
 */
export function matchMeasure(fact: TariffRateFact, measures: TrackedMeasure[], now: Date): TrackedMeasure | null {
  const sector = FACT_SECTOR_TO_SECTOR[fact.sector];
  if (!sector) return null;
  const same = measures.filter((m) => m.sector === sector && m.targetCountry === fact.country);
  if (fact.effective) {
    const dated = same.filter(
      (m) => m.effectiveAt && localDate(m.effectiveAt, m.effectiveZone ?? "America/New_York") === fact.effective,
    );
    // Several versions of a story may share a date: prefer the one in force, then the latest known.
    const pick = dated.find((m) => isInForce(m, now)) ?? dated.sort((a, b) => b.knownAt.getTime() - a.knownAt.getTime())[0];
    if (pick) return pick;
  }
  if (fact.status === "in_effect" || fact.status === "reduced") return measureInForce(same, sector, now);
  return null;
}

export function matchBudget(fact: Extract<Fact, { kind: "budget" }>, budgets: TrackedBudget[]): TrackedBudget | null {
  const same = budgets.filter((b) => b.currency === fact.currency.toUpperCase());
  const text = (b: TrackedBudget) => `${b.title} ${b.programme} ${b.purpose}`;
  // The same amount stated for a matching programme confirms it, whichever matches best by words.
  const confirming = same.find((b) => textMatches(fact.purpose, text(b)) && !differs(b.amount, fact.amount, AMOUNT_TOLERANCE));
  return confirming ?? bestByWords(fact.purpose, same, text);
}

export function matchFigure(fact: Fact, figures: TrackedFigure[]): TrackedFigure | null {
  switch (fact.kind) {
    case "trade_balance":
      if (fact.year === null) return null;
      return figures.find((f) => f.kind === "trade_balance" && f.period === String(fact.year)) ?? null;
    case "tax_change": {
      const taxes = figures.filter((f) => f.kind === "tax_rate_change");
      return bestByWords(fact.tax, taxes, (f) => f.title);
    }
    case "investment_pledge": {
      const pledges = figures.filter((f) => f.kind === "investment_pledge");
      const same = pledges.find((f) => !differs(f.value, fact.amountUsd, AMOUNT_TOLERANCE));
      return same ?? bestByWords(fact.purpose, pledges, (f) => `${f.title} ${f.period ?? ""}`);
    }
    default:
      return null;
  }
}

export function matchDeadline(fact: Extract<Fact, { kind: "deadline" }>, deadlines: TrackedDeadline[]): TrackedDeadline | null {
  const dateOf = (d: TrackedDeadline) => localDate(d.dueAt, d.dueZone);
  const text = (d: TrackedDeadline) => `${d.title} ${d.description ?? ""}`;
  const matching = deadlines.filter((d) => textMatches(fact.what, text(d)));
  return matching.find((d) => dateOf(d) === fact.date) ?? bestByWords(fact.what, matching, text);
}

const pct = (n: number) => `${n}%`;

/** The conflict a fact raises against the tracked records, or null when it agrees or matches nothing. */
export function detectConflict(fact: Fact, tracked: Tracked, now: Date): ProposalConflict | null {
  switch (fact.kind) {
    case "tariff_rate": {
      const m = matchMeasure(fact, tracked.measures, now);
      if (!m || m.ratePct === null || Math.abs(m.ratePct - fact.ratePct) < 1e-6) return null;
      return { recordType: "measure", recordKey: m.measureKey, field: "ratePct", tracked: m.ratePct, proposed: fact.ratePct, title: m.title };
    }
    case "budget": {
      const b = matchBudget(fact, tracked.budgets);
      if (!b || !differs(b.amount, fact.amount, AMOUNT_TOLERANCE)) return null;
      return { recordType: "budget", recordKey: b.budgetKey, field: "amount", tracked: b.amount, proposed: fact.amount, title: b.title };
    }
    case "trade_balance":
    case "investment_pledge": {
      const f = matchFigure(fact, tracked.figures);
      if (!f || !differs(f.value, fact.amountUsd, AMOUNT_TOLERANCE)) return null;
      return { recordType: "figure", recordKey: f.figureKey, field: "value", tracked: f.value, proposed: fact.amountUsd, title: f.title };
    }
    case "tax_change": {
      const f = matchFigure(fact, tracked.figures);
      if (!f || (f.value === fact.toPct && (f.fromValue === null || f.fromValue === fact.fromPct))) return null;
      const fromTo = (from: number | null, to: number) => (from === null ? pct(to) : `${pct(from)} → ${pct(to)}`);
      return { recordType: "figure", recordKey: f.figureKey, field: "value", tracked: fromTo(f.fromValue, f.value), proposed: fromTo(fact.fromPct, fact.toPct), title: f.title };
    }
    case "deadline": {
      const d = matchDeadline(fact, tracked.deadlines);
      if (!d) return null;
      const due = localDate(d.dueAt, d.dueZone);
      if (due === fact.date) return null;
      return { recordType: "deadline", recordKey: d.deadlineKey, field: "due", tracked: due, proposed: fact.date, title: d.title };
    }
    case "market_move": {
      if (fact.level === null || fact.date === null) return null;
      const o = tracked.kospi.find((k) => k.date === fact.date);
      if (!o || !differs(o.close, fact.level, LEVEL_TOLERANCE)) return null;
      return { recordType: "series", recordKey: KOSPI_SERIES, field: `close:${fact.date}`, tracked: o.close, proposed: fact.level, title: `KOSPI close on ${fact.date}` };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What an accepted fact becomes.

/** A deadline's kind from how the article names it; talks and agreements by default. */
export function deadlineKindFor(what: string): DeadlineKind {
  const w = what.toLowerCase();
  if (/\bpause|suspension|reprieve|유예/.test(w)) return "pause_expiry";
  if (/election|선거/.test(w)) return "election";
  if (/comment/.test(w)) return "comment_period";
  if (/hearing|청문/.test(w)) return "hearing";
  if (/tak(?:e|es|ing) effect|effective|come into force|kick in|발효|시행/.test(w)) return "tariff_effective";
  if (/support|subsid|지원/.test(w) && /expir|end|만료|종료/.test(w)) return "support_expiry";
  if (/expir|lapse|sunset|만료/.test(w)) return "measure_expiry";
  return "negotiation";
}

/** A budget's status from the sentence that states it: proposed unless it says passed/approved or executed. */
export function budgetStatusFor(evidence: string): BudgetStatus {
  const w = evidence.toLowerCase();
  if (/\bexecuted\b|\bdisbursed\b|집행/.test(w)) return "executed";
  if (/\bpassed\b|\bapproved\b|\benacted\b|통과|의결|확정/.test(w)) return "passed";
  return "proposed";
}

/** A piece of a record key: lower-case ASCII words joined by '-', at most `max` characters. */
export function keyPart(text: string, max = 40): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
  return slug;
}

const SECTOR_WORDS: Record<Sector, string> = {
  all_goods: "all goods",
  autos: "autos",
  auto_parts: "auto parts",
  steel_aluminium: "steel and aluminium",
  copper: "copper",
  semiconductors: "semiconductors",
  pharmaceuticals: "pharmaceuticals",
  lumber: "lumber",
};

/** "US tariff on Korean autos: 25%" / "US tariff on all imports of copper: 50%". */
export function measureTitle(sector: Sector, country: "KR" | "ALL", ratePct: number): string {
  const what = country === "KR" ? (sector === "all_goods" ? "all Korean goods" : `Korean ${SECTOR_WORDS[sector]}`) : sector === "all_goods" ? "all imports" : `all imports of ${SECTOR_WORDS[sector]}`;
  return `US tariff on ${what}: ${ratePct}%`;
}
