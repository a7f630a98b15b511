// KOSPI sessions the sentence rules did not read, found by agreeing with the tracker's own series of closes: a figure
// stated to the hundredth that is a real KOSPI close ("closed its books for the year on Dec. 30 at 4,214.17", "■ 4월 10일 —
// … 급반등, 2445.06") is that day's close, and a percent beside it equal to that day's change is its move; a percent with
// a day beside it equal to that day's real change ("it plunged 5.96 percent on Monday") is that session's move, in an
// article about KOSPI. The words still have to speak of moving or closing, and no other market may stand between. The
// wording rules (./market-moves.ts) go first; this adds only sessions they left out. Pure: the closes come in.
import type { TimeFrame } from "@/server/news/extract/context";
import { inLevelWindow, seriesOf, type DailyClose } from "@/server/news/extract/closes";
import type { Fact, MarketMoveFact } from "@/server/news/extract/types";
import { why } from "@/server/news/extract/basis";
import { evidenceOf, type Unit } from "./shared";

// a close to the hundredth ("2,445.06", "2445.06"), not a currency's rate ("1,437.30 won", "1,437.30원")
const LEVEL = /(?<![\d.,])(\d{1,2},\d{3}\.\d{2}|\d{4}\.\d{2})(?!\d|[.,]\d|\s*%)(?!\s*(?:won|원|yen|엔|dollars?|달러))/g;
const MOVE_OR_CLOSE = /\b(?:clos\w*|end(?:ed|ing)?|finish\w*|settl\w*|ris\w*|rose|fell|fall\w*|gain\w*|los[ts]\w*|jump\w*|surg\w*|soar\w*|plung\w*|tumbl\w*|slid\w*|slipp\w*|sank|sink\w*|drop\w*|climb\w*|rall\w*|rebound\w*|advanc\w*|declin\w*|shed\w*|add\w*|dipp?\w*|books?)\b|마감|마쳤|마친|상승|하락|급등|급락|반등|올라|올랐|오른|내린|내려|내렸|밀려|밀린|떨어|폭락|폭등|주저앉|회복/i;
const OTHER_MARKET = /\b(?:KOSDAQ|Kosdaq|KOSPI\s?200|Kospi\s?200|futures|Nikkei|Topix|S&P|Dow|Nasdaq|Hang Seng|Shanghai|Taiex|won|yen|dollar)\b|코스닥|코스피\s?200|선물|닛케이|니케이|환율|원화|나스닥|다우/;

/** A stated percent is the session's change: to the hundredth, or to the tenth when stated so ("6.6%" for 6.60). */
const sameChange = (stated: number, raw: string, real: number) => Math.abs(Math.abs(stated) - Math.abs(real)) < (/\.\d\d/.test(raw) ? 0.006 : 0.051);

export function seriesSessions(units: readonly Unit[], known: readonly Fact[], frame: TimeFrame, closes: readonly DailyClose[]): MarketMoveFact[] {
  if (closes.length < 2) return [];
  const { byDate, byCents } = seriesOf(closes);
  const moves = known.filter((f): f is MarketMoveFact => f.kind === "market_move");
  const out: MarketMoveFact[] = [];
  const seen = (change: number | null, level: number | null, date: string) =>
    [...moves, ...out].some((f) => (level !== null && f.level === level) || (change !== null && f.changePct !== null && Math.abs(Math.abs(f.changePct) - Math.abs(change)) < 0.051 && (f.date === null || f.date === date)));
  for (const u of units) {
    // (the words speak of moving, or the line agrees with the series twice over: "- 7일(금) 2,563.48 (-0.49%)" under a
    // heading of KOSPI closes, the close and that day's change both to the hundredth)
    const moving = MOVE_OR_CLOSE.test(u.s.text) || /\b(?:up|down)\b/i.test(u.s.text);
    for (const m of u.s.text.matchAll(LEVEL)) {
      const value = Number(m[1]!.replace(/,/g, ""));
      const hits = (byCents.get(Math.round(value * 100)) ?? []).filter((x) => inLevelWindow(x.date, frame));
      if (hits.length !== 1) continue;
      const x = hits[0]!;
      const at = u.s.start + m.index!;
      // (another market's figure: "the Kosdaq … to 2,445.06" cannot be, but "…, while the Kosdaq …" may sit between)
      if (OTHER_MARKET.test(u.s.text.slice(Math.max(0, m.index! - 40), m.index!))) continue;
      const pct = u.percents.find((p) => !p.points && p.end <= at + 40 && p.start >= at - 70 && sameChange(p.value, p.raw, x.change));
      const change = pct ? Math.sign(x.change) * Math.abs(pct.value) : null;
      if (!moving && !(pct && /\.\d\d/.test(pct.raw) && (u.ctx.kospiBefore || /KOSPI|Kospi|코스피/.test(u.s.text)))) continue;
      if (seen(change, value, x.date)) continue;
      out.push(session(u, change, value, x.date, [at, at + m[0].length], pct ? [pct.start, pct.end] : null, "series-close"));
    }
    // a change with its day, in a sentence that names KOSPI or continues one that did
    if (!moving || !(u.ctx.kospiBefore || /KOSPI|Kospi|코스피/.test(u.s.text))) continue;
    for (const p of u.percents) {
      if (p.points) continue;
      // (the nearest day: "plunged 1.74 percent on Wednesday and rebounded 6.6 percent on Thursday")
      const gap = (d: { start: number; end: number }) => (d.start >= p.end ? d.start - p.end : p.start - d.end + 1);
      const day = u.dates.filter((d) => d.precision === "day" && d.date !== null && gap(d) >= 0 && gap(d) <= 25).sort((a, b) => gap(a) - gap(b))[0];
      const x = day && inLevelWindow(day.date!, frame) ? byDate.get(day.date!) : undefined;
      if (!x || !sameChange(p.value, p.raw, x.change) || Math.abs(x.change) < 0.3) continue;
      if (OTHER_MARKET.test(u.s.text.slice(Math.max(0, p.start - u.s.start - 40), p.start - u.s.start))) continue;
      const change = Math.sign(x.change) * Math.abs(p.value);
      if (seen(change, null, x.date)) continue;
      out.push(session(u, change, null, x.date, null, [p.start, p.end], "series-change"));
    }
  }
  return out;
}

function session(u: Unit, change: number | null, level: number | null, date: string, levelAt: [number, number] | null, pctAt: [number, number] | null, cue: string): MarketMoveFact {
  return {
    kind: "market_move",
    index: "KOSPI",
    changePct: change,
    level,
    date,
    evidence: evidenceOf(u.s),
    confidence: 0,
    cue,
    basis: { changePct: why(change === null ? "none" : cue, pctAt), level: why(level === null ? "none" : cue, levelAt), date: why(`${cue}:${date}`, null) },
  };
}
