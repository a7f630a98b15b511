// Korea's support budgets and the other tracked figures (trade balance, investment pledges, tax-rate changes).
import { krDay, usDay } from "./build";
import type { BudgetSeed, ConflictSeed, FigureSeed } from "./types";

/** The one conversion the sources state: KRW 15 trillion ≈ USD 10 billion (article 000), i.e. 1,500 KRW per USD. */
const INDICATIVE_RATE = {
  krwPerUsd: 1500,
  date: "2025-04-09",
  note: "Indicative rate implied by seed article 000 (KRW 15 trillion ≈ USD 10 billion)",
};

export const BUDGETS: BudgetSeed[] = [
  { key: "supplementary-budget-2025-1", title: "First supplementary budget of 2025", programme: "Supplementary budget", purpose: "Wildfire recovery, trade response (incl. AI) and livelihoods",
    currency: "KRW", usdRate: INDICATIVE_RATE,
    versions: [
      { known: krDay("2025-03-31"), status: "proposed", amount: 10e12, proposedOn: "2025-03-31", note: "Plan announced at KRW 10tn" },
      { known: krDay("2025-05-01"), status: "passed", amount: 13.8e12, proposedOn: "2025-03-31", passedOn: "2025-05-01", note: "Government proposal KRW 12.2tn; the Assembly passed KRW 13.8tn, of which KRW 4.4tn for trade and AI" },
    ],
    sources: ["kbs-8214540", "article-004", "kbs-world-192781", "chosun-biz-2025-05-01"] },
  { key: "auto-policy-finance-2025", title: "Emergency policy finance for the auto industry", programme: "Auto-industry emergency support (economic ministers' meeting)",
    purpose: "Financial support for carmakers and parts suppliers hit by US tariffs", sector: "autos", currency: "KRW", usdRate: INDICATIVE_RATE,
    versions: [{ known: krDay("2025-04-09"), status: "passed", amount: 15e12, proposedOn: "2025-04-09", passedOn: "2025-04-09", note: "Raised from KRW 13tn; a government decision, no Assembly vote needed" }],
    sources: ["reuters-timeslive-2025-04-09", "chosun-biz-2025-04-09", "article-000", "article-001"] },
  { key: "strategic-investment-corporation", title: "Capital of the Korea–US strategic investment public corporation", programme: "Special Act on Korea–US strategic investment",
    purpose: "Public corporation to channel the investment pledged to the US", currency: "KRW", usdRate: INDICATIVE_RATE,
    versions: [
      { known: krDay("2025-11-26"), status: "proposed", amount: 2e12, proposedOn: "2025-11-26" },
      { known: krDay("2026-03-12"), status: "passed", amount: 2e12, proposedOn: "2025-11-26", passedOn: "2026-03-12", note: "Passed 226–8; in force about three months later" },
    ],
    sources: ["joongang-2025-11-26", "ap-2026-03-12", "bairdmaritime-2026-03-12"] },
];

export const FIGURES: FigureSeed[] = [
  { key: "trade-balance-kr-us-2024", kind: "trade_balance", title: "Korea's goods trade surplus with the US", period: "2024", unit: "USD",
    versions: [{ known: krDay("2025-04-08"), value: 55.7e9 }], sources: ["article-004", "article-000", "article-001", "article-003"] },
  { key: "car-exports-us-2024", kind: "export_value", title: "Korea's car exports to the US", period: "2024", unit: "USD",
    versions: [{ known: krDay("2025-04-03"), value: 34.7e9 }], sources: ["asiae-2025040314125231975"] },
  { key: "investment-pledge-350bn", kind: "investment_pledge", title: "Korea's investment pledge to the US", unit: "USD",
    versions: [
      { known: usDay("2025-07-30"), value: 350e9, note: "$150bn shipbuilding (MASGA) + $200bn" },
      { known: krDay("2025-10-29"), value: 350e9, note: "$200bn in cash (at most $20bn a year) + $150bn shipbuilding" },
    ],
    sources: ["vietnamnews-2025-07-31", "koreatimes-20250731", "infomarine-2025-10-29", "whitehouse-fact-sheet-2025-11-13"] },
  { key: "energy-purchases-100bn", kind: "investment_pledge", title: "Korean purchases of US energy", unit: "USD",
    versions: [{ known: usDay("2025-07-30"), value: 100e9 }], sources: ["vietnamnews-2025-07-31", "koreatimes-20250731"] },
  { key: "firm-investment-150bn", kind: "investment_pledge", title: "US investment announced by Korean firms at the August summit", unit: "USD",
    versions: [{ known: usDay("2025-08-25"), value: 150e9, note: "about $150bn" }], sources: ["bizweekly-2025-08-25", "whitehouse-fact-sheet-2025-11-13"] },
  { key: "car-purchase-tax-2025", kind: "tax_rate_change", title: "Individual consumption tax on car purchases", unit: "pct",
    versions: [{ known: krDay("2025-04-09"), value: 3.5, fromValue: 5, validUntil: "2025-06-30" }], sources: ["chosun-biz-2025-04-09", "reuters-timeslive-2025-04-09", "article-000", "article-001"] },
];

/** What one source says the value is. */
const claim = (value: number, label: string, source: string) => ({ value, label, source });

export const CONFLICTS: ConflictSeed[] = [
  { key: "reciprocal-kr-rate-apr2025", recordType: "measure", recordKey: "reciprocal-kr-25-apr", field: "ratePct", title: "Korea's April 2 reciprocal rate: 25% announced, 26% in the order's annex",
    known: usDay("2025-04-02"), claims: [claim(25, "25% (announced rate)", "koreaherald-10457411"), claim(25, "25% (announced rate)", "kbs-8218144"), claim(26, "26% (EO 14257, Annex I)", "eo-14257")] },
  { key: "trade-balance-2024", recordType: "figure", recordKey: "trade-balance-kr-us-2024", field: "value", title: "Korea's 2024 goods surplus with the US: $55.7bn or $55.6bn",
    known: krDay("2025-07-08"), claims: [claim(55.7e9, "$55.7bn", "article-004"), claim(55.7e9, "$55.7bn", "article-000"), claim(55.7e9, "$55.7bn", "article-001"), claim(55.6e9, "$55.6bn, citing Korea Customs Service", "article-003")] },
  { key: "sec122-rate-2026", recordType: "measure", recordKey: "sec122-global-10", field: "ratePct", title: "Section 122 surcharge: 10% applied, or the 15% announced on Feb 21",
    known: usDay("2026-02-24"), claims: [claim(10, "10%", "mondaq-1753392"), claim(10, "10% (15% timing undetermined)", "fnnews-2026-02-24"), claim(15, "15%", "uhy-us-sec122"), claim(10, "10%", "procl-11012-s122")] },
  { key: "s301-korea-tier-2026", recordType: "measure", recordKey: "s301-forced-labour-kr", field: "ratePct", title: "Korea's Section 301 duty from Jul 24, 2026: 12.5% including MFN (final notice), 12.5% on top of it (June proposal), or 10%",
    known: usDay("2026-07-24"), claims: [claim(12.5, "12.5% including the general rate (final notice)", "ustr-301-fl-final-2026-07"), claim(12.5, "12.5% on top of the general rate (proposal)", "greenwich-mercantile-2026-06-27"), claim(10, "10% (one reading of HTS Rev 19)", "nielcos-rev19-note")] },
];
