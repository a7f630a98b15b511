// The additional US duty on a Korean-origin good, per HTS-10 line, at an instant: pure rules over the coverage
// entries that match the line (db/product-schema.ts) and the tracked measures as known at the time asked about.
// Stacking as the proclamations state it (instruments cited per step):
//   1. Section 232 programmes exclude one another: semiconductors, then vehicles and parts (autos, trucks, buses),
//      then timber, furniture and medicines, then the metals (steel, aluminium, copper).
//   2. A Section 232 good is outside the reciprocal tariff (EO 14257 sec. 3(b)); for metal derivatives and copper only
//      the metal content is, and the rest of the value pays the reciprocal rate.
//   3. Section 122 (24 Feb – 24 Jul 2026) spares Section 232 goods as (2) does, and from 6 Apr 2026 every annex good.
//   4. The Section 301 duty of 24 Jul 2026 excludes every Section 232 good.
//   5. Korea's "15% including the general rate" adds 15 minus the base rate (the KORUS rate when claimed: 0).
// Where the HTS line alone cannot decide (a patented medicine, a certified part, a civil aircraft part), the answer
// says so in `notes` instead of guessing.
import { isInForce, type MeasureLike } from "@/server/dashboard/tariff-rules";
import type { Confidence } from "@/server/core/constants";
import {
  ALL_IN_MEASURES, ANNEX_RATES, DEFAULT_METAL_SHARE, METAL_CHAPTERS, METALS_OUT_OF_SCOPE, PROGRAMME_MEASURES, TABLE_RATES, type TableRate,
} from "./programmes";
import { NOTE_TEXT, type NoteCode } from "./notes";

export type CoverageHit = {
  listKey: string;
  programme: string;
  effect: "covers" | "exempts";
  prefix: string;
  ch99: string | null;
  attrs: Record<string, string> | null;
  from: Date;
  to: Date | null;
};

export type RateMeasure = MeasureLike & { title: string; instrument: string; confidence: Confidence };

export type DutyComponent = {
  programme: string;
  measureKey: string | null;
  title: string;
  instrument: string;
  ch99: string | null;
  /** The rate as stated; for an all-in rate, the total including the base rate. */
  ratePct: number;
  allIn: boolean;
  /** "content": the rate falls on the metal content only, `sharePct` of the value; "remainder": on the rest of it. */
  basis: "full" | "content" | "remainder";
  sharePct: number;
  /** What it adds, in percent of the customs value. */
  contributionPct: number;
  listKeys: string[];
  /** Source keys of a programme without a tracked measure (a measure's own citations are loaded with it). */
  sourceKeys: string[];
};

export type DutyExclusion = { programme: string; reason: NoteCode; listKeys: string[] };
export type DutyNote = { code: NoteCode; text: string; uncertain: boolean };

export type DutyAnswer = {
  hts: string;
  at: Date;
  origin: "KR";
  baseRatePct: number;
  additionalDutyPct: number;
  components: DutyComponent[];
  excluded: DutyExclusion[];
  notes: DutyNote[];
  uncertain: boolean;
};

export type DutyInput = {
  hts: string;
  at: Date;
  /** Coverage entries whose prefix matches the line (any window: the rules pick those holding at `at`). */
  hits: CoverageHit[];
  /** The latest version of each measure known at the instant of knowledge (the domain's "as of"). */
  measures: RateMeasure[];
  /** Instant of knowledge for programmes without a tracked measure (defaults to `at`). */
  knownAt?: Date;
  /** The general or KORUS rate paid on the line; 0 when KORUS is claimed (most Korean goods). */
  baseRatePct?: number;
};

type Ctx = {
  h: string;
  t: Date;
  k: Date;
  base: number;
  hits: CoverageHit[];
  byKey: Map<string, RateMeasure>;
  notes: Map<NoteCode, DutyNote>;
  excluded: DutyExclusion[];
};

const round = (n: number) => Math.round(n * 1000) / 1000;
const holds = (hit: CoverageHit, t: Date) => hit.from <= t && (hit.to === null || t < hit.to);
const startsWithAny = (h: string, prefixes: readonly string[]) => prefixes.some((p) => h.startsWith(p));

function note(c: Ctx, code: NoteCode) {
  const { text, uncertain } = NOTE_TEXT[code];
  c.notes.set(code, { code, text, uncertain });
}

function covering(c: Ctx, programme: string, listKey?: string) {
  return c.hits.filter((x) => x.programme === programme && x.effect === "covers" && holds(x, c.t) && (!listKey || x.listKey === listKey));
}

/** Exemption lists are legally 8-digit: an entry counts when its first eight digits are the line's (statistical suffixes drift). */
function exempting(c: Ctx, programme: string, t = c.t) {
  return c.hits.filter((x) => x.programme === programme && x.effect === "exempts" && holds(x, t));
}

/** The most recently effective of a programme's measures in force at `t`. */
function measureAt(c: Ctx, keys: readonly string[]): RateMeasure | null {
  let best: RateMeasure | null = null;
  for (const key of keys) {
    const m = c.byKey.get(key);
    if (!m || m.ratePct === null || !isInForce(m, c.t)) continue;
    if (!best || m.effectiveAt!.getTime() > best.effectiveAt!.getTime()) best = m;
  }
  return best;
}

function tableRateAt(c: Ctx, programme: string): TableRate | null {
  return TABLE_RATES[programme]?.find((r) => r.known <= c.k && r.from <= c.t && (!r.to || c.t < r.to)) ?? null;
}

function fromMeasure(c: Ctx, programme: string, m: RateMeasure, hits: CoverageHit[], share = 100): DutyComponent {
  const allIn = ALL_IN_MEASURES.has(m.measureKey);
  const rate = m.ratePct!;
  const added = allIn ? Math.max(0, rate - c.base) : rate;
  return {
    programme, measureKey: m.measureKey, title: m.title, instrument: m.instrument, ch99: hits.find((x) => x.ch99)?.ch99 ?? null,
    ratePct: rate, allIn, basis: share === 100 ? "full" : "content", sharePct: share, contributionPct: round((added * share) / 100),
    listKeys: [...new Set(hits.map((x) => x.listKey))], sourceKeys: [],
  };
}

function fromTable(c: Ctx, programme: string, r: TableRate, title: string, hits: CoverageHit[], share = 100): DutyComponent {
  const added = r.allIn ? Math.max(0, r.ratePct - c.base) : r.ratePct;
  return {
    programme, measureKey: null, title, instrument: r.instrument, ch99: r.ch99, ratePct: r.ratePct, allIn: !!r.allIn,
    basis: share === 100 ? "full" : "content", sharePct: share, contributionPct: round((added * share) / 100),
    listKeys: [...new Set(hits.map((x) => x.listKey))], sourceKeys: r.sources,
  };
}

/** Section 232 programmes charged on the whole value, in the order the notes give them precedence. At most one. */
function headingProgramme(c: Ctx): DutyComponent | null {
  const semis = covering(c, "s232_semiconductors");
  const chips = semis.length ? measureAt(c, PROGRAMME_MEASURES.s232_semiconductors) : null;
  if (chips) return note(c, "semiconductor_gate"), fromMeasure(c, "s232_semiconductors", chips, semis);

  const autos = covering(c, "s232_autos");
  const autoRate = autos.length ? measureAt(c, PROGRAMME_MEASURES.s232_autos) : null;
  if (autoRate) return fromMeasure(c, "s232_autos", autoRate, autos);

  const trucks = covering(c, "s232_mhd", "s232-mhd-vehicles");
  const truckRate = trucks.length ? tableRateAt(c, "s232_mhd") : null;
  if (truckRate) return fromTable(c, "s232_mhd", truckRate, "Section 232 medium and heavy-duty trucks", trucks);
  const buses = covering(c, "s232_buses");
  const busRate = buses.length ? tableRateAt(c, "s232_buses") : null;
  if (busRate) return fromTable(c, "s232_buses", busRate, "Section 232 buses", buses);

  const parts = autoParts(c);
  if (parts) return parts;

  const timber = covering(c, "s232_timber");
  const lumber = timber.length ? measureAt(c, PROGRAMME_MEASURES.s232_timber) : null;
  if (lumber) return fromMeasure(c, "s232_timber", lumber, timber);
  const wood = covering(c, "s232_wood_products");
  const woodRate = wood.length ? tableRateAt(c, "s232_wood_products") : null;
  if (woodRate) return fromTable(c, "s232_wood_products", woodRate, "Section 232 upholstered furniture and kitchen cabinets", wood);

  // Only patented medicines pay, and the line cannot tell: say what a patented one would pay instead of guessing.
  const pharma = covering(c, "s232_pharma");
  if (pharma.length && measureAt(c, PROGRAMME_MEASURES.s232_pharma)) note(c, "pharma_patented");
  return null;
}

function autoParts(c: Ctx): DutyComponent | null {
  const chapter = c.h.slice(0, 2);
  // Bare heading 8471 on the parts list is not a car part (general computers); metal chapters go to the metals programme.
  const parts = covering(c, "s232_auto_parts").filter((x) => x.prefix !== "8471");
  if (covering(c, "s232_auto_parts").some((x) => x.prefix === "8471")) note(c, "computer_as_auto_part");
  const truckParts = covering(c, "s232_mhd", "s232-mhd-parts");
  if (["72", "73", "76"].includes(chapter)) return null;
  const rate = parts.length ? measureAt(c, PROGRAMME_MEASURES.s232_auto_parts) : null;
  if (rate) {
    if (truckParts.length) note(c, "car_or_truck_part");
    if (covering(c, "s232_auto_parts_r").length) note(c, "certified_part");
    return fromMeasure(c, "s232_auto_parts", rate, parts);
  }
  const truckRate = truckParts.length ? tableRateAt(c, "s232_mhd_parts") : null;
  return truckRate ? fromTable(c, "s232_mhd", truckRate, "Section 232 medium and heavy-duty truck parts", truckParts) : null;
}

type Metals = { component: DutyComponent | null; inScope: boolean; share: number };

/** Steel, aluminium and copper when no heading programme applies: the annexes from 6 Apr 2026, before that the chapters, derivative rounds and copper. */
function metalsProgramme(c: Ctx): Metals | null {
  const chapter = c.h.slice(0, 2);
  const outOfScope = startsWithAny(c.h, METALS_OUT_OF_SCOPE);
  const annexes = covering(c, "s232_metals", "s232-metals-annexes");
  const annexMeasure = measureAt(c, PROGRAMME_MEASURES.s232_metals_annexes);
  if (annexMeasure) {
    const longest = [...annexes].sort((a, b) => b.prefix.length - a.prefix.length)[0];
    let tier = longest?.attrs?.annex ?? null;
    const everDerivative = c.hits.some((x) => x.listKey === "s232-metal-derivatives");
    if (!tier && METAL_CHAPTERS.includes(chapter) && !outOfScope) tier = "1a";
    else if (!tier && everDerivative) tier = "1b";
    if (!tier) return null;
    if (!longest) note(c, "annex_inferred");
    if (c.h.startsWith("8471")) note(c, "annex_heading_8471");
    const rate = ANNEX_RATES[tier];
    if (!rate) {
      c.excluded.push({ programme: "s232_metals", reason: "annex_ii_removed", listKeys: annexes.map((x) => x.listKey) });
      return { component: null, inScope: false, share: 0 };
    }
    const m = { ...annexMeasure, ratePct: rate.ratePct };
    const component = { ...fromMeasure(c, "s232_metals", m, annexes), ch99: rate.ch99, allIn: !!rate.allIn };
    if (rate.allIn) component.contributionPct = round(Math.max(0, rate.ratePct - c.base));
    return { component, inScope: true, share: 100 };
  }
  if (outOfScope) return null;

  const steel = covering(c, "s232_metals", "s232-steel-chapters");
  const alu = covering(c, "s232_metals", "s232-aluminium-articles");
  const copper = covering(c, "s232_copper");
  const derivatives = covering(c, "s232_metals", "s232-metal-derivatives");
  const sa = measureAt(c, PROGRAMME_MEASURES.s232_metals);
  if (steel.length && sa) return { component: fromMeasure(c, "s232_metals", sa, steel), inScope: true, share: 100 };
  if (alu.length) {
    const current = sa && sa.measureKey !== "steel-kr-quota-2018" ? sa : null;
    if (current) return { component: fromMeasure(c, "s232_metals", current, alu), inScope: true, share: 100 };
    const old = tableRateAt(c, "s232_aluminium_2018");
    if (old) return note(c, "korea_aluminium_2018"), { component: fromTable(c, "s232_metals", old, "Section 232 aluminium (2018)", alu), inScope: true, share: 100 };
  }
  const copperRate = copper.length ? measureAt(c, PROGRAMME_MEASURES.s232_copper) : null;
  if (copperRate) {
    const share = chapter === "74" ? 100 : DEFAULT_METAL_SHARE;
    if (share < 100) note(c, "metal_content");
    return { component: fromMeasure(c, "s232_copper", copperRate, copper, share), inScope: true, share };
  }
  const derivativeRate = sa && sa.measureKey !== "steel-kr-quota-2018" ? sa : null;
  if (derivatives.length && derivativeRate) {
    const share = ["72", "73", "76"].includes(chapter) ? 100 : DEFAULT_METAL_SHARE;
    if (share < 100) note(c, "metal_content");
    return { component: fromMeasure(c, "s232_metals", derivativeRate, derivatives, share), inScope: true, share };
  }
  return null;
}

/** A duty on the value the metals duty does not cover. */
const remainder = (x: DutyComponent): DutyComponent => (x.sharePct < 100 ? { ...x, basis: "remainder" } : x);

function reciprocal(c: Ctx, covered: number): DutyComponent | null {
  const m = measureAt(c, PROGRAMME_MEASURES.ieepa_reciprocal);
  if (!m) return null;
  const exempt = exempting(c, "ieepa_reciprocal");
  if (exempt.length) return c.excluded.push({ programme: "ieepa_reciprocal", reason: "reciprocal_exempt", listKeys: exempt.map((x) => x.listKey) }), null;
  if (covered >= 100) return c.excluded.push({ programme: "ieepa_reciprocal", reason: "s232_outside_reciprocal", listKeys: [] }), null;
  if (m.measureKey === "reciprocal-kr-15-inclusive" && exempting(c, "ieepa_reciprocal_floor").length) note(c, "civil_aircraft");
  if (m.status === "rescinded") note(c, "ieepa_refund");
  return remainder(fromMeasure(c, "ieepa_reciprocal", m, [], 100 - covered));
}

function section122(c: Ctx, covered: number, is232: boolean): DutyComponent | null {
  const m = measureAt(c, PROGRAMME_MEASURES.s122);
  if (!m) return null;
  note(c, "s122_rate_disputed");
  const exempt = exempting(c, "s122");
  if (exempt.length) return c.excluded.push({ programme: "s122", reason: "s122_exempt", listKeys: exempt.map((x) => x.listKey) }), null;
  const annexRegime = !!measureAt(c, PROGRAMME_MEASURES.s232_metals_annexes);
  const spared = annexRegime ? (is232 ? 100 : 0) : covered;
  if (spared >= 100) return c.excluded.push({ programme: "s122", reason: "s232_outside_s122", listKeys: [] }), null;
  return remainder(fromMeasure(c, "s122", m, [], 100 - spared));
}

function section301(c: Ctx, is232: boolean): DutyComponent | null {
  const m = measureAt(c, PROGRAMME_MEASURES.s301_forced_labour);
  if (!m) return null;
  note(c, "s301_tier_disputed");
  if (is232) return c.excluded.push({ programme: "s301_forced_labour", reason: "s232_outside_s301", listKeys: [] }), null;
  // The action's own exemption annex is not in the data: the Section 122 exemptions stand in for it, flagged.
  const proxy = c.hits.filter((x) => x.programme === "s122" && x.effect === "exempts");
  if (proxy.length) {
    note(c, "s301_exemptions_proxy");
    return c.excluded.push({ programme: "s301_forced_labour", reason: "s301_exempt_proxy", listKeys: proxy.map((x) => x.listKey) }), null;
  }
  return fromMeasure(c, "s301_forced_labour", m, []);
}

/** The additional duty on a Korean-origin line at `input.at`, step by step. */
export function dutyFor(input: DutyInput): DutyAnswer {
  const c: Ctx = {
    h: input.hts, t: input.at, k: input.knownAt ?? input.at, base: input.baseRatePct ?? 0, hits: input.hits,
    byKey: new Map(input.measures.map((m) => [m.measureKey, m])), notes: new Map(), excluded: [],
  };
  if (c.base === 0) note(c, "korus_base");
  const heading = headingProgramme(c);
  const metals = heading ? null : metalsProgramme(c);
  if (heading) {
    const shadowed = c.hits.some((x) => (x.programme === "s232_metals" || x.programme === "s232_copper") && holds(x, c.t));
    if (shadowed) c.excluded.push({ programme: "s232_metals", reason: "s232_precedence", listKeys: [] });
  }
  const covered = heading ? 100 : metals?.share ?? 0;
  const is232 = !!heading || !!metals?.inScope;
  const components = [heading, metals?.component ?? null, reciprocal(c, covered), section122(c, covered, is232), section301(c, is232)].filter(
    (x): x is DutyComponent => x !== null,
  );
  const notes = [...c.notes.values()];
  return {
    hts: c.h, at: c.t, origin: "KR", baseRatePct: c.base,
    additionalDutyPct: round(components.reduce((n, x) => n + x.contributionPct, 0)),
    components, excluded: c.excluded, notes, uncertain: notes.some((n) => n.uncertain),
  };
}
