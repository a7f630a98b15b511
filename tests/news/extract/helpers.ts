// What the extractor's tests share: one parser match checked field by field, the facts of one kind, and money facts
// as short rows for tables.
import { expect } from "vitest";
import type { Fact } from "@/server/news/extract/types";

/** The one match a parser found in `text`: it has the wanted fields, and its span is its raw text. */
export function expectOneMatch<M extends { start: number; end: number; raw: string }>(got: M[], text: string, want: { [K in keyof M]?: unknown }): M {
  expect(got).toHaveLength(1);
  expect(got[0]).toMatchObject(want);
  expect(text.slice(got[0]!.start, got[0]!.end)).toBe(got[0]!.raw);
  return got[0]!;
}

export const of = <K extends Fact["kind"]>(facts: Fact[], kind: K) => facts.filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind);

export const isMoney = (f: Fact) => f.kind === "budget" || f.kind === "trade_balance" || f.kind === "investment_pledge";

/** A fact as a table row: [kind, amount, currency] for a budget, [kind, amountUsd, year] for a trade balance,
 * [kind, amountUsd] for a pledge, [kind] for any other. */
export const moneyRow = (f: Fact) =>
  f.kind === "budget"
    ? [f.kind, f.amount, f.currency]
    : f.kind === "trade_balance"
      ? [f.kind, f.amountUsd, f.year]
      : f.kind === "investment_pledge"
        ? [f.kind, f.amountUsd]
        : [f.kind];
