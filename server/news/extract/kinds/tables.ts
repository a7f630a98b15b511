// Facts in tables: rows of pipe-separated cells ("| Mon., Apr. 7 | … | 2,328.20 | -5.57% |", "4/7(월) | 2,328.20 |
// -5.57%") or columns aligned by runs of spaces, read by what their header names each column: a KOSPI table (a day, the
// close, the change) gives a session per row; a table of duties (the goods, the rate, when) a rate per row and good; a
// schedule (a day, what happens) a deadline per row still ahead. The header is the table line before the first row
// with a figure. Pure: offsets are the article's.
import type { TimeFrame } from "@/server/news/extract/context";
import type { DeadlineFact, Fact, MarketMoveFact, TariffRateFact } from "@/server/news/extract/types";
import type { FactSector } from "@/server/news/extract/sectors";
import { spanOf, why } from "@/server/news/extract/basis";
import { evidenceOf, slice, type ArticleCtx, type Unit } from "./shared";
import { DATA_RELEASE } from "./deadlines";

export interface Cell {
  start: number;
  end: number;
  text: string;
}
type Role = "date" | "event" | "level" | "change" | "rate" | "rate-threat" | "rate-new" | "goods" | "status" | "other";
/** A table's header: the role of each column. */
export interface TableHeader {
  roles: Role[];
  /** The header's words, for what a column says of all its rows ("Rate on Korean goods"). */
  text: string;
}

const SEPARATOR = /^[\s|:+-]+$/;

/** A table line: a header sets the columns the rows after it are read by (kept in `ctx.table`); a row gives its facts.
 * Any other line closes the table. */
export function tableLine(u: Unit, ctx: ArticleCtx, frame: TimeFrame): Fact[] {
  // (a rule under the header, "|---|---|" or "------  ------", keeps the table open)
  if (SEPARATOR.test(u.s.text)) {
    if (!/---|\||\s{3,}\S/.test(u.s.text)) ctx.table = undefined;
    return [];
  }
  const cells = /\||\s{3,}\S/.test(u.s.text) ? cellsOf(u) : null;
  if (!cells) {
    ctx.table = undefined;
    return [];
  }
  // (the header is the table's first line without figures; the lines after it are its rows)
  if (!ctx.table || cells.length !== ctx.table.roles.length) {
    ctx.table = isHeaderLine(cells) ? (headerOf(cells) ?? undefined) : undefined;
    return [];
  }
  return tableRowFacts(u, ctx.table, cells, frame);
}

/** The cells of a table line (null when the line is not one). */
function cellsOf(u: Unit): Cell[] | null {
  const t = u.s.text;
  if (!/\S/.test(t)) return null;
  const piped = t.includes("|");
  const cells: Cell[] = [];
  let at = 0;
  for (const m of [...t.matchAll(piped ? /\|/g : /\s{3,}/g), { index: t.length, 0: "" } as unknown as RegExpMatchArray]) {
    const raw = t.slice(at, m.index);
    const lead = raw.length - raw.trimStart().length;
    // (an empty cell between pipes keeps its column; the empty ends outside "| a | b |" are no cells)
    if (raw.trim() || (piped && at > 0 && m.index! < t.length)) cells.push({ start: u.s.start + at + lead, end: u.s.start + at + lead + raw.trim().length, text: raw.trim() });
    at = m.index! + m[0].length;
  }
  return cells.length >= (piped ? 2 : 3) ? cells : null;
}

const KOSPI_WORD = /\bKOSPI\b|\bKospi\b|코스피/;
const OTHER_MARKET = /\bKOSDAQ\b|\bKosdaq\b|코스닥|\bwon\b|환율|futures|선물|Nikkei|S&P|Dow|Nasdaq/i;
/** The role of each header cell; a bare change column after the KOSPI close is KOSPI's. */
function headerOf(cells: Cell[]): TableHeader | null {
  const roles: Role[] = [];
  for (const c of cells) {
    const h = c.text;
    const prev = roles.at(-1);
    if (/\b(?:date|session|day|when|effective|timing|since)\b|날짜|일자|일시|거래일|시점|적용일|시행일|발효일|적용 시점|시기/i.test(h) && !/\b(?:close|change)\b/i.test(h)) roles.push("date");
    else if (OTHER_MARKET.test(h)) roles.push("other");
    else if (/\b(?:close|level)\b|종가|지수/i.test(h) && (KOSPI_WORD.test(h) || !cells.some((o) => OTHER_MARKET.test(o.text) && o.start < c.start))) roles.push("level");
    else if (/\b(?:change|chg|move)\b|등락|%/i.test(h) && (KOSPI_WORD.test(h) || prev === "level")) roles.push("change");
    // (columns of rates by when: "Rate now (Korea)", "Threatened", "Under the fact sheet")
    else if (/\b(?:threat(?:ened)?|proposed|would be)\b|위협|예고/i.test(h)) roles.push("rate-threat");
    else if (/\b(?:under the|agreed|after the deal|new rate|planned)\b|합의|적용 예정|팩트시트/i.test(h)) roles.push("rate-new");
    else if (/\b(?:rates?|tariffs?|dut(?:y|ies)|paying now|levy|now)\b|관세율|세율|관세|현재/i.test(h) && !roles.includes("rate")) roles.push("rate");
    else if (/\b(?:goods|products?|measures?|items?|sectors?|provisions?|coverage|line|category|type)\b|품목|대상|분야|조치|제품|구분|항목|업종/i.test(h)) roles.push("goods");
    else if (/\b(?:event|what happened|what|schedule)\b|일정|내용|행사/i.test(h)) roles.push("event");
    else if (/\b(?:status|note|notes|remarks)\b|상태|비고/i.test(h)) roles.push("status");
    else roles.push("other");
  }
  // (one goods column: "Goods" over "HTS provision" or "Measure")
  const goods = roles.flatMap((r, i) => (r === "goods" ? [i] : []));
  if (goods.length > 1) {
    // (then the row's label over whom it applies to: "구분" over "적용 대상")
    const keep =
      goods.find((i) => /\b(?:goods|products?|items?)\b|품목|제품/i.test(cells[i]!.text)) ??
      goods.find((i) => !/\b(?:coverage|applies to)\b|대상/i.test(cells[i]!.text)) ??
      goods.at(-1)!;
    for (const i of goods) if (i !== keep) roles[i] = "other";
  }
  const useful = roles.includes("level") || roles.includes("change") || (roles.includes("rate") && roles.includes("goods")) || (roles.includes("date") && roles.includes("event"));
  return useful ? { roles, text: cells.map((c) => c.text).join(" | ") } : null;
}

/** Whether the line is a header: table cells, no figure. */
const isHeaderLine = (cells: Cell[]) => !cells.some((c) => /\d\s?%|\d,\d{3}|\d\.\d/.test(c.text));

const col = (h: TableHeader, cells: Cell[], role: Role) => {
  const i = h.roles.indexOf(role);
  return i >= 0 && cells.length === h.roles.length ? cells[i] : undefined;
};
const inCell = <T extends { start: number; end: number }>(xs: readonly T[], c: Cell | undefined) => (c ? xs.filter((x) => x.start >= c.start && x.end <= c.end) : []);

const ALL_GOODS_CELL = /\b(?:reciprocal|baseline|surcharge|all goods|most goods|universal)\b|상호\s?관세|기본\s?관세|보편\s?관세|일반 (?:수출품|상품)/i;
const VOIDED_ROW = /\b(?:struck down|voided|invalidated|ruled (?:illegal|unlawful))\b|무효|위법/i;
const PROPOSED_ROW = /\b(?:proposed|threat(?:ened)?|planned|under (?:study|review)|could|may)\b|검토|위협|예고|거론/i;
const GLOBAL_ROW = /\b(?:all (?:origins|countries|sources|nations)|every country|global|worldwide)\b|모든 (?:국가|나라)|전 세계|전세계/i;
const KOREA_ROW = /\b(?:Korean|Korea's|Korea)\b|한국산|한국/;

/** The facts of one data row under `h`. */
function tableRowFacts(u: Unit, h: TableHeader, cells: Cell[], frame: TimeFrame): Fact[] {
  const dateCell = col(h, cells, "date");
  const day = inCell(u.dates, dateCell).find((d) => d.precision === "day" && d.date !== null) ?? null;
  const out: Fact[] = [];
  const level = col(h, cells, "level");
  const change = col(h, cells, "change");
  // (a row naming another market, in a table of indices: "| KOSDAQ | 643.39 | -0.21% |")
  if ((level || change) && !OTHER_MARKET.test(cells.filter((c) => c !== level && c !== change).map((c) => c.text).join(" "))) {
    const lv = level ? /(?<![\d.,])(\d{1,2},\d{3}(?:\.\d+)?|\d{3,5}(?:\.\d+)?)(?![\d,])/.exec(level.text) : null;
    const value = lv ? Number(lv[1]!.replace(/,/g, "")) : null;
    const pct = inCell(u.percents, change).find((p) => !p.points) ?? null;
    const levelOk = value !== null && value >= 300 && value <= 20000;
    if (levelOk || pct)
      out.push({
        kind: "market_move",
        index: "KOSPI",
        changePct: pct ? pct.value : null,
        level: levelOk ? value : null,
        // (a session is past: a day read as ahead of publication is last year's, "Apr. 10" in a year-end table)
        date: day?.date ? (frame.certain && day.date > frame.anchor ? `${Number(day.date.slice(0, 4)) - 1}${day.date.slice(4)}` : day.date) : null,
        evidence: evidenceOf(u.s),
        confidence: 0,
        cue: "table-row",
        basis: { changePct: why(pct ? "table-cell" : "none", spanOf(pct)), level: why(levelOk ? "table-cell" : "none", levelOk ? [level!.start, level!.end] : null), date: day ? why(`table:${day.kind}`, spanOf(day)) : why("none") },
      } satisfies MarketMoveFact);
  }
  out.push(...tariffRow(u, h, cells, frame), ...scheduleRow(u, h, cells, frame, day));
  return out;
}

/** The first rate in a rate cell: not the old rate, "(was 25% + MFN)", nor a ceiling, "capped at 15%". */
const rateIn = (u: Unit, c: Cell | undefined) =>
  inCell(u.percents, c).find((p) => !p.points && p.value > 0 && !/\b(?:was|were|from|capped at|up to|cap of|at most)\s*$|\(\s*(?:was\s*)?$|기존\s*$|최대\s*$/i.test(slice(u, c!.start, p.start)));

function tariffRow(u: Unit, h: TableHeader, cells: Cell[], frame: TimeFrame): (TariffRateFact | DeadlineFact)[] {
  const goods = col(h, cells, "goods");
  if (!goods || VOIDED_ROW.test(u.s.text)) return [];
  const sectors = new Set<FactSector>(inCell(u.sectors, goods).map((x) => x.sector));
  if (ALL_GOODS_CELL.test(goods.text)) sectors.add("all_goods");
  if (sectors.size === 0) return [];
  const out: TariffRateFact[] = [];
  for (const role of ["rate", "rate-threat", "rate-new"] as const) {
    const cell = col(h, cells, role);
    const pct = cell ? rateIn(u, cell) : undefined;
    if (cell && pct) out.push(...rowRates(u, h, cells, frame, goods, cell, pct, [...sectors], role));
  }
  // (a rate set to start on a day still ahead: that day is a deadline)
  const starts = out.find((f) => f.status === "announced" && f.effective);
  if (!starts) return out;
  return [...out, { kind: "deadline", date: starts.effective!, what: `${goods.text} ${starts.ratePct}%`.slice(0, 80), evidence: evidenceOf(u.s), confidence: 0, cue: "table-row", basis: { date: starts.basis!.effective! } } satisfies DeadlineFact];
}

function rowRates(u: Unit, h: TableHeader, cells: Cell[], frame: TimeFrame, goods: Cell, rate: Cell, pct: { value: number; start: number; end: number }, sectors: FactSector[], role: "rate" | "rate-threat" | "rate-new"): TariffRateFact[] {
  const rest = cells.filter((c) => c !== goods && (role === "rate" || c === rate || h.roles[cells.indexOf(c)] === "date")).map((c) => [c.start, c.end] as const);
  const day = role === "rate-threat" ? null : (u.dates.find((d) => d.precision === "day" && d.date !== null && rest.some(([a, b]) => d.start >= a && d.end <= b)) ?? null);
  // (ahead: a later day, or today's with its hour still to come, "4. 9. 13:01 예정")
  const dayCell = day ? cells.find((c) => day.start >= c.start && day.end <= c.end) : undefined;
  const ahead = day !== null && frame.certain && (day.date! > frame.anchor || (day.date === frame.anchor && /예정|\bscheduled\b/i.test(dayCell?.text ?? "")));
  const proposed = role === "rate-threat" || (role === "rate" && PROPOSED_ROW.test(slice(u, rate.start, u.s.end)));
  const status = proposed ? "proposed" : ahead ? "announced" : role === "rate-new" && !day ? "reduced" : "in_effect";
  const statusCue = proposed ? "table-proposed" : ahead ? "day-ahead" : role === "rate-new" && !day ? "table-agreed" : day ? "day-passed" : "no-verb";
  const global = GLOBAL_ROW.test(u.s.text);
  // (Korea's when the goods or the header say so: "Korean goods", "Rate now (Korea)", "Rate on Korean goods")
  const korea = !global && (KOREA_ROW.test(goods.text) || KOREA_ROW.test(h.text));
  return sectors.map((sector) => ({
    kind: "tariff_rate",
    sector,
    ratePct: pct.value,
    country: korea ? "KR" : "ALL",
    status,
    effective: day?.date ?? null,
    evidence: evidenceOf(u.s),
    confidence: 0,
    cue: "table-row",
    basis: {
      sector: why("table-cell", [goods.start, goods.end]),
      ratePct: why("table-cell", spanOf(pct)),
      status: why(statusCue, null),
      country: why(global ? "global-words" : korea ? "korea-named" : "nothing-said", null),
      effective: day ? why(`table:${day.kind}`, spanOf(day)) : why("none"),
    },
  }));
}

const POLICY_EVENT = /\b(?:tariffs?|dut(?:y|ies)|levy|trade|deal|talks|negotiat\w*|hearing|comments?|vote|ruling|court|Section \d+|reciprocal|pause|deadline|summit|expir\w*|takes? effect|starts?)\b|관세|협상|통상|협의|공청회|의견|표결|판결|선고|유예|발효|시행|만료|종료|정상회담/i;
const COMPANY_ROW = /\b(?:earnings|results|shareholders?|AGM|IPO)\b|실적|주주총회|상장|(?:^|\|)\s*기업\s*(?:\||$)/i;

function scheduleRow(u: Unit, h: TableHeader, cells: Cell[], frame: TimeFrame, day: Unit["dates"][number] | null): DeadlineFact[] {
  const event = col(h, cells, "event");
  // (not a market table's rows: what happened on past sessions)
  if (!event || !day || !frame.certain || day.date! <= frame.anchor || h.roles.includes("level") || h.roles.includes("change")) return [];
  if (!POLICY_EVENT.test(event.text) || COMPANY_ROW.test(u.s.text) || DATA_RELEASE.test(event.text)) return [];
  return [{ kind: "deadline", date: day.date!, what: event.text.slice(0, 80), evidence: evidenceOf(u.s), confidence: 0, cue: "table-row", basis: { date: why(`table:${day.kind}`, spanOf(day)) } }];
}
