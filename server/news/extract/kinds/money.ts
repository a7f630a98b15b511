// Money facts: budgets, trade balances and investment pledges, read from the amounts of a sentence.
import type { TimeFrame } from "@/server/news/extract/context";
import type { AmountMatch } from "@/server/news/extract/numbers";
import type { BudgetFact, InvestmentPledgeFact, TradeBalanceFact } from "@/server/news/extract/types";
import { clauseAt, evidenceOf, round, slice, type Unit } from "./shared";

const CONVERSION_BEFORE = /[(（]\s*(?:approximately|approx\.?|about|around|roughly|some|nearly|almost|or|equivalent to|worth|약|≈|~)?\s*$/i;
const TRADE_CUE = /\b(?:trade surplus|trade deficit|surplus|deficit|trade (?:balance|gap|imbalance))\b|무역\s?흑자|무역\s?적자|무역수지|흑자|적자/i;
const NOT_TRADE = /\b(?:budget (?:surplus|deficit)|fiscal|current[\s-]account|primary (?:surplus|deficit))\b|재정|경상수지/i;
const OTHER_PARTNER = /\bwith (?:China|Japan|the EU|the European Union|Vietnam|the world|Germany|Mexico|Canada)\b|\b(?:overall|total|global) trade (?:surplus|deficit)\b|대중|대일|전체 무역/i;
const US = /\bU\.S\.(?!\w)|\b(?:US|USA|United States|America|American|Washington)\b|미국|대미|워싱턴/;
// (also "channel/pour/funnel $350bn into the US")
const INVEST_CUE = /\binvest(?:s|ed|ing|ment|ments)?\b|\b(?:channel|pour|funnel|plough|plow)(?:s|ed|ing|led|ling)?\b(?=[^.;]{0,40}\binto\b)|\b(?:new|build(?:ing)?|open(?:ing)?)\s+(?:\w+\s+)?(?:plants?|factor(?:y|ies)|facilit(?:y|ies))\b|투자|공장/i;
const PLEDGE_CUE = /\b(?:pledg\w*|commit\w*|promis\w*|vow\w*|offer\w*|plan\w*|will|would|announc\w*|agree\w*|propos\w*|intend\w*|to invest|sign(?:s|ed|ing)?|MOU|memorandum|pact)\b|약속|약정|발표|계획|하기로|제안|합의/i;
const BUDGET_CUE = /\b(?:(?:supplementary|extra|additional|emergency|special)\s+budget|budget|packages?|funds?|funding|financial support|support|aid|relief|stimulus|subsid(?:y|ies)|liquidity|loans?|lending|financing|spending|bailout|guarantees?|earmark(?:s|ed)?|allocat(?:e|es|ed|ion)|set aside|vouchers?)\b|추경|배정|편성|투입|추가경정예산|예산|지원|기금|펀드|유동성|대출|보증|긴급/i;
const NOT_BUDGET_ADJ = /^\s*worth\s+of\b|^\s*(?:(?:in|of|worth of)\s+)?(?:exports?|imports?|sales|revenue|shipments|goods|cars|vehicles|chips|trade|market (?:value|cap\w*)|profit|earnings|deals?|purchases?|LNG|energy)\b|^\s*(?:어치|규모의\s*(?:수출|수입))/i;
const NOT_BUDGET_BEFORE = /\b(?:exports?|imports?|sales|revenue|shipments|purchases?|buy(?:ing)?|bought|market (?:value|cap\w*)|worth|valued at|profit|earnings|surplus|deficit)\s+(?:\w+\s+){0,3}(?:of|at|to|worth|totaling|reaching|hit|reached)?\s*$|수출(?:액|이|은|는)?\s*$|수입(?:액|이|은|는)?\s*$/i;

function isConversion(u: Unit, a: AmountMatch, all: AmountMatch[]): boolean {
  const before = slice(u, a.start - 30, a.start);
  if (!CONVERSION_BEFORE.test(before)) return false;
  const open = before.search(/[(（][^(（]*$/);
  const prev = all.filter((o) => o.end <= a.start).at(-1);
  return prev !== undefined && u.s.start + 0 <= prev.end && a.start - 30 + open - prev.end <= 3 && a.start - 30 + open >= prev.end - 1;
}

/** The amount's partner in the other currency written in parentheses right after it ("15 trillion won ($10 bn)"). */
function conversionOf(a: AmountMatch, all: AmountMatch[], u: Unit): AmountMatch | null {
  const next = all.find((o) => o.start > a.end);
  if (!next || next.start - a.end > 30) return null;
  return isConversion(u, next, all) ? next : null;
}

function yearOf(u: Unit, a: AmountMatch, frame: TimeFrame): number | null {
  const years = [...u.s.text.matchAll(/\b(?:in|for|during|of|throughout)\s+((?:19|20)\d{2})\b|(?:^|\s)((?:19|20)\d{2})(?:년|\s?(?:full[\s-]year|annual))|((?:19|20)\d{2})년/gi)].map((m) => ({
    y: Number(m[1] ?? m[2] ?? m[3]),
    at: u.s.start + m.index!,
  }));
  if (years.length) {
    years.sort((x, y) => Math.abs(x.at - a.start) - Math.abs(y.at - a.start));
    return years[0]!.y;
  }
  if (frame.certain && /\blast year\b|작년|지난해/i.test(u.s.text)) return Number(frame.anchor.slice(0, 4)) - 1;
  return null;
}

const ALLOCATION_VERB = /^(?:set(?:s|ting)?\s+aside|earmark(?:s|ed|ing)?|allocat(?:e|es|ed|ing))$/i;

function purposeNear(u: Unit, a: AmountMatch, cue: RegExp): string {
  const clause = clauseAt(u, a.start);
  const text = slice(u, Math.max(u.s.start, clause.start - 60), Math.min(u.s.end, a.end + 120));
  const m = new RegExp(cue.source, "i").exec(text);
  if (!m) return text.trim().split(/\s+/).slice(0, 8).join(" ");
  let rest = text.slice(m.index);
  // "financial support for carmakers to 15 trillion won": the purpose stops where the figure starts
  const at = rest.indexOf(a.raw);
  if (at > 0) {
    const head = rest.slice(0, at).replace(/\s+(?:to|of|at|worth|totaling|with|by)\s*$/i, "").trim();
    const after = rest.slice(at + a.raw.length).trim();
    // "set aside 2 trillion won in loans for exporters": the verb of allocating is not what the money is for
    if (ALLOCATION_VERB.test(head)) rest = after.replace(/^(?:in|for|to|as|on)\s+/i, "");
    else rest = head.split(/\s+/).length >= 2 ? head : `${head} ${after}`;
  }
  const words = rest.split(/\s+/);
  const stop = words.findIndex((w, i) => i > 0 && /[,;:.()—–]$|^[(—–]/.test(w));
  return words
    .slice(0, stop >= 0 ? Math.min(stop + 1, 9) : 9)
    .join(" ")
    .replace(/[,;:.()—–]+$/, "")
    .replace(/\s+(?:in|for|to|of|on|at|with|by|and|the|a)$/i, "")
    .slice(0, 100);
}

// A share of a pledge already stated: "Of the fund, $150 billion …", "$150 billion of the $350 billion would be devoted
// to shipbuilding", "on top of $150 billion for shipbuilding", "remaining $200 billion will be used for …".
const SHARE_CUE = /\bof the (?:(?:US)?\$\s?[\d.,]+\s*(?:billion|trillion|bn)?|[\d.,]+\s*(?:billion|trillion)\s*dollars|fund|package|investment|pledge|total|sum|amount)\b|\bon top of\b|\bdevoted to\b|\b(?:will|would|is to|are to)\s+go\s+to(?:ward)?\b|\ballocated\b|\bearmarked\b|\b(?:be|is|are) used for\b|\bremaining\b|\bthe rest\b|\bin cash\b|(?:펀드|투자|투자금|기금|금액)\s*(?:가운데|중(?:에서)?)|(?:에|으로)\s*(?:쓰인|쓰이|사용|투입|배정)/i;
// A ceiling or yearly instalment is not a pledge of its own: "annual payments capped at $20 billion".
const NOT_PLEDGE_BEFORE = /\b(?:capped at|cap of|ceiling of|limit of|no more than|up to|at most|annual(?:ly)?(?:\s+\w+){0,2}|a year of)\s+(?:\w+\s+){0,1}$/i;
const NOT_PLEDGE_AFTER = /^\s*(?:a|per|each|every)\s+year\b|^\s*annually\b/i;

export function moneyFacts(u: Unit, frame: TimeFrame): (BudgetFact | TradeBalanceFact | InvestmentPledgeFact)[] {
  const out: (BudgetFact | TradeBalanceFact | InvestmentPledgeFact)[] = [];
  for (const a of u.amounts) {
    if (isConversion(u, a, u.amounts)) continue;
    const conv = conversionOf(a, u.amounts, u);
    const usd = a.currency === "USD" ? a.value : conv?.currency === "USD" ? conv.value : null;
    const clause = clauseAt(u, a.start);
    const win = slice(u, Math.max(clause.start - 40, a.start - 70), Math.min(u.s.end, a.end + 70));
    const tight = slice(u, a.start - 45, a.end + 45);

    // "exports to the US rose 10.5 percent to $127.8 billion, …, while its trade surplus …": a flow named in the
    // amount's own clause (without a balance word there) is what the figure measures
    const ownClause = slice(u, clause.start, a.start);
    const flowBefore = /\b(?:exports?|imports?|shipments|sales|purchases)\s+(?:[\w.]+\s+){0,3}(?:of|at|to|worth|totaling|reaching|hit|reached|were|was|rose|fell|grew)?\s*$|수출(?:액|이|은|는)?\s*$|수입(?:액|이|은|는)?\s*$/i.test(slice(u, a.start - 50, a.start)) ||
      (/\b(?:exports?|imports?|shipments|sales|purchases)\b|수출|수입/i.test(ownClause) && !TRADE_CUE.test(ownClause));
    // "… stood at $55.6 billion in 2024, up from $44.4 billion in 2023": the earlier balance compared with
    const prevBalance = out.at(-1)?.kind === "trade_balance" && /\b(?:up|down)?\s*(?:from|compared with|versus|vs\.?)\s+(?:a\s+|the\s+)?$/i.test(slice(u, a.start - 25, a.start));
    // "… with the U.S. came to $4.44 billion, while the overall trade surplus reached $9.55 billion": the partner is
    // the one named in the amount's own part of the sentence
    let lead = slice(u, a.start - 90, a.start);
    const cut = [...lead.matchAll(/(?:,\s*|\s)(?:while|whereas|but|compared with)\s|;/g)].at(-1);
    if (cut) lead = lead.slice(cut.index! + cut[0].length);
    // a Korean-language balance without 대미/미국 is the country's overall balance
    const otherPartner = OTHER_PARTNER.test(lead + slice(u, a.start, a.end + 25)) || (/[가-힣]/.test(u.s.text) && !US.test(u.s.text));
    if (((TRADE_CUE.test(tight) && !NOT_TRADE.test(tight)) || prevBalance) && !otherPartner && !flowBefore) {
      if (usd !== null && usd >= 1e8) {
        out.push({
          kind: "trade_balance",
          amountUsd: round(usd),
          year: yearOf(u, a, frame),
          evidence: evidenceOf(u.s),
          confidence: /with the (?:U\.S\.|US|United States)|대미|미국/.test(u.s.text) ? 0.9 : 0.8,
        });
      }
      continue;
    }
    const notOwnMoney = NOT_BUDGET_ADJ.test(slice(u, a.end, a.end + 30)) || NOT_BUDGET_BEFORE.test(slice(u, a.start - 50, a.start));
    if (notOwnMoney) continue;
    const investWin = slice(u, clause.start, a.end + 60);
    const notPledge = NOT_PLEDGE_BEFORE.test(slice(u, a.start - 30, a.start)) || NOT_PLEDGE_AFTER.test(slice(u, a.end, a.end + 12));
    // a dollar share of the pledge: in a sentence that pledges investment in the US, or after a pledge was stated
    // "the $350 billion investment fund", "$350 bil. strategic investment": the figure names a pledge
    const investNoun = /^\s*(?:in\s+)?(?:(?:strategic|direct|new|additional|planned|promised|pledged|U\.S\.|US)\s+)?investments?\b|^\s*규모의?\s*(?:대미\s*)?투자/i.test(slice(u, a.end, a.end + 30)) &&
      (US.test(u.s.text) || u.ctx.pledgeBefore);
    const share = usd !== null && a.currency !== "KRW" && !notPledge && SHARE_CUE.test(u.s.text) &&
      (u.ctx.pledgeBefore || (INVEST_CUE.test(u.s.text) && US.test(u.s.text) && PLEDGE_CUE.test(u.s.text)));
    if (share || (!notPledge && usd !== null && investNoun) || (!notPledge && INVEST_CUE.test(investWin) && US.test(u.s.text) && PLEDGE_CUE.test(u.s.text))) {
      if (usd !== null && usd >= 1e7)
        out.push({
          kind: "investment_pledge",
          amountUsd: round(usd),
          purpose: purposeNear(u, a, share && !INVEST_CUE.test(investWin) ? /\b(?:for|to|on)\b/ : /\binvest\w*|투자/),
          evidence: evidenceOf(u.s),
          confidence: 0.8,
        });
      continue;
    }
    // "the 12.2 trillion won extra budget … will be expanded to 13.8 trillion won": the revised figure replaces the
    // budget stated before it in the sentence
    if (/\b(?:expand|rais|increas|boost|lift|enlarg|bump|cut|reduc|trimm|slash|scal|revis)\w*\s+(?:\w+\s+)?(?:up\s+|down\s+)?to\s+$/i.test(slice(u, a.start - 40, a.start))) {
      let i = out.length - 1;
      while (i >= 0 && !(out[i]!.kind === "budget" && (out[i] as BudgetFact).currency === a.currency)) i--;
      if (i >= 0) {
        const old = out[i] as BudgetFact;
        out.splice(i, 1, { ...old, amount: a.value, confidence: Math.min(old.confidence, 0.8) });
        continue;
      }
    }
    if (!BUDGET_CUE.test(win)) continue;
    if ((a.currency === "KRW" && a.value < 1e9) || (a.currency !== "KRW" && a.value < 1e6)) continue;
    // "from 12 trillion won to 15 trillion won": the old figure is not the budget
    if (/^\s*to\s/i.test(slice(u, a.end, a.end + 5)) && /\bfrom\s+$/i.test(slice(u, a.start - 6, a.start))) continue;
    out.push({
      kind: "budget",
      amount: a.value,
      currency: a.currency,
      purpose: purposeNear(u, a, BUDGET_CUE),
      evidence: evidenceOf(u.s),
      confidence: BUDGET_CUE.test(tight) ? 0.85 : 0.65,
    });
  }
  return out;
}
