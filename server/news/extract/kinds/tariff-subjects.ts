// A rate borne by what a sentence is about, with no tariff phrase binding the figure, in an article about tariffs:
// "Steel, aluminum and copper remain at 50%", "Korean cars currently pay 15 percent", "Korean cars and auto parts keep
// the 15% all-in rate", "… remain subject to the 50% Section 232 duties", "Generic medicines still enter at 0 percent",
// "Korean goods … have been charged 12.5 percent", "한국산 자동차에는 이미 25%", list lines ("— Steel and aluminum: 50%").
import type { PercentMatch } from "@/server/news/extract/numbers";
import type { FactSector } from "@/server/news/extract/sectors";
import { slice, type Unit } from "./shared";
import { listEndingWithLast } from "./tariff-candidates";

const ADVERBS = String.raw`(?:(?:have|has|had|will|would|also|still|now|already|currently|continue to|continues to|do|does|must|generally|typically|effectively|then|only)\s+)*`;
const VERBS = String.raw`remain(?:s|ed)?(?:\s+subject\s+to)?|stay(?:s|ed)?|stand(?:s)?|stood|pa(?:y|ys|id|ying)|fac(?:e|es|ed|ing)|keep(?:s|ing)?|kept|enter(?:s|ed)?|(?:are|is|be|been|were|was)\s+(?:charged|taxed|levied|subject\s+to|hit\s+with)|subject\s+to|charged`;
// the verb, then "at", an article and adjectives before the figure ("keep the 15% all-in rate")
const BEAR_VERB = new RegExp(String.raw`\s+${ADVERBS}(?:${VERBS})\s+(?:at\s+)?(?:(?:a|an|the|same|current|existing|flat|combined)\s+){0,3}$`, "i");
const NOT_BEAR = /\b(?:shares?|growth|GDP|interest|tax(?:es)?|inflation|poll|approval|respondents|stake|margin|unemployment|sales|exports?|prices?|profits?|revenue|percentage points?|wages?|dividends?|stocks?)\b/i;
const KOREAN_GOODS = /\b(?:(?:South\s+)?Korean|Korea's)\s+(?:goods|products|imports|exports|shipments|items)\b|한국산\s*(?:제품|상품)/i;

// Named products outside the tracked sectors: their rates are "other".
export const OTHER_PRODUCT = /\b(?:polysilicon|solar (?:cells?|panels?|modules?|wafers?)|(?:heavy[\s-]duty |medium[\s-]duty |pickup )?trucks|buses|(?:upholstered |wood(?:en)? )?furniture|(?:kitchen )?cabinets|vanities|drones?|robot(?:s|ics)|machinery|aircraft|jet engines|critical minerals|rare earths|batter(?:y|ies)|tires|tyres|appliances|washing machines|refrigerators|smartphones)\b|폴리실리콘|가구|트럭|버스|드론|태양광|배터리|세탁기|타이어/i;

/** The sectors bearing percent `p` as the subject of a verb of bearing a rate (or of a list line), else none. */
export function subjectSectors(u: Unit, p: PercentMatch): FactSector[] {
  if (!u.ctx.tariffs || NOT_BEAR.test(slice(u, Math.max(u.s.start, p.start - 120), p.end + 20))) return [];
  const ko = koreanSubject(u, p);
  if (ko.length) return ko;
  const head = slice(u, Math.max(u.s.start, p.start - 120), p.start);
  const v = BEAR_VERB.exec(head) ?? /\s*:\s*(?:(?:still|now|currently|already|remain(?:s)?|unchanged at)\s+)?$/i.exec(head);
  if (!v) return [];
  const verbAt = p.start - head.length + v.index;
  const from = Math.max(u.s.start, verbAt - 100);
  // the list may run across commas ("Steel, aluminum and copper remain at 50%"); the subject may carry a tail
  // ("… from Korea", "… goods on the main product list") without a verb of its own
  const near = u.sectors.filter((x) => x.end <= verbAt && x.start >= from);
  const lastS = near.at(-1);
  if (lastS && /^\s*(?:imports?|products|shipments|goods)?\s*(?:(?:from|made in|built in|of)\s+(?:South\s+)?Korea(?:n)?(?:\s+\w+)?|on\s+the\s+\w+(?:\s+\w+)?\s+list)?\s*,?\s*$/i.test(slice(u, lastS.end, verbAt)))
    return listEndingWithLast(u, near);
  const subject = slice(u, from, verbAt);
  if (KOREAN_GOODS.test(subject) && !/[;:]/.test(subject)) return ["all_goods"];
  if (OTHER_PRODUCT.test(subject) && near.length === 0) return ["other"];
  return [];
}

/** "한국산 자동차에는 이미 25%", "철강과 알루미늄에는 50%의": sectors marked 에는/에/에도 right before the figure. */
function koreanSubject(u: Unit, p: PercentMatch): FactSector[] {
  const head = slice(u, Math.max(u.s.start, p.start - 40), p.start);
  const m = /(?:에는|에도|에|엔)\s*(?:이미|현재|여전히|지금도|모두)?\s*$/.exec(head);
  if (!m || !/관세/.test(u.s.text)) return [];
  const at = p.start - head.length + m.index;
  const near = u.sectors.filter((x) => x.end <= at && x.start >= at - 30 && /[가-힣]/.test(x.raw));
  const lastS = near.at(-1);
  return lastS && lastS.end === at ? listEndingWithLast(u, near) : [];
}
