// The programme lists of db/seed/hts as versioned coverage: each list names its programme, whether it brings lines
// under the programme or exempts them, the instrument and chapter-99 heading, where its entries come from and the
// window they hold in. Dates and headings follow the instruments as summarised by The Budget Lab at Yale's
// tariff-rate-tracker (policy_params.yaml, snapshot 2026-05-11): facts read from its configuration, not its code.
// US instruments take effect at 00:01 in Washington.
import { ny } from "./build";
import type { LocalInstant } from "./types";
import { readCsv, readPrefixes } from "./hts-files";

export type EntrySeed = { prefix: string; ch99?: string; attrs?: Record<string, string>; from?: LocalInstant; to?: LocalInstant; instrument?: string };

export type CoverageListSeed = {
  key: string;
  programme: string;
  effect: "covers" | "exempts";
  title: string;
  instrument: string;
  ch99?: string;
  sources: string[];
  file: string;
  note?: string;
  from: LocalInstant;
  to?: LocalInstant;
  entries: () => EntrySeed[];
};

const YALE = "yale-hts-product-lists";
const SOFTWOOD = ["44031100", "44032101", "44032201", "44032301", "44032401", "44032501", "44032601", "44039901", "44061100", "44069100",
  "44071100", "44071200", "44071300", "44071400", "44071900"];
const POLICY = "policy_params.yaml";
const prefixes = (...p: string[]) => () => p.map((prefix) => ({ prefix }));
/** Drops the dots a list may carry and checks what is left is digits. */
const digits = (code: string) => code.replace(/\./g, "").trim();
const day = (d: string | undefined) => (d ? ny(d) : undefined);

/** The derivative rounds' headings and the dates they were added when the file leaves the date blank. */
const DERIVATIVE_DEFAULT_FROM: Record<string, string> = {
  "9903.85.04": "2020-02-08", // Proclamation 9980: aluminium derivatives
  "9903.85.07": "2025-03-12", // Proclamation 10895: derivatives list extended
  "9903.85.08": "2025-03-12",
};

export const COVERAGE_LISTS: CoverageListSeed[] = [
  // Section 232 steel and aluminium: chapters and derivatives until the April 2026 restructuring into annexes.
  { key: "s232-steel-chapters", programme: "s232_metals", effect: "covers", title: "Section 232 steel: chapters 72 and 73",
    instrument: "Proclamation 9705 (2018); country exemptions revoked by Proclamation 10896 (from 12 Mar 2025)", ch99: "9903.81.87",
    sources: [YALE], file: POLICY, from: ny("2018-03-23"), to: ny("2026-04-06"),
    note: "The tracker counts chapters 72–73 as steel; the proclamation's product scope is narrower within them.",
    entries: () => ["72", "73"].map((prefix) => ({ prefix, attrs: { metal: "steel" } })) },
  { key: "s232-aluminium-articles", programme: "s232_metals", effect: "covers", title: "Section 232 aluminium articles (7601, 7604–7609, 7616.99.51.60/.70)",
    instrument: "Proclamation 9704 (2018); Proclamation 10895 (from 12 Mar 2025)", ch99: "9903.85.02",
    sources: [YALE], file: POLICY, from: ny("2018-03-23"), to: ny("2026-04-06"),
    entries: prefixes("7601", "7604", "7605", "7606", "7607", "7608", "7609", "7616995160", "7616995170") },
  { key: "s232-metal-derivatives", programme: "s232_metals", effect: "covers", title: "Section 232 steel and aluminium derivatives (inclusion rounds)",
    instrument: "Proclamations 9980, 10895, 10896; inclusions FR 2025-15819 (from 18 Aug 2025)",
    sources: [YALE], file: "s232_derivative_products.csv", from: ny("2025-03-12"), to: ny("2026-04-06"),
    note: "Duty on the metal content of the good; rows the source leaves undated take the date their heading was created.",
    entries: () =>
      readCsv("s232_derivative_products.csv").map((r) => ({
        prefix: digits(r.hts_prefix!),
        ch99: r.ch99_code,
        attrs: { metal: r.derivative_type === "aluminum" ? "aluminium" : r.derivative_type!, basis: "metal content" },
        from: day(r.effective_date || DERIVATIVE_DEFAULT_FROM[r.ch99_code!]),
      })) },
  { key: "s232-metals-annexes", programme: "s232_metals", effect: "covers", title: "Section 232 metals annexes (I-A 50%, I-B 25%, II out of scope, III 15%)",
    instrument: "Proclamation 11021 (91 FR 18201), from 6 Apr 2026", ch99: "9903.82",
    sources: [YALE, "procl-11021-metals"], file: "s232_annex_products.csv", from: ny("2026-04-06"),
    note: "Charged on the full value from 6 Apr 2026; Annex III's 15% runs to the end of 2027.",
    entries: () =>
      readCsv("s232_annex_products.csv").map((r) => ({
        prefix: digits(r.hts_prefix!),
        attrs: { annex: r.annex!, metal: r.metal_type === "aluminum" ? "aluminium" : r.metal_type! },
        from: day(r.effective_date),
      })) },
  { key: "s232-copper", programme: "s232_copper", effect: "covers", title: "Section 232 copper (US Note 36(b))",
    instrument: "Copper proclamation (30 Jul 2025), from 1 Aug 2025", ch99: "9903.78.01",
    sources: [YALE], file: "s232_copper_products.csv", from: ny("2025-08-01"), to: ny("2026-04-06"),
    note: "50% on the value of the copper content; from 6 Apr 2026 copper articles are in the metals annexes.",
    entries: () => readCsv("s232_copper_products.csv").map((r) => ({ prefix: digits(r.hts10!), ch99: r.ch99_code })) },

  // Section 232 vehicles and parts
  { key: "s232-autos", programme: "s232_autos", effect: "covers", title: "Section 232 passenger vehicles and light trucks",
    instrument: "Proclamation 10908 (90 FR 14705), from 3 Apr 2025", ch99: "9903.94.01",
    sources: [YALE, "steelmarketupdate-2025-03-29"], file: POLICY, from: ny("2025-04-03"),
    entries: prefixes("870322", "870323", "870324", "870331", "870332", "870333", "870334", "870340", "870350", "870360", "870370", "870380", "870390",
      "87042101", "87043101", "87044100", "87045100") },
  { key: "s232-auto-parts", programme: "s232_auto_parts", effect: "covers", title: "Section 232 auto parts (Annex I of Proclamation 10908)",
    instrument: "Proclamation 10908, from 3 May 2025", ch99: "9903.94.05",
    sources: [YALE, "steelmarketupdate-2025-03-29"], file: "s232_auto_parts.txt", from: ny("2025-05-03"),
    entries: () => readPrefixes("s232_auto_parts.txt").map((prefix) => ({ prefix })) },
  { key: "s232-auto-parts-r", programme: "s232_auto_parts_r", effect: "covers", title: "Auto parts eligible for the 15% floor when certified for US production (US Note 33(r))",
    instrument: "Proclamation 11021 with US Note 33(r); headings 9903.94.44–.65", ch99: "9903.94.65",
    sources: [YALE, "procl-11021-metals"], file: "s232_subdivision_r_products.csv", from: ny("2026-04-06"),
    note: "Certified parts pay the 15% floor and are outside the metals annexes; uncertified ones pay Annex I-B.",
    entries: () => readCsv("s232_subdivision_r_products.csv").map((r) => ({ prefix: digits(r.hts_prefix!), attrs: { annex: r.source_annex! }, from: day(r.effective_date) })) },
  { key: "s232-mhd-vehicles", programme: "s232_mhd", effect: "covers", title: "Section 232 medium and heavy-duty trucks",
    instrument: "Proclamation on medium and heavy-duty trucks (17 Oct 2025), from 1 Nov 2025", ch99: "9903.74.01",
    sources: [YALE], file: POLICY, from: ny("2025-11-01"),
    entries: prefixes("87012100", "87012200", "87012300", "87012400", "87012900", "87041010", "87041050", "87042211", "87042251", "87042301", "87043201",
      "87044200", "87044300", "87045200", "87046000", "87049001", "87054000", "8705900080", "87060003", "8706000520", "8706000575", "87060025", "87060050",
      "87091100", "87091900") },
  { key: "s232-mhd-parts", programme: "s232_mhd", effect: "covers", title: "Section 232 medium and heavy-duty truck parts",
    instrument: "Proclamation on medium and heavy-duty trucks (17 Oct 2025), from 1 Nov 2025", ch99: "9903.74.08",
    sources: [YALE], file: "s232_mhd_parts.txt", from: ny("2025-11-01"),
    entries: () => readPrefixes("s232_mhd_parts.txt").map((prefix) => ({ prefix, attrs: { part: "yes" } })) },
  { key: "s232-buses", programme: "s232_buses", effect: "covers", title: "Section 232 buses",
    instrument: "Proclamation on medium and heavy-duty trucks and buses (17 Oct 2025), from 1 Nov 2025", ch99: "9903.74.02",
    sources: [YALE], file: POLICY, from: ny("2025-11-01"), entries: prefixes("8702") },

  // Section 232 timber, furniture, semiconductors, pharmaceuticals
  { key: "s232-softwood", programme: "s232_timber", effect: "covers", title: "Section 232 softwood timber and lumber",
    instrument: "Proclamation 10976 (timber and lumber), from 14 Oct 2025", ch99: "9903.76.01",
    sources: [YALE], file: POLICY, from: ny("2025-10-14"),
    entries: () => SOFTWOOD.map((prefix) => ({ prefix })) },
  { key: "s232-wood-products", programme: "s232_wood_products", effect: "covers", title: "Section 232 upholstered wooden furniture and kitchen cabinets",
    instrument: "Proclamation 10976 (timber and lumber), from 14 Oct 2025", ch99: "9903.76.02",
    sources: [YALE], file: POLICY, from: ny("2025-10-14"),
    entries: prefixes("9401614011", "9401614031", "9401616011", "9401616031", "9403409060", "9403608093", "9403910080") },
  { key: "s232-semiconductors", programme: "s232_semiconductors", effect: "covers", title: "Section 232 semiconductors (US Note 39)",
    instrument: "Proclamation 11002 (semiconductors), from 15 Jan 2026", ch99: "9903.79.01",
    sources: [YALE, "mondaq-1732382", "buckland-chips-2026"], file: "s232_semi_products.csv", from: ny("2026-01-15"),
    note: "Only advanced computing chips that pass the technical test pay; others enter under 9903.79.02 with no duty.",
    entries: () => readCsv("s232_semi_products.csv").map((r) => ({ prefix: digits(r.hts10!), ch99: r.ch99_code })) },
  { key: "s232-pharma", programme: "s232_pharma", effect: "covers", title: "Section 232 patented medicines (headings 3002, 3003, 3004)",
    instrument: "Proclamation 11020 (91 FR 18183); companies of Annex III from 31 Jul 2026, all others from 29 Sep 2026", ch99: "9903.04.62",
    sources: ["procl-11020-pharma"], file: "none (headings from the proclamation)", from: ny("2026-07-31"),
    note: "Only patented (brand) medicines pay; generics and biosimilars do not, and the HTS line cannot tell them apart.",
    entries: prefixes("3002", "3003", "3004") },

  // Exemptions
  { key: "ieepa-annex-ii", programme: "ieepa_reciprocal", effect: "exempts", title: "Reciprocal tariff exemptions (Annex II and later additions)",
    instrument: "EO 14257 Annex II, as amended (e.g. electronics from 5 Apr 2025, farm products from 13 Nov 2025)",
    sources: [YALE, "eo-14257"], file: "ieepa_exempt_products.csv", from: ny("2025-04-05"),
    note: "The source gives the list as it last stood, undated: farm products are dated 13 Nov 2025 by chapter (1–24), copper and softwood carry their pre-232 window.",
    entries: () => [
      // Farm products joined the list on 13 Nov 2025 (EO of 14 Nov); the rest stood from the start.
      ...readCsv("ieepa_exempt_products.csv").map((r) => ({ prefix: digits(r.hts10!), from: Number(r.hts10!.slice(0, 2)) <= 24 ? ny("2025-11-13") : undefined })),
      // Goods under a pending Section 232 investigation were exempt until their own duty began: copper, softwood.
      ...readCsv("s232_copper_products.csv").map((r) => ({ prefix: digits(r.hts10!), to: ny("2025-08-01"), attrs: { reason: "Section 232 copper investigation" } })),
      ...SOFTWOOD.map((prefix) => ({ prefix, to: ny("2025-10-14"), attrs: { reason: "Section 232 timber investigation" } })),
    ] },
  { key: "floor-exempt-kr", programme: "ieepa_reciprocal_floor", effect: "exempts", title: "Goods outside Korea's 15% floor (civil aircraft and parts)",
    instrument: "FR 2025-21940 (90 FR 55964), heading 9903.02.81", ch99: "9903.02.81",
    sources: [YALE, "fr-2025-21940"], file: "floor_exempt_products.csv", from: ny("2025-11-14"),
    entries: () =>
      readCsv("floor_exempt_products.csv")
        .filter((r) => r.country_group === "korea")
        .map((r) => ({ prefix: digits(r.hts8!), ch99: r.ch99_code, attrs: { category: r.category! } })) },
  { key: "s122-exempt", programme: "s122", effect: "exempts", title: "Section 122 surcharge exemptions",
    instrument: "Section 122 proclamation (20 Feb 2026), Annex", ch99: "9903.03.02",
    sources: [YALE, "mondaq-1753392"], file: "s122_exempt_products.csv", from: ny("2026-02-24"), to: ny("2026-07-24"),
    entries: () => readCsv("s122_exempt_products.csv").map((r) => ({ prefix: digits(r.hts8!) })) },
];
