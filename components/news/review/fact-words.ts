// A fact in words, with the review messages ("Tariff 25% on autos (KR), in effect, from 2025-08-01").
import type { Fact } from "@/server/news/extract/types";

type T = (key: string, values?: Record<string, string | number>) => string;

const num = (n: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
const words = (s: string) => s.replace(/_/g, " ");

export function factWords(fact: Fact, t: T, locale: string): string {
  switch (fact.kind) {
    case "tariff_rate":
      return t("words.tariff_rate", { rate: num(fact.ratePct, locale), sector: words(fact.sector), country: fact.country, status: words(fact.status), effective: fact.effective ?? "none" });
    case "deadline":
      return t("words.deadline", { date: fact.date, what: fact.what });
    case "market_move":
      return t("words.market_move", {
        change: fact.changePct === null ? "none" : `${fact.changePct > 0 ? "+" : ""}${num(fact.changePct, locale)}`,
        level: fact.level === null ? "none" : num(fact.level, locale),
        date: fact.date ?? "none",
      });
    case "budget":
      return t("words.budget", { amount: num(fact.amount, locale), currency: fact.currency, purpose: fact.purpose });
    case "trade_balance":
      return t("words.trade_balance", { amount: num(fact.amountUsd, locale), year: fact.year === null ? "none" : String(fact.year) });
    case "tax_change":
      return t("words.tax_change", { tax: fact.tax, from: num(fact.fromPct, locale), to: num(fact.toPct, locale), until: fact.until ?? "none" });
    case "investment_pledge":
      return t("words.investment_pledge", { amount: num(fact.amountUsd, locale), purpose: fact.purpose });
  }
}

/** The editable fields of a fact and their current values as form strings. */
export function editableFields(fact: Fact): [string, string][] {
  const { kind: _k, evidence: _e, confidence: _c, cue: _r, basis: _b, ...fields } = fact as Fact & Record<string, unknown>;
  return Object.entries(fields).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]);
}
