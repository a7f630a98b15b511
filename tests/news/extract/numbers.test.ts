// Money, percentage and index-level parsing (server/news/extract/numbers.ts). Sentences are written for these tests.
import { describe, expect, it } from "vitest";
import { parseAmounts, parseIndexLevels, parsePercents } from "@/server/news/extract/numbers";
import { expectOneMatch } from "./helpers";

describe("parseAmounts", () => {
  it.each([
    ["Washington wants $350 billion in new projects.", 350e9, "USD", "$350 billion"],
    ["The gap reached US$55.7bn last year.", 55.7e9, "USD", "US$55.7bn"],
    ["a fund of USD 3.5 trillion over a decade", 3.5e12, "USD", "USD 3.5 trillion"],
    ["Seoul set aside 15 trillion won for exporters.", 15e12, "KRW", "15 trillion won"],
    ["an extra KRW 13.8 trillion package", 13.8e12, "KRW", "KRW 13.8 trillion"],
    ["loans worth ₩2 trillion", 2e12, "KRW", "₩2 trillion"],
    ["정부는 350조 원 규모를 검토했다", 350e12, "KRW", "350조 원"],
    ["총 3조 5천억 원을 투입한다", 3.5e12, "KRW", "3조 5천억 원"],
    ["1조5000억원의 긴급 자금", 1.5e12, "KRW", "1조5000억원"],
    ["4,500억 원 규모 지원", 450e9, "KRW", "4,500억 원"],
    ["수출액은 55억 달러였다", 5.5e9, "USD", "55억 달러"],
    ["보조금 2억3천만 원", 230e6, "KRW", "2억3천만 원"],
    ["입장료 5천 원", 5000, "KRW", "5천 원"],
    ["buy 100 million dollars of gas", 100e6, "USD", "100 million dollars"],
    ["pledged $100B to shipyards", 100e9, "USD", "$100B"],
    ["a $1.2 trillion plan", 1.2e12, "USD", "$1.2 trillion"],
    ["purchases of $25 bn a year", 25e9, "USD", "$25 bn"],
    ["a 3 trillion-won stimulus", 3e12, "KRW", "3 trillion-won"],
    ["an outlay of 2.5 billion won", 2.5e9, "KRW", "2.5 billion won"],
    ["costs of $7,500 per car", 7500, "USD", "$7,500"],
    ["€40 billion from Brussels", 40e9, "EUR", "€40 billion"],
    ["worth 500 million euros", 500e6, "EUR", "500 million euros"],
  ])("%s", (text, value, currency, raw) => {
    const got = expectOneMatch(parseAmounts(text), text, { currency, raw });
    expect(got.value).toBeCloseTo(value, 0);
  });

  it.each([
    ["The deal was signed in 2025."],
    ["Talks resumed on 2025-08-01."],
    ["About 350 officials attended."],
    ["The index lost 25 points."],
    ["It employs 12,000 workers."],
    ["Tariffs of 25% apply."],
    ["7월 9일까지 협상한다"],
    ["2025년 수출"],
    ["a 90-day pause"],
    ["Section 232 duties"],
  ])("no amount in %s", (text) => {
    expect(parseAmounts(text)).toEqual([]);
  });

  it("finds several amounts with their spans, in order", () => {
    const text = "A $55.7 billion surplus and a 15 trillion won fund, plus 4,500억 원 more.";
    const got = parseAmounts(text);
    expect(got.map((g) => [g.value, g.currency])).toEqual([
      [55.7e9, "USD"],
      [15e12, "KRW"],
      [450e9, "KRW"],
    ]);
    for (const g of got) expect(text.slice(g.start, g.end)).toBe(g.raw);
  });
});

describe("parsePercents", () => {
  it.each([
    ["a 25% levy", 25, false, false],
    ["a levy of 25 percent", 25, false, false],
    ["a 25 per cent duty", 25, false, false],
    ["rates rose by 2.5 percentage points", 2.5, true, true],
    ["a 0.25 percentage point cut", 0.25, true, false],
    ["관세 25퍼센트", 25, false, false],
    ["a 25 % charge", 25, false, false],
    ["금리가 0.5%p 올랐다", 0.5, true, true],
    ["코스피는 1.2% 내렸다", -1.2, false, true],
    ["The index fell 3.1% at the open.", -3.1, false, true],
    ["Shares dropped 2.8 percent on the news.", -2.8, false, true],
    ["The won rose 1.2% against the dollar.", 1.2, false, true],
    ["Exports were up 0.5% on the year.", 0.5, false, true],
    ["Car sales were down 4% in May.", -4, false, true],
    ["The benchmark slid about 1.9 per cent.", -1.9, false, true],
    ["The Kospi gained 0.7% by noon.", 0.7, false, true],
    ["코스피는 1.8% 하락했다", -1.8, false, true],
    ["코스피가 2.1% 상승 마감했다", 2.1, false, true],
    ["지수는 0.9% 떨어졌다", -0.9, false, true],
    ["a change of -3.1%", -3.1, false, true],
    ["The Kospi climbed as much as 2.4% in early trade.", 2.4, false, true],
    ["Futures lost a further 0.6 percent.", -0.6, false, true],
    ["a change of +0.4%", 0.4, false, true],
    ["tariffs of up to 25%", 25, false, false],
    ["a 25% increase in the surplus", 25, false, false],
  ])("%s", (text, value, points, signed) => {
    expectOneMatch(parsePercents(text), text, { value, points, signed });
  });

  it.each([["in 2025"], ["25 points"], ["a 90-day pause"], ["v25%x"], ["the percent sign"]])("no percentage in %s", (text) => {
    expect(parsePercents(text)).toEqual([]);
  });

  it("keeps the sign word inside the span", () => {
    const [p] = parsePercents("KOSPI fell 3.1% on Friday");
    expect(p!.raw).toBe("fell 3.1%");
  });

  it("reads several percentages in one sentence", () => {
    const got = parsePercents("The tax falls from 5% to 3.5% while steel faces 50 percent.");
    expect(got.map((g) => g.value)).toEqual([5, 3.5, 50]);
  });
});

describe("parseIndexLevels", () => {
  it.each([
    ["The KOSPI closed at 2,566.74 on Friday.", 2566.74],
    ["The benchmark ended at 3,102.5.", 3102.5],
    ["It finished the session at 2,400.", 2400],
    ["코스피는 2,566.74로 마감했다", 2566.74],
    ["지수는 3,100.12에 장을 마감했다", 3100.12],
  ])("%s", (text, level) => {
    expectOneMatch(parseIndexLevels(text), text, { level });
  });

  it.each([["The index rose 1.2% to a record."], ["Rates closed at 3.5% for the year."], ["The market closed early."]])(
    "no level in %s",
    (text) => {
      expect(parseIndexLevels(text)).toEqual([]);
    },
  );
});
