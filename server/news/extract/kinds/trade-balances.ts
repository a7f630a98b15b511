// Trade balances: the surplus or deficit between Korea and the US in dollars ("Korea's trade surplus with the US
// reached $66 billion in 2024", "대미 무역흑자는 556억 달러"), with its year; an export figure, the balance with another
// partner or the overall balance is not one.
import type { TimeFrame } from "@/server/news/extract/context";
import type { AmountMatch } from "@/server/news/extract/numbers";
import type { TradeBalanceFact } from "@/server/news/extract/types";
import { US, type AmountAt, type Claim } from "./amounts";
import { spanOf, why } from "@/server/news/extract/basis";
import { evidenceOf, round, slice, type Unit } from "./shared";

const TRADE_CUE = /\b(?:trade surplus|trade deficit|surplus|deficit|trade (?:balance|gap|imbalance))\b|무역\s?흑자|무역\s?적자|무역수지|흑자|적자/i;
const NOT_TRADE = /\b(?:budget (?:surplus|deficit)|fiscal|current[\s-]account|primary (?:surplus|deficit))\b|재정|경상수지/i;
const OTHER_PARTNER = /\bwith (?:China|Japan|the EU|the European Union|Vietnam|the world|Germany|Mexico|Canada)\b|\b(?:overall|total|global) trade (?:surplus|deficit)\b|대중|대일|전체 무역/i;

/**
 * The amount as a trade balance, counted from $100 million. `afterBalance`: the fact before it in the sentence is a
 * trade balance, so "up from $44.4 billion" is the balance it is compared with.
 */
export function tradeBalanceAt(u: Unit, at: AmountAt, frame: TimeFrame, afterBalance: boolean): Claim<TradeBalanceFact> {
  if (!readsAsTradeBalance(u, at, afterBalance)) return null;
  const { a, usd } = at;
  const fact: TradeBalanceFact | null =
    usd !== null && usd >= 1e8
      ? {
          kind: "trade_balance",
          amountUsd: round(usd),
          year: yearOf(u, a, frame),
          evidence: evidenceOf(u.s),
          confidence: 0,
          cue: /with the (?:U\.S\.|US|United States)|대미|미국/.test(u.s.text) ? "with-us" : "partner-unnamed",
          basis: { amountUsd: why(a.currency === "USD" ? "amount" : "converted", spanOf(a)) },
        }
      : null;
  return { fact };
}

function readsAsTradeBalance(u: Unit, { a, clause }: AmountAt, afterBalance: boolean): boolean {
  const tight = slice(u, a.start - 45, a.end + 45);
  // "exports to the US rose 10.5 percent to $127.8 billion, …, while its trade surplus …": a flow named in the
  // amount's own clause (without a balance word there) is what the figure measures
  const ownClause = slice(u, clause.start, a.start);
  const flowBefore = /\b(?:exports?|imports?|shipments|sales|purchases)\s+(?:[\w.]+\s+){0,3}(?:of|at|to|worth|totaling|reaching|hit|reached|were|was|rose|fell|grew)?\s*$|수출(?:액|이|은|는)?\s*$|수입(?:액|이|은|는)?\s*$/i.test(slice(u, a.start - 50, a.start)) ||
    (/\b(?:exports?|imports?|shipments|sales|purchases)\b|수출|수입/i.test(ownClause) && !TRADE_CUE.test(ownClause));
  // "… stood at $55.6 billion in 2024, up from $44.4 billion in 2023": the earlier balance compared with
  const prevBalance = afterBalance && /\b(?:up|down)?\s*(?:from|compared with|versus|vs\.?)\s+(?:a\s+|the\s+)?(?:record(?:\s+high\s+of)?\s+)?$/i.test(slice(u, a.start - 25, a.start));
  // "… with the U.S. came to $4.44 billion, while the overall trade surplus reached $9.55 billion": the partner is
  // the one named in the amount's own part of the sentence
  let lead = slice(u, a.start - 90, a.start);
  const cut = [...lead.matchAll(/(?:,\s*|\s)(?:while|whereas|but|compared with)\s|;/g)].at(-1);
  if (cut) lead = lead.slice(cut.index! + cut[0].length);
  // a Korean-language balance without 대미/미국 is the country's overall balance
  const otherPartner = OTHER_PARTNER.test(lead + slice(u, a.start, a.end + 25)) || (/[가-힣]/.test(u.s.text) && !US.test(u.s.text));
  // "Korea's trade surplus with the U.S. for the January-October period came to about $40 billion": the balance word
  // further back, with nothing but its period and a verb of amounting between
  const far = slice(u, a.start - 110, a.start);
  const farCue = TRADE_CUE.test(far) && !NOT_TRADE.test(far) && !u.amounts.some((o) => o.end <= a.start && o.start >= a.start - 110) &&
    /\b(?:came to|stood at|was|were|reached|totaled|totalled|hit|narrowed to|widened to|amounted to|grew to|shrank to)\s+(?:a\s+)?(?:record(?:\s+high\s+of)?\s+|new high of\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?$/i.test(slice(u, a.start - 30, a.start));
  return ((TRADE_CUE.test(tight) && !NOT_TRADE.test(tight)) || prevBalance || farCue) && !otherPartner && !flowBefore;
}

/** The year the balance is for: the nearest year named in the sentence, or the year before publication for "last year". */
function yearOf(u: Unit, a: AmountMatch, frame: TimeFrame): number | null {
  // the year said right after the figure: "to about $50 billion last year from $55.7 billion in 2024"
  const right = /^\s*(?:\)\s*)?(?:in\s+|for\s+)?(last year|this year|(?:19|20)\d{2}|작년|지난해|올해)\b/i.exec(slice(u, a.end, a.end + 24));
  if (right) {
    const w = right[1]!.toLowerCase();
    if (/^\d{4}$/.test(w)) return Number(w);
    if (frame.certain) return Number(frame.anchor.slice(0, 4)) - (/last|작년|지난해/.test(w) ? 1 : 0);
  }
  const years = [...u.s.text.matchAll(/\b(?:in|for|during|of|throughout)\s+((?:19|20)\d{2})\b|(?:^|\s)((?:19|20)\d{2})(?:년|\s?(?:full[\s-]year|annual))|((?:19|20)\d{2})년/gi)].map((m) => ({
    y: Number(m[1] ?? m[2] ?? m[3]),
    at: u.s.start + m.index!,
  }));
  if (years.length) {
    years.sort((x, y) => Math.abs(x.at - a.start) - Math.abs(y.at - a.start));
    return years[0]!.y;
  }
  if (frame.certain && /\blast year\b|작년|지난해/i.test(u.s.text)) return Number(frame.anchor.slice(0, 4)) - 1;
  // a span of this year's months ("the January-October period", "first half", "1~10월")
  if (frame.certain && /\b(?:January|Jan\.?)[\s-]+(?:to|through|-)?[\s-]*(?:February|March|April|May|June|July|August|September|October|November)\b|\bfirst (?:half|quarter|nine months)\b|\b(?:this|the) year so far\b|올해|1\s*[~～-]\s*\d{1,2}월|상반기/i.test(u.s.text))
    return Number(frame.anchor.slice(0, 4));
  return null;
}
