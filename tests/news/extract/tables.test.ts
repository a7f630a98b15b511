// Facts in tables (server/news/extract/kinds/tables.ts): a KOSPI table gives a session per row, a table of duties a
// rate per row and good, a schedule a deadline per row still ahead; the header names the columns. Tables written for
// these tests.
import { describe, expect, it } from "vitest";
import { extractFacts } from "@/server/news/extract";
import { SEEDED_MEASURES } from "@/server/news/ingest/tracked";
import { of } from "./helpers";

const run = (text: string, pub: string) => extractFacts(text, { publishedOn: pub, measures: SEEDED_MEASURES });

describe("tables: KOSPI sessions", () => {
  it("a pipe table with the day, the close and the change, other markets' columns aside", () => {
    const text = "Markets in a tariff year.\n\n| Date (2025) | What happened | KOSPI close | KOSPI change | KOSDAQ change |\n|---|---|---|---|---|\n| Mon., Apr. 7 | Sell-off | 2,328.20 | -5.57% | -5.3% |\n| Thu., Apr. 10 | Day after the pause | 2,445.06 | +6.60% | +5.1% |\n\nThe year ended higher.";
    expect(of(run(text, "2025-12-31"), "market_move").map((f) => [f.changePct, f.level, f.date])).toEqual([[-5.57, 2328.2, "2025-04-07"], [6.6, 2445.06, "2025-04-10"]]);
  });
  it("a Korean table whose bare change column follows the KOSPI close, days written 4/7(월)", () => {
    const text = "주간 시황.\n\n날짜 | 코스피 종가 | 등락률 | 코스닥 종가 | 등락률\n4/7(월) | 2,328.20 | -5.57% | 651.30 | -4.90%\n4/8(화) | 2,334.23 | +0.26% | 661.52 | +1.57%\n\n다음 주 전망.";
    expect(of(run(text, "2025-04-11"), "market_move").map((f) => [f.changePct, f.level, f.date])).toEqual([[-5.57, 2328.2, "2025-04-07"], [0.26, 2334.23, "2025-04-08"]]);
  });
  it("near miss: a table of indices, one row per market, gives only KOSPI's row", () => {
    const text = "Markets at noon.\n\n| Index | Level | Change |\n|---|---|---|\n| KOSPI | 2,445.06 | +6.60% |\n| KOSDAQ | 643.39 | -0.21% |\n| Won/USD | 1,484.1 | -0.6% |\n\nMore later.";
    expect(of(run(text, "2025-04-10"), "market_move").map((f) => [f.changePct, f.level])).toEqual([[6.6, 2445.06]]);
  });
});

describe("tables: duties by goods", () => {
  const text = "Tariff table for clients.\n\n| HTS | Goods | Rate | Effective for entries on/after |\n|---|---|---|---|\n| 9903.94.60 | Passenger vehicles | 15% incl. MFN (was 25% + MFN) | Nov. 1, 2025 |\n| Ch. 72 | Steel and derivatives, all origins | 50% | unchanged (since June 4) |\n| Ch. 72 (in-quota) | Steel mill products | 0% (in-quota) | — |\n| 9903.01.25 | Reciprocal (IEEPA) | (was 15%) | Struck down |\n\nContact us.";
  it("a rate per row and good, with the day the row gives; the old rate, a zero rate and a struck-down row aside", () => {
    expect(of(run(text, "2026-02-25"), "tariff_rate").map((f) => [f.sector, f.ratePct, f.country, f.status, f.effective])).toEqual([
      ["autos", 15, "KR", "in_effect", "2025-11-01"],
      ["steel", 50, "ALL", "in_effect", "2025-06-04"],
    ]);
  });
});

describe("tables: schedules", () => {
  const text = "주간 시황.\n\n날짜 | 일정 | 구분\n4/22(화) | LG에너지솔루션 1분기 실적 발표 | 기업\n4/24(목) | 한미 2+2 통상 협의 | 통상\n5/3(토) | 자동차 부품 25% 관세 발효 | 통상\n\n끝.";
  it("a policy day ahead is a deadline; a company's day is not", () => {
    expect(of(run(text, "2025-04-11"), "deadline").map((f) => f.date)).toEqual(["2025-04-24", "2025-05-03"]);
  });
});

describe("tables: columns of rates by when, and which column holds the goods", () => {
  it("a rate now and a threatened one per row; a ceiling is not a rate; the column names Korea", () => {
    const text = "Tariff threat explained.\n\n| Line | Rate now (Korea) | Threatened | Start date |\n|---|---|---|---|\n| Reciprocal (all goods) | 15% | 25% | none given |\n| Lumber / wood products | capped at 15% | 25% | none given |\n\nMore below.";
    expect(of(run(text, "2026-01-28"), "tariff_rate").map((f) => [f.sector, f.ratePct, f.country, f.status])).toEqual([
      ["all_goods", 15, "KR", "in_effect"],
      ["all_goods", 25, "KR", "proposed"],
      ["lumber", 25, "KR", "proposed"],
    ]);
  });
  it("the goods column is 'Goods', not the HTS provision before it", () => {
    const text = "Tariff table.\n\n| HTS provision | Goods | Rate | Effective for entries on/after |\n|---|---|---|---|\n| 9903.94.60 | Passenger vehicles, light trucks | 15% incl. MFN (was 25% + MFN) | Nov. 1, 2025 |\n\nEnd.";
    expect(of(run(text, "2025-12-05"), "tariff_rate").map((f) => [f.sector, f.ratePct, f.country, f.status, f.effective])).toEqual([["autos", 15, "KR", "in_effect", "2025-11-01"]]);
  });
});

describe("tables: columns aligned by spaces, under a rule of dashes", () => {
  it("each row is read by the header above the rule", () => {
    const text = "Tariff table.\n\n  Product                 Paying now          Under the fact sheet     Timing\n  ----------------------  ------------------  -----------------------  ----------\n  Auto parts              25% (Sec. 232)      15%                      with vehicles\n  Steel / aluminum        50% (Sec. 232)      no change                —\n\nEnd.";
    expect(of(run(text, "2025-11-17"), "tariff_rate").map((f) => [f.sector, f.ratePct, f.status])).toEqual([
      ["auto_parts", 25, "in_effect"],
      ["auto_parts", 15, "reduced"],
      ["steel", 50, "in_effect"],
      ["aluminum", 50, "in_effect"],
    ]);
  });
});

describe("tables: an empty cell keeps its column", () => {
  it("a row with an empty note is still read by the header's columns", () => {
    const text = "Tariff table.\n\n| Goods | Rate | Note |\n|---|---|---|\n| Steel | 50% | |\n| Autos | 25% | since April 3 |\n\nEnd.";
    expect(of(run(text, "2025-07-01"), "tariff_rate").map((f) => [f.sector, f.ratePct, f.effective])).toEqual([["steel", 50, null], ["autos", 25, "2025-04-03"]]);
  });
});
