// Fact assembly (server/news/extract): table tests per fact kind on sentences written for these tests (English and
// Korean), positives and near misses, plus the five seed articles scored with score.mjs's matching rules (F1 ≥ 0.9).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectPublishedOn, extractFacts, timeFrame } from "@/server/news/extract";
import { splitSentences } from "@/server/news/extract/sentences";
import { adjustWeekdayForTense } from "@/server/news/extract/dates";
import { scoreDirectory } from "@/tests/helpers/fact-score";
import { moneyRow, of } from "./helpers";

describe("splitSentences", () => {
  it("keeps abbreviations, initials and decimals inside sentences and offsets exact", () => {
    const text = "Mr. Lee met Donald J. Trump in the U.S. capital on Jan. 5. Rates rose 3.5 percent.\n관세가 올랐다. 코스피는 하락했다.";
    const got = splitSentences(text);
    expect(got.map((s) => s.text)).toEqual([
      "Mr. Lee met Donald J. Trump in the U.S. capital on Jan. 5.",
      "Rates rose 3.5 percent.",
      "관세가 올랐다.",
      "코스피는 하락했다.",
    ]);
    for (const s of got) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
  it("ends a sentence after a dotted acronym when a new sentence clearly starts", () => {
    expect(splitSentences("They flew to the U.S. During the trip they met officials.")).toHaveLength(2);
  });
});

describe("tariff_rate", () => {
  it.each([
    ["Washington will impose a 25% tariff on Korean cars from Aug. 1.", "2025-07-10", [["autos", 25, "KR", "announced", "2025-08-01"]]],
    ["Imports of steel and aluminium already face 50 per cent duties.", null, [["steel", 50, "ALL", "in_effect", null], ["aluminum", 50, "ALL", "in_effect", null]]],
    ["The administration lowered the levy on South Korean automobiles to 15% from 25%.", null, [["autos", 15, "KR", "reduced", null]]],
    ["The president paused the 24% reciprocal tariff on Korea for 90 days.", null, [["all_goods", 24, "KR", "paused", null]]],
    ["He threatened tariffs of up to 100% on semiconductors made abroad.", null, [["semiconductors", 100, "ALL", "proposed", null]]],
    ["The effective tariff rate on Korean goods is 15% under the deal.", null, [["all_goods", 15, "KR", "announced", null]]],
    ["Trump announced a 25% tariff on imports from South Korea.", null, [["all_goods", 25, "KR", "announced", null]]],
    ["Korean automobiles, which had faced a 25 percent levy since April, get relief.", null, [["autos", 25, "KR", "in_effect", null]]],
    ["Seoul said on Thursday the 25% tariff would apply starting Friday.", "2025-07-31", [["all_goods", 25, "KR", "announced", "2025-08-01"]]],
    ["The 15 percent rate will also apply to Korean automobiles under the tariff deal.", null, [["autos", 15, "KR", "announced", null]]],
    ["A 10% baseline tariff on all imports took effect on April 5.", "2025-04-09", [["all_goods", 10, "ALL", "in_effect", "2025-04-05"]]],
    ["미국은 한국산 자동차에 25%의 관세를 부과하고 있다.", null, [["autos", 25, "KR", "in_effect", null]]],
    ["정부는 반도체 관세율을 15%로 낮추기로 합의했다고 밝혔다.", null, [["semiconductors", 15, "KR", "reduced", null]]],
    ["자동차 관세는 25%에서 15%로 인하된다.", null, [["autos", 15, "KR", "reduced", null]]],
    ["트럼프는 8월 1일부터 한국에 25% 상호관세를 부과하겠다고 예고했다.", "2025-07-08", [["all_goods", 25, "KR", "announced", "2025-08-01"]]],
  ])("%s", (text, pub, want) => {
    const got = of(extractFacts(text, { publishedOn: pub }), "tariff_rate");
    expect(got.map((f) => [f.sector, f.ratePct, f.country, f.status, f.effective])).toEqual(want);
    for (const f of got) {
      expect(text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
  });

  it.each([
    "Samsung holds a 15% share of the smartphone market despite tariff worries.",
    "The central bank held its 2.5% rate steady despite tariff worries.",
    "Car exports rose 25% last year even as tariffs loomed.",
    "The economy grew 0.5% in the quarter and the policy rate stayed at 2.5%.",
    "Economists put a 60% chance on a tariff deal before the deadline.",
    "Shipments to the US fell 16% in May, a 25% increase from the lowest point.",
    "The KOSPI dropped 2% on tariff fears.",
    "The vehicle purchase tax will be cut from 5% to 3.5%.",
    "반도체 수출은 작년보다 21% 증가했다.",
  ])("not a tariff: %s", (text) => {
    expect(of(extractFacts(text, { publishedOn: "2025-05-01" }), "tariff_rate")).toEqual([]);
  });

  it("sectors bind to their own rate in a sentence with two", () => {
    const got = of(extractFacts("The deal keeps a 25% tariff on automobiles and a 50% tariff on steel.", { publishedOn: null }), "tariff_rate");
    expect(got.map((f) => [f.sector, f.ratePct])).toEqual([["autos", 25], ["steel", 50]]);
  });

  it.each([
    // a retroactive start, goods entered on or after a day, a start "no later than" in Korean
    ["Washington lowered the tariff on Korean cars to 15% from 25%, retroactive to Sept. 1.", "2025-10-06", "autos", "2025-09-01"],
    ["The 15% rate applies to Korean auto parts entered on or after Sept. 1, 2025.", "2025-10-06", "auto_parts", "2025-09-01"],
    ["한국산 자동차 관세 15%, 9월 1일로 소급", "2025-10-06", "autos", "2025-09-01"],
    ["핵심 부품에 붙는 25% 관세는 늦어도 11월 3일까지 시행된다.", "2025-10-06", "auto_parts", "2025-11-03"],
  ])("effective: %s", (text, pub, sector, effective) => {
    const got = of(extractFacts(text, { publishedOn: pub }), "tariff_rate").filter((f) => f.sector === sector);
    expect(got.map((f) => f.effective)).toEqual([effective]);
  });

  it("the object of a rate may carry adjectives before its sector word", () => {
    const got = of(extractFacts("A separate duty of 25 percent on certain high-end graphics chips took effect on March 3.", { publishedOn: "2026-03-10" }), "tariff_rate");
    expect(got.map((f) => [f.sector, f.ratePct, f.effective])).toEqual([["semiconductors", 25, "2026-03-03"]]);
  });

  it("the same rate, named again later in the sentence, for the sectors after it; a rate that follows on a day", () => {
    const text = "Imported cars have paid a 25% levy since March 2, and duties of the same rate on gearboxes and other key parts begin on April 30.";
    const got = of(extractFacts(text, { publishedOn: "2025-04-10" }), "tariff_rate");
    expect(got.map((f) => [f.sector, f.ratePct, f.effective])).toEqual([["autos", 25, "2025-03-02"], ["auto_parts", 25, "2025-04-30"]]);
    const follow = of(extractFacts("A 10% duty on Korean chips is to follow on June 2.", { publishedOn: "2025-05-20" }), "tariff_rate");
    expect(follow.map((f) => [f.sector, f.effective, f.status])).toEqual([["semiconductors", "2025-06-02", "announced"]]);
  });

  it.each([
    // Section 232's sector duties are everyone's, though Korean exporters pay them
    ["South Korean mills began paying a 25% tariff on their steel on Wednesday.", "steel", 25, "ALL"],
    ["한국산 알루미늄에도 50%의 관세가 부과되고 있다.", "aluminum", 50, "ALL"],
    ["다음 달 3일부터 엔진과 변속기 등 자동차 부품에도 25% 관세가 붙는다.", "auto_parts", 25, "ALL"],
    // Korea's own: the deal's car rate, a car rate whose own words name Korea, or words that make it Korea's alone
    ["Korean cars now face a 15% tariff.", "autos", 15, "KR"],
    ["미국은 한국산 자동차에 25%의 관세를 부과하고 있다.", "autos", 25, "KR"],
    ["Washington set a Korea-specific 25% duty on steel pipes from Korea.", "steel", 25, "KR"],
    // chips' Section 232 duty; the baseline and the surcharge on all goods; "세계 공통", "nearly all"
    ["Korean chips face a 25% tariff from Jan. 15.", "semiconductors", 25, "ALL"],
    ["Other Korean shipments continue to pay the 10% baseline tariff.", "all_goods", 10, "ALL"],
    ["대부분의 한국산 제품에는 세계 공통의 10% 관세만 붙는다.", "all_goods", 10, "ALL"],
    ["Trump said he intended to raise the surcharge on Korean goods to 15%.", "all_goods", 15, "ALL"],
  ])("country: %s", (text, sector, rate, country) => {
    const got = of(extractFacts(text, { publishedOn: "2025-10-06" }), "tariff_rate").filter((f) => f.sector === sector && f.ratePct === rate);
    expect(got.map((f) => f.country)).toEqual([country]);
  });

  // Status from wording, in sentences written for these tests.
  it.each([
    // a rise someone says they will bring, with no start set, is proposed; "예고돼 있다" (scheduled) is not a threat
    ["The president said Sunday that he intends to raise the duty on Korean lumber to 25%.", 25, "proposed"],
    ["대통령은 한국산 목재 관세를 25%로 인상하겠다고 밝혔다.", 25, "proposed"],
    ["미국, 한국산 철강에 관세 30% 예고", 30, "proposed"],
    ["The president said he would raise duties on Korean lumber, as well as the reciprocal rate, to 30%.", 30, "proposed"],
    ["The president said Friday, Washington time, that he would lift the tariff on Korean lumber to 30%.", 30, "proposed"],
    ["The president said Monday, U.S. time, that he would raise duties on Korean lumber to 30%.", 30, "proposed"],
    // still paid though a cut is named; the rate a cut starts from; paid since a retroactive cut
    ["The cut has not been applied yet, so Korean cars are still paying a 25% tariff.", 25, "in_effect"],
    ["인하가 아직 적용되지 않아 한국산 자동차에는 여전히 25%의 관세가 부과되고 있다.", 25, "in_effect"],
    ["한국산 자동차에 매기던 25%의 관세도 15%로 낮아진다.", 25, "in_effect"],
    ["Korean cars have paid a 15% tariff since Sept. 1, applied retroactively.", 15, "in_effect"],
    ["The tariff on Korean cars will drop to 15% from 25% under the deal.", 15, "reduced"],
    // a pause that is another rate's; a rate whose force was stopped
    ["Steel duties of 25% were excluded from the pause and are still collected.", 25, "in_effect"],
    ["자동차 25% 관세는 유예 대상에서 빠져 그대로 부과된다.", 25, "in_effect"],
    ["한국산 제품에 매긴 25% 상호관세는 발효 하루 만에 효력이 멈췄다.", 25, "paused"],
    // a rate that replaces a higher one, or applies retroactively, is a cut
    ["Seoul secured a 15% tariff on its cars instead of the 25% that was due next month.", 15, "reduced"],
    ["Washington will apply a 15% tariff to Korean auto parts, retroactive to the start of the month.", 15, "reduced"],
    ["한국산 자동차에는 25% 대신 15%의 관세가 적용된다.", 15, "reduced"],
    // a rate as it stands, though the sentence looks ahead
    ["Steel duties, which have stood at 50% since last summer, will be assessed on full value from next month.", 50, "in_effect"],
    ["철강 50% 관세는 이번 합의에서 손대지 못했다.", 50, "in_effect"],
  ])("status: %s", (text, rate, status) => {
    const got = of(extractFacts(text, { publishedOn: "2025-10-06" }), "tariff_rate").filter((f) => f.ratePct === rate);
    expect(got.map((f) => f.status)).toEqual(got.map(() => status));
    expect(got.length).toBeGreaterThan(0);
  });
});

describe("deadline", () => {
  it.each([
    ["Negotiators must reach a deal by July 9 or higher rates apply.", "2025-07-01", "2025-07-09"],
    ["The grace period expires on Aug. 1.", "2025-07-20", "2025-08-01"],
    ["The new duties take effect on 2026-01-01.", null, "2026-01-01"],
    ["The vote is scheduled for June 3.", "2025-05-10", "2025-06-03"],
    ["협상 시한은 7월 9일까지다.", "2025-07-01", "2025-07-09"],
    ["Both sides aim to finish before the deadline on Friday.", "2025-07-29", "2025-08-01"],
    // a weekday with its month-day; Korean weekdays ("다음 주 수요일": the week after this one)
    ["A 10% baseline tariff kicks in on Saturday, April 5.", "2025-04-02", "2025-04-05"],
    ["상호관세는 다음 주 수요일 발표될 예정이다.", "2025-03-27", "2025-04-02"],
    // an end, a start, a time before the day; a hearing on a day; a day not to be passed; a day collection stops
    ["The pause runs until 12:01 a.m. on Sept. 9 in Washington.", "2025-08-01", "2025-09-09"],
    ["The 60-day reprieve ends Oct. 3.", "2025-08-20", "2025-10-03"],
    ["Duties on drones begin on Nov. 2, officials said.", "2025-10-20", "2025-11-02"],
    ["301조 관련 공청회는 4월 8일이다.", "2026-03-13", "2026-04-08"],
    ["임시 관세는 9월 30일을 넘겨 연장할 수 없다.", "2026-06-02", "2026-09-30"],
    ["세관은 오는 12일부터 해당 관세 징수를 멈춘다.", "2026-02-10", "2026-02-12"],
    ["정부는 다음 달 2일 새 관세율을 발표하겠다고 밝혔다.", "2025-03-12", "2025-04-02"],
    // the original day of a postponed one is not a deadline any more
    ["당초 9일 끝날 예정이던 유예 기한은 다음 달 1일로 미뤄졌다.", "2025-07-08", "2025-08-01"],
    // a span's end, a day something ends, a day put off to
    ["The statute caps the surcharge at 120 days, to Sept. 30, unless extended.", "2026-06-02", "2026-09-30"],
    ["관세 유예가 끝나는 건 다음 달 12일이다.", "2025-06-20", "2025-07-12"],
    ["부과 시점은 다음 달 15일로 미뤄졌다.", "2025-06-20", "2025-07-15"],
    ["임시 관세는 9월 30일이면 기한이 끝난다.", "2026-06-02", "2026-09-30"],
  ])("%s", (text, pub, date) => {
    const got = of(extractFacts(text, { publishedOn: pub }), "deadline");
    expect(got.map((f) => f.date)).toEqual([date]);
    expect(got[0]!.what.length).toBeGreaterThan(0);
  });
  it.each([
    ["Trump announced the tariffs on April 2.", "2025-04-10"],
    ["The steel duties, which took effect on March 12, hurt exporters.", null],
    ["The minister said on Monday that talks went well.", "2025-07-09"],
    ["Tariffs take effect in June.", "2025-05-01"], // month only: no day, no deadline
    ["The deadline is on Friday.", null], // a weekday without a publication date is not certain
    // a date replaced by a later one
    ["The new date replaces a deadline of Wednesday, July 9, set in April.", "2025-07-08"],
  ])("no deadline: %s", (text, pub) => {
    expect(of(extractFacts(text, { publishedOn: pub }), "deadline")).toEqual([]);
  });
  it("past wording moves a bare weekday back, future wording forward", () => {
    expect(adjustWeekdayForTense("2025-07-11", "2025-07-09", "past")).toBe("2025-07-04");
    expect(adjustWeekdayForTense("2025-07-07", "2025-07-09", "future")).toBe("2025-07-14");
    expect(adjustWeekdayForTense("2025-07-07", "2025-07-09", "past")).toBe("2025-07-07");
  });
});

describe("market_move", () => {
  it.each([
    ["The KOSPI fell 2.3% to 2,450.12 on Friday on tariff worries.", "2025-04-07", -2.3, 2450.12, "2025-04-04"],
    ["Seoul's benchmark Kospi rose 0.8 percent.", null, 0.8, null, null],
    ["코스피는 전 거래일보다 1.2% 오른 2,600.50으로 마감했다.", null, 1.2, 2600.5, null],
    ["The KOSPI closed at 3,100.25, while the Kosdaq fell 1.1%.", null, null, 3100.25, null],
    ["The KOSPI ended 1.2% lower at 2,480.10.", null, -1.2, 2480.1, null],
    ["The Kospi lost 45.3 points, or 1.8 percent, to 2,450.12.", null, -1.8, 2450.12, null],
    ["코스피가 50.2포인트(1.8%) 내린 2,450.12로 마감했다.", null, -1.8, 2450.12, null],
    ["SEOUL, July 23 (Reuters) - South Korean stocks climbed. The KOSPI rose 0.8% on Wednesday.", null, 0.8, null, "2025-07-23"],
  ])("%s", (text, pub, change, level, date) => {
    const got = of(extractFacts(text, { publishedOn: pub }), "market_move");
    expect(got.map((f) => [f.index, f.changePct, f.level, f.date])).toEqual([["KOSPI", change, level, date]]);
  });
  it.each([
    // a session before the sentence's own, named in passing
    ["The KOSPI rose 1.1% to 2,612.40 on Thursday, more than erasing Wednesday's 0.9% slide.", "2025-05-16", [[1.1, "2025-05-15"], [-0.9, "2025-05-14"]]],
    ["The KOSPI gained 0.5% to 2,700.00 on Monday, a day after falling 1.2%.", "2025-06-03", [[0.5, "2025-06-02"], [-1.2, "2025-05-30"]]],
    // the close, not the intraday swing
    ["The KOSPI fell as much as 1.2 percent to 2,950.10 early on but reversed to close up 0.8 percent at 3,010.40.", "2025-06-16", [[0.8, "2025-06-16"]]],
    // after the article named KOSPI, a close with no index named
    ["The KOSPI rose 0.4% to 3,010.20 on Friday.\n직전 거래일인 지난 12일에도 1.1% 오른 2,998.00으로 마감했다.", "2025-06-16", [[0.4, "2025-06-13"], [1.1, "2025-06-12"]]],
  ])("%s", (text, pub, want) => {
    const got = of(extractFacts(text, { publishedOn: pub }), "market_move");
    expect(got.map((f) => [f.changePct, f.date])).toEqual(want);
  });
  it.each(["The Nikkei fell 3% on Monday.", "Samsung shares rose 4% after the KOSPI opened flat."])("no KOSPI move: %s", (text) => {
    expect(of(extractFacts(text, { publishedOn: "2025-04-07" }), "market_move")).toEqual([]);
  });
});

describe("tariff on a product outside the tracked sectors", () => {
  it.each([
    ["Washington will lower the tariff on Korean tires to 10% from 20%, effective January 1, 2027.", "other"],
    ["The US will cut the tariff on Korean goods to 15% from 25% next month.", "all_goods"],
    ["Washington raised tariffs on dozens of countries to 20% on Monday, including Korea.", "all_goods"],
    ["The US will lower its tariff on South Korean exporters to 15%, officials said.", "all_goods"],
  ])("%s → %s", (text, sector) => {
    const rates = extractFacts(text, { publishedOn: "2026-11-20" }).filter((f) => f.kind === "tariff_rate");
    expect(rates.map((f) => (f.kind === "tariff_rate" ? f.sector : null))).toContain(sector);
    if (sector === "other") expect(rates.map((f) => (f.kind === "tariff_rate" ? f.sector : null))).not.toContain("all_goods");
  });
});

describe("budget, trade_balance, investment_pledge", () => {
  it.each([
    ["The government set aside 3 trillion won in emergency support for auto parts makers.", [["budget", 3e12, "KRW"]]],
    ["Parliament passed a 13.8 trillion won ($10 billion) supplementary budget.", [["budget", 13.8e12, "KRW"]]],
    ["정부는 자동차 업계에 3조원 규모의 긴급 유동성 지원을 하기로 했다.", [["budget", 3e12, "KRW"]]],
    // an export support fund is a budget; a value of exports is not
    ["정부는 제약 기업을 위해 2조원 규모의 수출 지원 펀드를 만들기로 했다.", [["budget", 2e12, "KRW"]]],
    ["올해 1조원 규모의 수출 계약이 체결됐다.", []],
    ["Korea's trade surplus with the US reached $66 billion in 2024.", [["trade_balance", 66e9, 2024]]],
    ["Exports to the US reached $127.8 billion in 2024, leaving a surplus of $55.6 billion.", [["trade_balance", 55.6e9, 2024]]],
    ["The US trade deficit with South Korea was $66 billion last year.", [["trade_balance", 66e9, 2024]]],
    ["지난해 대미 무역흑자는 556억 달러로 사상 최대를 기록했다.", [["trade_balance", 55.6e9, 2024]]],
    ["Seoul pledged to invest $350 billion in the United States under the deal.", [["investment_pledge", 350e9]]],
    // one company's own plan is not Korea's pledge (FACTS.md's pledges are Korea's, or Korean firms' together)
    ["Hyundai will invest $21 billion in the U.S. through 2028.", []],
    ["The company committed 30 trillion won (about $21 billion) to new plants in America.", []],
    ["Korean companies pledged a further $150 billion of U.S. investment at the summit.", [["investment_pledge", 150e9]]],
    ["정부는 3500억 달러 규모의 대미 투자를 약속했으며, 수출 기업을 위해 10조원 규모의 추경 예산을 편성하기로 했다.", [["investment_pledge", 350e9], ["budget", 10e12, "KRW"]]],
    // the pledger and its verb after the figure; a promise before it in Korean; a commitment by name
    ["Of the 350 billion U.S. dollars Korea pledged, most goes to chipmaking.", [["investment_pledge", 350e9]]],
    ["A new agency will run the $200 billion cash share that Seoul promised to invest.", [["investment_pledge", 200e9]]],
    ["관세 협상에서 정부가 약속한 3500억 달러는 변함이 없다.", [["investment_pledge", 350e9]]],
    ["Tariff talks aside, the $350 billion commitment still has to pass parliament.", [["investment_pledge", 350e9]]],
    // an old figure, a difference and the figure compared with are not budgets; a yearly ceiling is not a pledge
    ["The chip support fund was expanded to 33 trillion won from 26 trillion won.", [["budget", 33e12, "KRW"]]],
    ["Lawmakers passed a 13.8 trillion won extra budget, 1.6 trillion won more than the 12.2 trillion won first proposed.", [["budget", 13.8e12, "KRW"]]],
    ["Seoul pledged $350 billion of investment in the US; the $20 billion annual ceiling on its cash share limits the strain.", [["investment_pledge", 350e9]]],
    // "in cash investment", "owe the $350 billion", "N억 달러 투자" in an article about tariffs
    ["Under the accord, Korea will provide $200 billion in cash investment over ten years.", [["investment_pledge", 200e9]]],
    ["Does Korea still owe the $350 billion after the ruling on tariffs?", [["investment_pledge", 350e9]]],
    ["관세 합의의 핵심인 3500억 달러 투자는 그대로 간다.", [["investment_pledge", 350e9]]],
    // dollars in a sentence about the investment are the pledge's, not a budget
    ["Korea will invest $350 billion in the US: $200 billion in cash investment, plus $150 billion of shipbuilding cooperation.", [["investment_pledge", 350e9], ["investment_pledge", 200e9], ["investment_pledge", 150e9]]],
  ])("%s", (text, want) => {
    expect(extractFacts(text, { publishedOn: "2025-03-10" }).map(moneyRow)).toEqual(want);
  });
  it.each([
    ["The finance ministry set aside 2 trillion won in loans for small exporters looking for new buyers in Southeast Asia.", "loans for small exporters looking for new buyers"],
    ["Seoul earmarked 3 trillion won for shipyard modernisation.", "shipyard modernisation"],
    ["The government allocated 500 billion won to retrain workers at car plants.", "retrain workers at car plants"],
  ])("a budget's purpose is what the money is for, not the verb that sets it aside: %s", (text, purpose) => {
    const budgets = extractFacts(text, { publishedOn: "2025-03-10" }).filter((f) => f.kind === "budget");
    expect(budgets.map((f) => (f.kind === "budget" ? f.purpose : null))).toEqual([purpose]);
  });
  it.each([
    "In 2025, the 2,000 workers each earned $30,000.",
    "Korea exported $70 billion worth of cars last year.",
    "The firm pledged 20 trillion won for new factories in the US.", // a won pledge without a dollar figure is skipped
    "The country's trade surplus with China shrank to $10 billion.",
    "Its budget deficit widened to 80 trillion won.",
    "Exports to the US reached $127.8 billion last year.",
  ])("no money fact: %s", (text) => {
    expect(extractFacts(text, { publishedOn: "2025-03-10" })).toEqual([]);
  });
});

it("a Q&A's question ending in 나. is a question about the investment too", () => {
  const text = "관세 문답\n\nQ. 대미 투자는 어떻게 이뤄지나.\n\nA. 총 3,500억 달러 가운데 2,000억 달러는 현금이다.";
  expect(extractFacts(text, { publishedOn: "2025-11-20" }).map(moneyRow)).toEqual([["investment_pledge", 350e9], ["investment_pledge", 200e9]]);
});

it("an explainer's answer to a question about the investment states the pledge", () => {
  const text = "관세 합의의 쟁점\n\n─ 대미 투자 규모는.\n\n총 3500억 달러다. 이 가운데 2000억 달러는 현금이다.";
  expect(extractFacts(text, { publishedOn: "2025-11-20" }).map(moneyRow)).toEqual([["investment_pledge", 350e9], ["investment_pledge", 200e9]]);
});

describe("tax_change", () => {
  it.each([
    ["The individual consumption tax on cars will be cut from 5% to 3.5% until June 30.", 5, 3.5, "2025-06-30"],
    ["Taxes on vehicle purchases drop to 3.5 percent from 5 percent in June.", 5, 3.5, null],
    ["개별소비세율을 5%에서 3.5%로 인하하는 조치는 6월 30일까지 연장된다.", 5, 3.5, "2025-06-30"],
  ])("%s", (text, from, to, until) => {
    const got = of(extractFacts(text, { publishedOn: "2025-03-10" }), "tax_change");
    expect(got.map((f) => [f.fromPct, f.toPct, f.until])).toEqual([[from, to, until]]);
    expect(got[0]!.tax).toMatch(/tax|세/);
  });
  it("a tariff cut from one rate to another is not a tax change", () => {
    expect(of(extractFacts("Tariffs on Korean cars were cut from 25% to 15%.", { publishedOn: null }), "tax_change")).toEqual([]);
  });
});

describe("publication date and dedupe", () => {
  it.each([
    ["Published: April 8, 2025\nKorea seeks talks.", "2025-04-08"],
    ["관세 협상 속도\n입력 2025.07.08 14:03\n본문", "2025-07-08"],
    ["Title\n2025-07-08 09:12 KST\nBody text here.", "2025-07-08"],
    ["관세 협상 타결\n(서울=연합뉴스) 2025년 7월 31일\n본문", "2025-07-31"],
    ["No stamp here, only a 2024 figure.", null],
    ["SEOUL, July 23, 2026 (Yonhap) -- Body.", "2026-07-23"],
    // a masthead's parts, read apart: a date between bars, a stamp after the outlet's name, the first of two stamps
    ["Steel Monthly\nFreight & Metals Digest | March 3, 2026 | By A. Writer\nBody.", "2026-03-03"],
    ["관세 속보\nKBC 뉴스 | 작성 2025.11.02 19:40\n본문", "2025-11-02"],
    ["Headline\nWrite: 2025-09-01 08:00:00 | Update: 2025-09-03 10:00:00\nBody.", "2025-09-01"],
    ["Headline\nOpinion | Editorial\nA body that names 2024 and 2025.", null],
    // a stamp after a byline; a weekday and month-day whose year only one nearby year fits
    ["관세 서한\n【서울=한빛뉴스】 김민준 기자 = 입력 2025.07.09 09:40\n본문", "2025-07-09"],
    ["Headline\nBy Jane Roe, Posted: Jul 8, 2025\nBody.", "2025-07-08"],
    ["Kospi record\nMARKET WRAP | Seoul close | Thursday, Oct. 30\nBody.", "2025-10-30"],
    // "Wednesday, Oct. 30" fits 2024 only; a body sentence with a weekday is not a masthead
    ["Kospi record\nMARKET WRAP | Wednesday, Oct. 30\nBody.", "2024-10-30"],
    ["Headline\nThe vote is on Thursday, Oct. 30, officials said, with more to come.\nBody.", null],
  ])("%s", (text, want) => expect(detectPublishedOn(text)).toBe(want));
  it("a publication timestamp is cut to its day; an impossible date is not trusted", () => {
    expect(timeFrame("Body.", "2025-07-08T23:10:00Z")).toMatchObject({ publishedOn: "2025-07-08", certain: true });
    expect(timeFrame("Body.", "2025-02-30")).toMatchObject({ publishedOn: null, certain: false });
    expect(() => extractFacts("The KOSPI fell 1% on Friday.", { publishedOn: "2025-13-01" })).not.toThrow();
  });
  it("a wire dateline dates the article", () => {
    expect(timeFrame("SEOUL, July 23, 2026 (Yonhap) -- Body.", null)).toEqual({ publishedOn: "2026-07-23", anchor: "2026-07-23", certain: true });
    expect(timeFrame("No date anywhere.", null)).toMatchObject({ publishedOn: null, certain: false });
  });

  it("restatements of one figure collapse; distinct figures stay", () => {
    const text = "Korea's trade surplus with the US was $55.6 billion. In 2024 the surplus with the US hit a record $55.6 billion. Korea pledged $350 billion in US investment it will make. The pledge of $350 billion to invest in the US was confirmed, besides $100 billion of LNG purchases.";
    const got = extractFacts(text, { publishedOn: "2025-07-01" });
    expect(of(got, "trade_balance").map((f) => [f.amountUsd, f.year])).toEqual([[55.6e9, 2024]]);
    expect(of(got, "investment_pledge").map((f) => f.amountUsd)).toEqual([350e9]);
  });
});

// ---------------------------------------------------------------- the five seeds, scored as score.mjs does

// A copy of ../shared/corpus (seeds/*.txt + seeds.gold.json), so the test runs in any clone.
const CORPUS = path.resolve(__dirname, "../../fixtures/seeds");
describe("the five seed articles", () => {
  it("F1 1.00 with score.mjs's matching rules (issue 15: the seeds stay at 1.00)", () => {
    const { f1, tp, fp, fn } = scoreDirectory(CORPUS, "seeds.gold.json");
    expect(f1, `tp=${tp} fp=${fp} fn=${fn}`).toBe(1);
  });
});
