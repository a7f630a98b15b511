// Deadlines with the instant and the legal time zone they were stated in. A postponement is a new version with
// status "postponed" pointing at the deadline it moved to: Apr 9 → Jul 9 → Aug 1 is one chain. Each deadline: what
// falls due when and what it concerns, then its versions (oldest first) and sources.
import { krDay, ny, seoul, usDay } from "./build";
import type { DeadlineSeed, DeadlineVersionSeed, Known } from "./types";

const upcoming = (known: Known): DeadlineVersionSeed => ({ known, status: "upcoming" });
const met = (known: Known, outcome: string): DeadlineVersionSeed => ({ known, status: "met", outcome });
/** Moved to the deadline `postponedTo`. */
const postponed = (known: Known, postponedTo: string, outcome: string): DeadlineVersionSeed => ({ known, status: "postponed", postponedTo, outcome });

export const DEADLINES: DeadlineSeed[] = [
  { key: "steel-alu-25-effective", title: "Steel and aluminium 25% for all countries takes effect", kind: "tariff_effective", due: ny("2025-03-12"), measureKey: "steel-alu-232-25", sector: "steel_aluminium",
    versions: [upcoming(usDay("2025-02-10")), met(usDay("2025-03-12"), "In effect; Korea's quota arrangement ended")], sources: ["devdiscourse-reuters-2025-06-02", "yale-tariff-tracker"] },
  { key: "autos-25-effective", title: "Section 232 auto tariff of 25% takes effect", kind: "tariff_effective", due: ny("2025-04-03"), measureKey: "autos-232-25", sector: "autos",
    versions: [upcoming(usDay("2025-03-26")), met(usDay("2025-04-03"), "In effect for Korean cars")], sources: ["steelmarketupdate-2025-03-29", "asiae-2025040314125231975"] },
  { key: "baseline-10-effective", title: "10% reciprocal baseline takes effect", kind: "tariff_effective", due: ny("2025-04-05"), measureKey: "reciprocal-baseline-10", sector: "all_goods",
    versions: [upcoming(usDay("2025-04-02")), met(usDay("2025-04-05"), "In effect")], sources: ["cleary-trade-watch", "eo-14257"] },
  { key: "reciprocal-kr-effective-apr9", title: "Country-specific reciprocal rate on Korea takes effect", kind: "tariff_effective", due: ny("2025-04-09"), measureKey: "reciprocal-kr-25-apr", sector: "all_goods",
    versions: [upcoming(usDay("2025-04-02")), postponed(usDay("2025-04-09"), "pause-end-jul9", "Paused for 90 days the same day")], sources: ["koreaherald-10457411", "thompson-hine-trump-and-trade", "joongang-2025-04-09"] },
  { key: "pause-end-jul9", title: "End of the 90-day pause on country-specific reciprocal rates", kind: "pause_expiry", due: ny("2025-07-09"), measureKey: "reciprocal-kr-25-apr", sector: "all_goods",
    versions: [upcoming(usDay("2025-04-09")), postponed(usDay("2025-07-07"), "reciprocal-kr-aug1", "Pause extended to August 1 by letter and EO 14316")], sources: ["thompson-hine-trump-and-trade", "article-002", "article-003", "business-standard-2025-07-07"] },
  { key: "reciprocal-kr-aug1", title: "25% tariff on all Korean goods takes effect", description: "Deadline set by the July 7 letter; Korea sought a deal before it.", kind: "tariff_effective", due: ny("2025-08-01"), measureKey: "reciprocal-kr-25-aug", sector: "all_goods",
    versions: [upcoming(usDay("2025-07-07")), met(usDay("2025-07-31"), "Deal reached on July 30: 15% instead of 25%, effective August 7")], sources: ["business-standard-2025-07-07", "kbs-8298468", "article-003", "vietnamnews-2025-07-31", "joongang-2025-08-01"] },
  { key: "election-jun3", title: "Korea's snap presidential election", kind: "election", due: seoul("2025-06-03", "06:00"),
    versions: [upcoming(krDay("2025-04-08")), met(krDay("2025-06-04"), "Lee Jae-myung elected (49.42%); sworn in June 4")], sources: ["article-002", "digitimes-a20250604vl200", "diplomaticwatch-2025-06"] },
  { key: "auto-parts-25-effective", title: "Section 232 tariff of 25% on key auto parts takes effect", kind: "tariff_effective", due: ny("2025-05-03"), measureKey: "auto-parts-232-25", sector: "auto_parts",
    versions: [upcoming(usDay("2025-03-26")), met(usDay("2025-05-03"), "In effect")], sources: ["steelmarketupdate-2025-03-29", "bloomingbit-91579"] },
  { key: "steel-alu-50-effective", title: "Steel and aluminium tariff doubles to 50%", kind: "tariff_effective", due: ny("2025-06-04"), measureKey: "steel-alu-232-50", sector: "steel_aluminium",
    versions: [upcoming(usDay("2025-06-02")), met(usDay("2025-06-04"), "In effect")], sources: ["businesslive-reuters-2025-06-02", "yale-tariff-tracker"] },
  { key: "vehicle-tax-cut-end", title: "Temporary cut of the car purchase tax to 3.5% ends", kind: "support_expiry", due: seoul("2025-06-30", "23:59"), precision: "day", sector: "autos",
    versions: [upcoming(krDay("2025-04-09"))], sources: ["chosun-biz-2025-04-09", "article-000"] },
  { key: "copper-50-effective", title: "Section 232 copper tariff of 50% takes effect", kind: "tariff_effective", due: ny("2025-08-01"), measureKey: "copper-232-50", sector: "copper",
    versions: [upcoming(usDay("2025-07-30")), met(usDay("2025-08-01"), "In effect; not covered by the Korea deal")], sources: ["yale-tariff-tracker", "devdiscourse-lutnick-2025-07-31"] },
  { key: "reciprocal-kr-15-effective", title: "Korea's 15% reciprocal rate takes effect", kind: "tariff_effective", due: ny("2025-08-07"), measureKey: "reciprocal-kr-15", sector: "all_goods",
    versions: [upcoming(usDay("2025-07-31")), met(usDay("2025-08-07"), "In effect, stacked on MFN")], sources: ["joongang-2025-08-01", "donga-20250802"] },
  { key: "auto-offset-expiry", title: "Auto tariff offset (3.75% of MSRP for US-assembled cars) expires", kind: "measure_expiry", due: ny("2026-04-30", "23:59"), precision: "day", sector: "autos",
    versions: [upcoming(usDay("2025-04-29"))], sources: ["theinvestor-10479872"] },
  { key: "ieepa-collection-ends", title: "CBP stops collecting IEEPA tariffs after the Supreme Court ruling", kind: "measure_expiry", due: ny("2026-02-24"), measureKey: "reciprocal-kr-15-inclusive", sector: "all_goods",
    versions: [upcoming(usDay("2026-02-20")), met(usDay("2026-02-24"), "Collection stopped; Korea's 15% reciprocal rate void")], sources: ["yale-tariff-tracker", "kbs-world-199635"] },
  { key: "sec122-effective", title: "Section 122 surcharge takes effect", kind: "tariff_effective", due: ny("2026-02-24"), measureKey: "sec122-global-10", sector: "all_goods",
    versions: [upcoming(usDay("2026-02-20")), met(usDay("2026-02-24"), "In effect at 10%")], sources: ["mondaq-1753392", "fnnews-2026-02-24"] },
  { key: "sec122-expiry", title: "Section 122 surcharge lapses after 150 days unless Congress extends it", kind: "measure_expiry", due: ny("2026-07-24"), measureKey: "sec122-global-10", sector: "all_goods",
    versions: [upcoming(usDay("2026-02-20")), met(usDay("2026-07-24"), "Lapsed, not extended; the Section 301 duty took its place the same minute")], sources: ["mondaq-1753392", "yale-tariff-tracker", "ustr-301-fl-final-2026-07"] },
  { key: "sec301-comments", title: "Section 301 excess-capacity investigations: written comments due", kind: "comment_period", due: ny("2026-03-17", "23:59"), precision: "day",
    versions: [upcoming(usDay("2026-03-11"))], sources: ["koreaherald-10692432", "clark-hill-2026-03-13"] },
  { key: "sec301-hearing", title: "Section 301 excess-capacity investigations: public hearing", kind: "hearing", due: ny("2026-05-05", "00:00"), precision: "day",
    versions: [upcoming(usDay("2026-03-11"))], sources: ["koreaherald-10692432", "clark-hill-2026-03-13"] },

  // April–December 2026 (research notes: Federal Register, CBP messages, law-firm notes, the Yale tracker's configuration)
  { key: "metals-annexes-effective", title: "Section 232 metals restructured into annexes, charged on the full value", kind: "tariff_effective", due: ny("2026-04-06"), measureKey: "metals-232-annexes-2026", sector: "steel_aluminium",
    versions: [upcoming(usDay("2026-04-02")), met(usDay("2026-04-06"), "In effect: Annex I-A 50%, I-B 25%, III 15%; no Korean cap")], sources: ["procl-11021-metals", "yale-hts-product-lists"] },
  { key: "annex-1c-effective", title: "Metals Annex I-C (mobile industrial equipment): Korea 15% including MFN, others 25%", kind: "tariff_effective", due: ny("2026-06-08"), sector: "steel_aluminium",
    versions: [upcoming(usDay("2026-06-04")), met(usDay("2026-06-08"), "In effect")], sources: ["procl-11032-annex-1c"] },
  { key: "fl301-appear", title: "Forced-labour Section 301: requests to appear at the hearings due", kind: "comment_period", due: ny("2026-06-22", "23:59"), precision: "day", measureKey: "s301-forced-labour-kr", sector: "all_goods",
    versions: [upcoming(usDay("2026-06-05"))], sources: ["ustr-301-fl-proposal-2026-06", "greenwich-mercantile-2026-06-27"] },
  { key: "fl301-comments", title: "Forced-labour Section 301: written comments on the proposed duties due", kind: "comment_period", due: ny("2026-07-06", "23:59"), precision: "day", measureKey: "s301-forced-labour-kr", sector: "all_goods",
    versions: [upcoming(usDay("2026-06-05"))], sources: ["ustr-301-fl-proposal-2026-06", "greenwich-mercantile-2026-06-27"] },
  { key: "fl301-hearings", title: "Forced-labour Section 301: public hearings (7–9 July, USITC)", kind: "hearing", due: ny("2026-07-07", "00:00"), precision: "day", measureKey: "s301-forced-labour-kr", sector: "all_goods",
    versions: [upcoming(usDay("2026-06-05")), met(usDay("2026-07-09"), "Held 7–9 July")], sources: ["ustr-301-fl-proposal-2026-06", "greenwich-mercantile-2026-06-27"] },
  { key: "fl301-effective", title: "Section 301 duty replaces the Section 122 surcharge", kind: "tariff_effective", due: ny("2026-07-24"), measureKey: "s301-forced-labour-kr", sector: "all_goods",
    versions: [upcoming(usDay("2026-07-23")), met(usDay("2026-07-24"), "In effect: Korea 12.5% including the general rate; Section 232 goods excluded")], sources: ["ustr-301-fl-final-2026-07"] },
  { key: "pharma-phase1", title: "Section 232 medicines: duty on for companies named in Annex III (Korea 15% including MFN)", kind: "tariff_effective", due: ny("2026-07-31"), measureKey: "pharma-232-kr-15", sector: "pharmaceuticals",
    versions: [upcoming(usDay("2026-04-02")), met(usDay("2026-07-31"), "In effect for Annex III companies")], sources: ["procl-11020-pharma"] },
  { key: "pharma-phase2", title: "Section 232 medicines: duty on for all other companies", kind: "tariff_effective", due: ny("2026-09-29"), measureKey: "pharma-232-kr-15", sector: "pharmaceuticals",
    versions: [upcoming(usDay("2026-04-02")), met(usDay("2026-09-29"), "In effect; specialty medicines from listed countries, Korea included, at 0%")], sources: ["procl-11020-pharma", "cbp-csms-70054007"] },
  { key: "polysilicon-effective", title: "Section 232 polysilicon: minimum import prices plus 15% (Korea capped at 15% combined)", kind: "tariff_effective", due: ny("2026-12-04"),
    versions: [upcoming(usDay("2026-08-11")), met(usDay("2026-12-04"), "In effect")], sources: ["procl-11052-polysilicon"] },
  { key: "wood-stepup-2027", title: "Section 232 wood step-ups: kitchen cabinets and vanities to 50%, upholstered furniture to 30%", description: "Deferred from 1 Jan 2026. Korean goods stay capped at 15% including MFN (heading 9903.76.23).", kind: "tariff_effective", due: ny("2027-01-01"), sector: "lumber",
    versions: [upcoming(usDay("2025-12-31"))], sources: ["procl-11000-wood-deferral", "fr-2025-21940"] },
  { key: "drone-components-2027", title: "Section 232 drones: duty on the Annex III components begins (Korea 15% if the components test is met)", kind: "tariff_effective", due: ny("2027-02-09"),
    versions: [upcoming(usDay("2026-08-19"))], sources: ["procl-11055-drones"] },
  { key: "metals-15-tiers-end", title: "Metals Annex III and I-C 15% tiers end; their goods move to Annex I-B at 25%", description: "Korea's 15% on Annex I-C equipment lapses with them unless extended.", kind: "measure_expiry", due: ny("2027-12-31", "23:59"), precision: "day", measureKey: "metals-232-annexes-2026", sector: "steel_aluminium",
    versions: [upcoming(usDay("2026-06-04"))], sources: ["procl-11021-metals", "procl-11032-annex-1c"] },
];
