// Table tests: whether an extracted fact contradicts the tracked records, and which record it is about.
import { describe, expect, it } from "vitest";
import type { Fact } from "@/server/news/extract/types";
import {
  budgetStatusFor,
  deadlineKindFor,
  detectConflict,
  differs,
  keyPart,
  measureTitle,
  textMatches,
  type Tracked,
  type TrackedMeasure,
} from "@/server/news/review/conflict-rules";

const NOW = new Date("2026-01-10T00:00:00Z");
const ev = { start: 0, end: 10, text: "A sentence." };
const ny = (d: string) => new Date(`${d}T05:01:00Z`);

const measure = (m: Partial<TrackedMeasure> & Pick<TrackedMeasure, "measureKey" | "sector" | "ratePct">): TrackedMeasure => ({
  title: m.measureKey,
  targetCountry: "KR",
  status: "in_effect",
  effectiveAt: ny("2025-11-01"),
  effectiveZone: "America/New_York",
  endsAt: null,
  knownAt: new Date("2025-12-04T05:00:00Z"),
  ...m,
});

const tracked: Tracked = {
  measures: [
    measure({ measureKey: "autos-kr-15", sector: "autos", ratePct: 15 }),
    measure({ measureKey: "autos-232-25", sector: "autos", ratePct: 25, effectiveAt: ny("2025-04-03"), endsAt: ny("2025-11-01"), status: "superseded" }),
    measure({ measureKey: "steel-50", sector: "steel_aluminium", ratePct: 50, targetCountry: "ALL", effectiveAt: ny("2025-06-04") }),
    measure({ measureKey: "threat-25", sector: "all_goods", ratePct: 25, status: "threatened", effectiveAt: null }),
  ],
  budgets: [
    { budgetKey: "auto-finance", title: "Emergency policy finance for the auto industry", programme: "Auto-industry emergency support", purpose: "Support for carmakers and parts suppliers", amount: 15e12, currency: "KRW" },
    { budgetKey: "supp", title: "First supplementary budget", programme: "Supplementary budget", purpose: "Wildfire recovery and trade response", amount: 13.8e12, currency: "KRW" },
  ],
  figures: [
    { figureKey: "tb-2024", kind: "trade_balance", title: "Korea's goods trade surplus with the US", period: "2024", value: 55.7e9, fromValue: null, unit: "USD" },
    { figureKey: "pledge-350", kind: "investment_pledge", title: "Korea's investment pledge to the US", period: null, value: 350e9, fromValue: null, unit: "USD" },
    { figureKey: "energy-100", kind: "investment_pledge", title: "Korean purchases of US energy", period: null, value: 100e9, fromValue: null, unit: "USD" },
    { figureKey: "car-tax", kind: "tax_rate_change", title: "Individual consumption tax on car purchases", period: null, value: 3.5, fromValue: 5, unit: "pct" },
  ],
  deadlines: [
    { deadlineKey: "steel-effective", title: "Steel and aluminium 25% for all countries takes effect", description: null, dueAt: new Date("2025-03-12T04:01:00Z"), dueZone: "America/New_York" },
    { deadlineKey: "pause-end", title: "End of the 90-day pause on country-specific reciprocal rates", description: null, dueAt: new Date("2025-07-09T04:01:00Z"), dueZone: "America/New_York" },
  ],
  kospi: [{ date: "2025-04-09", close: 2293.7 }],
};

const tariff = (f: Partial<Extract<Fact, { kind: "tariff_rate" }>>): Fact => ({
  kind: "tariff_rate", sector: "autos", ratePct: 15, country: "KR", status: "in_effect", effective: null, evidence: ev, confidence: 0.9, ...f,
});

describe("detectConflict", () => {
  const cases: [string, Fact, { recordKey: string; tracked: unknown; proposed: unknown } | null][] = [
    ["tariff in effect, same rate as in force", tariff({}), null],
    ["tariff in effect, other rate than in force", tariff({ ratePct: 25 }), { recordKey: "autos-kr-15", tracked: 15, proposed: 25 }],
    ["tariff dated like a past measure, same rate", tariff({ ratePct: 25, effective: "2025-04-03" }), null],
    ["tariff dated like a past measure, other rate", tariff({ ratePct: 20, effective: "2025-04-03" }), { recordKey: "autos-232-25", tracked: 25, proposed: 20 }],
    ["a threat is news, not a contradiction", tariff({ ratePct: 25, status: "proposed" }), null],
    ["steel maps to steel_aluminium (ALL)", tariff({ sector: "steel", country: "ALL", ratePct: 25 }), { recordKey: "steel-50", tracked: 50, proposed: 25 }],
    ["aluminum too", tariff({ sector: "aluminum", country: "ALL", ratePct: 50 }), null],
    ["other target country: no match", tariff({ sector: "steel", country: "KR", ratePct: 25 }), null],
    ["sector other is not tracked", tariff({ sector: "other", ratePct: 99 }), null],
    ["budget, matching programme, other amount", { kind: "budget", amount: 20e12, currency: "KRW", purpose: "emergency support for the auto industry", evidence: ev, confidence: 1 }, { recordKey: "auto-finance", tracked: 15e12, proposed: 20e12 }],
    ["budget within 1%", { kind: "budget", amount: 15.1e12, currency: "KRW", purpose: "auto industry support", evidence: ev, confidence: 1 }, null],
    ["budget, other currency", { kind: "budget", amount: 20e9, currency: "USD", purpose: "auto industry support", evidence: ev, confidence: 1 }, null],
    ["budget, unrelated purpose", { kind: "budget", amount: 1e12, currency: "KRW", purpose: "semiconductor fabs", evidence: ev, confidence: 1 }, null],
    ["trade balance same year, other value", { kind: "trade_balance", amountUsd: 66e9, year: 2024, evidence: ev, confidence: 1 }, { recordKey: "tb-2024", tracked: 55.7e9, proposed: 66e9 }],
    ["trade balance within 1%", { kind: "trade_balance", amountUsd: 55.6e9, year: 2024, evidence: ev, confidence: 1 }, null],
    ["trade balance, untracked year", { kind: "trade_balance", amountUsd: 10e9, year: 2023, evidence: ev, confidence: 1 }, null],
    ["tax change other to", { kind: "tax_change", tax: "individual consumption tax", fromPct: 5, toPct: 3, until: null, evidence: ev, confidence: 1 }, { recordKey: "car-tax", tracked: "5% → 3.5%", proposed: "5% → 3%" }],
    ["tax change same", { kind: "tax_change", tax: "consumption tax on cars", fromPct: 5, toPct: 3.5, until: null, evidence: ev, confidence: 1 }, null],
    ["pledge equal to a tracked one", { kind: "investment_pledge", amountUsd: 100e9, purpose: "energy purchases", evidence: ev, confidence: 1 }, null],
    ["pledge on energy, other amount", { kind: "investment_pledge", amountUsd: 120e9, purpose: "US energy purchases", evidence: ev, confidence: 1 }, { recordKey: "energy-100", tracked: 100e9, proposed: 120e9 }],
    ["deadline, same thing, other date", { kind: "deadline", date: "2025-08-01", what: "end of the 90-day pause", evidence: ev, confidence: 1 }, { recordKey: "pause-end", tracked: "2025-07-09", proposed: "2025-08-01" }],
    ["deadline, same date", { kind: "deadline", date: "2025-07-09", what: "the 90-day pause ends", evidence: ev, confidence: 1 }, null],
    ["deadline sharing only generic words", { kind: "deadline", date: "2026-12-01", what: "25% tariff takes effect", evidence: ev, confidence: 1 }, null],
    ["deadline about something else", { kind: "deadline", date: "2025-08-01", what: "chip talks", evidence: ev, confidence: 1 }, null],
    ["kospi level far from the close", { kind: "market_move", index: "KOSPI", changePct: null, level: 2400, date: "2025-04-09", evidence: ev, confidence: 1 }, { recordKey: "kospi", tracked: 2293.7, proposed: 2400 }],
    ["kospi level within 0.5%", { kind: "market_move", index: "KOSPI", changePct: -1.7, level: 2300, date: "2025-04-09", evidence: ev, confidence: 1 }, null],
    ["kospi move without a level", { kind: "market_move", index: "KOSPI", changePct: -5, level: null, date: "2025-04-09", evidence: ev, confidence: 1 }, null],
  ];
  it.each(cases)("%s", (_name, fact, expected) => {
    const c = detectConflict(fact, tracked, NOW);
    if (expected === null) expect(c).toBeNull();
    else expect(c).toMatchObject(expected);
  });
});

describe("helpers", () => {
  it.each([
    [100, 100.5, 0.01, false],
    [100, 102, 0.01, true],
    [0, 0, 0.01, false],
    [-55, -56, 0.01, true],
  ])("differs(%s, %s, %s) = %s", (a, b, tol, want) => expect(differs(a, b, tol)).toBe(want));

  it.each([
    ["auto industry support", "Auto-industry emergency support", true],
    ["shipbuilding", "MASGA shipbuilding cooperation", true],
    ["the tariff in Korea", "Korean tariff on the US", false],
    ["반도체 지원", "반도체 산업 지원 예산", true],
  ])("textMatches(%s, %s) = %s", (a, b, want) => expect(textMatches(a, b)).toBe(want));

  it.each([
    ["the end of the tariff pause", "pause_expiry"],
    ["hearing on Section 301", "hearing"],
    ["tariffs take effect", "tariff_effective"],
    ["public comments due", "comment_period"],
    ["trade talks deadline", "negotiation"],
  ])("deadlineKindFor(%s) = %s", (what, kind) => expect(deadlineKindFor(what)).toBe(kind));

  it.each([
    ["The cabinet proposed a 10 trillion won package.", "proposed"],
    ["The National Assembly passed the extra budget.", "passed"],
    ["국회는 추경을 통과시켰다.", "passed"],
    ["The funds were executed by June.", "executed"],
  ])("budgetStatusFor(%s) = %s", (text, status) => expect(budgetStatusFor(text)).toBe(status));

  it("keys and titles", () => {
    expect(keyPart("Individual Consumption Tax (cars)!")).toBe("individual-consumption-tax-cars");
    expect(measureTitle("autos", "KR", 25)).toBe("US tariff on Korean autos: 25%");
    expect(measureTitle("copper", "ALL", 50)).toBe("US tariff on all imports of copper: 50%");
  });
});
