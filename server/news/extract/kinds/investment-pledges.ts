// Investment pledges: dollars pledged to be invested in the US ("Seoul pledged to invest $350 billion in the United
// States", "the $350 billion investment fund"), and the shares of a pledge already stated ("Of the fund, $150 billion
// is allocated for shipbuilding"); a ceiling or a yearly instalment is not a pledge of its own.
import type { InvestmentPledgeFact } from "@/server/news/extract/types";
import { purposeNear, US, type AmountAt, type Claim } from "./amounts";
import { spanOf, why } from "@/server/news/extract/basis";
import { evidenceOf, round, slice, type Unit } from "./shared";

// (also "channel/pour/funnel $350bn into the US")
const INVEST_CUE = /\binvest(?:s|ed|ing|ment|ments)?\b|\b(?:channel|pour|funnel|plough|plow|put)(?:s|ed|ing|led|ling|ting)?\b(?=[^.;]{0,40}\binto\b)|\b(?:new|build(?:ing)?|open(?:ing)?)\s+(?:\w+\s+)?(?:plants?|factor(?:y|ies)|facilit(?:y|ies))\b|투자|공장/i;
const PLEDGE_CUE = /\b(?:pledg\w*|commit\w*|promis\w*|vow\w*|offer\w*|plan\w*|will|would|announc\w*|agree\w*|propos\w*|intend\w*|to invest|sign(?:s|ed|ing)?|MOU|memorandum|pact)\b|약속|약정|발표|계획|하기로|제안|합의|투자한다|투자합니다|투자하게 된다|투자하게 됩니다/i;
// A share of a pledge already stated: "Of the fund, $150 billion …", "$150 billion of the $350 billion would be devoted
// to shipbuilding", "on top of $150 billion for shipbuilding", "remaining $200 billion will be used for …".
const SHARE_CUE = /\bof (?:that|this|it)\b|\bof the (?:(?:US)?\$\s?[\d.,]+\s*(?:billion|trillion|bn)?|[\d.,]+\s*(?:billion|trillion)\s*dollars|fund|package|investment|pledge|total|sum|amount)\b|\bon top of\b|\bdevoted to\b|\b(?:will|would|is to|are to)\s+go\s+to(?:ward)?\b|\ballocated\b|\bearmarked\b|\bset aside\b|\breserved\b|\b(?:be|is|are) used for\b|\bremaining\b|\bthe rest\b|\bthe other\s+(?:US)?\$|로\s*(?:짜였|짜여|구성|나뉘|나눠|이뤄)|\bin cash\b|\bincluding\b|(?:펀드|투자|투자금|기금|금액)\s*(?:가운데|중(?:에서)?)|투자분|현금\s*투자|현금으로|가운데|나머지|(?:에|으로)\s*(?:쓰인|쓰이|사용|투입|배정)/i;
// A ceiling or yearly instalment is not a pledge of its own: "annual payments capped at $20 billion".
const NOT_PLEDGE_BEFORE = /\b(?:capped at|cap of|ceiling of|limit of|no more than|up to|at most|annual(?:ly)?(?:\s+\w+){0,2}|a year of)\s+(?:\w+\s+){0,1}$|(?:연간|매년|해마다|연|한\s?해|1년에?)\s*(?:(?:납입액|납입|출자액|한도|상한)\s*){0,2}(?:을|를|은|는|이|가|인)?\s*(?:최대\s*)?$/i;
const NOT_PLEDGE_AFTER = /^\s*(?:a|per|each|every)\s+year\b|^\s*annually\b|^\s*(?:annual|yearly)\s+(?:ceiling|cap|limit|instal?lments?|payments?|contributions?)\b|^\s*(?:로|으로)\s*(?:묶|제한|한정)|^\s*(?:한도|상한|이내|까지만)|^\s*(?:을|를)?\s*(?:넘지|초과하지)\s*(?:않|못)/i;
// Another country's pledge: "Tokyo pledged a $550 billion investment vehicle", "일본은 5500억 달러의 대미 투자를 약속".
const OTHER_PLEDGER = /\b(?:Japan(?:ese)?|Tokyo|EU|European Union|Brussels|China|Beijing|Taiwan(?:ese)?|Taipei|Vietnam|Hanoi|U\.K\.|Britain|London|India|Switzerland)\b|일본|도쿄|유럽연합|중국|대만|베트남|영국/;
const ONE_COMPANY = /\b(?:[Oo]ne of (?:Korea['’]s|the country['’]s|the)\s+(?:largest|biggest|top|leading)\s+(?:carmakers|automakers|companies|firms|conglomerates|chaebol|steelmakers|shipbuilders|chipmakers|battery makers)|[Aa]n? (?:Korean |South Korean )?(?:carmaker|automaker|conglomerate|battery maker|steelmaker|shipbuilder|chipmaker)|[Tt]he company|[Ii]ts (?:chairman|chairwoman|chief executive|CEO|president|founder|board)|[Tt]he (?:group|company|firm|automaker|carmaker|steelmaker|chipmaker)['’]s (?:chairman|chief executive|CEO|president|founder)|Hyundai(?: Motor(?: Group| Co\.?)?)?|Kia|Samsung(?: Electronics| Biologics| Group)?|SK(?: hynix| Group| On| Innovation)?|LG(?: Energy Solution| Electronics| Group)?|Hanwha(?: Ocean| Group)?|HD Hyundai|POSCO|Celltrion|Korean Air|Lotte|CJ|Doosan|Apple|Nvidia|TSMC|[A-Z][a-z]+ (?:Motor|Group|Electronics|Corp\.?|Holdings|Industries|Biologics|Chemical|Steel))\b|현대차그룹|현대자동차|기아|삼성전자|삼성그룹|SK하이닉스|LG에너지솔루션|한화오션|한화그룹|셀트리온|대한항공|포스코/;
const KOREA_WORD = /\b(?:South Korea(?:n|'s|’s)?|Korea(?:n|'s|’s)?|Seoul(?:'s|’s)?)\b|한국|우리|정부/;
// a pledge verb right before the figure: "committed $350 billion to U.S. projects", "promised three hundred fifty billion dollars"
// ("commits Korea to $350 billion")
const PLEDGED_FIGURE = /\b(?:(?:pledge|commitment)s?\s+(?:totals?|totalling|totaling|amounts to|comes to|of|is|was|remains|stands at)|pledg(?:e|ed|es|ing)|commit(?:s|ted|ting)?|promis(?:e|ed|es|ing)|vow(?:ed|s)?|offer(?:ed|s)?|owe[sd]?)\s+(?:the\s+)?(?:(?:South\s+)?Korea\s+to\s+|Seoul\s+to\s+)?(?:to\s+(?:invest|put|pour)\s+)?(?:a\s+|an\s+|another\s+|some\s+|about\s+|around\s+)?$/i;
// the pledger and its verb right after the figure: "Of the 350 billion U.S. dollars Korea pledged", "the $200 billion
// cash portion that Seoul promised to invest"; in Korean, before it: "정부가 약속한 3500억 달러"
const PLEDGED_AFTER = /^\s*(?:[(（][^)）]{0,40}[)）]\s*)?(?:[\w-]+\s+){0,2}?(?:that|which)?\s*(?:South\s+)?(?:Korea|Seoul|the (?:Korean )?government|the country)\s+(?:has\s+|had\s+)?(?:pledged|promised|committed|offered|agreed to (?:invest|provide))\b/i;
// ("투자 약속 3,500억 달러": the pledge named by its noun)
const PLEDGED_BEFORE_KO = /(?:약속|약정|합의|공약|제시)한\s*(?:대미\s*)?(?:투자(?:금|액)?\s*)?(?:총\s*)?$|(?:대미\s*)?투자\s?(?:약속|공약|약정)(?:은|는|액)?\s*(?:총\s*)?$/;
// "the investment package, including how the $350 billion will be managed": the figure of an investment package named before
const PACKAGE_BEFORE = /\binvestment\s+(?:package|fund|pledge|commitment|deal|plan)\b|대미\s*투자(?:금|액|펀드|패키지)?/i;

// Korea's investment in the US, as an article speaks of it: "invest $350 billion in the United States", "U.S.
// investment fund", "대미 투자"
const US_INVESTMENT = /\binvest\w*\b[^.;]{0,80}\b(?:in|into)\s+(?:the\s+)?(?:U\.S\.|US|United States|America)|\b(?:U\.S\.|US|American)\s+(?:investment|projects)\b|대미\s*투자|미국에\s*(?:\S+\s*){0,3}투자/i;
export const speaksOfUsInvestment = (text: string) => US_INVESTMENT.test(text);

// A figure a line labels: "$350 billion — total Korean investment in the United States", "3500억 달러 – 한국의 대미 전략
// 투자 총액", "전략 투자 총액 | 3500억 달러 | …", "Investment: $350 billion"; the label names Korea's investment (in the US)
const NOT_LABEL = /\b(?:annual|yearly|a year|per year|cap|ceiling|limit|energy|LNG|purchases?|separate)\b|연간|상한|한도|에너지|구매|별도/i;
const LABEL_AFTER = /^\s*(?:[(（][^)）]{0,30}[)）]\s*)?[—–-]\s*([^.;|]{3,120})/;
const LABEL_BEFORE = /(?:^|[|•▲■*·-]\s*)([^|:.;]{2,60}?)\s*(?:\||:)\s*$/;
function labelledInvestment(u: Unit, a: { start: number; end: number }, after: string): boolean {
  const lineStart = Math.max(u.s.start, u.s.start + u.s.text.lastIndexOf("\n", a.start - u.s.start - 1) + 1);
  const before = LABEL_BEFORE.exec(slice(u, lineStart, a.start))?.[1];
  const label = after || (before && !/\d/.test(before) ? before : null);
  // (not a yearly cap, "현금 투자의 연간 납입 상한", nor purchases beside the investment, "에너지 구매 약속(투자와 별도)")
  if (!label || !/\binvest\w*|투자/i.test(label) || ONE_COMPANY.test(label) || OTHER_PLEDGER.test(label)) return false;
  if (NOT_LABEL.test(label)) return false;
  return u.ctx.usInvestment === true || US.test(label) || KOREA_WORD.test(label);
}

/** The amount as an investment pledge, counted from $10 million. */
export function investmentPledgeAt(u: Unit, { a, usd, clause }: AmountAt): Claim<InvestmentPledgeFact> {
  const investWin = slice(u, clause.start, a.end + 60);
  // (a box line's label after a dash may say what the figure is not: "200억 달러 – 현금 투자의 연간 납입 상한")
  const boxLabel = LABEL_AFTER.exec(slice(u, a.end, a.end + 130))?.[1] ?? "";
  const notPledge = NOT_PLEDGE_BEFORE.test(slice(u, a.start - 30, a.start)) || NOT_PLEDGE_AFTER.test(slice(u, a.end, a.end + 12)) || NOT_LABEL.test(boxLabel);
  // "the $350 billion investment fund", "$350 bil. strategic investment": the figure names a pledge
  // ("$350 billion (about 487 trillion won) investment package": past the conversion; "the $350 billion commitment")
  const tail = slice(u, a.end, a.end + 70).replace(/^\s*[(（][^)）]{0,40}[)）]/, "");
  // ("$200 billion in staged cash investment": a word or two may qualify the investment)
  const investNoun = /^\s*(?:in\s+|of\s+)?(?:(?:strategic|direct|new|additional|planned|promised|pledged|cash|U\.S\.|US)\s+|(?![\d])[\w-]+\s+(?=(?:[\w-]+\s+)?investments?\b)){0,2}(?:investments?|investment (?:package|fund|pledge|commitment)|commitment|pledge)\b|^\s*(?:규모의?\s*|의\s*)?(?:대미\s*)?투자/i.test(tail) &&
    (US.test(u.s.text) || KOREA_WORD.test(u.s.text) || u.ctx.pledgeBefore || u.ctx.usInvestment === true || /^\s*of the\s*$/i.test(slice(u, a.start - 8, a.start)) ||
      // "the $350 billion investment commitment", "the $350 billion commitment" in an article about tariffs: a pledge by name
      (u.ctx.tariffs && /^\s*(?:(?:investment|strategic investment)\s+)?(?:commitment|pledge)\b|^\s*investment\s+(?:package|fund)\b|^\s*(?:규모의?\s*)?(?:대미\s*)?투자/i.test(tail)));
  // ("the $350 billion package" of a tariff deal: a package of hundreds of billions of dollars is the investment)
  const packageNamed = !notPledge && u.ctx.tariffs === true && usd !== null && usd >= 1e11 && a.currency !== "KRW" && /^\s*package\b(?!\s+(?:for|to help|to aid|of aid)\b)/i.test(tail) &&
    (KOREA_WORD.test(u.s.text) || u.ctx.usInvestment === true || u.ctx.pledgeBefore || /\binvest\w*/i.test(u.s.text));
  // a yearly cap or instalment of a pledge is part of the pledge, not a budget of its own
  if (notPledge && usd !== null && (u.ctx.pledgeBefore || SHARE_CUE.test(u.s.text) || INVEST_CUE.test(u.s.text))) return { fact: null };
  const head = slice(u, clause.start, a.start);
  const lead = slice(u, u.s.start, a.start);
  if ((OTHER_PLEDGER.test(head) && !KOREA_WORD.test(head)) || (OTHER_PLEDGER.test(lead) && !KOREA_WORD.test(lead))) return null;
  // one company's own plan ("Hyundai Motor Group announced it would invest $21 billion", "현대차그룹이 … 260억 달러로") is
  // not Korea's pledge; Korean companies together ("Korean firms pledged $150 billion") are
  if (ONE_COMPANY.test(slice(u, Math.max(u.s.start, a.start - 200), a.start)) && !/\b(?:companies|firms|conglomerates|businesses)\b|기업들|기업이 함께|재계|개별 기업 가운데서는 없/i.test(head)) return { fact: null };
  // ("$21 billion — Hyundai Motor Group's own U.S. investment plan": the company the line's label names)
  if (boxLabel && ONE_COMPANY.test(boxLabel)) return { fact: null };
  // "대미 투자 3천500억 달러 가운데": the figure of Korea's investment in the US named right before it
  const koreanPledge = !notPledge && usd !== null && /대미\s*투자(?:금|액|\s*규모|\s*총액)?(?:은|는|이|가)?\s*(?:총\s*)?$/.test(slice(u, a.start - 16, a.start));
  // the answer to a question about the investment: its first dollar figure ("─ 투자 규모는. / 총 3500억 달러다.")
  const answered = !notPledge && usd !== null && u.ctx.investQuestion === true && !/\d/.test(slice(u, u.s.start, a.start));
  // "how Korea's $350 billion would be paid", "the vehicle for the $350 billion package": in an article about Korea's
  // investment in the US, the figure named as Korea's or as the package
  const named = !notPledge && usd !== null && u.ctx.usInvestment === true &&
    (/\b(?:South\s+)?Korea['’]s\s+(?:US)?$/i.test(slice(u, a.start - 12, a.start)) || /^\s*(?:investment\s+)?(?:package|fund|commitment|pledge)\b/i.test(tail));
  const figure = named || koreanPledge || answered || packageNamed || !notPledge && usd !== null && (US.test(u.s.text) || KOREA_WORD.test(u.s.text) || u.ctx.pledgeBefore || (u.ctx.tariffs === true && usd >= 1e11)) &&
    (PLEDGED_FIGURE.test(slice(u, a.start - 40, a.start)) || PLEDGED_AFTER.test(slice(u, a.end, a.end + 80)) || PLEDGED_BEFORE_KO.test(slice(u, a.start - 24, a.start)) || (PACKAGE_BEFORE.test(slice(u, u.s.start, a.start)) && /\b(?:the|at|of|totals?|totaling|is|was|reaches|worth)\s+$/i.test(slice(u, a.start - 12, a.start))));
  // a dollar share of the pledge: in a sentence that pledges investment in the US, or after a pledge was stated
  // (not goods shipped: "parts exports to the U.S. came to roughly $8.2 billion last year, much of it …")
  // (or set after the pledge by a dash or colon: "the $350 billion commitment — $200 billion in staged cash investment and
  // $150 billion in shipbuilding cooperation —", "$350 billion in total: $200 billion in cash …, plus $150 billion …")
  const before = u.ctx.pledgeInSentence;
  const apposed = before !== undefined && usd !== null && usd < before.usd && /[—–:]/.test(slice(u, before.end, a.start));
  const share = usd !== null && a.currency !== "KRW" && !notPledge && (SHARE_CUE.test(u.s.text) || apposed) && !/\b(?:exports?|imports?|shipments|sales)\b|수출|수입액/i.test(slice(u, clause.start, a.start)) &&
    // (nor duties to be refunded: "Estimates of the total across all countries exceed $130 billion")
    !/\b(?:refunds?|refunded|tariff revenues?|duties collected|across all countries)\b|환급|관세 수입/i.test(u.s.text) &&
    (u.ctx.pledgeBefore || u.ctx.usInvestment === true || (INVEST_CUE.test(u.s.text) && US.test(u.s.text) && PLEDGE_CUE.test(u.s.text)));
  // "pledged to invest $350 billion in the United States"
  const pledged = !notPledge && INVEST_CUE.test(investWin) && US.test(u.s.text) && PLEDGE_CUE.test(u.s.text);
  if (!(share || (!notPledge && usd !== null && investNoun) || pledged || figure || (!notPledge && usd !== null && labelledInvestment(u, a, boxLabel)))) return null;
  const fact: InvestmentPledgeFact | null =
    usd !== null && usd >= 1e7
      ? {
          kind: "investment_pledge",
          amountUsd: round(usd),
          purpose: purposeNear(u, a, share && !INVEST_CUE.test(investWin) ? /\b(?:for|to|on)\b/ : /\binvest\w*|투자/),
          evidence: evidenceOf(u.s),
          confidence: 0,
          cue: share ? "share" : pledged ? "pledged-to-invest" : investNoun ? "investment-noun" : "pledge-verb",
          basis: { amountUsd: why(a.currency === "USD" ? "amount" : "converted", spanOf(a)), purpose: why("words-after-cue", null) },
        }
      : null;
  return { fact };
}
