// Rules written once the ninth blind batch (b9) was opened and moved to the development set
// (tests/fixtures/extract-blind/README.md): each with positives and near misses. The sentences are written for these
// tests, in the patterns the batch showed, not copied from it.
import { describe, expect, it } from "vitest";
import { extractFacts } from "@/server/news/extract";
import { splitSentences } from "@/server/news/extract/sentences";
import { of } from "./helpers";

const rates = (text: string, pub: string) => of(extractFacts(text, { publishedOn: pub }), "tariff_rate").map((f) => [f.sector, f.ratePct, f.country, f.status, f.effective]);
const deadlines = (text: string, pub: string) => of(extractFacts(text, { publishedOn: pub }), "deadline").map((f) => f.date);

describe("tables: a Korean annex of duties with dotted days", () => {
  const annex = [
    "붙임. 미국 관세 조치 현황",
    "",
    "| 구분 | 세율 | 적용 대상 | 시행일 | 비고 |",
    "|---|---|---|---|---|",
    "| 알루미늄 | 25% | 전 세계 | 3. 12. | 종전 10% |",
    "| 자동차 부품 | 25% | 전 세계 | 5. 3.(예정) | 엔진 등 |",
    "| 국가별 상호관세(한국) | 25% | 한국 | 4. 9. 13:01 예정 | 부속서 26% |",
  ].join("\n");

  it("reads the row's goods from its label column (구분 over 적용 대상) and its day from '3. 12.'", () => {
    expect(rates(annex, "2025-04-09")).toEqual([
      ["aluminum", 25, "ALL", "in_effect", "2025-03-12"],
      ["auto_parts", 25, "ALL", "announced", "2025-05-03"],
      ["all_goods", 25, "KR", "announced", "2025-04-09"],
    ]);
  });

  it("a rate set to start on a day still ahead (or later today, '예정' with its hour) gives that day as a deadline", () => {
    expect(deadlines(annex, "2025-04-09").sort()).toEqual(["2025-04-09", "2025-05-03"]);
    // (the day after, the same rows give none)
    expect(deadlines(annex, "2025-05-04")).toEqual([]);
    expect(rates(annex, "2025-05-04").map((r) => r[3])).toEqual(["in_effect", "in_effect", "in_effect"]);
  });

  it("a table row is one unit whatever its periods; prose still splits", () => {
    expect(splitSentences("| 철강 | 25% | 3. 12. | 쿼터 폐지. 종전 0% |").map((s) => s.text)).toEqual(["| 철강 | 25% | 3. 12. | 쿼터 폐지. 종전 0% |"]);
    expect(splitSentences("관세는 3월 12일 시행됐다. 다음 문장.").length).toBe(2);
  });

  it("not: a bare '2.5. ' in prose is no date", () => {
    expect(of(extractFacts("The steel duty of 25% rose 2.5. Steel paid more.", { publishedOn: "2025-04-09" }), "tariff_rate").map((f) => f.effective)).toEqual([null]);
  });
});

describe("investment_pledge: the package and the commitment named by their figure", () => {
  const pledges = (text: string) => of(extractFacts(text, { publishedOn: "2025-11-01" }), "investment_pledge").map((f) => f.amountUsd);

  it.each([
    ["Tariffs were the story. The $350 billion package is now settled: $200 billion in cash investment and $150 billion for shipbuilding.", [350e9, 200e9, 150e9]],
    ["The tariff deal stands. The headline commitment is 350 billion U.S. dollars.", [350e9]],
    ["The tariff deal stands. The underlying pledge remains $350 billion.", [350e9]],
    ["Seoul said it would keep to the tariff agreement, including the $350 billion package.", [350e9]],
  ])("%s", (text, want) => {
    expect(pledges(text)).toEqual(want);
  });

  it.each([
    // a won package is a budget's business, not a pledge
    "Tariffs hurt. The 350 billion won package helps exporters.",
    // a package too small to be the investment
    "Tariffs hurt. The $2 billion package helps exporters.",
    // another country's
    "Tariffs were the story. Japan's $550 billion package is now settled.",
    // duties to refund, after a pledge was named
    "The tariff deal stands, including the $350 billion package. Refunds of the voided duties: estimates of the total across all countries exceed $130 billion.",
  ])("not: %s", (text) => {
    expect(pledges(text).filter((x) => x !== 350e9)).toEqual([]);
  });
});

describe("market_move: a line that agrees with the tracker's series twice over", () => {
  const closes = [
    { date: "2025-03-06", close: 2576.16 },
    { date: "2025-03-07", close: 2563.48 },
    { date: "2025-03-10", close: 2570.39 },
    { date: "2025-03-11", close: 2537.6 },
  ];
  const moves = (text: string) => of(extractFacts(text, { publishedOn: "2025-03-14", closes }), "market_move").map((f) => [f.changePct, f.level, f.date]);

  it("a list under a heading of KOSPI closes: the close and that day's change, both to the hundredth", () => {
    expect(moves("■ 최근 증시 (코스피 종가, 전 거래일 대비)\n- 7일(금) 2,563.48 (-0.49%)\n- 10일(월) 2,570.39 (+0.27%)")).toEqual([
      [-0.49, 2563.48, "2025-03-07"],
      [0.27, 2570.39, "2025-03-10"],
    ]);
  });

  it("'up' and 'down' speak of moving", () => {
    expect(moves("The KOSPI had a busy week.\n- Tuesday: down 1.28 percent to 2,537.60.")).toEqual([[-1.28, 2537.6, "2025-03-11"]]);
  });

  it.each([
    // the close without a change that agrees, and no word of moving
    "■ 코스피 종가\n- 7일(금) 2,563.48",
    // a change that is not that day's
    "■ 코스피 종가\n- 7일(금) 2,563.48 (-0.52%)",
    // no KOSPI named
    "■ 지수\n- 7일(금) 2,563.48 (-0.49%)",
  ])("not: %s", (text) => {
    expect(moves(text)).toEqual([]);
  });
});
