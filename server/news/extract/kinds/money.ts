// Money facts: budgets, trade balances and investment pledges, read from the amounts of a sentence in text order.
// An amount states at most one of them, tried in this order: a trade balance (its own words: surplus, deficit), then,
// unless it is the value of goods ("$70 billion worth of cars"), an investment pledge, then a budget.
import type { TimeFrame } from "@/server/news/extract/context";
import type { BudgetFact, InvestmentPledgeFact, TradeBalanceFact } from "@/server/news/extract/types";
import { amountsOf, isValueOfGoods } from "./amounts";
import { budgetAt, revisedBudget, revisesBudget } from "./budgets";
import { investmentPledgeAt } from "./investment-pledges";
import type { Unit } from "./shared";
import { tradeBalanceAt } from "./trade-balances";

export type MoneyFact = BudgetFact | TradeBalanceFact | InvestmentPledgeFact;

export function moneyFacts(u: Unit, frame: TimeFrame): MoneyFact[] {
  const out: MoneyFact[] = [];
  for (const at of amountsOf(u)) {
    const balance = tradeBalanceAt(u, at, frame, out.at(-1)?.kind === "trade_balance");
    if (balance) {
      if (balance.fact) out.push(balance.fact);
      continue;
    }
    if (isValueOfGoods(u, at.a)) continue;
    // a pledge stated earlier in the sentence makes the later figures its shares ("3500억 달러 가운데 2000억 달러는 …")
    const pledged = out.find((f): f is InvestmentPledgeFact => f.kind === "investment_pledge");
    const pledge = investmentPledgeAt(pledged ? { ...u, ctx: { ...u.ctx, pledgeBefore: true, pledgeInSentence: { end: pledged.basis!.amountUsd!.at?.[1] ?? u.s.start, usd: pledged.amountUsd } } } : u, at);
    if (pledge) {
      if (pledge.fact) out.push(pledge.fact);
      continue;
    }
    // a revised figure replaces the budget stated before it in the sentence
    if (revisesBudget(u, at.a)) {
      const i = out.findLastIndex((f) => f.kind === "budget" && f.currency === at.a.currency);
      if (i >= 0) {
        out.splice(i, 1, revisedBudget(out[i] as BudgetFact, at.a));
        continue;
      }
    }
    const budget = budgetAt(u, at);
    if (budget) out.push(budget);
  }
  return out;
}
