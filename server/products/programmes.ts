// What the duty rules (./duty-rules.ts) know besides the lists and the tracked measures: which measures carry each
// programme's rate, the rates of programmes Tradewatch does not track as measures, and the scope facts the
// proclamations state. Read from the instruments as summarised by The Budget Lab at Yale's tariff-rate-tracker and
// the law-firm notes cited in db/seed/sources.ts.
import type { Sector } from "@/server/core/constants";
import { localToInstant } from "@/server/core/time";

const ny = (date: string, time = "00:01") => localToInstant(`${date}T${time}`, "America/New_York");

/** Tracked measures that carry a programme's rate for Korean goods, the most specific first. */
export const PROGRAMME_MEASURES = {
  s232_semiconductors: ["chips-232-25"],
  s232_autos: ["autos-kr-15", "autos-232-25"],
  s232_auto_parts: ["auto-parts-kr-15", "auto-parts-232-25"],
  s232_metals: ["steel-alu-232-50", "steel-alu-232-25", "steel-kr-quota-2018"],
  s232_metals_annexes: ["metals-232-annexes-2026"],
  s232_copper: ["copper-232-50"],
  s232_timber: ["lumber-232-10"],
  s232_pharma: ["pharma-232-kr-15"],
  ieepa_reciprocal: ["reciprocal-kr-15-inclusive", "reciprocal-kr-15", "reciprocal-kr-25-apr", "reciprocal-baseline-10"],
  s122: ["sec122-global-10"],
  s301_forced_labour: ["s301-forced-labour-kr"],
} as const;

/** The sector of the tracked story each programme belongs to (a product's deadlines are its sectors'). */
export const PROGRAMME_SECTORS: Record<string, Sector> = {
  s232_autos: "autos", s232_auto_parts: "auto_parts", s232_auto_parts_r: "auto_parts", s232_metals: "steel_aluminium", s232_copper: "copper",
  s232_semiconductors: "semiconductors", s232_pharma: "pharmaceuticals", s232_timber: "lumber", s232_wood_products: "lumber",
};

/** Measures whose rate is "X% including the general rate" for Korean goods: they add X minus the base rate. */
export const ALL_IN_MEASURES = new Set(["autos-kr-15", "auto-parts-kr-15", "reciprocal-kr-15-inclusive", "pharma-232-kr-15", "s301-forced-labour-kr"]);

/**
 * Programmes without a tracked measure: rates per window, the first that holds at the instant and is known wins, known from `known` (when the instrument was published).
 * `allIn`: the rate includes the general duty.
 */
export type TableRate = { from: Date; to?: Date; known: Date; ratePct: number; allIn?: boolean; ch99: string; instrument: string; sources: string[] };

export const TABLE_RATES: Record<string, TableRate[]> = {
  s232_mhd: [{ from: ny("2025-11-01"), known: ny("2025-10-17", "23:59"), ratePct: 25, ch99: "9903.74.01", instrument: "Proclamation 10984 (medium and heavy-duty trucks)", sources: ["yale-hts-product-lists"] }],
  s232_mhd_parts: [{ from: ny("2025-11-01"), known: ny("2025-10-17", "23:59"), ratePct: 25, ch99: "9903.74.08", instrument: "Proclamation 10984 (truck parts, US Note 38(i))", sources: ["yale-hts-product-lists"] }],
  s232_buses: [{ from: ny("2025-11-01"), known: ny("2025-10-17", "23:59"), ratePct: 10, ch99: "9903.74.02", instrument: "Proclamation 10984 (buses)", sources: ["yale-hts-product-lists"] }],
  // First match wins: Korea's 15% once published (retroactive to 14 Nov), else the 25% from 14 Oct 2025.
  s232_wood_products: [
    { from: ny("2025-11-14"), known: ny("2025-12-04", "23:59"), ratePct: 15, allIn: true, ch99: "9903.76.23", instrument: "FR 2025-21940, Annex Part B (Korea: 15% including the general rate)", sources: ["fr-2025-21940", "yale-hts-product-lists"] },
    { from: ny("2025-10-14"), known: ny("2025-09-29", "23:59"), ratePct: 25, ch99: "9903.76.02", instrument: "Proclamation 10976 (upholstered furniture, kitchen cabinets)", sources: ["yale-hts-product-lists"] },
  ],
  /** Korea's aluminium paid 10% from 2018: the 2018 arrangement covered steel only. */
  s232_aluminium_2018: [{ from: ny("2018-03-23"), to: ny("2025-03-12"), known: ny("2018-03-08", "23:59"), ratePct: 10, ch99: "9903.85.01", instrument: "Proclamation 9704 (aluminium, 2018)", sources: ["yale-hts-product-lists"] }],
};

/** The April 2026 metals annexes: Annex I-A 50%, I-B 25%, III 15% including the general rate (to end-2027), II out of scope. */
export const ANNEX_RATES: Record<string, { ratePct: number; allIn?: boolean; ch99: string } | null> = {
  "1a": { ratePct: 50, ch99: "9903.82.02" },
  "1b": { ratePct: 25, ch99: "9903.82.09" },
  "3": { ratePct: 15, allIn: true, ch99: "9903.82.1x" },
  "2": null,
};

/** Never on a Section 232 metals list: pig iron, ferro-alloys, scrap, cast-iron tubes, copper mattes/cathodes/scrap, aluminium powders. */
export const METALS_OUT_OF_SCOPE = ["7201", "7202", "7203", "7204", "7205", "7303", "7401", "7402", "7403", "7404", "7405", "7602", "7603", "721661", "721669", "721691"];
export const METAL_CHAPTERS = ["72", "73", "74", "76"];

/** Share of customs value a content-based duty falls on when the entry does not state it (the tracker's flat share). */
export const DEFAULT_METAL_SHARE = 50;
