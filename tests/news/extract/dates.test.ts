// Date mentions resolved against a publication date (server/news/extract/dates.ts). Sentences written for these tests.
import { describe, expect, it } from "vitest";
import { inferYear, parseDates, resolveWeekday } from "@/server/news/extract/dates";
import { expectOneMatch } from "./helpers";

const PUB = "2025-07-08"; // a Tuesday

// What one mention parses to: a day, a weekday (a day only next to a publication date), or a month without a day.
const day = (date: string, raw: string) => ({ date, precision: "day", raw });
const weekday = (date: string, raw: string) => ({ kind: "weekday", date, precision: "day", raw });
const month = (month: string, raw: string) => ({ date: null, precision: "month", month, raw });

describe("parseDates: one mention", () => {
  it.each([
    // day precision
    ["The new rate starts July 9.", PUB, day("2025-07-09", "July 9")],
    ["Duties begin Aug. 1 unless a deal is struck.", PUB, day("2025-08-01", "Aug. 1")],
    ["The letter set August 1, 2025 as the date.", PUB, day("2025-08-01", "August 1, 2025")],
    ["Levies apply from 1 August.", PUB, day("2025-08-01", "1 August")],
    ["Effective 2025-08-01 per the notice.", PUB, day("2025-08-01", "2025-08-01")],
    ["협상 시한은 7월 9일이다", PUB, day("2025-07-09", "7월 9일")],
    ["관세는 8월 1일부터 부과된다", PUB, day("2025-08-01", "8월 1일")],
    ["2026년 3월 2일 발효", PUB, day("2026-03-02", "2026년 3월 2일")],
    ["회담은 7월 9일(수) 열린다", PUB, day("2025-07-09", "7월 9일(수)")],
    ["talks on Sept. 15th", PUB, day("2025-09-15", "Sept. 15th")],
    ["the Apr 8 statement", "2025-04-10", day("2025-04-08", "Apr 8")],
    ["by December 31, 2026", PUB, day("2026-12-31", "December 31, 2026")],
    // year boundary: a month-day without a year rolls forward when the publication year would put it >6 months back
    ["Rates rise Jan. 2.", "2025-12-30", day("2026-01-02", "Jan. 2")],
    ["관세는 1월 5일 시행", "2025-12-30", day("2026-01-05", "1월 5일")],
    ["from 3 January", "2025-12-30", day("2026-01-03", "3 January")],
    // ...and rolls back when it would be >6 months ahead
    ["the Dec. 28 announcement", "2026-01-03", day("2025-12-28", "Dec. 28")],
    ["12월 30일 발표", "2026-01-03", day("2025-12-30", "12월 30일")],
    // within six months, the publication year stands even if the date is past
    ["the March 3 letter", PUB, day("2025-03-03", "March 3")],
    ["a November 30 target", PUB, day("2025-11-30", "November 30")],
    // weekdays, resolved against the publication date
    ["Officials met on Wednesday.", PUB, weekday("2025-07-09", "on Wednesday")],
    ["Ministers spoke on Monday.", PUB, weekday("2025-07-07", "on Monday")],
    ["A reply is due this Friday.", PUB, weekday("2025-07-11", "this Friday")],
    ["They return next Monday.", PUB, weekday("2025-07-14", "next Monday")],
    ["Data from last Tuesday show it.", PUB, weekday("2025-07-01", "last Tuesday")],
    ["The team flew out Tuesday.", PUB, weekday("2025-07-08", "Tuesday")],
    ["Sources said Saturday the talks went well.", PUB, weekday("2025-07-05", "Saturday")],
    ["회담은 (수) 오전 열린다", PUB, weekday("2025-07-09", "(수)")],
    ["this Monday's call", PUB, weekday("2025-07-07", "this Monday")],
    ["next Tuesday", PUB, weekday("2025-07-15", "next Tuesday")],
    ["on Friday", "2025-12-30", weekday("2026-01-02", "on Friday")],
    // month precision is not a day
    ["A decision is expected in June.", PUB, month("2025-06", "in June")],
    ["Talks resume early August.", PUB, month("2025-08", "early August")],
    ["by mid-July", PUB, month("2025-07", "by mid-July")],
    ["until late September 2026", PUB, month("2026-09", "until late September 2026")],
    ["6월 중 결정된다", PUB, month("2025-06", "6월")],
    ["2026년 2월 발효", PUB, month("2026-02", "2026년 2월")],
    ["in February", "2025-12-30", month("2026-02", "in February")],
  ])("%s (pub %s)", (text, pub, want) => {
    expectOneMatch(parseDates(text, pub), text, want);
  });
});

describe("parseDates: not dates", () => {
  it.each([
    ["Exports grew in 2025."],
    ["The surplus was $55 billion."],
    ["Feb 30 is not a day."],
    ["May 2025 was busy."],
    ["They may agree soon."],
    ["a 25% tariff"],
    ["Section 232 of the act"],
    ["2025-13-01 is invalid"],
    ["13월 40일"],
    ["The march toward a deal."],
  ])("%s", (text) => {
    expect(parseDates(text, PUB)).toEqual([]);
  });
});

describe("parseDates: several mentions", () => {
  it("returns them in text order with spans", () => {
    const text = "The Aug. 1 deadline replaced July 9; talks resume on Thursday and end in September.";
    const got = parseDates(text, PUB);
    expect(got.map((g) => [g.date, g.precision])).toEqual([
      ["2025-08-01", "day"],
      ["2025-07-09", "day"],
      ["2025-07-10", "day"],
      [null, "month"],
    ]);
    for (const g of got) expect(text.slice(g.start, g.end)).toBe(g.raw);
  });

  it("never reads the wall clock", () => {
    expect(parseDates("on Monday", "2020-01-01")[0]!.date).toBe("2019-12-30");
  });

  it("rejects a malformed publication date", () => {
    expect(() => parseDates("July 9", "July 8")).toThrow();
  });
});

describe("inferYear / resolveWeekday", () => {
  it.each([
    [1, 2, "2025-12-30", 2026],
    [12, 28, "2026-01-03", 2025],
    [7, 9, "2025-07-08", 2025],
    [1, 10, "2025-07-08", 2025],
    [1, 5, "2025-07-10", 2026],
    [1, 5, "2025-07-02", 2025],
    [6, 30, "2025-01-01", 2025],
  ])("month %i day %i, pub %s -> %i", (m, d, pub, year) => {
    expect(inferYear(m, d, pub)).toBe(year);
  });

  it.each([
    [3, "2025-07-08", "bare", "2025-07-09"],
    [5, "2025-07-08", "bare", "2025-07-11"],
    [6, "2025-07-08", "bare", "2025-07-05"],
    [2, "2025-07-08", "next", "2025-07-15"],
    [2, "2025-07-08", "last", "2025-07-01"],
    [0, "2025-07-08", "this", "2025-07-13"],
  ] as const)("weekday %i, pub %s, %s -> %s", (wd, pub, mode, date) => {
    expect(resolveWeekday(wd, pub, mode)).toBe(date);
  });
});

describe("a day named by its number alone, against the publication date", () => {
  const days = (text: string, pub: string) => parseDates(text, pub).filter((d) => d.kind === "day_of_month").map((d) => d.date);
  it.each([
    ["새 세율을 오는 7일부터 적용한다", "2025-08-01", "2025-08-07"],
    ["서면 의견 제출 시한은 오는 17일이며", "2026-03-12", "2026-03-17"],
    ["오는 3일 발효된다", "2025-04-28", "2025-05-03"], // 오는: never before publication
    ["지난 3일부터 부과되고 있다", "2025-04-09", "2025-04-03"],
    ["지난 28일 발표했다", "2025-04-02", "2025-03-28"], // 지난: never after publication
    ["다음 달 3일부터 같은 세율이 적용된다", "2025-04-09", "2025-05-03"],
    ["지난달 24일 워싱턴에서", "2025-05-02", "2025-04-24"],
    ["3일(현지시간)부터 부과한다", "2025-05-02", "2025-05-03"],
    ["정부는 9일 회의를 열었다", "2025-04-09", "2025-04-09"],
    ["28일 밝혔다", "2025-04-02", "2025-03-28"], // far ahead of the 2nd in the same month: the month before
    ["2일부터 시행된다", "2025-04-29", "2025-05-02"], // far behind the 29th, said of what starts: the month after
    ["The rule applies from the 24th, officials said.", "2026-03-12", "2026-03-24"],
  ])("%s (published %s) -> %s", (text, pub, want) => {
    expect(days(text, pub)).toEqual([want]);
  });
  it.each([
    ["90일간 유예한다", "2025-04-09"],
    ["30일 이내에 답해야 한다", "2025-04-09"],
    ["7일 연속 하락했다", "2025-04-09"],
    ["7월 9일까지다", "2025-04-09"], // a month-day, not a day alone
    ["It was the 24th consecutive session of selling.", "2025-04-09"],
    ["the 3rd largest market", "2025-04-09"],
  ])("not a day alone: %s", (text, pub) => {
    expect(days(text, pub)).toEqual([]);
  });
});

describe("days said relative to publication (chrono-node)", () => {
  const rel = (text: string, pub: string) => parseDates(text, pub).filter((d) => d.kind === "relative").map((d) => [d.raw, d.date]);
  it.each([
    ["The new rule takes effect tomorrow.", "2026-11-19", [["tomorrow", "2026-11-20"]]],
    ["Officials said yesterday that talks stalled.", "2026-01-01", [["yesterday", "2025-12-31"]]],
    ["The levy applies from today.", "2026-03-08", [["today", "2026-03-08"]]],
    ["The tariff will rise in two weeks.", "2026-11-19", [["in two weeks", "2026-12-03"]]],
    ["The board met three days later.", "2026-11-19", [["three days later", "2026-11-22"]]],
  ])("%s (published %s)", (text, pub, want) => {
    expect(rel(text, pub)).toEqual(want);
  });
  it.each(["Both sides must agree within 90 days.", "A sidecar was triggered at 9:12 a.m.", "Trump may impose duties in May."])("not a day: %s", (text) => {
    expect(rel(text, "2026-11-19")).toEqual([]);
  });
});

describe("a day alone opening a Korean sentence", () => {
  it("'… 밝혔다. 20일 코스피는' is the 20th (a period ends the sentence before; only a decimal point excludes)", () => {
    const days = (text: string) => parseDates(text, "2026-02-21").filter((d) => d.kind === "day_of_month").map((d) => d.date);
    expect(days("정부가 대책을 밝혔다. 20일 코스피는 2.31% 올랐다.")).toEqual(["2026-02-20"]);
    expect(days("금리는 3.20일 기준이다.")).toEqual([]);
  });
});
