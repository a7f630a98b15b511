// The facts an article states, in the shapes of ../shared/corpus/FACTS.md (what `npm run extract` prints and the
// review queue stores as proposals). Pure types: every fact carries the evidence span it came from.
import type { FactSector } from "./sectors";
import type { KnownMeasure } from "./measures";
import type { DailyClose } from "./closes";

export const FACT_KINDS = [
  "tariff_rate",
  "deadline",
  "market_move",
  "budget",
  "trade_balance",
  "tax_change",
  "investment_pledge",
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export const FACT_TARIFF_STATUSES = ["announced", "in_effect", "paused", "proposed", "reduced"] as const;
export type FactTariffStatus = (typeof FACT_TARIFF_STATUSES)[number];

/** Where in the article's text a fact was read: [start, end) character offsets and the sentence itself. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
}

/** Why a field has its value: the rule that set it (`cue`), the article's words it came from ([start, end) offsets;
 * null when it came from outside the sentence, e.g. the publication date), and how sure the extractor is of it. */
export interface FieldBasis {
  cue: string;
  at: [number, number] | null;
  /** 0..1, calibrated (./calibration.ts): of the fields given 0.9, about 9 in 10 are right. */
  confidence: number;
}

interface FactBase {
  evidence: Evidence;
  /** 0..1, calibrated (./calibration.ts): of the facts given 0.9, about 9 in 10 state a fact of the article. */
  confidence: number;
  /** The rule that found the fact (the key of its calibration). */
  cue?: string;
  /** Per field: the rule, the words and the confidence (see FieldBasis). */
  basis?: Record<string, FieldBasis>;
}

export interface TariffRateFact extends FactBase {
  kind: "tariff_rate";
  sector: FactSector;
  ratePct: number;
  country: "KR" | "ALL";
  status: FactTariffStatus;
  effective: string | null;
}
export interface DeadlineFact extends FactBase {
  kind: "deadline";
  date: string;
  what: string;
}
export interface MarketMoveFact extends FactBase {
  kind: "market_move";
  index: "KOSPI";
  changePct: number | null;
  level: number | null;
  date: string | null;
}
export interface BudgetFact extends FactBase {
  kind: "budget";
  amount: number;
  currency: string;
  purpose: string;
}
export interface TradeBalanceFact extends FactBase {
  kind: "trade_balance";
  amountUsd: number;
  year: number | null;
}
export interface TaxChangeFact extends FactBase {
  kind: "tax_change";
  tax: string;
  fromPct: number;
  toPct: number;
  until: string | null;
}
export interface InvestmentPledgeFact extends FactBase {
  kind: "investment_pledge";
  amountUsd: number;
  purpose: string;
}

export type Fact =
  | TariffRateFact
  | DeadlineFact
  | MarketMoveFact
  | BudgetFact
  | TradeBalanceFact
  | TaxChangeFact
  | InvestmentPledgeFact;

/** What the extractor needs besides the text: the publication date (YYYY-MM-DD) resolves weekdays and years; the
 * tracker's measures (./measures.ts) give a rate the sentence only names the status it had on that date. */
export interface ExtractOptions {
  publishedOn: string | null;
  measures?: readonly KnownMeasure[];
  /** The tracker's KOSPI closes (oldest first): a stated close or change dates its move (./closes.ts). */
  closes?: readonly DailyClose[];
}
