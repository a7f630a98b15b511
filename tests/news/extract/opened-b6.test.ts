// Rules written once the sixth blind batch (b6) was opened and moved to the development set
// (tests/fixtures/extract-blind/README.md): each with positives and near misses. The sentences are written for these
// tests, in the patterns the batch showed, not copied from it.
import { describe, expect, it } from "vitest";
import { extractFacts } from "@/server/news/extract";
import { SEEDED_MEASURES } from "@/server/news/ingest/tracked";
import { of } from "./helpers";

const ABOUT = "Tariffs dominate the talks. ";
const tracked = (text: string, pub: string) =>
  of(extractFacts(text, { publishedOn: pub, measures: SEEDED_MEASURES }), "tariff_rate").map((f) => [f.sector, f.ratePct, f.country, f.status]);

describe("tariff_rate: a rate named by the deal or order that set it", () => {
  const text = `${ABOUT}Exporters point to the 15% rate on Korean cars agreed with Washington, which parts makers also cite.`;
  it("is in effect once the tracker shows it collected", () => {
    expect(tracked(text, "2026-02-23")).toEqual([["autos", 15, "KR", "in_effect"]]);
  });
  it("keeps the words' status while the tracker does not show it in force (the cut agreed, not yet dated)", () => {
    expect(tracked(text, "2025-08-05")).toEqual([["autos", 15, "KR", "announced"]]);
  });
  it("keeps the words' status for a rate the tracker does not know", () => {
    expect(tracked(`${ABOUT}Exporters point to the 35% rate on Korean lumber agreed with Washington.`, "2026-02-23")).toEqual([["lumber", 35, "KR", "announced"]]);
  });
});

describe("tariff_rate: bulleted lines naming their goods before a colon", () => {
  it.each([
    [
      `${ABOUT}\nStill in force:\n- Steel and aluminum articles and listed derivatives: 25%, in effect since March 12, 2025.`,
      [["steel", 25, "ALL", "in_effect"], ["aluminum", 25, "ALL", "in_effect"]],
    ],
    // the examples in brackets are not goods of their own
    [`${ABOUT}\nComing:\n• Certain automobile parts (engines, gearboxes and wiring): 25%, to take effect May 3, 2025.`, [["auto_parts", 25, "ALL", "announced"]]],
    [`${ABOUT}\nIn force:\n* Passenger cars and light trucks: 25%, since April 3, 2025.`, [["autos", 25, "ALL", "in_effect"]]],
  ])("%s", (text, want) => {
    expect(tracked(text, "2025-04-10")).toEqual(want);
  });

  it.each([
    // another kind of figure on a bulleted line
    `${ABOUT}\nOutlook:\n- Steel exports, year on year: 25%, the ministry estimates.`,
    // a line with no goods named
    `${ABOUT}\nOutlook:\n- Forecast growth for the year: 1.8%.`,
    // not a bulleted line: a colon in running text keeps the sentence rules
    `${ABOUT}Analysts expect steel mills to spend more on compliance: 25%, they reckon.`,
  ])("near miss: %s", (text) => {
    expect(tracked(text, "2025-04-10")).toEqual([]);
  });
});

describe("market_move: each session a sentence gives with the close it reached", () => {
  const moves = (text: string, pub: string) => of(extractFacts(text, { publishedOn: pub }), "market_move").map((f) => [f.changePct, f.level, f.date]);
  it.each([
    // two Korean sessions, the day before and the day itself
    ["코스피는 전날 2.10% 급락한 3120.55에 마감한 데 이어 이날도 0.40% 내린 3108.07로 거래를 마쳤다.", "2025-06-12", [[-2.1, 3120.55, "2025-06-11"], [-0.4, 3108.07, "2025-06-12"]]],
    // a relative clause with its own session before the sentence's move
    ["The KOSPI, which had closed down 1.10% at 3,050.20 on Friday, added 0.70% on Monday to 3,071.55.", "2025-06-16", [[-1.1, 3050.2, "2025-06-13"], [0.7, 3071.55, "2025-06-16"]]],
    // "closing at" after the day, then a participle with its own day
    ["The KOSPI lost 2.5% on Wednesday, closing at 3,010.40, and won it back on Thursday, rising 2.6% to 3,088.70.", "2025-06-13", [[-2.5, 3010.4, "2025-06-11"], [2.6, 3088.7, "2025-06-12"]]],
    // the morning's level and the close of the day before
    ["The KOSPI was up 0.5% at 3,120 before noon, after closing Tuesday up 0.30% at 3,104.20.", "2025-06-11", [[0.5, 3120, "2025-06-11"], [0.3, 3104.2, "2025-06-10"]]],
    // one session: its close, written without a comma, after a verb of falling
    ["코스피 급락. 지난 4일 하루 만에 8.10% 폭락해 2850.30까지 밀렸던 지수는 이후 반등했다.", "2025-06-13", [[-8.1, 2850.3, "2025-06-04"]]],
  ])("%s", (text, pub, want) => {
    expect(moves(text, pub)).toEqual(want);
  });

  it.each([
    // another market's session in the same sentence
    ["The KOSPI rose 1.00% to 3,100.50, while the KOSDAQ fell 2.00% to 780.25.", [[1, 3100.5]]],
    // an intraday swing is not a session
    ["The KOSPI fell as much as 1.2 percent to 2,950.10 early on but reversed to close up 0.8 percent at 3,010.40.", [[0.8, 3010.4]]],
    // a line crossed on the way is not the close
    ["코스피는 장중 3,150선까지 올랐다가 0.20% 오른 3,106.40로 거래를 마쳤다.", [[0.2, 3106.4]]],
  ])("near miss: %s", (text, want) => {
    expect(moves(text, "2025-06-12").map((m) => m.slice(0, 2))).toEqual(want);
  });
});

describe("market_move: the session before, named as such", () => {
  const moves = (text: string, pub: string) => of(extractFacts(text, { publishedOn: pub }), "market_move").map((f) => [f.changePct, f.date]);
  it.each([
    ["The KOSPI slipped 0.30% to 3,101.20 on Thursday after gaining 1.10% the day before.", [[-0.3, "2025-06-12"], [1.1, "2025-06-11"]]],
    // (Monday's session before is Friday's)
    ["The KOSPI slipped 0.30% to 3,101.20 on Monday after gaining 1.10% the previous session.", [[-0.3, "2025-06-09"], [1.1, "2025-06-06"]]],
  ])("%s", (text, want) => {
    expect(moves(text, "2025-06-13")).toEqual(want);
  });
  it("near miss: a week's gain before is not a session", () => {
    expect(moves("The KOSPI slipped 0.30% to 3,101.20 on Thursday after gaining 4.10% the week before.", "2025-06-13")).toEqual([[-0.3, "2025-06-12"]]);
  });
});

describe("investment_pledge: dollar figures in an article about Korea's investment in the US", () => {
  const money = (text: string) => extractFacts(text, { publishedOn: "2025-07-31" }).filter((f) => f.kind === "investment_pledge" || f.kind === "budget").map((f) => [f.kind, f.kind === "budget" ? f.amount : f.amountUsd]);
  const ABOUT_US = "Seoul agreed to invest heavily in the United States under the deal. ";
  it.each([
    // a share referred back to a figure named without a pledge verb, before the pledge itself is stated
    [`${ABOUT_US}Officials gave detail on the $350 billion. Of that, $150 billion goes to a shipbuilding fund.`, [["investment_pledge", 150e9]]],
    [`${ABOUT_US}The remaining $200 billion is for strategic industries.`, [["investment_pledge", 200e9]]],
    // a dollar figure of the package is not a Korean budget (it is the pledge, named as Korea's)
    [`${ABOUT_US}Korea's $350 billion bargain is a loan to Washington's industrial policy, says one fund manager.`, [["investment_pledge", 350e9]]],
  ])("%s", (text, want) => {
    expect(money(text)).toEqual(want);
  });
  it.each([
    // a yearly cap, in Korean wording
    `${ABOUT_US}현금 투자는 한 해 최대 200억 달러까지만 내도록 상한을 뒀다.`,
    `${ABOUT_US}현금 투자의 연간 상한인 200억 달러는 이번 대책과 관계가 없다.`,
    `${ABOUT_US}2000억 달러는 현금으로 투자하되 한 해 200억 달러를 넘지 않게 나눠 낸다.`,
    // goods shipped, referred to by "of it"
    `${ABOUT_US}Korean parts exports to the U.S. came to roughly $8.2 billion last year, much of it shipped to Alabama.`,
  ])("near miss: %s", (text) => {
    expect(money(text).filter(([, v]) => v === 20e9 || v === 8.2e9)).toEqual([]);
  });
  it("a Korean budget in won stays a budget in the same article", () => {
    expect(money(`${ABOUT_US}The government set aside a 2 trillion won support package for exporters.`)).toEqual([["budget", 2e12]]);
  });
});

describe("tariff_rate: Korean noun phrases around the figure", () => {
  it.each([
    // the duty a change brought to the figure, with sectors joined by a middle dot
    ["관세 이야기. 한미 합의에 따라 15%로 낮아진 한국산 자동차·부품 관세는 그대로 유지된다.", [["autos", 15, "KR", "in_effect"], ["auto_parts", 15, "KR", "in_effect"]]],
    // a noun of the goods between the sectors and the marker
    ["관세 이야기. 철강과 알루미늄 본재에는 여전히 50%가 붙는다.", [["steel", 50, "ALL", "in_effect"], ["aluminum", 50, "ALL", "in_effect"]]],
  ])("%s", (text, want) => {
    expect(tracked(text, "2026-02-21")).toEqual(want);
  });
  it.each([
    // a figure some other thing changed to, before a tariff word
    "관세 이야기. 수출 증가율이 15%로 낮아진 자동차 업체들은 관세 부담을 호소했다.",
    // a share of exports, not a rate borne
    "관세 이야기. 철강 수출품에서 미국 비중은 12%다.",
  ])("near miss: %s", (text) => {
    expect(tracked(text, "2026-02-21")).toEqual([]);
  });
});

describe("tariff_rate: 'the rate has been N%'", () => {
  it("a rate that has been the figure since a day is in effect from it", () => {
    expect(of(extractFacts(`${ABOUT}Its general "reciprocal" rate has been 15% since Aug. 7, better than the 25% it was threatened with.`, { publishedOn: "2025-11-10", measures: SEEDED_MEASURES }), "tariff_rate").map((f) => [f.sector, f.ratePct, f.country, f.status, f.effective])).toEqual([["all_goods", 15, "KR", "in_effect", "2025-08-07"]]);
  });
  it("near miss: what the rate would have been", () => {
    expect(tracked(`${ABOUT}Without the deal, the rate would have been 25%.`, "2025-11-10")).toEqual([]);
  });
});

describe("deadline: the publication day, once the start has come", () => {
  const days = (text: string, pub: string) => of(extractFacts(text, { publishedOn: pub }), "deadline").map((f) => f.date);
  it.each([
    ["Tariffs. The 25% tariff on imported cars took effect at 12:01 a.m. ET on Thursday, the White House said.", "2025-04-03"],
    ["관세. 미국이 모든 국가에서 수입하는 철강에 25%의 관세를 매기는 조치가 12일 0시 1분(미 동부시간) 발효됐다.", "2025-03-12"],
    ["관세. 23일 코스피가 전 거래일보다 0.65% 오른 5,846.09에 장을 마감했다.", "2026-02-23"],
  ])("not a deadline: %s", (text, pub) => {
    expect(days(text, pub)).toEqual([]);
  });
  it("a start later that day, said ahead, still is", () => {
    expect(days("관세. 한국산 제품에 대한 25%의 상호관세는 오늘 오후 1시 1분부터 발효된다.", "2025-04-09")).toEqual(["2025-04-09"]);
  });
});

describe("investment_pledge: labelled figures and shares set off after the pledge (dev5 formats)", () => {
  const pledges = (text: string) => of(extractFacts(text, { publishedOn: "2025-11-17" }), "investment_pledge").map((f) => f.amountUsd);
  it.each([
    // a number box: the figure, a dash, what it is
    ["Tariff deal by the numbers.\n* $350 billion — total Korean investment in the United States under the deal.", [350e9]],
    ["관세 합의.\n 3500억 달러 – 한국의 대미 전략 투자 총액", [350e9]],
    // a table row labelled before the figure
    ["관세 합의. 대미 투자 구조.\n 구분 | 규모 | 비고\n 전략 투자 총액 | 3500억 달러 | MOU", [350e9]],
    // shares set off by a dash or colon after the pledge
    ["Tariffs. The law creates the vehicle for the $350 billion commitment — $200 billion in staged cash investment and $150 billion in shipbuilding cooperation — and more.", [350e9, 200e9, 150e9]],
    ["Tariffs. The MOU commits Korea to $350 billion in total: $200 billion in cash investment, plus $150 billion in shipbuilding cooperation.", [350e9, 200e9, 150e9]],
  ])("%s", (text, want) => {
    expect(pledges(text)).toEqual(want);
  });
  it.each([
    // a company's figure labelled with investment
    "Tariff deal by the numbers.\n* $21 billion — Hyundai Motor Group's own U.S. investment plan.",
    // a yearly cap in a box
    "관세 합의.\n 200억 달러 – 연간 납입 상한",
    // another country's
    "Tariff deal by the numbers.\n* $550 billion — Japan's investment in the United States.",
  ])("near miss: %s", (text) => {
    expect(pledges(text)).toEqual([]);
  });
});

describe("tariff_rate: a number box's line, the figure first and then what it is", () => {
  it.each([
    ["Tariff week.\n25% — the U.S. Section 232 duty on imported cars, collected since April 3.", [["autos", 25, "ALL", "in_effect", "2025-04-03"]]],
    ["Tariff week.\n25% — the duty on engines, transmissions and other key auto parts, which kicks in Saturday, May 3.", [["auto_parts", 25, "ALL", "announced", "2025-05-03"]]],
    // the baseline paid during the pause is not the paused rate
    ["Tariff week.\n10% — the U.S. baseline tariff Korean goods currently pay during the 90-day pause.", [["all_goods", 10, "ALL", "in_effect", null]]],
  ])("%s", (text, want) => {
    expect(of(extractFacts(text, { publishedOn: "2025-05-02", measures: SEEDED_MEASURES }), "tariff_rate").map((f) => [f.sector, f.ratePct, f.country, f.status, f.effective])).toEqual(want);
  });
  it.each([
    // a ceiling
    "관세 합의.\n15% – 목재·의약품 관세 상한",
    // another figure of the line's subject
    "Tariff week.\n6.8% — the fall in exports to the U.S. in April, as tariffs bit.",
  ])("near miss: %s", (text) => {
    expect(tracked(text, "2025-11-15")).toEqual([]);
  });
});

describe("tariff_rate: a start day a later sentence gives, referring back to the rate", () => {
  const eff = (text: string, pub: string) => of(extractFacts(text, { publishedOn: pub, measures: SEEDED_MEASURES }), "tariff_rate").map((f) => [f.sector, f.ratePct, f.status, f.effective]);
  it.each([
    ["Trump sets a 25% tariff on South Korean goods. The rate for South Korea is scheduled to take effect on April 9.", "2025-04-03", [["all_goods", 25, "announced", "2025-04-09"]]],
    ["Tariffs. Korean passenger vehicles now pay 15% instead of 25%. The reduction applies retroactively to goods entered on or after November 1, 2025.", "2025-12-05", [["autos", 15, "in_effect", "2025-11-01"]]],
  ])("%s", (text, pub, want) => {
    expect(eff(text, pub).filter((r) => r[1] !== 25 || r[0] === "all_goods")).toEqual(want);
  });
  it.each([
    // the date is another rate's ("the rate on Japanese cars")
    ["Trump sets a 25% tariff on South Korean goods. The rate on Japanese cars is scheduled to take effect on April 9.", "2025-04-03"],
    // a threat keeps no start day
    ["Trump threatened a 25% tariff on South Korean goods. The rate could take effect on April 9, aides said.", "2025-04-03"],
  ])("near miss: %s", (text, pub) => {
    expect(eff(text, pub).map((r) => r[3])).toEqual([null]);
  });
});

describe("dates: Korean official formats and formal past", () => {
  it("a press release's stamp '보도 시점: 2025. 12. 4.(목)' dates it; \"'25.11.14.부터\" is a day", () => {
    const facts = extractFacts("산업통상부 보도자료\n\n보도 시점: 2025. 12. 4.(목) 10:00\n\n관세 안내.\n□ 한국산 제품에 대한 15%의 상호관세는 '25.11.14.부터 MFN 관세를 포함해 15%가 되도록 일원화됨", { publishedOn: null, measures: SEEDED_MEASURES });
    expect(of(facts, "tariff_rate").map((f) => [f.sector, f.ratePct, f.status, f.effective])).toEqual([["all_goods", 15, "in_effect", "2025-11-14"]]);
    expect(of(facts, "deadline")).toEqual([]);
  });
  it("a start at a clock time today, said in a broadcast's formal past, has begun", () => {
    const facts = extractFacts("관세 뉴스.\n한국시간 오늘 오후 1시 1분부터 미국으로 들어가는 철강과 알루미늄 제품에는 50%의 관세가 붙기 시작했습니다.", { publishedOn: "2025-06-04", measures: SEEDED_MEASURES });
    expect(of(facts, "tariff_rate").map((f) => [f.sector, f.status, f.effective])).toEqual([["steel", "in_effect", "2025-06-04"], ["aluminum", "in_effect", "2025-06-04"]]);
    expect(of(facts, "deadline")).toEqual([]);
  });
  it("near miss: a figure with dots is not a day", () => {
    expect(of(extractFacts("관세 뉴스. 성장률은 2.5. 금리는 3.25%다.", { publishedOn: "2025-06-04" }), "deadline")).toEqual([]);
  });
});

describe("budget: what is not a support budget", () => {
  const budgets = (text: string) => of(extractFacts(text, { publishedOn: "2026-03-13" }), "budget").map((f) => f.amount);
  it.each([
    // a public corporation's capital
    "Tariffs. The Act establishes a public corporation with paid-in capital of KRW 2 trillion to manage the commitments.",
    "관세 대응. ○ 대미 투자 전담 기구 '한미전략투자공사' 설립(자본금 2조원, 정부 전액 출자)",
    // a change, not the money
    "Tariffs. Lawmakers then added 1.6 trillion won, mostly for vouchers and small business support, before the bill cleared.",
    "관세 대응. 정부는 완성차·부품 업체에 대한 정책금융을 2조원 증액하기로 했다.",
    // a figure compared with
    "관세 대응. 3월 말 정부가 처음 꺼냈던 '10조원 필수 추경' 구상보다도 크다.",
    "Tariffs. The Assembly passed a budget larger than the government's 12.2 trillion won proposal.",
    // a cap per firm
    "관세 대응. 긴급 경영안정자금 | 수출 기업 대상 저리 융자 | 최대 50억원 | 금리 우대",
  ])("not a budget: %s", (text) => {
    expect(budgets(text).filter((v) => v !== 13.8e12)).toEqual([]);
  });
  it.each([
    ["Tariffs. Policy finance for automakers will be expanded from 13 trillion won to 15 trillion won.", [15e12]],
    ["관세 대응. 정부는 수출기업에 3조원 규모의 긴급 유동성을 지원한다.", [3e12]],
  ])("a budget: %s", (text, want) => {
    expect(budgets(text)).toEqual(want);
  });
});

describe("deadline: a tax cut's last day, a moved end, the writer's own days", () => {
  const days = (text: string, pub: string) => of(extractFacts(text, { publishedOn: pub }), "deadline").map((f) => f.date);
  it("a tax cut's last day is a day of the story (as the fixtures label it)", () => {
    expect(days("Tariff relief. The consumption tax on cars is cut to 3.5% from 5% until June 30.", "2025-04-10")).toEqual(["2025-06-30"]);
  });
  it.each([
    ["관세. 당초 오는 9일 끝날 예정이던 상호관세 유예 기간도 3주 남짓 늘어났다.", "2025-07-08"],
    ["Tariffs. The pause was originally due to expire on July 9.", "2025-07-08"],
    ["Tariff comments. Members wishing to file comments through the Desk should contact us by this Monday.", "2026-03-13"],
  ])("not a deadline: %s", (text, pub) => {
    expect(days(text, pub)).toEqual([]);
  });
  it("a start first planned stays a day of the story", () => {
    expect(days("관세. 미국은 당초 8월 1일부터 부과할 예정이던 25%의 상호관세를 15%로 낮추기로 했다.", "2025-07-31")).toEqual(["2025-08-01"]);
  });
});

describe("tariff_rate: a figure read as on all goods only because no goods were named", () => {
  it.each([
    // the sectors the sentence names at that figure
    ["관세 이야기. 구리 역시 내일(1일)부터 모든 수입국에 50% 관세가 적용된다.", "2025-07-31", [["copper", 50]]],
    // the sectors named before the figure, across a colon
    ["Tariffs. Steel and aluminium are not covered: the 50 per cent Section 232 duties on both remain in place.", "2025-07-31", [["steel", 50], ["aluminum", 50]]],
  ])("%s", (text, pub, want) => {
    expect(of(extractFacts(text, { publishedOn: pub, measures: SEEDED_MEASURES }), "tariff_rate").map((f) => [f.sector, f.ratePct]).filter((r) => r[1] === 50)).toEqual(want);
  });
  it.each([
    // a rate worded as Korea's, a proposal: as read
    ["Tariffs. Trump's order set a 25% rate for South Korea, but that was suspended.", "2025-10-02", [["all_goods", 25]]],
    ["Tariffs. Trump said he wants to raise the surcharge to 15%.", "2026-03-01", [["all_goods", 15]]],
  ])("as read: %s", (text, pub, want) => {
    expect(of(extractFacts(text, { publishedOn: pub, measures: SEEDED_MEASURES }), "tariff_rate").map((f) => [f.sector, f.ratePct])).toEqual(want);
  });
  it("without the tracker's measures, as read", () => {
    expect(of(extractFacts("관세 이야기. 관세율은 현재 50%다.", { publishedOn: "2025-07-31" }), "tariff_rate").map((f) => f.sector)).toEqual(["all_goods"]);
  });
});

describe("dev5 near misses: arrows, percentage points, boxes that are not the pledge", () => {
  it.each([
    // (the figure an arrow leads from is the old rate, not a rate of the article)
    ["관세 카드뉴스.\n▲완성차 25% → 15%", []],
    ["관세 속보. 지금 내고 있는 10% 기본관세와 비교하면 5%포인트 오르는 셈이다.", [["all_goods", 10]]],
  ])("%s", (text, want) => {
    expect(of(extractFacts(text, { publishedOn: "2025-12-05" }), "tariff_rate").map((f) => [f.sector, f.ratePct])).toEqual(want);
  });
  it.each(["관세 합의. 대미 투자.\n 200억 달러 – 현금 투자의 연간 납입 상한", "관세 합의. 대미 투자.\n 1000억 달러 – 미국산 에너지 구매 약속(투자와 별도)"])("not a pledge: %s", (text) => {
    expect(of(extractFacts(text, { publishedOn: "2025-11-15" }), "investment_pledge")).toEqual([]);
  });
});

describe("dates: mastheads with middle dots; days a pause runs to; a clock time after 'kick in at'", () => {
  it("'May 2, 2025 · 6:45 p.m. KST · A weekly newsletter' dates the article", () => {
    const facts = extractFacts("THE LEDGER — Friday briefing\nMay 2, 2025 · 6:45 p.m. KST · A weekly newsletter on trade\n\nTariffs. The 25% levy on key auto parts kicks in Saturday, May 3.", { publishedOn: null });
    expect(of(facts, "deadline").map((f) => f.date)).toEqual(["2025-05-03"]);
  });
  it.each([
    ["Tariffs. Korea's 25% rate was suspended for 90 days. That pause runs to July 9.", "2025-04-10", ["2025-07-09"]],
    ["Tariffs. The higher country-specific rates kick in at 12:01 a.m. on Wednesday, April 9.", "2025-04-03", ["2025-04-09"]],
  ])("%s", (text, pub, want) => {
    expect(of(extractFacts(text, { publishedOn: pub }), "deadline").map((f) => f.date)).toEqual(want);
  });
});

describe("market_move: the opening named before the index", () => {
  it("'Opening bell: KOSPI down 1.2%' is not the session's move; a close after it is", () => {
    const moves = (t: string) => of(extractFacts(t, { publishedOn: "2025-04-09" }), "market_move").map((f) => f.changePct);
    expect(moves("09:15 — Opening bell: KOSPI down 1.2% as the country-specific rates kick in.")).toEqual([]);
    expect(moves("15:40 — Close: KOSPI down 1.74% at 2,293.70.")).toEqual([-1.74]);
  });
});

describe("effective: days in brackets, back-dated, and a Korean cut applied from a day", () => {
  const eff = (text: string, pub: string) => of(extractFacts(text, { publishedOn: pub, measures: SEEDED_MEASURES }), "tariff_rate").map((f) => [f.sector, f.effective]);
  it.each([
    ["관세. 구리 반제품에 대한 50% 관세도 예정대로 내일(1일)부터 부과된다.", "2025-07-31", [["copper", "2025-08-01"]]],
    ["관세. 한국산 자동차 관세를 15%로 낮추는 조치가 관보에 실렸다. 인하는 11월 1일 이후 통관분부터 거슬러 적용된다.", "2025-12-05", [["autos", "2025-11-01"]]],
    ["Tariffs. The tariff on Korean cars drops to 15% all-in, back-dated to Nov. 1.", "2025-12-05", [["autos", "2025-11-01"]]],
  ])("%s", (text, pub, want) => {
    expect(eff(text, pub)).toEqual(want);
  });
});

describe("investment_pledge: the figure named as Korea's or as the package, and its parts", () => {
  const ABOUT_US = "Seoul agreed to invest in the United States under the deal. ";
  const pledges = (text: string) => of(extractFacts(text, { publishedOn: "2025-11-17" }), "investment_pledge").map((f) => f.amountUsd);
  it.each([
    [`${ABOUT_US}The fact sheet ended months of arguing over how Korea's $350 billion would be paid.`, [350e9]],
    [`${ABOUT_US}The bill sets up the corporation, the vehicle for the $350 billion package.`, [350e9]],
    [`${ABOUT_US}Seoul will put $200 billion into US projects in cash, and the other $150 billion into shipbuilding cooperation.`, [200e9, 150e9]],
    ["관세 합의. 대미 투자 펀드 3500억 달러는 조선 협력에 1500억 달러, 전략 산업에 2000억 달러로 짜였다.", [350e9, 150e9, 200e9]],
  ])("%s", (text, want) => {
    expect(pledges(text)).toEqual(want);
  });
  it.each([
    // another country's, in the same article
    `${ABOUT_US}Japan's $550 billion package is larger.`,
    // not an article about Korea's investment in the US
    "Tariffs. Korea's $66 billion surplus with the US irritates Washington.",
  ])("near miss: %s", (text) => {
    expect(pledges(text)).toEqual([]);
  });
});

describe("budget: more changes and limits", () => {
  const budgets = (text: string) => of(extractFacts(text, { publishedOn: "2025-05-02" }), "budget").map((f) => f.amount);
  it.each([
    ["Budget. The Assembly passed the plan after lawmakers expanded the government's original proposal by 1.6 trillion won.", []],
    ["관세 대응. 무역보험 특별 보증 | 단기수출보험 보상한도 확대 | 최대 30억원 | 보험료 할인", []],
  ])("%s", (text, want) => {
    expect(budgets(text)).toEqual(want);
  });
  it("the old figure of 'from X, as planned, to Y' is not a budget", () => {
    expect(budgets("Budget. Policy finance for automakers will be expanded from KRW 13 trillion, as planned earlier this year, to KRW 15 trillion.")).not.toContain(13e12);
    expect(budgets("Budget. Policy finance for automakers will be expanded from KRW 13 trillion to KRW 15 trillion.")).toEqual([15e12]);
  });
});
