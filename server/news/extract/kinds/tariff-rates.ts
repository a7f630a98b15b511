// Tariff-rate facts: each candidate rate (./tariff-candidates.ts) per sector, with the country it applies to, its
// status (announced, in effect, paused, proposed, reduced) and the day it takes effect, each read from the rate's own
// part of the sentence (", while the 25% rate for Korea is on hold" is another rate's part; "far better than the 25%
// that was threatened" is the 25%'s).
import type { TimeFrame } from "@/server/news/extract/context";
import type { DateMatch } from "@/server/news/extract/dates";
import type { FactTariffStatus, TariffRateFact } from "@/server/news/extract/types";
import { spanOf, why, wordsOf } from "@/server/news/extract/basis";
import { clauseAt, evidenceOf, slice, type Unit } from "./shared";
import { KOREA, tariffCandidates, type TariffCand } from "./tariff-candidates";
import { currentOldRate, KO_BACK } from "./tariff-same";

// Wording that makes a rate everyone's: on all imports, a baseline, Section 232's product duties on imports.
const GLOBAL_SCOPE = /\b(?:all (?:countries|nations|trading partners|foreign|imports|U\.S\. imports)|every (?:country|import)|global(?:ly)?|worldwide|from all|baseline|universal|imported|imports of|Section 232|across the board)\b|모든 (?:국가|수입)|전 세계|전세계|기본\s?관세|보편\s?관세|모든 교역국/i;
const KOREAN_TEXT = /[가-힣]/;
const VOIDED = /\b(?:struck down|strikes? down|void(?:ed|ing|s)?|invalidat\w+|overturn\w*|ruled (?:illegal|unlawful)|illegal|unlawful)\b|무효|위법|위헌|효력을 잃|법적 근거를 잃|적용되던/i;
// "lets a president impose a surcharge of up to 15 percent": what a law allows is a ceiling, not a rate
// ("The statute caps any such surcharge at 15%"; "향후 품목관세가 부과되더라도 15%를 넘지 않도록": a cap on a duty not yet
// imposed)
const CEILING = /\b(?:lets?|allows?|permits?|authori[sz]es?|empowers?|caps? such)\b[^.;]{0,60}\bup to\s*$|\b(?:law|statute|Section \d+)\b[^.;]{0,40}\bup to\s*$|\b(?:law|statute|act|Section \d+)\b[^.;]{0,20}\bcaps?\s+(?:any|such|a|the|those)\b[^.;]{0,40}\bat\s*$|\bcap\s+any\b[^.;]{0,90}\bat\s*$/i;
const CEILING_AFTER = /^\s*(?:를|을)?\s*(?:넘지|초과하지)\s*(?:않|못)/;
// "다른 나라 제품에는 … 15% 관세": other countries' rate
const OTHERS_RATE = /다른 나라|타국|여타 국가|\bother (?:countries|nations|exporters)['’]?/i;
const KOREAS_OWN = /(?:한국|우리)[이가은는]\s*(?:\S+\s*){0,3}미국산|\b(?:Korea|Seoul)\s+(?:\w+\s+){0,3}(?:on|against)\s+(?:U\.S\.|US|American)\s+(?:goods|products|imports|exports)\b/;

const PAUSED = /\b(?:paus(?:e|ed|es|ing)|suspend(?:ed|s|ing)?|suspension|delay(?:ed|s|ing)?|postpon(?:e|ed|es|ing)|hold(?:s|ing)? off|on hold|reprieve)\b|유예|연기|보류|효력(?:이|을)?\s*(?:멈|정지|중단)/i;
// "excluded from the pause", "유예 대상에서 빠져": the pause is another rate's
const NOT_PAUSED = /\b(?:excluded|exempt(?:ed)?|left out|spared) from the (?:pause|suspension|reprieve)\b|\bnot (?:covered|included) (?:by|in) the (?:pause|suspension)\b|(?:유예|보류)\s*(?:대상)?에서\s*(?:빠|제외)/i;
// still paid: "Korean cars are still paying 25%", "여전히 25%의 관세가 부과되고 있다" (a cut named but not applied yet)
const STILL_PAID = /\b(?:still|continue(?:s|d)? to)\s+(?:be\s+)?(?:pay(?:s|ing)?|paid|charged|levied|collected|in effect|in place|fac(?:e|es|ing)|enter(?:s|ing)? at)\b|(?:여전히|지금도|아직)[^.]{0,25}(?:부과되|내고|물고|적용되|붙고|붙는)(?!지)/i;
const NOW_PAID = /\bnow (?:carr(?:y|ies)|fac(?:e|es)|pay(?:s)?|enter(?:s)?|owe(?:s)?)\b|\bapplied (?:retroactively )?(?:to (?:entries|goods|imports) )?(?:from|since|as of)\b|\b(?:is|are) (?:now )?being (?:charged|collected)\b/i;
const PAUSE_ENDING = /\b(?:pause|suspension|reprieve)\s+(?:ends?|expires?|lapses?|runs out)|유예(?:가|를)?\s*(?:종료|만료|끝)/i;
const REDUCED = /\b(?:drop|fall|come down|go down)(?:s|ped|ping|ing)?\s+to\s+\d+(?:\.\d+)?\s?(?:%|percent|per cent),?\s+(?:down\s+)?from\s+\d|\b(?:lower(?:ed|s|ing)?|cut(?:s|ting)?|reduc(?:ed|es|ing)|slash(?:ed|es|ing)?|eas(?:ed|es|ing)|trimm?(?:ed|ing)|brought down|bring(?:s|ing)? down)\b[^.]{0,80}\bto\s+(?:just\s+|only\s+)?\d|\bfrom\s+\d+(?:\.\d+)?\s?(?:%|percent|per cent)\s+to\s+\d|\bdown from\b|인하|낮추|낮춘|낮아|낮춰|하향|내려(?:간|가|갔|갈)|에서\s*\d+(?:\.\d+)?\s*%\s*로/i;
const PROPOSED = /\b(?:propos(?:ed|es|ing|al)|threat(?:en|ened|ens|ening)?|consider(?:ed|s|ing)?|could|may|might|mull(?:ed|s|ing)?|weigh(?:s|ed|ing)?|float(?:ed|s)?|warn(?:ed|s)?|seek(?:s|ing)?|sought|push(?:es|ed|ing)? for|demand(?:s|ed|ing)?|call(?:s|ed|ing)? for|would like|wants?|would probably|probably|somewhere around)\b|\bsaid (?:he|she|it|they|the (?:president|administration|White House)) (?:would|will|plans to|intends to) (?:raise|hike|increase|impose|slap|put|restore|lift|double)\b|검토|위협|경고|요구|제안|압박/i;
// A rise or a new duty someone says they will bring, with no start set: "intends to raise", "vowed to impose",
// "인상하겠다고 밝혔다", "관세 25% 예고", "부과 방안을 제시" (a dated one is announced: see tariffStatus).
const THREAT = /\b(?:intend(?:s|ed)?|vow(?:s|ed)?|pledg(?:es|ed)|promis(?:es|ed)|plan(?:s|ned)?|threat(?:en(?:s|ed)?)?)\s+to\s+(?:raise|hike|increase|impose|slap|lift|restore|double|put|levy)\b|(?:인상|부과|적용|상향|복원)하겠다|(?:올리|매기|물리|되돌리)겠다|예고(?!\s*(?:돼|된|됐|되어))|엄포|방안을\s*(?:제시|내놓|검토)/i;
// The same, said of the rate earlier in the sentence: "Trump said he would raise tariffs on Korean autos, lumber …,
// as well as the reciprocal rate, to 25%" (the rate's own words start after "as well as").
const THREAT_LEAD = /\b(?:said|says|vowed|threatened|warned|wrote|posted)\b[^;]{0,30}?\s(?:that\s+)?(?:he|she|it|they|the (?:president|administration|White House)|Trump|Washington)\s+(?:(?:would|will|plans? to|intends? to|wants? to)\s+(?:\w+\s+)?(?:raise|hike|increase|impose|slap|lift|restore|double|push|put|levy|return)|(?:was|is|were|are)\s+(?:raising|hiking|increasing|lifting|restoring|returning|putting|slapping))\b/i;
const CONDITIONAL = /\bif (?:no|the|a)\b[^.]{0,40}\b(?:deal|agreement|talks)\b|\bunless\b|\bwithout a deal\b|합의하지 못하면|타결되지 않으면|결렬 시/i;
const FUTURE = /\b(?:will|would|shall|expect(?:s|ed)? (?:\w+\s+){0,5}to|is set to|are set to|is to|are to|plans? to|is scheduled|are scheduled|is due|are due|to take effect|takes effect on|set to take effect|from next)\b|예정|계획|방침|(?:할|될)\s*(?:것|전망)|(?:부과|시행|발효|적용|인상)(?:한다|된다|되며)|붙는다|매긴다/i;
const IN_EFFECT = /\b(?:took effect|takes? effect today|in effect|went into effect|came into (?:force|effect)|(?:went )?into force|in force|in place|imposed|levied|already|currently|existing|faces|faced|facing|face|paying|ha(?:ve|s|d) (?:been )?pa(?:id|ying)|pays|slapped|hit (?:with|by)|kicked in|now|keeps?|kept|remain(?:s|ed)?|stay(?:s|ed)?|still|continue(?:s|d)? to|subject to|since|raised|hiked|doubled|increased)\b|부과(?:하고|되고|된|됐|받고|돼)|부과 (?:영향|여파)|관세로 (?:인한 )?피해|발효(?:됐|된|되면서)|시행(?:됐|된|중)|적용(?:되고|받고|중|된|됐)|유지|여파|영향으로|맞고|물고/i;

/** Where this rate's own words start and end: from the previous rate or clause break before it to the next break, or
 * to the next rate when a comparison links them ("than", "instead of", "replacing"). */
function ownPart(u: Unit, cands: TariffCand[], c: TariffCand): { start: number; end: number } {
  const prevEnd = cands.filter((o) => o.pct.end <= c.pct.start).at(-1)?.pct.end ?? u.s.start;
  // (a headline's "…" separates its items: "한국에 상호관세 25%…전 세계 기본관세 10%는 5일부터")
  const BREAK = /,\s(?:and|but|while|whereas|because|replacing|instead of|on top of|in addition to|as well as|along with|with(?=\s[^,;]{0,80}\bto follow\b))\s|;\s|\s(?:but|while|whereas)\s|(?:지만|으나|(?<![다라자냐])고|며|면서|않아|않아서|않자),?\s|(?<=(?:관세|세율))(?:와|과)\s|…|\.\.\./g;
  // (an old rate before this one is not a candidate but ends the words before it: "25%의 상호관세를 15%로")
  // (but in "on Korean cars from 25 percent to 15 percent" the words before "from" are the new rate's too)
  const old = u.percents.filter((o) => o.end <= c.pct.start).at(-1);
  const fromTo = old && /^\s*to\s+$/i.test(slice(u, old.end, c.pct.start)) && /\bfrom\s+$/i.test(slice(u, old.start - 6, old.start));
  let start = Math.max(prevEnd, fromTo ? u.s.start : (old?.end ?? u.s.start));
  // (up to the rate's end, so ", with key parts to follow" sees its "to follow")
  for (const m of slice(u, prevEnd, c.pct.end).matchAll(BREAK)) if (prevEnd + m.index! < c.pct.start) start = prevEnd + m.index! + m[0].length;
  const rest = slice(u, c.pct.end, u.s.end);
  const brk = new RegExp(BREAK.source).exec(rest);
  let end = brk ? c.pct.end + brk.index : u.s.end;
  // ", but that was suspended until July 9": the next clause is about this rate when it refers back and names no other
  if (brk) {
    const after = slice(u, end + brk[0].length, u.s.end);
    const next = new RegExp(BREAK.source).exec(after);
    const clause = next ? after.slice(0, next.index) : after;
    // ("…발효됐지만 반나절 만에 효력이 멈췄다": a Korean clause after 지만 with no subject of its own, about a pause)
    const koPause = /지만|으나/.test(brk[0]) && /효력(?:이|을)?\s*(?:멈|정지|중단)|유예(?:됐|되었|된다)/.test(clause);
    if ((koPause || /^(?:that|it|this|which|the (?:rate|levy|tariff|duty))\b/i.test(clause)) && !u.percents.some((p) => p.start >= end && p.start < end + brk[0].length + clause.length))
      end += brk[0].length + clause.length;
  }
  // "far better than the 25% that was threatened": a compared rate's words are its own
  const next = u.percents.find((o) => o.start >= c.pct.end && o.start < end);
  if (next && /\b(?:than|instead of|rather than|replacing|versus|vs\.?|compared (?:with|to)|after|before|(?:down|up) from)\b/i.test(slice(u, c.pct.end, next.start))) end = next.start;
  // "down from the 25 percent which was scheduled from Aug. 1": the old rate's own clause is not this rate's
  else if (next && /\bfrom\s+(?:the\s+|a\s+)?$/i.test(slice(u, next.start - 12, next.start)) && /^\s*(?:[\w-]+\s+){0,2}(?:which|that)\b/i.test(slice(u, next.end, next.end + 30))) end = next.start;
  return { start, end };
}

/** "from 15 percent to 25 percent", "15%에서 25%로": a change upward (not a cut). */
function raisedFromTo(part: string): boolean {
  const m = /\bfrom\s+(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)\s+to\s+(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*%\s*에서\s*(\d+(?:\.\d+)?)\s*%/i.exec(part);
  if (m) return Number(m[2] ?? m[4]) > Number(m[1] ?? m[3]);
  // "to 25% from 15%"
  const r = /\bto\s+(\d+(?:\.\d+)?)\s?(?:%|percent|per cent),?\s+(?:up\s+)?from\s+(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)/i.exec(part);
  return r !== null && Number(r[1]) > Number(r[2]);
}

// ("10% — the U.S. baseline tariff …": a number box's figure and what it is)
const BASELINE_AFTER = /^\s*(?:[—–-]\s*)?(?:의\s*)?(?:(?:the|a|U\.S\.|US|[\w-]+)\s+){0,2}(?:baseline|기본\s?관세|보편\s?관세)/i;
type Reading<T> = { value: T; cue: string; words: RegExp | null };
const ALREADY = /\b(?:already|currently)\b|이미|현재/i;
const REMAINS_IN_FORCE = /\b(?:remain(?:s|ed)?|stay(?:s|ed)?)\s+in\s+(?:place|effect|force)\b|\bleav(?:e|es|ing)\b[^.;]{0,70}\b(?:untouched|unchanged|intact|in place)\b|손대지 못|그대로 유지|그대로\s*(?:부과|적용|붙)|유지됐|유지된다/i;
// "which have stood at 50 percent since last June", "stay at 50 per cent": the rate as it stands (words right before it)
const STANDS_AT = /\b(?:stood|stands?|stay(?:s|ed)?|remain(?:s|ed)?|ha(?:s|ve) been|held|holds?)\s+(?:steady\s+)?at\s+(?:the\s+)?$/i;
// "lift the levy from its current 25%": the rate as it stands, whatever the sentence says of the next one
const CURRENT_RATE = /\b(?:from|at)\s+(?:its|the|their)\s+(?:current|existing|present)\s+$|(?:현재|지금|현행)\s*$/i;
const ANNOUNCE_WORDS = /\b(?:announc(?:e|ed|es|ing)|order(?:ed|s)?|set|sign(?:ed|s)?|unveil(?:ed|s)?|agreed|deal|letter|caps?|fact sheet)\b|발표|예고|서명|합의|팩트시트/i;

/** A rate that replaces a higher one: "a 15% tariff instead of the 25% that was due", "averting a 25% rate", "25% 대신
 * 15%", or one applied retroactively (relief: "15% … retroactive to November 1", "11월 1일부터 소급"). */
function replacesHigher(u: Unit, pct: { start: number; end: number; value: number }): boolean {
  const after = /^[^.;]{0,40}?\b(?:instead of|rather than|avert(?:s|ed|ing)?|replac(?:es|ed|ing)|in place of|down from)\b[^.;\d]{0,30}?(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)/i.exec(slice(u, pct.end, pct.end + 110));
  if (after && Number(after[1]) > pct.value) return true;
  const before = /(\d+(?:\.\d+)?)\s?%\s*(?:대신|가 아닌)\s*[^.]{0,12}$/.exec(slice(u, pct.start - 40, pct.start));
  if (before && Number(before[1]) > pct.value) return true;
  // ("have paid a 15 percent tariff since Nov. 1, retroactively applied": a cut in force is in effect)
  const around = slice(u, pct.start - 60, pct.end + 90);
  return /\bretroactive(?:ly)?\b|소급/i.test(around) && !/\b(?:ha(?:ve|s) paid|have been paying|ha(?:ve|s) faced|pay|pays)\b[^.;]{0,30}$/i.test(slice(u, pct.start - 40, pct.start));
}

/** The rate a cut named right after it starts from ("자동차에 매기던 25%의 품목관세도 15%로 낮아진다", "the 25% levy will be
 * cut to 15%"): the rate paid until then. */
function oldOfCut(u: Unit, pct: { start: number; end: number; value: number }): boolean {
  const next = u.percents.find((p) => p.start > pct.end && p.start - pct.end <= 40);
  if (!next || next.value >= pct.value) return false;
  const between = slice(u, pct.end, next.start);
  // (a clause may stand between when the cut refers back to the rate: "25% 관세가 붙는데, 이걸 15%로 낮추기로")
  return (!/[,;]|\band\b|및|과\s|와\s/.test(between) || KO_BACK.test(between)) && REDUCED.test(slice(u, pct.end, next.end + 15)) && !/^\s*(?:to|에서)\s*$/i.test(between);
}

/** The rate's status, the rule that decided it and the words it read. */
function tariffStatus(part: string, whole: string, when: "past" | "future" | null, raised: boolean, cutBefore = false, lead = "", standsAt: "stands-at" | "old-of-cut" | null = null): Reading<FactTariffStatus> {
  const r = (value: FactTariffStatus, cue: string, words: RegExp | null): Reading<FactTariffStatus> => ({ value, cue, words });
  if (REMAINS_IN_FORCE.test(part)) return r("in_effect", "remains-in-force", REMAINS_IN_FORCE);
  // (the rate a cut starts from, "25%의 상호관세는 15%로 낮아지고", is paid until then)
  if (standsAt && !raised) return r("in_effect", standsAt, standsAt === "stands-at" ? STANDS_AT : null);
  if (PAUSED.test(part) && !PAUSE_ENDING.test(part) && !NOT_PAUSED.test(part) && !/\b(?:unless|if|hopes? (?:for|of)|seeks?|seeking|wins?)\b[^.;]{0,40}\b(?:reprieve|pause|delay|suspension)/i.test(part))
    return r("paused", "paused", PAUSED);
  if (STILL_PAID.test(part)) return r("in_effect", "still-paid", STILL_PAID);
  // "now carry a 15% all-in tariff, applied to entries from 1 November, down from 25%": a cut already applied
  if (NOW_PAID.test(part) && when !== "future") return r("in_effect", "now-paid", NOW_PAID);
  // ("lower its tariff … from 25 percent to 15 percent": the cut's words may stand before the old rate)
  if ((REDUCED.test(part) || cutBefore) && !raised) return r("reduced", "reduced", REDUCED);
  // "Trump said tariffs … would go up from 15 percent to 25 percent": a rise someone says will come is a threat
  if (raised && (PROPOSED.test(`${lead} ${part}`) || /\b(?:said|says|threatened|warned|vowed|posted|wrote)\b[^.;]*\b(?:would|will)\b/i.test(lead)))
    return r("proposed", "raise-threat", PROPOSED);
  if (CONDITIONAL.test(part)) return r("announced", "conditional", CONDITIONAL);
  if (PAUSE_ENDING.test(whole)) return r("announced", "pause-ending", null);
  if (THREAT.test(part) && when === null && !ALREADY.test(part)) return r("proposed", "threat", THREAT);
  if (THREAT_LEAD.test(lead) && when === null && !ALREADY.test(part)) return r("proposed", "threat-said", THREAT_LEAD);
  if (ALREADY.test(part) && !PROPOSED.test(part) && when !== "future") return r("in_effect", "already", ALREADY);
  if (when === "future") return r("announced", "day-ahead", null);
  if (when === "past") return r("in_effect", "day-passed", null);
  if (PROPOSED.test(part))
    return /\b(?:took effect|in effect|in place|already|currently|continue(?:s|d)? to|still)\b/i.test(part) ? r("in_effect", "in-force-words", IN_EFFECT) : r("proposed", "proposal-words", PROPOSED);
  if (FUTURE.test(part) && !/\b(?:already|currently|still|remain(?:s|ed)?|continue(?:s|d)? to)\b/i.test(part)) return r("announced", "future-words", FUTURE);
  if (IN_EFFECT.test(part)) return r("in_effect", "in-force-words", IN_EFFECT);
  // a rate stated with no verb of its own ("Steel and aluminum: 50%.") is the rate that applies
  return ANNOUNCE_WORDS.test(part) ? r("announced", "announce-words", ANNOUNCE_WORDS) : r("in_effect", "no-verb", null);
}

// Wording before a day that says the rate starts then.
// (a time may stand between: "took effect at 12:01 a.m. Wednesday", "from 12:01 a.m. EDT on Aug. 7")
const CLOCK = String.raw`(?:(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)\s*(?:(?:EDT|EST|ET|KST|GMT|U\.S\. Eastern time|Eastern time|local time|Washington time),?\s*)?(?:on\s+)?)?`;
export const EFFECTIVE_BEFORE = new RegExp(String.raw`(?:effect(?:ive)?(?:\s+(?:on|from|as of))?|retroactive(?:ly)?\s+(?:to|from|as of)|back-?dated\s+to|(?:entered\s+)?on or after|from|starting(?:\s+on)?|beginning(?:\s+on)?|(?:start|begin|take effect|kick in)\s+(?:no later than|by)|no later than|as of|since|kick(?:s|ed|ing)? in(?:\s+on)?|tak(?:e|es|ing) hold(?:\s+on)?|took hold(?:\s+on)?|(?:rise|rises|rose|double|doubles|doubled|climb|climbs|jump|jumps|fall|falls|drop|drops|went|goes|go|moved)\s+to\s+\d+(?:\.\d+)?\s?(?:%|percent|per cent)(?:\s+on)?|into (?:force|effect)(?:\s+on)?|took effect(?:\s+on)?|beg[ia]n(?:s)?(?:\s+on)?|start(?:s|ed)?(?:\s+on)?|follow(?:s|ed|ing)?(?:\s+(?:on|from|no later than))?)\s+${CLOCK}(?:the\s+)?$`, "i");
const CHANGED_ON = /\b(?:extend(?:s|ed)|rais(?:ed|es)|hik(?:ed|es)|doubl(?:ed|es)|increas(?:ed|es)|lower(?:ed|s)|cut|reduc(?:ed|es)|impos(?:e|ed|es|ing)|appl(?:ied|ies)|(?:began|begins|started|starts) (?:paying|collecting|charging|levying|imposing))\b(?:[^.;]|\.(?=\S|\s+[a-z])){0,90}\b(?:on|at\s+\d{1,2}:\d{2}\s*(?:a\.m\.|p\.m\.)(?:\s+on)?)\s+(?:the\s+)?$/i;
const STARTED_THEN = /\b(?:doubled|doubles|raised|took effect|went into effect|kicked in|came into force|began|started|applied)\b/i;
const LINE_ANNOUNCES = /\b(?:announc\w*|unveil\w*|assign\w*|threat\w*|letter|signs?|signed|propos\w*|says?|said)\b|발표|예고|서한|위협|서명|제시/i;
const RISES_OR_STARTS = /\b(?:will|to|would)\s+(?:\w+\s+)?(?:rise|increase|go up|climb|double|fall|drop|apply|take effect|start|begin|kick in)\b|\b(?:rises|increases|goes up|applies|takes effect|starts|begins|kicks in)\b|인상|인하|적용|시행|발효/i;
const WHEN_STARTS = /^,?\s+when\s+[^.;]{0,100}?\b(?:begins?(?: to apply)?|began|takes? effect|took effect|kicks? in|kicked in|starts?|started|comes? into (?:force|effect)|came into (?:force|effect)|goes? into effect|went into effect)\b/i;
// "관세가 발효된 7일", "시행되는 1일": the verb before the day
const EFFECTIVE_BEFORE_KO = /(?:발효|시행|적용)(?:된|되는|되기 시작한)\s*$/;
// (a day inside brackets, "내일(1일)부터", closes its bracket first)
export const EFFECTIVE_AFTER_KO = /^\s*\)?\s*(?:\([^)]{1,20}\)\s*)?(?:(?:(?:오전|오후)\s*)?\d{1,2}시(?:\s*\d{1,2}분)?\s*(?:\([^)]{1,20}\)\s*)?)?(?:부터|에\s*발효|발효|시행|(?:부과|적용)\s?개시|(?:자\s*)?(?:로|으로)\s*(?:소급|거슬러)|까지\s*(?:시행|적용|부과))|^\s*(?:에는|에)\s[^.]{0,40}(?:발효|시행|적용|부과)(?:될|된다|되며|할)/;

function effectiveDate(u: Unit, part: { start: number; end: number }, others: { start: number; end: number }[]): { d: DateMatch; cue: string } | null {
  // the rate's own part first, then the sentence (one date for several rates: "duties of 25% and 50% from Aug. 1")
  for (const inPart of [true, false]) {
    for (const d of u.dates) {
      if (d.precision !== "day" || d.date === null) continue;
      if (inPart !== (d.start >= part.start && d.end <= part.end)) continue;
      // "On Jan. 1, 2027, tariffs on kitchen cabinets will rise to 50 percent": the day the sentence opens with
      // (not "Today, Korean cars … pay 15%, a rate that applies retroactively from Nov. 1": today is when it is paid)
      // (a chronology's line labelled with its day: "■ 4월 3일 — 수입 자동차 25% 관세 발효.", "- Saturday, May 3: 25% tariff on
      // auto parts.", not the day a rate was announced: "April 2 — Korea is assigned a 25% reciprocal rate")
      // (nor when the line gives the start another day: "December 4 — … 15%, retroactive to Nov. 1")
      const otherStart = u.dates.some((o) => o !== d && o.precision === "day" && (/\b(?:retroactive(?:ly)?\s+(?:to|from|as of)|from|since|starting)\s+$/i.test(slice(u, o.start - 25, o.start)) || /^\s*(?:부터|(?:로|으로)\s*소급)/.test(slice(u, o.end, o.end + 8))));
      const labelled = /^\s*[—–:-]/.test(slice(u, d.end, d.end + 3)) && !LINE_ANNOUNCES.test(u.s.text) && !otherStart;
      // (not the day something was signed or announced: "31일 서명된 행정명령에 따라 …")
      // (nor a day the line says the rate ends: "7월 24일(금): … 10% 추가관세 150일 시한 만료")
      const signed = /^\s*(?:\([^)]{1,12}\)\s*)?(?:서명|발표|공개|공포|게재|signed|announced|unveiled)/i.test(slice(u, d.end, d.end + 16)) || (/만료|종료|효력을?\s*잃|\b(?:expires?|expiry|lapses?|ends)\b/i.test(slice(u, d.end, u.s.end)) && !/발효|시행|적용|부과|인상|인하|\b(?:takes? effect|took effect|appl(?:y|ies|ied)|start\w*|begin\w*|began|pay\w*|paid|charg\w*|ris(?:e|es|ing)|rose|doubl\w*|rais\w*|cut|lower\w*)\b/i.test(slice(u, d.end, u.s.end)));
      if (!signed && !/^(?:today|오늘|이날)/i.test(d.raw) && /^\s*(?:[■□▶►●◆•*·-]\s*)?(?:on|from|starting|beginning|effective)?\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$/i.test(slice(u, u.s.start + u.s.text.lastIndexOf("\n", Math.max(0, d.start - u.s.start - 1)) + 1, d.start)) && (RISES_OR_STARTS.test(u.s.text) || STARTED_THEN.test(u.s.text) || labelled)) return { d, cue: `opening:${d.kind}` };
      // a day in another rate's words is that rate's, unless the two rates are listed together ("25% and 50% from");
      // a day before this rate's words is another figure's when a percent stands between them
      if (!inPart && others.some((o) => d.start >= o.start && d.end <= o.end && (o.start > part.end + 30 || o.end < part.start || /\b(?:will|would|face|remain|subject|applies|apply|and\s+\w+\s+\w+|but|while|whereas|although|though)\b|…|;|\.\.\./i.test(slice(u, part.end, o.start + 12))))) continue;
      // (not the old figure of "기존 25%에서 50%로", "from 25% to 50%")
      // (unless the day was the old figure's threatened start: "8월 1일부터 매기겠다고 예고했던 상호관세를 25%에서 15%로")
      const oldFigure = (p: { end: number }) => /^\s*(?:percent\s+|per cent\s+)?(?:에서|to\b)/i.test(slice(u, p.end, p.end + 12)) && !/예고|위협|경고|겠다|threat\w*|warn\w*/i.test(slice(u, d.end, part.start));
      if (!inPart && d.end <= part.start && u.percents.some((p) => p.start >= d.end && p.end <= part.start && !oldFigure(p))) continue;
      // a day after a rate that is no candidate of its own (the one averted: "sets a 15% tariff, averting a 25% rate that
      // was due to kick in on Friday") is that rate's
      if (!inPart && d.start >= part.end && u.percents.some((p) => p.start >= part.end && p.end <= d.start && !others.some((o) => p.start >= o.start && p.end <= o.end) && /^\s*(?:[\w-]+\s+){0,2}?(?:that|which|had|was|were|would)\b/i.test(slice(u, p.end, d.start)))) continue;
      // a day after another rate and its own goods is that rate's ("25% on finished vehicles, and 50% on steel and
      // aluminium since 4 June")
      // (or its goods named before it: "… remain at 50 percent and copper products have been taxed at 50 percent since August 1")
      if (!inPart && d.start >= part.end && others.some((o) => o.start >= part.end && o.end <= d.start + 40 && u.sectors.some((x) => x.start >= part.end && x.end <= d.start))) continue;
      // a day that opens the next rate's words is that rate's ("철강·알루미늄 50%, 그리고 8월 1일부터 부과되고 있는 구리 50%")
      if (!inPart && d.start >= part.end && /,|;|그리고|\band\b/.test(slice(u, part.end, d.start)) && others.some((o) => o.start >= d.end && o.start - d.end <= 40 && u.sectors.some((x) => x.start >= d.end && x.end <= o.start))) continue;
      const before = slice(u, d.start - 40, d.start);
      if (/\bretroactive(?:ly)?\s+(?:from|to|as of)\s+$/i.test(slice(u, d.start - 30, d.start)) && !inPart) continue;
      // (a weekday's match may carry its "on": "begins imposing … on Saturday")
      const upTo = slice(u, d.start - 120, d.start) + (/^on\s/i.test(d.raw) ? "on " : "");
      // ("next Friday, when a 15 percent tariff … begins to apply": the day, then the clause that starts the rate)
      const whenStarts = WHEN_STARTS.exec(slice(u, d.end, d.end + 140));
      const startsThen = whenStarts !== null && part.start < d.end + whenStarts[0].length && part.end > d.end;
      if (EFFECTIVE_BEFORE.test(before) || EFFECTIVE_BEFORE_KO.test(before) || EFFECTIVE_AFTER_KO.test(slice(u, d.end, d.end + 60)) || (inPart && CHANGED_ON.test(upTo)) || startsThen) {
        // "from Tuesday, Feb. 24": the weekday names the day the month-day after it gives
        const follow = d.kind === "weekday" ? u.dates.find((o) => o !== d && o.start >= d.end && o.start - d.end <= 3 && o.precision === "day" && o.date && o.kind !== "relative" && o.kind !== "weekday") : undefined;
        return { d: follow ? { ...d, date: follow.date, end: follow.end } : d, cue: `${inPart ? "own" : "shared"}:${d.kind}` };
      }
    }
  }
  return null;
}

// Wording that a rate started on the day of publication with no day of its own: a clock time ("took effect at 12:01
// a.m.", "began at 1:01 p.m. Eastern time"), "hours after … took effect", a Korean headline's bare "발효" ("美 수입차 25%
// 관세 발효…") or "발효된 첫날".
const HOURS_AFTER = /\b(?:hours|minutes) after\b[^.;]{0,80}\b(?:took effect|went into effect|kicked in|came into force)\b/i;
const STARTED_AT_CLOCK = /\b(?:took effect|went into effect|kicked in|came into force|began|started)\s+at\s+\d{1,2}:\d{2}\s*(?:a\.m\.|p\.m\.|am|pm)(?!\s*(?:[A-Z]{2,4}\s+)?(?:on\s+)?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|last|next|this|tomorrow|yesterday))/i;
const STARTED_HEADLINE_KO = /관세\s*(?:본격\s*)?발효(?:\s*$|\s*…|\s*\.\.\.|\s*[,·]|됐|되었|돼)|(?:발효|시행)된\s*(?:첫날|당일)/;

/** The publication day as the rate's start, when the words say it started then and name no day (null otherwise);
 * "hours after … took effect" is the day the sentence names, when it names one. */
function startedOnPublication(u: Unit, part: { start: number; end: number }, frame: TimeFrame): { d: DateMatch; cue: string } | null {
  if (!frame.certain) return null;
  const text = slice(u, part.start, part.end);
  const days = u.dates.filter((d) => d.precision === "day" && d.date !== null);
  const hoursAfter = HOURS_AFTER.exec(text);
  const named = hoursAfter && days.length === 1 ? days[0]!.date! : null;
  if (!hoursAfter && days.some((d) => d.start >= part.start && d.end <= part.end)) return null;
  const m = hoursAfter ?? STARTED_AT_CLOCK.exec(text) ?? (/지난|앞서|예정|앞두|될\s|한다|키로|전망/.test(text) ? null : STARTED_HEADLINE_KO.exec(text));
  if (!m) return null;
  const start = part.start + m.index;
  const date = named ?? frame.anchor;
  return { d: { date, month: date.slice(0, 7), precision: "day", kind: "relative", start, end: start + m[0].length, raw: m[0] }, cue: "started-on-publication" };
}

/** KR when the rate is worded as Korea's (or the sentence is Korean, written from Korea's side), ALL when the rate's
 * own words make it everyone's. */
const EVERYONE = /\b(?:all (?:countries|nations|trading partners|suppliers|imports|U\.S\. imports)|all (?!(?:South\s+)?Korean\b)(?:[\w-]+\s+){1,3}imports|every (?:country|import|U\.S\. import)|worldwide|from all|most (?:trading partners|countries)|(?:nearly|almost) (?:all|every)\b)\b|모든 (?:국가|나라|수입|교역국)|전 세계|전세계|세계 공통|모든 나라에 공통|교역국 (?:전체|공통)/i;

// Section 232's sector duties are the same for every country: steel, aluminum and copper at any rate, cars and car
// parts at 25% (Korea's own car rate is the deal's 15%). Korean exporters paying the metals duties ("South Korean steel
// exporters began paying a 25 percent tariff", "철강·알루미늄에 부과되는 50%의 관세") pay everyone's rate, unless the words
// make it Korea's alone; a 25% car duty only when the sentence names no Korea at all (it was Korea's only by the
// article's language): "한국산 자동차 관세를 15%에서 25%로 다시 올리겠다" is Korea's own rate going back up.
const GLOBAL_232: Partial<Record<TariffRateFact["sector"], (rate: number) => boolean>> = {
  semiconductors: (rate) => rate >= 25,
  steel: () => true,
  aluminum: () => true,
  copper: () => true,
  autos: (rate) => rate === 25,
  auto_parts: (rate) => rate === 25,
};
const GLOBAL_CAR_PROGRAMME = /\bunder (?:the )?(?:separate |global |U\.S\. |American |Section 232 )?(?:auto(?:mobile)?|car|vehicle) (?:tariffs?|duties|levy)\b|\bSection 232\b|232조/i;
const CAR_SECTORS = new Set<TariffRateFact["sector"]>(["autos", "auto_parts"]);
const GENERAL_EVERYONE = /\bbaseline\b|\bsurcharge\b|Section 122|기본\s?관세|보편\s?관세|122조/i;

/** The rule that makes a rate read as Korea's everyone's instead (the country cue), or null. */
function everyonesRate(sector: TariffRateFact["sector"], rate: number, partText: string, sentence: string): string | null {
  if (sector === "all_goods") return GENERAL_EVERYONE.test(partText) ? "baseline-or-surcharge" : null;
  if (GLOBAL_232[sector]?.(rate) !== true) return null;
  // ("Korean cars keep paying 25 percent under the separate auto tariffs": the global programme named)
  return CAR_SECTORS.has(sector) && KOREA.test(sentence) && !GLOBAL_CAR_PROGRAMME.test(sentence) ? null : "section-232-global";
}
const KOREA_ONLY = /\b(?<!\bno\s)(?<!\bwithout\s)(?:Korea[\s-]specific|only (?:on|for) (?:South )?Korea\w*|for (?:South )?Korea\b|Korea's (?:own|reciprocal)|duties for (?:South )?Korea)\b|한국에만|한국에 대한|대한\s?(?:상호)?관세|對韓/i;

const ELLIPSIS = /^,?\s*and\s+(?:[\w-]+\s+){1,3}?(?:since|from|starting|beginning)\s+/i;
const IMPORTED = /\bimported\s+(?!(?:South\s+)?Korean)|\bimports of\s+(?!(?:South\s+)?Korean)|(?<!한국산\s?|대미\s?)수입\s?(?:승용차|자동차|차|반도체|의약품|철강|목재|구리|부품|품)/i;

function countryOf(u: Unit, partText: string): Reading<"KR" | "ALL"> {
  const r = (value: "KR" | "ALL", cue: string, words: RegExp | null) => ({ value, cue, words });
  if (EVERYONE.test(partText)) return r("ALL", "everyone", EVERYONE);
  // "tariffs on imported steel … a move that hits South Korea": imports in general, unless they are Korean
  if (IMPORTED.test(partText)) return r("ALL", "imported", IMPORTED);
  if (KOREA.test(partText)) return r("KR", "korea-named", KOREA);
  // ("pay a 15% all-in rate under Section 232": the programme is everyone's, the rate may be Korea's alone — the
  // tracker decides, ./measures.ts)
  if (GLOBAL_SCOPE.test(partText)) return r("ALL", GLOBAL_SCOPE.exec(partText)![0].startsWith("Section") ? "section-232-words" : "global-words", GLOBAL_SCOPE);
  if (KOREAN_TEXT.test(u.s.text)) return r("KR", "korean-text", null);
  if (GLOBAL_SCOPE.test(u.s.text)) return r("ALL", "global-in-sentence", null);
  return KOREA.test(u.s.text) ? r("KR", "korea-in-sentence", null) : r("ALL", "nothing-said", null);
}

/** Whether the day a rate starts lies ahead of publication: a later day does; the day of publication does when the
 * wording is future ("takes effect today" vs "kicked in on Thursday"); without a publication date, future wording does. */
function timing(day: string, frame: TimeFrame, part: string): "past" | "future" {
  if (!frame.certain) return FUTURE.test(part) ? "future" : day >= frame.anchor ? "future" : "past";
  if (day !== frame.anchor) return day > frame.anchor ? "future" : "past";
  // "오늘 오후 1시 1분부터 … 발효되기 때문", "takes effect at 12:01 a.m. today": a start later that day
  // ("… 오후 1시 1분부터 … 붙기 시작했습니다": started already, in a broadcast's formal past)
  if (/(?:오전|오후)\s*\d{1,2}시[^.]{0,12}부터/.test(part) && !/됐다|되었다|했다|(?:했|됐|되었|었|았)습니다/.test(part)) return "future";
  return FUTURE.test(part) && !/\b(?:kicked in|took effect|went into|came into|effective)\b/i.test(part) ? "future" : "past";
}

/** The rate a change dated after publication starts from ("lift the aluminum rate to 25% from the 10% … , taking effect
 * on March 12", "goes up to 25 percent from 10 percent" in February): still what is paid, for the same goods. */
function oldOfComingChange(u: Unit, cands: TariffCand[], frame: TimeFrame): TariffCand[] {
  if (!frame.certain || !u.dates.some((d) => d.precision === "day" && d.date !== null && d.date > frame.anchor)) return [];
  const out: TariffCand[] = [];
  for (const p of u.percents) {
    if (p.points || p.signed || cands.some((c) => c.pct.start === p.start)) continue;
    // "to 25% from (the) 10%" / "from 10% to 25%"
    const after = cands.find((c) => c.pct.end <= p.start && /^\s*(?:percent|per cent)?\s*from\s+(?:the\s+)?$/i.test(slice(u, c.pct.end, p.start)));
    // (Korean: "알루미늄은 10%에서 25%로")
    const before = cands.find((c) => c.pct.start >= p.end && ((/^\s*(?:percent|per cent)?\s*to\s+$/i.test(slice(u, p.end, c.pct.start)) && /\bfrom\s+(?:the\s+)?$/i.test(slice(u, p.start - 10, p.start))) || /^\s*에서\s*$/.test(slice(u, p.end, c.pct.start))));
    const c = after ?? before;
    // (the goods named in the change's own clause: "restore the 25% steel duty … and lift the aluminum rate to 25% from
    // the 10%" starts aluminum from 10%, not steel)
    const named: string[] = c ? [...new Set(u.sectors.filter((x) => x.start >= clauseAt(u, Math.min(c.pct.start, p.start)).start && x.end <= Math.max(c.pct.end, p.end)).map((x) => x.sector))] : [];
    if (c && p.value < c.pct.value) out.push({ ...c, pct: p, sectors: named.length ? c.sectors.filter((x) => named.includes(x)) : c.sectors });
  }
  return out;
}

const AVOIDED_BEFORE = /\b(?:avoided|averted|escaped|dodged|been spared)\s+(?:the\s+|a\s+|an\s+)?(?:higher\s+|threatened\s+)?$/i;
const AVOIDED_AFTER_KO = /^\s*(?:의\s*)?(?:상호\s?)?(?:관세|세율)?\s*(?:를|을)?\s*(?:피했|피하게|피한|면했|면하게)/;

export function tariffFacts(u: Unit, frame: TimeFrame): TariffRateFact[] {
  const found = tariffCandidates(u);
  const olds = oldOfComingChange(u, found, frame);
  const cands = [...found, ...olds];
  const out: TariffRateFact[] = [];
  const parts = cands.map((c) => ownPart(u, cands, c));
  cands.forEach((c, i) => {
    const part = parts[i]!;
    const partText = slice(u, part.start, part.end);
    // a rate struck down by a court is not a live rate; Korea's duties on American goods are not tracked
    // ("a 10 percent surcharge …, after the Supreme Court struck down the reciprocal tariffs": the ruling is the occasion)
    const ownWords = partText.replace(/\b(?:after|following|since|when|because|once)\b.*$/is, "");
    if (VOIDED.test(ownWords) || KOREAS_OWN.test(partText) || CEILING.test(slice(u, c.pct.start - 130, c.pct.start)) || CEILING_AFTER.test(slice(u, c.pct.end, c.pct.end + 12))) return;
    if (OTHERS_RATE.test(slice(u, part.start, c.pct.start)) && !/한국산|Korean/.test(slice(u, part.start, c.pct.start))) return;
    // a rate escaped is none ("the country had avoided the 25 percent duty that Trump had threatened", "25% 관세를 피했다")
    if (AVOIDED_BEFORE.test(slice(u, c.pct.start - 24, c.pct.start)) || AVOIDED_AFTER_KO.test(slice(u, c.pct.end, c.pct.end + 24))) return;
    const current = CURRENT_RATE.test(slice(u, c.pct.start - 30, c.pct.start));
    // (a start stated only to the month, "have paid 25% since March", is no day: not the sentence's other day either)
    const monthOnly = u.dates.some((d) => d.precision === "month" && d.start >= part.start && d.end <= part.end && /\b(?:since|from|starting|beginning)\s+(?:last\s+)?$|지난\s*$/i.test(slice(u, d.start - 16, d.start)));
    const isOld = olds.includes(c);
    const eff = current || monthOnly || isOld ? null : (effectiveDate(u, part, parts.filter((o) => o !== part)) ?? startedOnPublication(u, part, frame));
    const when = eff === null ? null : timing(eff.d.date!, frame, partText);
    // (the words before the rate, from its own part's start, or from the old rate of "X에서 Y로", "from X to Y")
    const old = u.percents.filter((o) => o.end <= c.pct.start).at(-1);
    const changeFrom = old && /^\s*(?:percent|per cent)?\s*(?:to|에서)\s*$/i.test(slice(u, old.end, c.pct.start)) ? old.start - 40 : part.start;
    const lead = slice(u, Math.max(Math.min(part.start, changeFrom), c.pct.start - 70), c.pct.end + 30);
    const standsAt = STANDS_AT.test(slice(u, c.pct.start - 30, c.pct.start)) || current || currentOldRate(u, c.pct) ? "stands-at" : oldOfCut(u, c.pct) ? "old-of-cut" : null;
    const read = tariffStatus(partText, u.s.text, when, raisedFromTo(lead), REDUCED.test(lead) || replacesHigher(u, c.pct), slice(u, u.s.start, c.pct.end + 30), standsAt);
    // ("… 25%로 되돌리고, 목재와 의약품에도 25%를 적용하겠다고 썼다": a Korean clause chained with -고 takes the mood of the last verb)
    // (the pause of 2025 left the baseline in force: "leaving Korean goods subject only to the 10% baseline")
    const baselineNotPaused = read.cue === "paused" && BASELINE_AFTER.test(slice(u, c.pct.end, c.pct.end + 30));
    const status = isOld ? { value: "in_effect" as const, cue: "old-of-coming-change", words: null } : baselineNotPaused ? { value: "in_effect" as const, cue: "baseline-in-pause", words: null } : read.cue === "no-verb" && when === null && KOREAN_TEXT.test(partText) && THREAT.test(slice(u, part.end, u.s.end)) ? { value: "proposed" as const, cue: "threat-chained", words: THREAT } : read;
    const country = countryOf(u, partText);
    const words = (x: { words: RegExp | null }) => wordsOf(x.words, partText, part.start) ?? wordsOf(x.words, u.s.text, u.s.start);
    for (const sector of c.sectors) {
      // (on all goods, the baseline and the Section 122 surcharge are everyone's too)
      const everyones = country.value === "KR" && !KOREA_ONLY.test(partText) ? everyonesRate(sector, c.pct.value, partText, u.s.text) : null;
      const named = u.sectors.filter((x) => x.sector === sector).sort((a, b) => Math.abs(a.start - c.pct.start) - Math.abs(b.start - c.pct.start))[0];
      out.push({
        kind: "tariff_rate",
        sector,
        ratePct: c.pct.value,
        country: everyones ? "ALL" : country.value,
        status: status.value,
        effective: eff?.d.date ?? null,
        evidence: evidenceOf(u.s),
        confidence: 0,
        cue: c.bound ? "bound" : sector === "all_goods" || sector === "other" ? `loose:${sector}` : "loose:sector",
        basis: {
          sector: why(named ? (c.bound ? "bound" : "near") : sector === "all_goods" ? "all-goods" : "other", spanOf(named)),
          ratePct: why("percent", spanOf(c.pct)),
          status: why(status.cue, words(status)),
          country: everyones ? why(everyones, null) : why(country.cue, words(country)),
          effective: eff ? why(eff.cue, spanOf(eff.d)) : why("none"),
        },
      });
    }
    // "Imported cars have paid 25% since April 3, and auto parts since May 3": the same rate for another sector, from its
    // own day
    const more = ELLIPSIS.exec(slice(u, part.end, u.s.end));
    const day = more ? u.dates.find((d) => d.start >= part.end + more.index && d.start <= part.end + more.index + more[0].length + 2 && d.date) : undefined;
    const last = out.at(-1);
    if (more && day && last && last.ratePct === c.pct.value && !u.percents.some((p) => p.start >= part.end && p.start < day.start)) {
      const extra = u.sectors.filter((x) => x.start >= part.end + more.index && x.end <= day.start && !c.sectors.includes(x.sector));
      for (const x of new Set(extra.map((e) => e.sector)))
        out.push({ ...last, sector: x, effective: day.date, status: day.date! <= frame.anchor || !frame.certain ? last.status : "announced", basis: { ...last.basis, sector: why("ellipsis", spanOf(extra[0])), effective: why(`ellipsis:${day.kind}`, spanOf(day)) } });
    }
  });
  return out;
}
