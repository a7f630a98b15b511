// Linking a rate an article states to the measure the tracker already knows (db/seed/measures.ts), so a rate the
// sentence only names ("Trump's 25% tariff on automobiles", "the 50% steel levy") gets the status that measure had on
// the day the article came out: how an editor reads it, from what was known then, not from the verb alone.
// Versions are bitemporal (each known from a day), so an article from April 2025 sees the April 2025 state and never a
// later one. Pure: the measures and the publication date come in.
import type { MeasureStatus, Sector } from "@/server/core/constants";
import type { Fact, FactTariffStatus, TariffRateFact } from "./types";
import type { TimeFrame } from "./context";
import { why } from "./basis";
import type { FactSector } from "./sectors";

export interface KnownMeasure {
  key: string;
  target: "KR" | "ALL";
  sectors: FactSector[];
  ratePct: number;
  /** Whether the measure lowered a higher rate the same goods paid or were told to pay (the deal's 15%). */
  cut: boolean;
  /** Status changes, oldest first, each known from a day (YYYY-MM-DD). */
  versions: { known: string; status: MeasureStatus }[];
}

/** The seed's shape, as much of it as the link reads. */
export interface MeasureInput {
  key: string;
  target: "KR" | "ALL";
  sector: Sector;
  ratePct: number | null;
  /** Oldest first; `known` is the day (YYYY-MM-DD, Washington) the version became known. */
  versions: { known: string; status: MeasureStatus }[];
}

const SECTORS_OF: Record<Sector, FactSector[]> = {
  all_goods: ["all_goods"],
  autos: ["autos"],
  auto_parts: ["auto_parts"],
  steel_aluminium: ["steel", "aluminum"],
  copper: ["copper"],
  semiconductors: ["semiconductors"],
  pharmaceuticals: ["pharmaceuticals"],
  lumber: ["lumber"],
};
const LIVE = new Set<MeasureStatus>(["threatened", "announced", "in_effect", "paused"]);

/** The state a measure was known in on a day, or null before it was known. */
const stateOn = (m: Pick<KnownMeasure, "versions">, day: string) => m.versions.filter((v) => v.known <= day).at(-1) ?? null;
/** Whether the measure is live on the day: known, and threatened, announced, in effect or paused. */
const liveOn = (m: KnownMeasure, day: string) => LIVE.has(stateOn(m, day)?.status ?? "superseded");
/** Whether the measure is the one a stated rate names: same sector, same rate. */
const names = (m: KnownMeasure, f: Pick<TariffRateFact, "sector" | "ratePct">) => m.sectors.includes(f.sector) && Math.abs(m.ratePct - f.ratePct) < 0.01;

export function knownMeasures(seed: readonly MeasureInput[]): KnownMeasure[] {
  const rated = seed.filter((m): m is MeasureInput & { ratePct: number } => m.ratePct !== null && m.ratePct > 0);
  const base = rated.map((m) => ({
    key: m.key,
    target: m.target,
    sectors: SECTORS_OF[m.sector],
    ratePct: m.ratePct,
    cut: false,
    versions: m.versions,
  }));
  for (const m of base) {
    const first = m.versions[0]?.known;
    if (!first) continue;
    // a cut: the same goods (Korea's, or everyone's) paid or had been told to pay more the day it became known
    m.cut = base.some(
      (o) =>
        o !== m &&
        o.ratePct > m.ratePct &&
        o.sectors[0] === m.sectors[0] &&
        (o.target === m.target || o.target === "ALL") &&
        ["announced", "in_effect"].includes(stateOn(o, first)?.status ?? ""),
    );
  }
  return base;
}

const STATUS_OF: Partial<Record<MeasureStatus, FactTariffStatus>> = {
  threatened: "proposed",
  announced: "announced",
  in_effect: "in_effect",
  paused: "paused",
};

/** The live measure a stated rate refers to on the publication day (Korea's own first for a Korean rate, then
 * everyone's), and the status it had then; null when the tracker knows no such measure. */
export function linkedStatus(
  fact: Pick<TariffRateFact, "sector" | "ratePct" | "country">,
  publishedOn: string,
  measures: readonly KnownMeasure[],
): { key: string; status: FactTariffStatus } | null {
  const targets: ("KR" | "ALL")[] = fact.country === "KR" ? ["KR", "ALL"] : ["ALL", "KR"];
  for (const target of targets) {
    const live = measures
      .filter((m) => m.target === target && names(m, fact) && liveOn(m, publishedOn))
      .map((m) => ({ m, v: stateOn(m, publishedOn)! }))
      .sort((a, b) => (a.v.known < b.v.known ? 1 : -1));
    const hit = live[0];
    if (!hit) continue;
    const status = STATUS_OF[hit.v.status]!;
    return {
      key: hit.m.key,
      status: status === "announced" && hit.m.cut ? "reduced" : status,
    };
  }
  return null;
}

// The status rules (./kinds/tariff-rates.ts) whose reading is weak: no verb of the rate's own, or words that say only
// "proposed" or "will". Their rates take the linked measure's status; a verb that dates or qualifies the rate wins
// ("took effect on", "remains", "paused", "cut to").
const WEAK_CUES = new Set(["no-verb", "proposal-words", "future-words"]);

// The country rules whose reading is weak: the sentence, not the rate's own words, decided it.
// ("Korean cars pay 25 percent, the Section 232 rate on every country, because the cut to 15 percent …": the 15% is
// Korea's, as the only live 15% car measure is.) Chosen on the development set: the Korean-text cue was no better.
const WEAK_COUNTRY_CUES = new Set(["global-in-sentence", "korea-in-sentence", "nothing-said", "section-232-words"]);

/** The one target (KR or ALL) of the live measures for a sector and rate on a day, or null when none or both. */
export function linkedTarget(fact: Pick<TariffRateFact, "sector" | "ratePct">, publishedOn: string, measures: readonly KnownMeasure[]): { key: string; target: "KR" | "ALL" } | null {
  const live = measures.filter((m) => names(m, fact) && liveOn(m, publishedOn));
  const targets = new Set(live.map((m) => m.target));
  return targets.size === 1 ? { key: live[0]!.key, target: live[0]!.target } : null;
}

/** Whether the rate a cut starts from names only measures no longer live on the day ("미국이 예고했던 25%의 상호관세는
 * 15%로 낮아지고" on the deal's day: the 25% was replaced before publication, and is not a rate of the article). */
export function replacedBeforePublication(f: Fact, frame: TimeFrame, measures: readonly KnownMeasure[]): boolean {
  if (f.kind !== "tariff_rate" || !frame.certain || f.basis?.status?.cue !== "old-of-cut") return false;
  return allEnded(f, frame.anchor, measures);
}

/** Whether the measures of a sector and rate known on the day have all ended (and there is one). */
function allEnded(f: Pick<TariffRateFact, "sector" | "ratePct">, day: string, measures: readonly KnownMeasure[]): boolean {
  const named = measures.filter((m) => names(m, f) && stateOn(m, day) !== null);
  return named.length > 0 && !named.some((m) => liveOn(m, day));
}

/** A sector duty stated as in force that the tracker shows replaced before the article came out ("March 12 — … steel and
 * aluminum tariffs of 25%" in a chronology that goes on to June's 50%; "entries … filed at the old 25% rate"): every
 * measure of that sector and rate known by then has ended. A rate on all goods is left alone (the 10% baseline still
 * applies to others when Korea's own rate replaces it). */
export function sectorRateEnded(f: Fact, frame: TimeFrame, measures: readonly KnownMeasure[]): boolean {
  if (f.kind !== "tariff_rate" || !frame.certain || f.status !== "in_effect" || f.sector === "all_goods") return false;
  return allEnded(f, frame.anchor, measures);
}

/** A tariff fact with its status (and country) from the measure it names, when the article's date is known and its
 * own words are weak. */
export function linkToMeasure(f: Fact, frame: TimeFrame, measures: readonly KnownMeasure[]): Fact {
  if (f.kind !== "tariff_rate" || !frame.certain) return f;
  let out = f;
  const target = WEAK_COUNTRY_CUES.has(f.basis?.country?.cue ?? "") ? linkedTarget(f, frame.anchor, measures) : null;
  if (target && target.target !== f.country) out = { ...out, country: target.target, basis: { ...out.basis, country: why(`measure:${target.key}`, null) } };
  const cue = f.basis?.status?.cue ?? "";
  const onlyInForce = cue === "reduced" || cue === "announce-words";
  let link = WEAK_CUES.has(cue) || onlyInForce ? linkedStatus(out, frame.anchor, measures) : null;
  // a cut the tracker already shows in force on the day ("lowers the tariff on Korean cars to 15 percent" in the notice
  // that applies it from November 1), or a rate named by the deal or order that set it ("the 15% rate on Korean cars
  // agreed last year", months after it began) is in effect; one it does not show in force is as the words say
  if (onlyInForce && link?.status !== "in_effect") link = null;
  if (link) out = { ...out, status: link.status, basis: { ...out.basis, status: why(`measure:${link.key}`, null) } };
  return out;
}

/** The sectors of the measures live on the day at a rate, and whether one of them is on all goods. */
export function liveAtRate(ratePct: number, day: string, measures: readonly KnownMeasure[]): Set<FactSector> {
  const out = new Set<FactSector>();
  for (const m of measures) if (Math.abs(m.ratePct - ratePct) < 0.01 && liveOn(m, day)) for (const x of m.sectors) out.add(x);
  return out;
}

/** A rate read as on all goods only because no goods were named ("관세율은 현재 50%로", "the 50 per cent Section 232
 * duties on both remain in place"), at a figure the tracker knows for some sectors and not for all goods that day: the
 * sectors the sentence (or, failing it, the rate before) names at that figure, or none. Without the tracker's measures,
 * as read. */
export function bareRateSectors(f: TariffRateFact, frame: TimeFrame, measures: readonly KnownMeasure[], named: readonly FactSector[], before: readonly FactSector[]): TariffRateFact[] {
  // (not a rate someone wants or a pause, which need no measure, nor one worded as Korea's: "a 25% rate for South Korea")
  if (f.sector !== "all_goods" || f.basis?.sector?.cue !== "all-goods" || !frame.certain || measures.length === 0) return [f];
  if (f.status === "proposed" || f.status === "paused" || f.basis?.country?.cue === "korea-named") return [f];
  const live = liveAtRate(f.ratePct, frame.anchor, measures);
  if (live.size === 0 || live.has("all_goods")) return [f];
  const pick = (xs: readonly FactSector[]) => [...new Set(xs.filter((x) => live.has(x)))];
  const sectors = pick(named).length ? pick(named) : pick(before);
  return sectors.map((sector) => ({ ...f, sector, basis: { ...f.basis, sector: why("bare-rate:measure", null) } }));
}