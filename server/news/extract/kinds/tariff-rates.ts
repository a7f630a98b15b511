// Tariff-rate facts: each candidate rate (./tariff-candidates.ts) per sector, with the country it applies to, its
// status (announced, in effect, paused, proposed, reduced) from the wording of its own part of the sentence, and the
// day it takes effect.
import type { TimeFrame } from "@/server/news/extract/context";
import type { FactTariffStatus, TariffRateFact } from "@/server/news/extract/types";
import { evidenceOf, slice, type Unit } from "./shared";
import { KOREA, tariffCandidates } from "./tariff-candidates";

const GLOBAL_SCOPE = /\b(?:all (?:countries|nations|trading partners|foreign)|every country|global(?:ly)?|worldwide|from all)\b|모든 국가|전 세계/i;

function tariffStatus(sentence: string, futureEffective: boolean): FactTariffStatus {
  const s = sentence;
  // "a 10 percent baseline tariff remains in place" under a pause of other rates
  if (/\b(?:remain(?:s|ed)?|stay(?:s|ed)?)\s+in\s+(?:place|effect|force)\b/i.test(s)) return "in_effect";
  if (/\b(?:paus(?:e|ed|es|ing)|suspend(?:ed|s|ing)?|suspension|delay(?:ed|s|ing)?|postpon(?:e|ed|es|ing)|hold(?:s|ing)? off|(?:put |is |are |was |were )?on hold|reprieve)\b|유예|연기|보류/i.test(s))
    return "paused";
  if (/\b(?:lower(?:ed|s|ing)?|cut(?:s|ting)?|reduc(?:ed|es|ing)|slash(?:ed|es|ing)?|eas(?:ed|es|ing)|trimm?(?:ed|ing))\b[^.]{0,80}\bto\s+\d|\bfrom\s+\d+(?:\.\d+)?\s?(?:%|percent|per cent)\s+to\s+\d|인하|낮추|낮춘|낮아/i.test(s))
    return "reduced";
  if (futureEffective) return "announced";
  if (/\b(?:propos(?:ed|es|ing|al)|threat(?:en|ened|ens|ening)?|consider(?:ed|s|ing)?|could|may|might|mull(?:ed|s|ing)?|weigh(?:s|ed|ing)?|float(?:ed|s)?|warn(?:ed|s)?)\b|검토|위협|경고/i.test(s))
    return /\b(?:took effect|in effect|in place|already|currently)\b/i.test(s) ? "in_effect" : "proposed";
  // "will face a 15 per cent levy", "would pay": not yet in force
  if (/\b(?:will|would|shall)\s+(?:\w+\s+)?(?:face|pay|apply|be)\b/i.test(s) && !/\b(?:already|currently|still|remain(?:s|ed)?|continue(?:s|d)? to)\b/i.test(s))
    return "announced";
  if (/\b(?:took effect|takes? effect today|in effect|went into effect|came into (?:force|effect)|(?:went )?into force|in force|in place|imposed|levied|already|currently|existing|faces|faced|facing|face|are paying|is paying|ha(?:ve|s|d) (?:been )?pa(?:id|ying)|slapped|hit (?:with|by)|kicked in|now|remain(?:s|ed)?|stay(?:s|ed)?|still|continue(?:s|d)? to|subject to|since)\b|부과(?:하고|되고|된|됐|받고)|부과 (?:영향|여파)|관세로 (?:인한 )?피해|발효(?:됐|된)|시행(?:됐|된|중)|적용(?:되고|받고|중)|유지|여파/i.test(s))
    return "in_effect";
  return "announced";
}

export const EFFECTIVE_BEFORE = /(?:effect(?:ive)?(?:\s+(?:on|from|as of))?|from|starting(?:\s+on)?|beginning(?:\s+on)?|as of|kick(?:s|ing)? in(?:\s+on)?|begin(?:s)?(?:\s+on)?|start(?:s)?(?:\s+on)?)\s+(?:the\s+)?$/i;
export const EFFECTIVE_AFTER_KO = /^\s*(?:부터|이후|에\s*발효|발효|시행)/;

function effectiveDate(u: Unit): string | null {
  for (const d of u.dates) {
    if (d.precision !== "day" || d.date === null) continue;
    if (EFFECTIVE_BEFORE.test(slice(u, d.start - 40, d.start)) || EFFECTIVE_AFTER_KO.test(slice(u, d.end, d.end + 10))) return d.date;
  }
  return null;
}

export function tariffFacts(u: Unit, frame: TimeFrame): TariffRateFact[] {
  const cands = tariffCandidates(u);
  if (cands.length === 0) return [];
  const eff = effectiveDate(u);
  const future = eff !== null && (!frame.certain || eff >= frame.anchor);
  // with a known publication date, an effective date before it is never "to come" ("a 25% tariff that took effect
  // April 3" in a sentence about what the government will do)
  const futureCue = future || (!frame.certain && /\b(?:will|set to|to take effect|takes effect on|from)\b/i.test(u.s.text) && eff !== null);
  const korea = KOREA.test(u.s.text);
  const out: TariffRateFact[] = [];
  for (const c of cands) {
    // the status words of this rate's own part of the sentence (", and the other rates were paused" is another part)
    const prevEnd = cands.filter((o) => o.pct.end <= c.pct.start).at(-1)?.pct.end ?? u.s.start;
    const rest = slice(u, c.pct.end, u.s.end);
    const brk = /,\s(?:and|but|while|whereas)\s|;\s|\s(?:but|while|whereas)\s/.exec(rest);
    const status = tariffStatus(slice(u, prevEnd, brk ? c.pct.end + brk.index : u.s.end), futureCue);
    for (const sector of c.sectors) {
      const country = korea && !GLOBAL_SCOPE.test(u.s.text) ? "KR" : "ALL";
      out.push({
        kind: "tariff_rate",
        sector,
        ratePct: c.pct.value,
        country,
        status,
        effective: eff,
        evidence: evidenceOf(u.s),
        confidence: c.bound ? 0.9 : sector === "all_goods" ? 0.75 : 0.65,
      });
    }
  }
  return out;
}
