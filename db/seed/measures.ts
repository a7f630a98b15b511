// US tariff measures affecting Korea, 2025–26, as versions: each status change is a new version known from the day
// it became known. US instants are 00:01 America/New_York unless stated; retroactive changes keep their legal
// effective date but are only known from publication. Each measure: what it is, then its versions (v: known on a
// US day, status, in effect from / until) and sources.
import { defined, ny, usDay } from "./build";
import type { Confidence, MeasureStatus } from "@/server/core/constants";
import type { LocalInstant, MeasureSeed, MeasureVersionSeed } from "./types";

/** A day at 00:01 in Washington, or an instant stated otherwise. */
type When = string | LocalInstant;
const at = (w: When): LocalInstant => (typeof w === "string" ? ny(w) : w);
/** KORUS took effect on 15 March 2012 (at midnight, not 00:01). */
const KORUS = ny("2012-03-15", "00:00");

type VersionOptions = { from?: When; until?: When; instrument?: string; confidence?: Confidence };

/** A version known from the end of a US day (keys in MeasureVersionSeed order: the seed checksum hashes the JSON). */
function v(knownOn: string, status: MeasureStatus, o: VersionOptions = {}): MeasureVersionSeed {
  const effective = o.from === undefined ? undefined : at(o.from);
  const ends = o.until === undefined ? undefined : at(o.until);
  return defined({ known: usDay(knownOn), status, instrument: o.instrument, effective, ends, confidence: o.confidence });
}

export const MEASURES: MeasureSeed[] = [
  // Steel and aluminium
  { key: "steel-kr-quota-2018", title: "Korea's Section 232 steel quota arrangement (duty-free within quota)",
    target: "KR", sector: "steel_aluminium", instrument: "Sec. 232 (2018 quota arrangement)", announcedOn: "2018-04-30", ratePct: 0, rateNote: "0% within the quota",
    versions: [v("2018-04-30", "in_effect", { from: "2018-05-01", confidence: "high" }), v("2025-02-10", "superseded", { from: "2018-05-01", until: "2025-03-12" })],
    sources: ["yale-tariff-tracker", "devdiscourse-reuters-2025-06-02"] },
  { key: "steel-alu-232-25", title: "Section 232 steel and aluminium 25% for all countries",
    target: "ALL", sector: "steel_aluminium", instrument: "Sec. 232; Proclamation 10896 revoked country exemptions", announcedOn: "2025-02-10", ratePct: 25,
    versions: [
      v("2025-02-10", "announced", { from: "2025-03-12" }),
      v("2025-03-12", "in_effect", { from: "2025-03-12" }),
      v("2025-06-02", "in_effect", { from: "2025-03-12", until: "2025-06-04" }),
      v("2025-06-04", "superseded", { from: "2025-03-12", until: "2025-06-04" }),
    ],
    sources: ["devdiscourse-reuters-2025-06-02", "yale-tariff-tracker", "article-004"] },
  { key: "steel-alu-232-50", title: "Section 232 steel and aluminium doubled to 50%",
    target: "ALL", sector: "steel_aluminium", instrument: "Sec. 232; Proclamation 10947 (90 FR 24199)", announcedOn: "2025-06-02", ratePct: 50,
    versions: [
      v("2025-06-02", "announced", { from: "2025-06-04" }),
      v("2025-06-04", "in_effect", { from: "2025-06-04" }),
      v("2026-04-02", "in_effect", { from: "2025-06-04", until: "2026-04-06" }),
      v("2026-04-06", "superseded", { from: "2025-06-04", until: "2026-04-06" }),
    ],
    sources: ["businesslive-reuters-2025-06-02", "yale-tariff-tracker", "article-003"] },
  { key: "metals-232-annexes-2026", title: "Section 232 metals restructured into annexes: 50% (I-A), 25% (I-B), 15% (III) on the full value",
    target: "ALL", sector: "steel_aluminium", instrument: "Sec. 232; Proclamation 11021 (91 FR 18201)", announcedOn: "2026-04-02", ratePct: 50,
    rateNote: "Annex I-A 50%, I-B 25%, III 15% to end-2027, II out of scope; no Korean cap (Annex I-C equipment: Korea 15% from 8 Jun 2026)",
    versions: [v("2026-04-02", "announced", { from: "2026-04-06" }), v("2026-04-06", "in_effect", { from: "2026-04-06" })],
    sources: ["procl-11021-metals", "yale-hts-product-lists"] },

  // Autos and parts
  { key: "autos-korus", title: "Korean passenger cars duty-free under KORUS",
    target: "KR", sector: "autos", instrument: "KORUS FTA", announcedOn: null, ratePct: 0,
    versions: [v("2012-03-15", "in_effect", { from: KORUS }), v("2025-03-26", "in_effect", { from: KORUS, until: "2025-04-03" }), v("2025-04-03", "superseded", { from: KORUS, until: "2025-04-03" })],
    sources: ["steelmarketupdate-2025-03-29", "yale-tariff-tracker"] },
  { key: "autos-232-25", title: "Section 232 autos 25%",
    target: "ALL", sector: "autos", instrument: "Sec. 232; Proclamation 10908 (90 FR 14705)", announcedOn: "2025-03-26", ratePct: 25,
    versions: [
      v("2025-03-26", "announced", { from: "2025-04-03" }),
      v("2025-04-03", "in_effect", { from: "2025-04-03" }),
      // The cut to 15% was published on Dec 4 with effect from Nov 1: only then did the 25% end, retroactively.
      v("2025-12-04", "superseded", { from: "2025-04-03", until: "2025-11-01" }),
    ],
    sources: ["steelmarketupdate-2025-03-29", "asiae-2025040314125231975", "article-004", "article-003", "yale-tariff-tracker"] },
  { key: "autos-kr-15", title: "Korean autos at 15% all-in under the US–Korea deal",
    target: "KR", sector: "autos", instrument: "Sec. 232; FR notice 2025-21940 (90 FR 55964); HTS 9903.94.60", announcedOn: "2025-07-30", ratePct: 15, rateNote: "MFN + Sec. 232 = 15%; no additional duty where MFN ≥ 15%",
    versions: [v("2025-07-30", "announced", { instrument: "Political agreement (Jul 30, 2025)" }), v("2025-11-13", "announced", { instrument: "Joint Fact Sheet (Nov 13, 2025)" }), v("2025-12-04", "in_effect", { from: "2025-11-01" })],
    sources: ["vietnamnews-2025-07-31", "koreatimes-20250731", "whitehouse-fact-sheet-2025-11-13", "fr-2025-21940", "koreaherald-10629298"] },
  { key: "auto-parts-korus", title: "Korean auto parts duty-free under KORUS",
    target: "KR", sector: "auto_parts", instrument: "KORUS FTA", announcedOn: null, ratePct: 0,
    versions: [v("2012-03-15", "in_effect", { from: KORUS }), v("2025-05-03", "superseded", { from: KORUS, until: "2025-05-03" })],
    sources: ["bloomingbit-91579"] },
  { key: "auto-parts-232-25", title: "Section 232 key auto parts 25% (engines, transmissions, powertrain, electrical)",
    target: "ALL", sector: "auto_parts", instrument: "Sec. 232; Proclamation 10908", announcedOn: "2025-03-26", ratePct: 25,
    versions: [v("2025-03-26", "announced", { from: "2025-05-03" }), v("2025-05-03", "in_effect", { from: "2025-05-03" }), v("2025-12-04", "superseded", { from: "2025-05-03", until: "2025-11-01" })],
    sources: ["steelmarketupdate-2025-03-29", "bloomingbit-91579"] },
  { key: "auto-parts-kr-15", title: "Korean auto parts at 15% all-in under the US–Korea deal",
    target: "KR", sector: "auto_parts", instrument: "Sec. 232; FR notice 2025-21940; HTS 9903.94.61", announcedOn: "2025-11-13", ratePct: 15, rateNote: "MFN + Sec. 232 = 15%",
    versions: [v("2025-11-13", "announced", { instrument: "Joint Fact Sheet (Nov 13, 2025)" }), v("2025-12-04", "in_effect", { from: "2025-11-01" })],
    sources: ["whitehouse-fact-sheet-2025-11-13", "fr-2025-21940", "koreaherald-10629298"] },

  // All goods: reciprocal (IEEPA) and the Section 122 surcharge
  { key: "all-goods-korus", title: "Korean goods duty-free under KORUS (no additional US tariff)",
    target: "KR", sector: "all_goods", instrument: "KORUS FTA", announcedOn: null, ratePct: 0,
    versions: [v("2012-03-15", "in_effect", { from: KORUS }), v("2025-04-05", "superseded", { from: KORUS, until: "2025-04-05" })],
    sources: ["article-003", "koreaherald-10457411"] },
  { key: "reciprocal-baseline-10", title: "Reciprocal baseline tariff of 10%",
    target: "ALL", sector: "all_goods", instrument: "IEEPA; EO 14257 (90 FR 15269)", announcedOn: "2025-04-02", ratePct: 10,
    versions: [
      v("2025-04-02", "announced", { from: "2025-04-05" }),
      // On Apr 9 the 25% country rate applied for one day (the later effective measure wins), then the pause put
      // Korea back on this baseline.
      v("2025-04-05", "in_effect", { from: "2025-04-05" }),
      v("2025-07-31", "superseded", { from: "2025-04-05", until: "2025-08-07" }),
    ],
    sources: ["cleary-trade-watch", "yale-tariff-tracker", "eo-14257"] },
  { key: "reciprocal-kr-25-apr", title: "Country-specific reciprocal tariff on Korea: 25%",
    target: "KR", sector: "all_goods", instrument: "IEEPA; EO 14257", announcedOn: "2025-04-02", ratePct: 25, rateNote: "announced as 25%; the order's annex listed 26%",
    versions: [
      v("2025-04-02", "announced", { from: "2025-04-09" }),
      v("2025-04-09", "paused", { from: "2025-04-09", until: "2025-04-10", instrument: "IEEPA; EO 14257, paused for 90 days by EO 14266" }),
      v("2025-07-07", "superseded", { from: "2025-04-09", until: "2025-04-10" }),
    ],
    sources: ["koreaherald-10457411", "kbs-8218144", "shin-kim-2799", "eo-14257", "thompson-hine-trump-and-trade", "article-004", "article-001", "article-002"] },
  { key: "reciprocal-kr-25-aug", title: "25% on all Korean goods from August 1 (Trump letter)",
    target: "KR", sector: "all_goods", instrument: "IEEPA; EO 14316 (Jul 7, 2025)", announcedOn: "2025-07-07", ratePct: 25, rateNote: "separate from sectoral tariffs",
    versions: [v("2025-07-07", "announced", { from: "2025-08-01" }), v("2025-07-31", "superseded")],
    sources: ["business-standard-2025-07-07", "kbs-8298468", "article-003"] },
  { key: "reciprocal-kr-15", title: "Reciprocal tariff on Korea of 15% (deal rate, stacked on MFN)",
    target: "KR", sector: "all_goods", instrument: "IEEPA; EO 14326 (90 FR 37963)", announcedOn: "2025-07-30", ratePct: 15, rateNote: "added on top of MFN duties",
    versions: [
      v("2025-07-30", "announced", { instrument: "Political agreement (Jul 30, 2025)" }),
      v("2025-07-31", "announced", { from: "2025-08-07" }),
      v("2025-08-07", "in_effect", { from: "2025-08-07" }),
      v("2025-12-03", "superseded", { from: "2025-08-07", until: "2025-11-14" }),
    ],
    sources: ["vietnamnews-2025-07-31", "koreatimes-20250731", "joongang-2025-08-01", "donga-20250802"] },
  { key: "reciprocal-kr-15-inclusive", title: "Reciprocal tariff on Korea of 15% inclusive of MFN ('un-stacked')",
    target: "KR", sector: "all_goods", instrument: "IEEPA; EO 14257 as amended; FR 2025-21940; HTS 9903.02.79/.80", announcedOn: "2025-11-13", ratePct: 15, rateNote: "15% floor including MFN; lumber ≤ 15%; civil aircraft exempt",
    versions: [v("2025-12-03", "in_effect", { from: "2025-11-14" }), v("2026-02-20", "rescinded", { from: "2025-11-14", until: "2026-02-24", instrument: "IEEPA tariffs held unlawful: Learning Resources, Inc. v. Trump (2026)" })],
    sources: ["internationaltradetoday-2025-12-03", "mondaq-1716460", "yale-tariff-tracker", "fr-2025-21940", "scotus-learning-resources", "chosun-biz-2026-02-21", "kbs-world-199635"] },
  { key: "kr-threat-25-2026", title: "Threat to raise Korea's autos, lumber, pharma and reciprocal rates from 15% to 25%",
    target: "KR", sector: "all_goods", instrument: "Truth Social post (no Federal Register notice)", announcedOn: "2026-01-26", ratePct: 25, rateNote: "implementation unclear",
    versions: [v("2026-01-26", "threatened", { confidence: "medium" })],
    sources: ["koreaherald-10663227", "asiafinancial-2026-02-02"] },
  { key: "sec122-global-10", title: "Section 122 balance-of-payments surcharge on all imports (150 days)",
    target: "ALL", sector: "all_goods", instrument: "Trade Act of 1974 Sec. 122 proclamation (Feb 20, 2026)", announcedOn: "2026-02-20", ratePct: 10, rateNote: "15% announced Feb 21; sources disagree whether it was applied",
    versions: [v("2026-02-20", "announced", { from: "2026-02-24", until: "2026-07-24", confidence: "medium" }), v("2026-02-24", "in_effect", { from: "2026-02-24", until: "2026-07-24", confidence: "medium" })],
    sources: ["mondaq-1753392", "fnnews-2026-02-24", "uhy-us-sec122", "yale-tariff-tracker"] },

  { key: "s301-forced-labour-kr", title: "Section 301 duty replacing the Section 122 surcharge: Korea 12.5% including the general rate",
    target: "KR", sector: "all_goods", instrument: "Sec. 301; USTR notice of action (91 FR 47318); Presidential Memorandum (91 FR 47717)", announcedOn: "2026-06-02", ratePct: 12.5,
    rateNote: "12.5% all-in per the final notice (KORUS rate counts); proposal of 2 Jun had 12.5% on top; one reading has 10%. Section 232 goods excluded",
    versions: [
      v("2026-06-02", "threatened", { instrument: "Sec. 301; proposed action (91 FR 34272)", confidence: "medium" }),
      v("2026-07-23", "announced", { from: "2026-07-24", confidence: "medium" }),
      v("2026-07-24", "in_effect", { from: "2026-07-24", confidence: "medium" }),
    ],
    sources: ["ustr-301-fl-final-2026-07", "ustr-301-fl-proposal-2026-06", "yale-tariff-tracker"] },

  // Timber and pharmaceuticals
  { key: "lumber-232-10", title: "Section 232 softwood timber and lumber 10%",
    target: "ALL", sector: "lumber", instrument: "Sec. 232; Proclamation 10976", announcedOn: "2025-09-29", ratePct: 10, rateNote: "furniture and cabinets 25% (Korea 15% all-in from 14 Nov 2025)",
    versions: [v("2025-09-29", "announced", { from: "2025-10-14" }), v("2025-10-14", "in_effect", { from: "2025-10-14" })],
    sources: ["yale-hts-product-lists", "fr-2025-21940"] },
  { key: "pharma-232-kr-15", title: "Section 232 patented medicines: Korea 15% including the general rate",
    target: "KR", sector: "pharmaceuticals", instrument: "Sec. 232; Proclamation 11020 (91 FR 18183); HTS 9903.04.62", announcedOn: "2026-04-02", ratePct: 15,
    rateNote: "patented medicines only (generics 0%); companies of Annex III from 31 Jul 2026, all others from 29 Sep 2026",
    versions: [v("2026-04-02", "announced", { from: "2026-07-31" }), v("2026-07-31", "in_effect", { from: "2026-07-31" })],
    sources: ["procl-11020-pharma"] },

  // Copper and semiconductors
  { key: "copper-232-50", title: "Section 232 copper 50% (not covered by the Korea deal)",
    target: "ALL", sector: "copper", instrument: "Sec. 232 copper proclamation (Jul 30, 2025)", announcedOn: "2025-07-30", ratePct: 50,
    versions: [v("2025-07-30", "announced", { from: "2025-08-01" }), v("2025-08-01", "in_effect", { from: "2025-08-01" })],
    sources: ["yale-tariff-tracker", "devdiscourse-lutnick-2025-07-31"] },
  { key: "chips-232-25", title: "Section 232 semiconductors: 25% on certain advanced computing chips",
    target: "ALL", sector: "semiconductors", instrument: "Sec. 232 proclamation (Jan 14, 2026); HTS 9903.79", announcedOn: "2026-01-14", ratePct: 25, rateNote: "narrow: memory not targeted; many end-use exemptions",
    versions: [v("2026-01-15", "in_effect", { from: "2026-01-15" })],
    sources: ["mondaq-1732382", "buckland-chips-2026"] },
];
