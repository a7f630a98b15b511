// Budgets: money a government sets aside ("a 13.8 trillion won supplementary budget", "3조원 규모의 긴급 유동성 지원"),
// in won or another currency, with what it is for; a revised figure replaces the budget it revises.
import type { AmountMatch } from "@/server/news/extract/numbers";
import type { BudgetFact } from "@/server/news/extract/types";
import { purposeNear, type AmountAt } from "./amounts";
import { spanOf, why } from "@/server/news/extract/basis";
import { evidenceOf, slice, type Unit } from "./shared";

const BUDGET_CUE = /\b(?:(?:supplementary|extra|additional|emergency|special)\s+budget|budget|packages?|funds?|funding|financial support|support|aid|relief|stimulus|subsid(?:y|ies)|liquidity|loans?|lending|financing|spending|bailout|guarantees?|earmark(?:s|ed)?|allocat(?:e|es|ed|ion)|set aside|vouchers?|policy[\s-](?:financ(?:e|ing)|loans?))\b|정책금융|추경|배정|편성|투입|추가경정예산|예산|지원|기금|펀드|유동성|대출|보증|긴급|바우처|사업비|출연금|예비비|증액|감액/i;
// "will be expanded to 13.8 trillion won", "cut to 10 trillion won"
const REVISED_TO = /\b(?:expand|rais|increas|boost|lift|enlarg|bump|cut|reduc|trimm|slash|scal|revis)\w*\s+(?:\w+\s+)?(?:up\s+|down\s+)?to\s+$/i;

/** The amount as a budget: budget wording near it, from 1 billion won (1 million in other currencies). */
export function budgetAt(u: Unit, { a, clause }: AmountAt): BudgetFact | null {
  const win = slice(u, Math.max(clause.start - 40, a.start - 100), Math.min(u.s.end, a.end + 70));
  if (!BUDGET_CUE.test(win)) return null;
  if ((a.currency === "KRW" && a.value < 1e9) || (a.currency !== "KRW" && a.value < 1e6)) return null;
  // "from 12 trillion won to 15 trillion won": the old figure is not the budget
  if (/^\s*to\s/i.test(slice(u, a.end, a.end + 5)) && /\bfrom\s+$/i.test(slice(u, a.start - 6, a.start))) return null;
  // "expanded … to 33 trillion won from 26 trillion won": the figure after "from" is the old one; "1.6 trillion won more
  // than the 12.2 trillion won the government had proposed": a difference, and the figure it is compared with
  if (/\bfrom\s+(?:the\s+)?$/i.test(slice(u, a.start - 10, a.start)) && u.amounts.some((o) => o.end <= a.start && /\bto\s+(?:KRW\s+|W\s?)?$/i.test(slice(u, o.start - 9, o.start)))) return null;
  // "adding 1.6 trillion won to the government's proposal": the difference
  if (/\badd(?:s|ed|ing)?\s+$/i.test(slice(u, a.start - 10, a.start)) && /^\s*(?:\([^)]*\)\s*)?to\b/i.test(slice(u, a.end, a.end + 24))) return null;
  // "the maximum loan available to a single parts supplier will be raised to KRW 30 billion": a limit, not money set aside
  if (/\b(?:maximum|largest)\s+(?:loan|credit|guarantee)|\bloan\s+(?:limit|cap|ceiling)|\ba single\s+(?:[\w-]+\s+)?(?:company|firm|supplier|business|exporter)/i.test(slice(u, clause.start, a.start))) return null;
  if (/^\s*(?:more|less|fewer|higher|lower|bigger|smaller)\s+than\b/i.test(slice(u, a.end, a.end + 16)) || /\bthan\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}$/i.test(slice(u, a.start - 30, a.start))) return null;
  // a public corporation's capital is not a support budget ("paid-in capital of 2 trillion won", "자본금 2조원")
  if (/\b(?:paid-in capital|capital(?:i[sz]ed)?(?:\s+(?:of|at|with))?)\s+(?:\w+\s+)?$|자본금\s*(?:은|는|이|가)?\s*$/i.test(slice(u, a.start - 30, a.start))) return null;
  // a change, not the money: "Lawmakers then added 1.6 trillion won", "정책금융을 2조원 증액하고", "4조원 가까이 커졌다"
  if (/\b(?:added|adds|adding|increased by|raised by|cut by|trimmed by)\s+$/i.test(slice(u, a.start - 16, a.start)) && !/^\s*(?:\([^)]*\)\s*)?to\b/i.test(slice(u, a.end, a.end + 24))) return null;
  if (/^\s*(?:가까이|이상|넘게|정도|가량)?\s*(?:증액|감액|커졌|늘었|늘어났|많아|줄었|작아졌)/.test(slice(u, a.end, a.end + 10))) return null;
  // a cap per firm: "최대 50억원" in a row on loans to firms, "individual firms can borrow up to 50 billion won"
  if (/(?:최대|한도)\s*$|\b(?:up to|at most|a maximum of|capped at)\s+$/i.test(slice(u, a.start - 12, a.start)) && /기업|업체|회사|한도|\b(?:each|individual|per|single|a)\s+(?:firm|company|exporter|supplier|business)/i.test(u.s.text)) return null;
  // "expanded the government's original proposal by 1.6 trillion won": the change
  if (/\bby\s+(?:KRW\s+|W\s?)?$/i.test(slice(u, a.start - 8, a.start)) && /\b(?:expand|increas|rais|boost|lift|enlarg|cut|trimm|reduc|slash)\w*\b/i.test(slice(u, clause.start, a.start))) return null;
  // "expanded from KRW 13 trillion, as planned earlier this year, to KRW 15 trillion": the old figure
  if (/\bfrom\s+(?:the\s+)?(?:KRW\s+|W\s?)?$/i.test(slice(u, a.start - 10, a.start)) && u.amounts.some((o) => o.start > a.end && o.start - a.end <= 70 && /\bto\s+(?:KRW\s+|W\s?)?$/i.test(slice(u, o.start - 9, o.start)))) return null;
  // "정부안 12조2000억 원보다 1조6000억 원 늘어난": the figure compared with, and the difference
  if (/^\s*(?:보다|에 비해|대비)|^\s*(?:늘어난|늘린|증액된|줄어든|줄인|감액된|깎인|깎였|삭감된|많은|적은)|^[^,.]{0,15}?보다/.test(slice(u, a.end, a.end + 20))) return null;
  // a tax threshold ("lower the holding threshold … to 1 billion won", "대주주 기준을 10억 원으로") is not money set aside
  if (/\bthreshold\b|(?:대주주|과세)\s*기준/i.test(slice(u, clause.start, a.start))) return null;
  // a dollar figure in a sentence about Korea's investment in the US is the pledge's, not a budget ("will provide
  // $200 billion in cash investment …, plus $150 billion of shipbuilding cooperation")
  // (or anywhere in an article about that investment: "Korea's $350 billion bargain", "1500억 달러 규모 조선 협력 펀드")
  if (a.currency === "USD" && (u.ctx.usInvestment || /\binvest(?:ment|ments|ing)?\b|투자/i.test(u.s.text) && (u.ctx.pledgeBefore || /\b(?:cash investment|investment package|strategic investment|shipbuilding cooperation)\b|대미\s*투자/i.test(u.s.text)))) return null;
  // "본예산 1200억원에 900억원을 더해 … 총 2100억원", "5천억원을 늘렸다", "1조원으로 시작했으나": the old figure and the difference
  if (/^\s*(?:에|을|를)\s*(?:(?:[\d,.]+\s*[조억천]\s*)+원?\s*(?:을|를)\s*)?(?:더해|더하|보태|늘렸|늘린|늘려|증액해|증액했|증액한|감액해|감액했)|^\s*(?:으로|로)\s*(?:시작|출발)/.test(slice(u, a.end, a.end + 24))) return null;
  // a range asked for ("업계는 2조~3조원의 추가 지원을 요구"): no figure set aside
  if (/[\d조억][~〜–-]\s*$/.test(slice(u, a.start - 3, a.start)) || /^\s*[~〜]/.test(slice(u, a.end, a.end + 2)) || (/(?:업계|재계|기업들)[^.]{0,30}$/.test(slice(u, a.start - 40, a.start)) && /^[^.]{0,20}(?:요구|요청|촉구|건의)/.test(slice(u, a.end, a.end + 30)))) return null;
  // "15조원(기존 13조원에서 확대)": the figure it was; "한 곳당 최대 50억 원": a limit per firm; "2 trillion won, or about $1.36
  // billion, in capital": a corporation's capital
  if (/(?:기존|종전)\s*$/.test(slice(u, a.start - 6, a.start)) || /(?:곳|개사|社)당[^.]{0,12}$/.test(slice(u, a.start - 20, a.start)) || /^\s*(?:,\s*or\s+(?:about\s+)?[^,]{2,24},\s*)?in\s+(?:paid-in\s+)?capital\b/i.test(slice(u, a.end, a.end + 50))) return null;
  // "13조원에서 15조원으로 2조원 확대": the difference after the new figure
  if (/[\d조억만천백]\s*원?\s*(?:으로|로)\s*$/.test(slice(u, a.start - 8, a.start)) && /^\s*(?:확대|증액|늘|감액|축소|줄)/.test(slice(u, a.end, a.end + 6))) return null;
  // "13조원에서 15조원으로 늘리고": the figure before 에서 is the old one
  if (/^\s*에서\s*(?:[\d.,]+|[일이삼사오육칠팔구십백천]+)\s*[조억]/.test(slice(u, a.end, a.end + 12))) return null;
  // a limit per company ("capped at 5 billion won per company", "기업당 … 한도 … 50억원") is not a budget; nor another
  // country's package ("Japan's $550 billion package") or a ministry's budget outside trade (defence, welfare)
  if (/^\s*(?:per|for each|a)\s+(?:company|firm|business)\b/i.test(slice(u, a.end, a.end + 16)) || /(?:기업|업체|회사)당[^.]{0,20}$|한도[^.]{0,12}$/.test(slice(u, a.start - 30, a.start))) return null;
  if (/\b(?:Japan(?:ese)?|Tokyo|EU|China|Taiwan|Vietnam)\b|일본|중국|대만|유럽/.test(slice(u, clause.start, a.start)) && !/\bKorea|Seoul|한국|정부/.test(slice(u, clause.start, a.start))) return null;
  if (/\b(?:defen[cs]e|military|welfare|pension|health care)\b|국방|복지|연금/i.test(slice(u, clause.start, Math.min(u.s.end, a.end + 30)))) return null;
  const tight = slice(u, a.start - 45, a.end + 45);
  return {
    kind: "budget",
    amount: a.value,
    currency: a.currency,
    purpose: purposeNear(u, a, BUDGET_CUE),
    evidence: evidenceOf(u.s),
    confidence: 0,
    cue: BUDGET_CUE.test(tight) ? "budget-words-near" : "budget-words-in-clause",
    basis: { amount: why("amount", spanOf(a)), purpose: why("words-after-cue", null) },
  };
}

/** "the 12.2 trillion won extra budget … will be expanded to 13.8 trillion won": the amount revises an earlier budget. */
export function revisesBudget(u: Unit, a: AmountMatch): boolean {
  return REVISED_TO.test(slice(u, a.start - 40, a.start));
}

/** The budget stated before, at its revised amount. */
export function revisedBudget(old: BudgetFact, a: AmountMatch): BudgetFact {
  return { ...old, amount: a.value, cue: "revised", basis: { ...old.basis, amount: why("revised-to", spanOf(a)) } };
}
