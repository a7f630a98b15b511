// Rules written against dev7 (tests/fixtures/extract-dev/README.md), Korean reporting dense in support budgets,
// deadlines and tariff rates: each with positives and near misses. The sentences are written for these tests, in the
// patterns the batch showed, not copied from it.
import { describe, expect, it } from "vitest";
import { extractFacts } from "@/server/news/extract";
import { parseAmounts } from "@/server/news/extract/numbers";
import { detectPublishedOn } from "@/server/news/extract/context";
import { of } from "./helpers";

const budgets = (text: string, pub = "2025-11-06") => of(extractFacts(text, { publishedOn: pub }), "budget").map((f) => f.amount);

describe("amounts in Hangul numerals, as radio and TV scripts write them", () => {
  it.each([
    ["십오조 원", 15e12, "KRW"],
    ["삼천오백억 달러", 350e9, "USD"],
    ["천억 원", 1e11, "KRW"],
    ["이조 오천억 원", 2.5e12, "KRW"],
  ])("%s", (text, value, currency) => {
    expect(parseAmounts(`정부는 ${text} 규모다.`).map((a) => [a.value, a.currency])).toEqual([[value, currency]]);
  });

  it.each(["이사 원", "오천 원짜리", "구조 원칙"])("not an amount: %s", (text) => {
    expect(parseAmounts(`그는 ${text}을 말했다.`)).toEqual([]);
  });

  it("the old figure of '십삼조 원에서 십오조 원으로' is not the budget", () => {
    expect(budgets("정부는 자동차 업계 정책금융을 십삼조 원에서 십오조 원으로 늘리기로 했다.")).toEqual([15e12]);
  });
});

describe("budget: the figure set, not its parts, its change or its start", () => {
  it.each([
    ["관세 대응 수출바우처는 본예산 1200억원에 900억원을 더해 사업 규모가 총 2100억원으로 커졌다.", [2.1e11]],
    ["긴급경영안정자금은 본예산 1조원으로 시작했으나 신청이 몰리자 5천억원을 늘렸다.", []],
    ["수출바우처는 정부안 1900억원에서 500억원을 증액해 2400억원으로 의결했다.", [2.4e11]],
    ["공급망 R&D 사업비는 정부안에서 300억원 깎인 1800억원으로 정리됐다.", [1.8e11]],
    ["업계는 2조~3조원의 추가 지원을 요구하고 있다.", []],
    ["올해 본예산에 반영된 4조1000억원 규모의 수출·통상 대응 예산을 조기 집행해야 한다.", [4.1e12]],
    ["관세 대응 수출바우처의 올해 사업비는 2300억원이다.", [2.3e11]],
  ])("%s", (text, want) => {
    expect(budgets(text)).toEqual(want);
  });

  it("not: exports worth a figure ('347억 달러 규모의 수출')", () => {
    expect(budgets("지난해 347억 달러 규모의 수출을 기록한 자동차 업계 지원이 시급하다.")).toEqual([]);
  });
});

describe("dates: the year said before a Korean month-day, and a start that is running now", () => {
  const days = (text: string, pub: string) => of(extractFacts(text, { publishedOn: pub }), "tariff_rate").map((f) => f.effective);

  it.each([
    ["관세 현황. 현재 한국산 자동차에는 지난해 11월 1일부터 소급 적용된 15%가 부과되고 있다.", "2026-02-10", "2025-11-01"],
    ["관세 현황. 한국산 자동차 관세 15%는 내년 1월 1일부터 적용된다.", "2025-11-10", "2026-01-01"],
    // ("6월 4일" published in December: a start running now is this year's June, not next year's)
    ["관세 총정리. 모든 나라 철강에는 6월 4일부터 50%가 적용되고 있습니다.", "2025-12-05", "2025-06-04"],
  ])("%s", (text, pub, want) => {
    expect(days(text, pub)).toEqual([want]);
  });

  it("not: a start said as ahead keeps next year's day", () => {
    expect(days("관세 일정. 모든 나라 철강에 대한 50% 관세는 6월 4일부터 적용된다.", "2025-12-05")).toEqual(["2026-06-04"]);
  });
});

describe("deadline: a sign-up closing in plain Korean is no policy deadline", () => {
  it("'참가 신청은 16일까지 받는다'", () => {
    const deadlines = of(extractFacts("포항시는 19일 관세 대응 설명회를 열고, 참가 신청은 16일까지 받는다.", { publishedOn: "2025-06-12" }), "deadline").map((f) => f.date);
    expect(deadlines).toEqual([]);
  });
});

describe("publication stamps: a short label and a colon, then the date", () => {
  it.each([
    ["[리포트] 관세 경고\n\n방송일: 2026년 1월 27일(화) 저녁 종합뉴스 | 방송시각 20:14\n\n본문.", "2026-01-27"],
    ["Tariff note\nIssued: March 4, 2026, 9:00 a.m.\nText.", "2026-03-04"],
  ])("%s", (text, want) => {
    expect(detectPublishedOn(text)).toBe(want);
  });

  it("not: a label that names a start or a due day", () => {
    expect(detectPublishedOn("공고\n시행일: 2025년 4월 3일부터 적용되는 관세 안내와 세부 절차\n마감일: 2025년 4월 20일까지 서류를 내야 하는 기업 목록\n본문.")).toBeNull();
  });
});

describe("tariff_rate: Korean chips, signing days and the old figure of a rise", () => {
  const rates = (text: string, pub: string) => of(extractFacts(text, { publishedOn: pub }), "tariff_rate").map((f) => [f.sector, f.ratePct, f.status, f.effective]);

  it("'일부 첨단 연산용 칩에 25% 관세' is a duty on semiconductors", () => {
    expect(rates("관세. 미국은 지난 15일부터 일부 첨단 연산용 칩에 25% 관세를 매기고 있다.", "2026-01-27")).toEqual([["semiconductors", 25, "in_effect", "2026-01-15"]]);
  });

  it("the day an order was signed is not when the rate starts ('31일 서명된 행정명령 … 적용은 7일부터')", () => {
    expect(rates("31일 서명된 행정명령에 따라 한국산 제품에 대한 상호관세는 15%로 정해졌고, 적용은 오는 7일 0시 1분(미 동부시간)부터다.", "2025-08-02")).toEqual([["all_goods", 15, "announced", "2025-08-07"]]);
  });

  it("a day before '기존 25%에서 50%로' is the new rate's start", () => {
    expect(rates("관세. 미 동부시간 4일 0시 1분부터 철강 수입품에 대한 관세가 기존 25%에서 50%로 인상됐다.", "2025-06-05")).toEqual([["steel", 50, "in_effect", "2025-06-04"]]);
  });

  it("not when the day was the old figure's threatened start ('8월 1일부터 매기겠다고 예고했던 상호관세를 25%에서 15%로')", () => {
    expect(rates("미국은 8월 1일부터 한국산 제품에 매기겠다고 예고했던 상호관세를 25%에서 15%로 낮추기로 했다.", "2025-07-31").map((r) => r[3])).toEqual([null]);
  });
});

describe("deadline: Korean wordings of a day ahead, and words that only look like one", () => {
  const deadlines = (text: string, pub: string) => of(extractFacts(text, { publishedOn: pub }), "deadline").map((f) => f.date);

  it.each([
    ["122조 관세는 150일간 유지될 수 있으며, 의회 연장이 없다면 7월 24일 효력을 잃습니다.", "2026-02-23", ["2026-07-24"]],
    ["관세 안내. 완성차에 대한 이 세율은 다음 달 3일 0시 1분(미 동부시간)부터 적용된다.", "2025-03-27", ["2025-04-03"]],
    ["특별법은 여당이 지난달 26일 발의했고, 오는 9일 국회 본회의 처리를 목표로 하고 있다.", "2025-12-08", ["2025-12-09"]],
    // 이날 after a sentence that ends by naming a day is that day
    ["두 번째 시한은 7월 24일이다. 무역법 122조의 10% 관세가 이날 만료된다.", "2026-04-22", ["2026-07-24"]],
  ])("%s", (text, pub, want) => {
    expect(deadlines(text, pub)).toEqual(want);
  });

  it.each([
    // 개시한 is no 시한
    ["다만 미 무역대표부(USTR)가 11일 개시한 무역법 301조 조사가 새로운 변수.", "2026-03-13"],
    // a level reached '까지' in a session's report is no 'until'
    ["코스피는 31일 장중 한때 3,288.26까지 올랐지만 0.28% 내린 3,245.44로 마감했다.", "2025-07-31"],
    // 이날 with no day named before it is the publication day, already past wording
    ["관세 협상은 이날 타결됐다.", "2025-07-31"],
  ])("not: %s", (text, pub) => {
    expect(deadlines(text, pub)).toEqual([]);
  });
});
