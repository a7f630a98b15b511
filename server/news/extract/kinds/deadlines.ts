// Deadline facts: a day named with deadline wording ("by July 9", "expires on Aug. 1", "7월 9일까지", the day a tariff
// takes effect), still ahead at publication unless it is called a deadline; a central bank's meeting is not one.
import type { TimeFrame } from "@/server/news/extract/context";
import type { DateMatch } from "@/server/news/extract/dates";
import type { DeadlineFact } from "@/server/news/extract/types";
import { spanOf, why } from "@/server/news/extract/basis";
import { clauseAt, evidenceOf, slice, type Unit } from "./shared";
import { KOREA, OTHER_COUNTRY, tariffCandidates } from "./tariff-candidates";
import { EFFECTIVE_AFTER_KO, EFFECTIVE_BEFORE } from "./tariff-rates";
import { namesKospi } from "./market-moves";

// (a time may stand between: "runs until 12:01 a.m. on July 9")
const DEADLINE_NEAR_BEFORE = /\b(?:by|until|till|through|before|no later than|ahead of|deadline(?:\s+(?:of|on|is|was))?|expir(?:e|es|ed|ing|y)(?:\s+on)?|due(?:\s+(?:on|by))?|effect(?:ive)?(?:\s+(?:on|from))?|scheduled(?:\s+(?:for|on))?|slated(?:\s+for)?|set(?:\s+(?:for|to))?|ends?(?:\s+on)?|runs? out(?:\s+on)?|runs? (?:to|until|through)|lasts? (?:to|until|through)|lapses?(?:\s+on)?|follows?\s+on|begins?\s+on|starts?\s+on|kicks? in(?:\s+on)?|takes? (?:effect|hold)(?:\s+on)?|comes? into force(?:\s+on)?|goes? into effect(?:\s+on)?)\s+(?:(?:at\s+)?\d{1,2}:\d{2}\s*(?:a\.m\.|p\.m\.)\s*(?:[A-Z]{2,4}\s+)?(?:on\s+)?)?(?:the\s+)?$/i;
const DEADLINE_CUE = /\b(?:deadline|expir(?:e|es|ed|ing|y|ation)|take[sn]? effect|taking effect|go(?:es)? into effect|come(?:s)? into force|effective|scheduled|slated|set (?:for|to)|due (?:on|by)|cut-?off|grace period|ends? on|lapse[sd]?)\b|시한(?=\s?(?:[은는이을인내]|까지|만료|연장|종료|[.,)]|$))|기한|마감|만료|종료|끝나|끝난|끝납|발효|예정|까지/i;
// ("… 다음 달 1일로 미뤄졌다": postponed to that day)
// ("7월 24일 효력을 잃습니다": the day a measure lapses)
const DEADLINE_AFTER = /^\s*(?:deadline|cut-?off|까지|시한|마감|만료|종료|끝나|끝난|끝납|부터 발효|발효|시행|로\s*(?:미뤄|미루|연기|늦춰)|[을를]\s*넘겨|효력[을이]?\s*(?:잃|상실|다하))/i;
// "limits it to 150 days, to July 24", "유예가 끝나는 건 다음 달 9일", "시한은 9일"
const SPAN_OR_END_BEFORE = /\b\d+\s+(?:days?|weeks?|months?),?\s+(?:to|until|through|till)\s+$|(?:끝나는|만료되는|종료되는)\s*(?:건|것은|날은)?\s*$|(?:시한|기한|마감|공청회|청문회|표결|선고)(?:은|는|이)\s*$/i;

function deadlineWhat(u: Unit, d: DateMatch): string {
  const clause = clauseAt(u, d.start);
  const after = slice(u, d.end, clause.end).trim();
  if (/^deadline\b/i.test(after)) {
    const before = slice(u, clause.start, d.start).trim().split(/\s+/).slice(-3).join(" ");
    return `${before.replace(/^(?:the|a|an)\s+/i, "")} deadline`.trim();
  }
  let before = slice(u, clause.start, d.start).trim();
  before = before.replace(/\s+(?:on|by|until|till|through|before|from|at|of|in|for)$/i, "");
  const words = before.split(/\s+/).filter(Boolean).slice(-7);
  let what = words.join(" ").replace(/^(?:the|a|an|is|are|was|were|that|which)\s+/i, "");
  if (what.length < 4) what = (before + " " + after).trim().split(/\s+/).slice(0, 8).join(" ");
  if (/[가-힣]/.test(u.s.text) && what.length < 4) what = slice(u, d.end, d.end + 30).trim();
  return what.slice(0, 80);
}

function describeDeadline(u: Unit, d: DateMatch): string {
  const what = deadlineWhat(u, d).replace(/^[\s:：—–-]+/, "");
  const clause = clauseAt(u, d.start);
  const near = slice(u, Math.max(u.s.start, clause.start - 40), Math.min(u.s.end, d.end + 20));
  if (/\btake[sn]? effect|taking effect|effective|발효|시행/i.test(near)) {
    const rate = tariffCandidates(u)[0];
    if (rate) return `${rate.pct.value}% tariff takes effect`;
  }
  if (/\bdeadline\b/i.test(u.s.text) && !/deadline/i.test(what)) return `deadline: ${what}`;
  return what;
}

const MONETARY = /\b(?:rate[\s-]setting|monetary policy|base rate|benchmark (?:interest )?rate|interest rates?|Bank of Korea|BOK|Federal Reserve|FOMC|Fed)\b|금통위|금융통화위원회|기준금리|한국은행|(?<![가-힣])한은/i;

/** "다음 달 3일부터 같은 세율이 적용된다", "from Monday, duties will be charged on the full value": the day a duty, rate or
 * rule starts applying, said without a percent in the sentence. */
function startsDuty(u: Unit, d: DateMatch, frame: TimeFrame): boolean {
  if (frame.certain && d.date! <= frame.anchor) return false;
  if (OTHER_COUNTRY.test(u.s.text) && !KOREA.test(u.s.text)) return false; // "Japan has seen its rate lowered from Tuesday"
  // ("24일 오전 0시 1분(미 동부시간)부터", "collected from 12:01 a.m. on April 3": a time may stand between)
  const ko = /^\s*(?:\([^)]{1,8}\)\s*)?(?:(?:(?:오전|오후)\s*)?\d{1,2}시(?:\s*\d{1,2}분)?[^.]{0,30}?)?부터/.test(slice(u, d.end, d.end + 60)) && /적용|부과|시행|발효|인상|인하|징수|멈추|멈춘|중단/.test(slice(u, d.end, u.s.end));
  const en = /\b(?:from|starting|beginning|as of|effective)\s+(?:\d{1,2}:\d{2}\s*(?:a\.m\.|p\.m\.)\s*(?:[A-Z]{2,4}\s+)?)?(?:on\s+)?$/i.test(slice(u, d.start - 36, d.start)) &&
    /\b(?:tariffs?|dut(?:y|ies)|levy|levies|rates?|charged|appl(?:y|ies)|impose[sd]?|collect(?:ed)?)\b/i.test(u.s.text);
  return ko || en;
}

const FUTURE_EVENT = /\b(?:will|plans? to|is (?:set|due|expected|scheduled) to|are (?:set|due|expected|scheduled) to|opens|begins|starts|kicks off|convenes|(?:holds|convenes)\s+(?:a|an|the|its)\s+(?:[\w-]+\s+)?(?:hearing|meeting|talks|vote|summit|session))\b|열린다|열릴|개최(?:된다|할|될)|예정|발표(?:한다|할|될|하겠|하기로)|처리(?:를|할|될)?\s*목표/i;
const POLICY = /\b(?:tariffs?|dut(?:y|ies)|levy|trade|deal|talks|negotiat\w*|proclamation|hearing|comments?|vote|ruling|court|Section \d+|reciprocal|lawmakers|Assembly|Congress|summit|APEC|G20|G7|ministerial)\b|정상회의|관세|협상|통상|공청회|의견|표결|판결|국회|무역|본회의/i;
const COMPANY_EVENT = /\b(?:earnings|(?:quarterly|preliminary|annual) results|Q[1-4](?:\s+\d{4})?\s+results|results\s+(?:are|is)\s+(?:scheduled|due|expected)|shareholders?|AGM|launch(?:es|ed)?|ceremony|groundbreaking|plant opening|conference call|IPO|listing)\b|잠정실적|실적 발표|실적을|주주총회|출시|준공|기공식|상장/i;

/** A line of a schedule that opens with a day ahead and says what happens then: " - 5월 5일(화): 301조 조사 공청회", "- Next
 * Tuesday: USTR comments due", "■ 7월 24일 — 122조 관세 시한 만료". */
function scheduleLine(u: Unit, d: DateMatch, frame: TimeFrame): boolean {
  if (!frame.certain || d.date! <= frame.anchor) return false;
  // (a sentence is never longer than its line)
  if (!/^[\s\-•*·▪■□▶►○◆]*(?:(?:next|this|오는|다음\s?주|이번\s?주)\s*)?$/i.test(slice(u, u.s.start, d.start))) return false;
  const rest = /^\s*(?:\([^)]{1,8}\)\s*)?[:：—–-]\s*(.+)$/.exec(slice(u, d.end, u.s.end));
  return rest !== null && POLICY.test(rest[1]!) && !COMPANY_EVENT.test(rest[1]!) && !DATA_RELEASE.test(rest[1]!);
}

/** "the White House plans to unveil its reciprocal tariffs on April 2", "공청회는 5월 5일 열린다": a policy event set for a
 * day ahead of publication (not a company's). */
// "의견 접수는 오는 17일", "공청회는 5월 5일", "표결 시한은": the Korean subject names what is due
const KO_NEAR_BEFORE = /(?:마감|시한|기한|접수|제출|공청회|청문회|표결|선고)(?:일|일은|은|는|이|가)?\s*(?:오는\s*)?$/;
// "the June 3 snap presidential election", "6월 3일 대선": an election ahead is a date a trade story waits on
const ELECTION = /^\s*(?:,\s*)?(?:(?:snap|early|presidential|general|parliamentary|national|local|midterm)\s+){1,3}elections?\b|^\s*(?:조기\s*)?(?:대선|대통령\s*선거|총선|지방\s*선거)/i;

function electionAhead(u: Unit, d: DateMatch, frame: TimeFrame): boolean {
  return frame.certain && d.date! > frame.anchor && (ELECTION.test(slice(u, d.end, d.end + 40)) || /\belection\s+(?:on|of|set for|scheduled for)\s+$/i.test(slice(u, d.start - 30, d.start)));
}

function policyEventAhead(u: Unit, d: DateMatch, frame: TimeFrame, clauseText: string): boolean {
  if (!frame.certain || d.date! <= frame.anchor) return false;
  return FUTURE_EVENT.test(clauseText) && POLICY.test(u.s.text) && !COMPANY_EVENT.test(clauseText);
}

// A request to the reader ("Please return the attached form by December 19", "의견을 16일 정오까지 회신해 주십시오", "참석
// 신청은 18일까지 받습니다"), and a statistics release ("관세청, 2월 1~20일 수출입 현황 발표"), are no policy deadlines.
const READER_REQUEST = /\b(?:please|kindly|RSVP|the attached (?:form|template)|register(?:ing)? by|sign up)\b|회신해\s?주|주십시오|주시기 바랍니다|신청(?:은|을)\s[^.]{0,24}받(?:습니다|는다)|신청하세요|보내\s?주세요/i;
export const DATA_RELEASE = /수출입\s?(?:현황|통계|실적)|무역\s?통계|고용\s?동향|소비자\s?물가|\b(?:(?:trade|export|import) (?:data|figures|statistics)|jobs report|payrolls|CPI|GDP (?:data|figures|estimate))\b/i;
// an organisation's own dues ("Second-quarter membership dues are due April 15"), a day that has come and gone, a start
// called off ("내일부터 매겨질 예정이던 25% 상호관세는 없던 일이 되고")
const OWN_OR_GONE = /\b(?:membership|dues)\b|\b(?:has|have|had)\s+come and gone\b|없던 일|백지화|철회됐|취소됐|무산됐/i;

/** Days that are someone's own business, not a policy's: the writer's ("contact us by this Monday", "We will circulate a
 * draft template on Monday"), a request to the reader, a statistics release; a day named by how far it stood from a
 * deadline ("a day before the deadline"); a day on which a duty began at publication ("車 관세는 오늘 발효"). */
function notPolicyDay(u: Unit, d: DateMatch, frame: TimeFrame, clauseText: string): boolean {
  if (/\b(?:contact us|we will|we'll|we plan|our (?:team|desk|clients|members|webinar)|webinar|subscribers)\b/i.test(u.s.text) && !/\b(?:tariffs?|duties|levy|USTR|Commerce|comments? (?:are|is) due)\b|관세/i.test(clauseText)) return true;
  if ((READER_REQUEST.test(clauseText) || READER_REQUEST.test(slice(u, d.start, d.end + 40))) && !/\b(?:USTR|Commerce Department|Federal Register)\b/.test(clauseText)) return true;
  if (DATA_RELEASE.test(clauseText) || DATA_RELEASE.test(slice(u, d.start - 60, d.start)) || OWN_OR_GONE.test(slice(u, d.start - 40, d.end + 60))) return true;
  if (d.kind === "relative" && /\b(?:before|after|ahead of)\b/i.test(d.raw) && /^\s*(?:the\s+)?deadline\b/i.test(slice(u, d.end, d.end + 14))) return true;
  return frame.certain && d.date === frame.anchor && /^(?:오늘|이날)$/.test(d.raw) && /^\s*(?:부터\s*)?(?:발효|시행|적용)(?![^.]{0,10}예정)/.test(slice(u, d.end, d.end + 12));
}

export function deadlineFacts(u: Unit, frame: TimeFrame): DeadlineFact[] {
  const out: DeadlineFact[] = [];
  for (const named of u.dates) {
    if (named.precision !== "day" || named.date === null) continue;
    // "on Saturday, April 5": the weekday names the day the month-day after it gives
    const follow = named.kind === "weekday" ? u.dates.find((o) => o !== named && o.start >= named.end && o.start - named.end <= 3 && o.precision === "day" && o.date) : undefined;
    const d = follow ? { ...named, date: follow.date! } : { ...named, date: named.date };
    const before = slice(u, d.start - 60, d.start);
    const near = DEADLINE_NEAR_BEFORE.test(slice(u, d.start - 40, d.start)) || DEADLINE_AFTER.test(slice(u, d.end, d.end + 12)) || SPAN_OR_END_BEFORE.test(slice(u, d.start - 40, d.start)) || KO_NEAR_BEFORE.test(slice(u, d.start - 20, d.start));
    const clause = clauseAt(u, d.start);
    const clauseText = slice(u, Math.max(clause.start, d.start - 60), Math.min(clause.end, d.end + 40));
    // the day a tariff takes effect ("a 10% levy from Oct. 14", "8월 1일부터 … 관세를 부과") is a deadline while ahead
    const effective = (EFFECTIVE_BEFORE.test(slice(u, d.start - 40, d.start)) || EFFECTIVE_AFTER_KO.test(slice(u, d.end, d.end + 60))) &&
      !/\bretroactive(?:ly)?\s+(?:from|to|as of)\s+$/i.test(slice(u, d.start - 30, d.start)) && tariffCandidates(u).length > 0;
    const cue = near ? "near" : effective ? "effective" : startsDuty(u, d, frame) ? "starts" : scheduleLine(u, d, frame) ? "schedule-line" : DEADLINE_CUE.test(clauseText) || /\bdeadline\b/i.test(before) ? "clause" : policyEventAhead(u, d, frame, slice(u, d.start - 60, d.end + 60)) || electionAhead(u, d, frame) ? "event" : null;
    if (!cue) continue;
    // "이날 발효된 가운데" happened that day; "7일부터 9일까지" ends a span that starts on the 7th
    // ("관세가 발효된 7일": the day it took effect, already)
    if (/^\s*(?:발효|시행|적용|부과)(?:된|됐|되었|했|되면서|됨에)/.test(slice(u, d.end, d.end + 8)) || /\d{1,2}일\s*부터\s*$/.test(slice(u, d.start - 12, d.start)) || /(?:발효|시행|적용|부과)(?:된|됐던|되었던)\s*$/.test(slice(u, d.start - 8, d.start)))
      continue;
    // a company's day ("삼성전자는 오는 8일 잠정실적을 발표할 예정") is not a trade deadline (a tax cut's last day is one, as the
    // fixtures and most of the development set label it: "the consumption tax cut runs until June 30")
    // (a bracketed day is its event's: "현대차 실적 발표(24일 예정)")
    if (COMPANY_EVENT.test(clauseText) || (/\(\s*$/.test(slice(u, d.start - 2, d.start)) && COMPANY_EVENT.test(slice(u, d.start - 20, d.start)))) continue;
    if (notPolicyDay(u, d, frame, clauseText)) continue;
    // "여야는 이날 … 시한인 7월 8일을 앞두고": a day said relative to publication is a deadline only with its own wording
    if (d.kind === "relative" && cue !== "near" && cue !== "effective") continue;
    // a central bank's rate meeting is a date, not a trade deadline
    if (MONETARY.test(u.s.text) && !/\bdeadline\b|시한(?=\s?(?:[은는이을인내]|까지|만료|연장|종료|[.,)]|$))/i.test(u.s.text) && !/\b(?:tariffs?|duties|levy)\b|관세/i.test(u.s.text)) continue;
    // a past date in a certain frame is a deadline only when called one ("the July 9 deadline", "expired on")
    if (frame.certain && d.date < frame.anchor && !/deadline|expir|시한(?=\s?(?:[은는이을인내]|까지|만료|연장|종료|[.,)]|$))|만료/i.test(slice(u, d.start - 30, d.end + 12))) continue;
    // "had not been published by Monday": on the publication day, past wording is not something ahead
    // (nor is a start that already came that day: "took effect at 12:01 a.m. on Thursday", "12일 0시 1분 발효됐다", "이날부터는
    // … 매겨지기 시작했다"; nor a day named only for a market's close: "23일 코스피가 … 마감하며")
    if (frame.certain && d.date === frame.anchor && (/\b(?:had|was|were|did|took effect|went into effect|kicked in|came into (?:force|effect)|began|started)\b|했다|됐다|되었다|시작했|마감하며|마감했|(?:했|됐|되었)습니다/.test(slice(u, d.start - 60, d.end + 90)) || namesKospi(clauseText)) && !/\b(?:will|is to|are to|due|deadline|tonight|later)\b|예정|(?<![\d.,]\s?)까지|(?:된다|한다|는다)(?=[.\s]|$)/i.test(clauseText)) continue;
    if (/\b(?:since|last)\s+$/i.test(slice(u, d.start - 8, d.start))) continue;
    // a session's day in a market report ("수요일에는 … 뛴 2907.04로 장을 마쳐", "closed 1.2% higher at … on Tuesday")
    if (/\d\s?%/.test(clauseText) && /마감|장을 마|거래를 마|\b(?:closed|finished|ended)\b/i.test(clauseText) && !POLICY.test(clauseText)) continue;
    // a date replaced by a later one: "replaces a deadline of Wednesday, July 9", "당초 9일 끝날 예정이던 … 8월 1일로 미뤄졌다"
    const later = u.dates.some((o) => o.start > d.end + 3 && o.precision === "day" && o.date !== null && o.date > d.date!);
    if (/\breplac(?:es|ed|ing)\s+(?:a|the)\s+(?:[\w-]+\s+)?(?:deadline|date)\s+of\s+(?:\w+day,\s+)?$/i.test(slice(u, d.start - 50, d.start)) ||
      (later && /\b(?:originally|previously)(?:\s+(?:set|due|scheduled))?(?:\s+(?:for|on))?\s+$|\b(?:was|were|had been)\s+(?:due|set|scheduled|slated)\s+to\s+(?:end|expire|run out|lapse|take effect|start|begin)\s+(?:on\s+)?$|당초\s*$/i.test(slice(u, d.start - 40, d.start)) && /\b(?:postponed|pushed back|moved|delayed|extended)\b|미뤄|미루|연기|늦춰/i.test(u.s.text)))
      continue;
    // an end first planned and since moved: "당초 오는 9일 끝날 예정이던", "애초 … 9일 0시 1분 끝날 예정이었다", "originally due to
    // expire on July 9" (a start first planned stays a day of the story: "당초 8월 1일부터 부과할 예정이던 25%")
    if ((/(?:당초|애초|원래)\s*(?:오는\s*)?$/.test(slice(u, d.start - 12, d.start)) && /^\s*(?:\([^)]*\)\s*)?(?:[^\s.]+\s+){0,2}?(?:끝날|끝나는|종료될|만료될)\s*예정/.test(slice(u, d.end, d.end + 30))) ||
      /\b(?:originally|initially)\s+(?:due|set|scheduled)\s+to\s+(?:expire|run out|end|lapse)\s+(?:on\s+)?$/i.test(slice(u, d.start - 50, d.start)))
      continue;
    // a question asserts no day ("Wasn't the deadline Wednesday?")
    if (/\?\s*$/.test(u.s.text) && /^\s*(?:[A-Z]+:\s*)?(?:Wasn't|Isn't|Didn't|Doesn't|Won't|Was|Is|Did|Does|Will|Would|Could)\b/.test(u.s.text)) continue;
    // something that already happened on that day is not a deadline ("duties that took effect on April 5")
    if (/\b(?:took|went|came)\s+into\s+(?:effect|force)\s+(?:at\s+\d{1,2}:\d{2}\s*(?:a\.m\.|p\.m\.)\s*)?(?:on\s+)?$|\b(?:took effect|kicked in)\s+(?:at\s+\d{1,2}:\d{2}\s*(?:a\.m\.|p\.m\.)\s*)?(?:on\s+)?$|\b(?:expired|ended|lapsed)\s+(?:on\s+)?$/i.test(slice(u, d.start - 45, d.start)) && !/\bdeadline\b|시한(?=\s?(?:[은는이을인내]|까지|만료|연장|종료|[.,)]|$))/i.test(u.s.text))
      continue;
    out.push({
      kind: "deadline",
      date: d.date,
      what: describeDeadline(u, d),
      evidence: evidenceOf(u.s),
      confidence: 0,
      cue: frame.certain || d.kind === "iso" || /\d{4}/.test(d.raw) ? cue : `${cue}:year-guessed`,
      basis: { date: why(d.kind, spanOf(d)) },
    });
  }
  return out;
}
