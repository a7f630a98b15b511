// Tax changes: a tax rate moving from one percent to another ("cut from 5% to 3.5% until June 30", "5%에서 3.5%로"),
// with the day it lasts until; a tariff cut worded the same way is not a tax change.
import type { TimeFrame } from "@/server/news/extract/context";
import type { TaxChangeFact } from "@/server/news/extract/types";
import { spanOf, why } from "@/server/news/extract/basis";
import { evidenceOf, slice, type Unit } from "./shared";

const PCT = String.raw`(\d+(?:\.\d+)?)\s?(?:%|percent|per cent|퍼센트)`;
const FROM_TO = new RegExp(String.raw`\bfrom\s+(?:the\s+)?(?:current\s+|existing\s+|previous\s+)?${PCT}\s+to\s+(?:a\s+)?${PCT}`, "gi");
const TO_FROM = new RegExp(String.raw`\bto\s+${PCT}\s+from\s+(?:the\s+)?(?:current\s+|existing\s+|previous\s+)?${PCT}`, "gi");
// "at a reduced rate of 3.5 percent until the end of this year, down from the standard 5 percent", "keeping the rate
// at 3.5 percent instead of the regular 5 percent": the new rate first, the old one after (no other percent between)
const NEW_THEN_OLD = new RegExp(
  String.raw`${PCT}(?:(?!\d+(?:\.\d+)?\s?(?:%|percent|per cent))[^.;%]){0,70}?\b(?:down from|up from|instead of|rather than|compared with|versus|vs\.?)\s+(?:the\s+|a\s+)?(?:[A-Za-z-]+\s+){0,2}?${PCT}`,
  "gi",
);
const KO_FROM_TO = new RegExp(String.raw`${PCT}에서\s*${PCT}\s*(?:로|으로)`, "g");
const TAX_WORD = /\b(?:tax(?:es)?|VAT|levy on (?:purchases|consumption))\b|(?:개별소비세|소비세|부가세|부가가치세|취득세|법인세|관세(?!율)|세율|[가-힣]{1,6}세)(?=[\s은는을를이가의율]|$)/i;

function taxName(u: Unit): string {
  const t = u.s.text;
  let m = /((?:[A-Za-z-]+\s){0,3})tax(?:es)?\s+on\s+((?:[A-Za-z-]+\s?){1,3})/i.exec(t);
  if (m && !/\b(?:the|a|an)\s*$/i.test(m[2]!)) {
    const obj = m[2]!.trim().split(/\s+/).slice(0, 2).join(" ");
    return `tax on ${obj}`.replace(/\s+(?:will|would|is|are|was|were|to|from)$/i, "");
  }
  m = /((?:[A-Za-z-]+\s){0,3})tax\b/i.exec(t);
  if (m) {
    const words = m[1]!.trim().split(/\s+/).filter((w) => w && !/^(?:the|a|an|its|their|of|on|to|and|will|would|cut|cuts|lower|lowered|reduce|reduced)$/i.test(w));
    return `${words.slice(-3).join(" ")} tax`.trim();
  }
  m = /(개별소비세|소비세|부가가치세|부가세|취득세|법인세|[가-힣]{1,6}세)(?=[\s은는을를이가의율]|$)/.exec(t);
  return m ? m[1]! : "tax";
}

export function taxFacts(u: Unit, frame: TimeFrame): TaxChangeFact[] {
  const t = u.s.text;
  if (!TAX_WORD.test(t)) return [];
  // a tariff sentence without a tax word of its own is a tariff reduction, not a tax change
  if (/\btariffs?\b|관세/i.test(t) && !/\btax(?:es)?\b|VAT|소비세|부가세|취득세|법인세/i.test(t)) return [];
  const out: TaxChangeFact[] = [];
  const add = (from: number, to: number, at: number) => {
    if (from === to) return;
    const until = u.dates.find(
      (d) => d.precision === "day" && d.date !== null && (/\b(?:until|till|through|to)\s+(?:the\s+end\s+of\s+)?$/i.test(slice(u, d.start - 20, d.start)) || /^\s*까지/.test(slice(u, d.end, d.end + 4))),
    );
    // "until the end of this year", "through year-end", "연말까지": the last day of the publication year
    const yearEnd = frame.certain && /\b(?:until|till|through|to|by)\s+(?:the\s+)?(?:end of (?:this|the) year|year[\s-]end)\b|올해 말까지|연말까지/i.test(t)
      ? `${frame.anchor.slice(0, 4)}-12-31`
      : null;
    out.push({
      kind: "tax_change",
      tax: taxName(u),
      fromPct: from,
      toPct: to,
      until: until?.date ?? yearEnd,
      evidence: evidenceOf(u.s),
      confidence: 0,
      cue: "from-to",
      basis: { until: until ? why(until.kind, spanOf(until)) : why(yearEnd ? "year-end" : "none") },
    });
    void at;
  };
  for (const m of t.matchAll(FROM_TO)) add(Number(m[1]), Number(m[2]), m.index!);
  for (const m of t.matchAll(TO_FROM)) add(Number(m[2]), Number(m[1]), m.index!);
  for (const m of t.matchAll(KO_FROM_TO)) add(Number(m[1]), Number(m[2]), m.index!);
  if (out.length === 0) for (const m of t.matchAll(NEW_THEN_OLD)) add(Number(m[2]), Number(m[1]), m.index!);
  return out;
}
