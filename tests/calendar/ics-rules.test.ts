// The .ics feed (server/calendar/ics-rules.ts), read back with an independent RFC 5545 parser (ical.js) and checked line by
// line for what ical.js is lenient about: CRLF, 75-octet folding on UTF-8 boundaries, required properties.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, deadlineUid, escapeText, foldLine, type CalendarEvent } from "@/server/calendar/ics-rules";

const NOW = new Date("2025-07-20T03:00:00.000Z");
const AUG1 = new Date("2025-08-01T04:01:00.000Z"); // 00:01 EDT, 13:01 KST

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: deadlineUid("reciprocal-kr-aug1"),
  sequence: 0,
  start: AUG1,
  summary: "Reciprocal tariff on Korea takes effect",
  ...over,
});

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent").map((v) => ({ component: v, event: new ICAL.Event(v) }));
  return { calendar, events };
}

/** Physical lines (the feed ends with CRLF, so the last split element is empty). */
function physicalLines(ics: string): string[] {
  expect(ics.endsWith("\r\n")).toBe(true);
  return ics.slice(0, -2).split("\r\n");
}

/** Content lines after unfolding (RFC 5545 §3.1). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "").slice(0, -2).split("\r\n");

const octets = (s: string) => new TextEncoder().encode(s).length;

/** Every line ends in CRLF, none is longer than 75 octets, and none breaks a UTF-8 sequence. */
function expectWellFormed(ics: string) {
  expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const fatal = new TextDecoder("utf-8", { fatal: true });
  for (const line of physicalLines(ics)) {
    expect(octets(line), line).toBeLessThanOrEqual(75);
    // Each physical line on its own is valid UTF-8: no multi-octet character was split by folding.
    expect(() => fatal.decode(new TextEncoder().encode(line))).not.toThrow();
    expect(line).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F]/);
  }
}

const KOREAN_LONG =
  "한미 관세 협상: 상호관세 25% 부과 유예 종료, 8월 1일 0시 1분(워싱턴) = 8월 1일 13시 1분(서울); 자동차·부품, 철강\\알루미늄 포함";

describe("buildCalendar", () => {
  const ics = buildCalendar({
    name: "Tradewatch deadlines, 한미 관세",
    now: NOW,
    events: [
      event({
        sequence: 2,
        description: "Washington: Fri 1 Aug 2025, 00:01 EDT\nSeoul: Fri 1 Aug 2025, 13:01 KST",
        url: "https://tradewatch.example.org/deadlines/reciprocal-kr-aug1?lang=ko&from=ics",
        categories: ["all_goods", "tariff_effective"],
        lastModified: new Date("2025-07-08T09:30:00.000Z"),
      }),
      event({
        uid: deadlineUid("pause-end-jul9"),
        sequence: 1,
        start: new Date("2025-07-09T04:01:00.000Z"),
        end: new Date("2025-07-09T05:01:00.000Z"),
        summary: "Postponed to 1 Aug 2025: end of the 90-day pause",
        status: "CANCELLED",
      }),
      event({
        uid: deadlineUid("vehicle-tax-cut-end"),
        start: new Date("2025-06-30T14:59:00.000Z"), // 23:59 KST Jun 30
        allDay: true,
        zone: "Asia/Seoul",
        summary: KOREAN_LONG,
        categories: ["autos", "support_expiry"],
      }),
    ],
  });

  it("is well formed: CRLF everywhere, lines of at most 75 octets, no split characters", () => {
    expectWellFormed(ics);
    expect(physicalLines(ics).some((l) => l.startsWith(" "))).toBe(true); // something was folded
  });

  it("has the calendar properties, once each, in order", () => {
    const lines = unfold(ics);
    expect(lines.slice(0, 8)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Tradewatch//Deadlines//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME;VALUE=TEXT:Tradewatch deadlines\\, 한미 관세",
      "REFRESH-INTERVAL;VALUE=DURATION:PT60M",
      "X-PUBLISHED-TTL:PT60M",
    ]);
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    const { calendar } = parse(ics);
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Tradewatch deadlines, 한미 관세");
  });

  it("every event has UID, DTSTAMP, DTSTART, DTEND, SEQUENCE, SUMMARY and STATUS exactly once", () => {
    const { events } = parse(ics);
    expect(events).toHaveLength(3);
    for (const { component } of events) {
      for (const name of ["uid", "dtstamp", "dtstart", "dtend", "sequence", "summary", "status"]) {
        expect(component.getAllProperties(name), name).toHaveLength(1);
      }
      expect(component.getFirstPropertyValue("dtstamp")?.toString()).toBe("2025-07-20T03:00:00Z");
    }
  });

  it("a timed event: UTC start and end, sequence, description, URL, categories, last modified", () => {
    const [{ event: e, component }] = parse(ics).events as [{ event: ICAL.Event; component: ICAL.Component }];
    expect(e.uid).toBe("deadline-reciprocal-kr-aug1@tradewatch");
    expect(e.sequence).toBe(2);
    expect(e.startDate.isDate).toBe(false);
    expect(e.startDate.toJSDate().getTime()).toBe(AUG1.getTime());
    expect(e.endDate.toJSDate().getTime()).toBe(AUG1.getTime() + 30 * 60_000); // default 30 minutes
    expect(e.description).toBe("Washington: Fri 1 Aug 2025, 00:01 EDT\nSeoul: Fri 1 Aug 2025, 13:01 KST");
    expect(component.getFirstPropertyValue("url")).toBe(
      "https://tradewatch.example.org/deadlines/reciprocal-kr-aug1?lang=ko&from=ics",
    );
    expect(component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(component.getFirstProperty("categories")?.getValues()).toEqual(["all_goods", "tariff_effective"]);
    expect(component.getFirstPropertyValue("last-modified")?.toString()).toBe("2025-07-08T09:30:00Z");
    expect(unfold(ics)).toContain("DTSTART:20250801T040100Z");
    expect(unfold(ics)).toContain("DTEND:20250801T043100Z");
  });

  it("a postponed deadline is a cancelled event whose summary says where it went", () => {
    const { event: e, component } = parse(ics).events[1]!;
    expect(e.uid).toBe("deadline-pause-end-jul9@tradewatch");
    expect(e.sequence).toBe(1);
    expect(e.summary).toBe("Postponed to 1 Aug 2025: end of the 90-day pause");
    expect(component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(e.endDate.toJSDate().toISOString()).toBe("2025-07-09T05:01:00.000Z");
  });

  it("a date-precision deadline is an all-day event on its date in its own zone", () => {
    const { event: e, component } = parse(ics).events[2]!;
    expect(e.startDate.isDate).toBe(true);
    expect(e.startDate.toString()).toBe("2025-06-30");
    expect(e.endDate.toString()).toBe("2025-07-01"); // exclusive
    expect(e.summary).toBe(KOREAN_LONG);
    expect(component.getFirstProperty("categories")?.getValues()).toEqual(["autos", "support_expiry"]);
    expect(unfold(ics)).toContain("DTSTART;VALUE=DATE:20250630");
    expect(unfold(ics)).toContain("DTEND;VALUE=DATE:20250701");
  });
});

describe("all-day dates", () => {
  it.each([
    // [label, start, end, zone, DTSTART, DTEND]
    // 23:59 EDT Jun 30 is already Jul 1 in UTC: the zone decides the date.
    ["NY 23:59 in its zone", "2025-07-01T03:59:00.000Z", undefined, "America/New_York", "2025-06-30", "2025-07-01"],
    ["NY 23:59 read in UTC", "2025-07-01T03:59:00.000Z", undefined, undefined, "2025-07-01", "2025-07-02"],
    ["Seoul 00:00 Jan 1", "2024-12-31T15:00:00.000Z", undefined, "Asia/Seoul", "2025-01-01", "2025-01-02"],
    ["three days in Seoul", "2025-06-28T03:00:00.000Z", "2025-06-30T14:59:00.000Z", "Asia/Seoul", "2025-06-28", "2025-07-01"],
    ["fall-back day in NY", "2025-11-02T16:00:00.000Z", undefined, "America/New_York", "2025-11-02", "2025-11-03"],
    ["Kolkata 00:30 Aug 1", "2025-07-31T19:00:00.000Z", undefined, "Asia/Kolkata", "2025-08-01", "2025-08-02"],
  ] as const)("%s", (_, start, end, zone, dtstart, dtend) => {
    const ics = buildCalendar({
      name: "t",
      now: NOW,
      events: [event({ start: new Date(start), end: end ? new Date(end) : undefined, zone, allDay: true })],
    });
    expectWellFormed(ics);
    const e = parse(ics).events[0]!.event;
    expect(e.startDate.isDate).toBe(true);
    expect(e.startDate.toString()).toBe(dtstart);
    expect(e.endDate.toString()).toBe(dtend);
  });
});

describe("TEXT round-trips through ical.js", () => {
  it.each([
    ["commas and semicolons", "Section 232: autos, parts; steel, aluminium"],
    ["backslashes", "C:\\tariffs\\2025; a\\,b"],
    ["escape look-alikes", "not a newline: \\n, not a comma: \\,"],
    ["a newline", "line one\nline two"],
    ["a blank line", "line one\n\nline three"],
    ["a tab", "a\tb"],
    ["Korean", "상호관세 유예 종료"],
    ["long Korean", KOREAN_LONG],
    ["Korean with commas and newlines, long", `${KOREAN_LONG}\n${KOREAN_LONG}, ${KOREAN_LONG}`],
    ["emoji (4 octets)", "🚗 autos, 🔩 steel; ".repeat(8)],
    ["mixed widths at the fold", `${"a".repeat(64)}가나다라마바사, é${"b".repeat(70)}`],
    ["long ASCII", "x".repeat(500)],
  ])("%s", (_, text) => {
    const ics = buildCalendar({
      name: text,
      now: NOW,
      events: [event({ summary: text, description: text, categories: [text, "plain"] })],
    });
    expectWellFormed(ics);
    const { calendar, events } = parse(ics);
    const [{ event: e, component }] = events as [{ event: ICAL.Event; component: ICAL.Component }];
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(text);
    expect(e.summary).toBe(text);
    expect(e.description).toBe(text);
    // Categories are trimmed (a category is a label, not prose).
    expect(component.getFirstProperty("categories")?.getValues()).toEqual([text.trim(), "plain"]);
  });

  it.each([
    ["CRLF becomes a newline", "one\r\ntwo", "one\ntwo"],
    ["a lone CR becomes a newline", "one\rtwo", "one\ntwo"],
    ["other control characters are dropped", "a\u0000b\u0007c\u001Fd\u007Fe", "abcde"],
  ])("%s", (_, text, expected) => {
    const ics = buildCalendar({ name: "t", now: NOW, events: [event({ summary: text })] });
    expectWellFormed(ics);
    expect(parse(ics).events[0]!.event.summary).toBe(expected);
  });

  it.each([
    ["a,b;c\\d", "a\\,b\\;c\\\\d"],
    ["x\ny", "x\\ny"],
    ["x\r\ny", "x\\ny"],
    ["\\n", "\\\\n"],
  ])("escapeText(%j) is %j", (text, expected) => {
    expect(escapeText(text)).toBe(expected);
  });
});

describe("foldLine", () => {
  it.each([
    ["75 ASCII octets stay one line", "a".repeat(75), ["a".repeat(75)]],
    ["76 octets fold once", "a".repeat(76), ["a".repeat(75), ` a`]],
    ["149 octets: 75 + 74", "a".repeat(149), ["a".repeat(75), ` ${"a".repeat(74)}`]],
    ["150 octets: 75 + 74 + 1", "a".repeat(150), ["a".repeat(75), ` ${"a".repeat(74)}`, " a"]],
    // 25 Hangul syllables are 75 octets; the 26th goes to the next line.
    ["25 Hangul fit", "가".repeat(25), ["가".repeat(25)]],
    ["26 Hangul fold", "가".repeat(26), ["가".repeat(25), " 가"]],
    // 74 ASCII + one 3-octet syllable would be 77: the syllable moves down whole.
    ["no split inside a character", `${"a".repeat(74)}가`, ["a".repeat(74), " 가"]],
    ["no split inside a surrogate pair", `${"a".repeat(73)}🚗`, ["a".repeat(73), " 🚗"]],
  ])("%s", (_, line, expected) => {
    expect(foldLine(line).split("\r\n")).toEqual(expected);
  });
});

describe("edits keep the UID and bump SEQUENCE", () => {
  it("version 1 and version 2 of one deadline are the same event to a calendar app", () => {
    const v1 = buildCalendar({ name: "t", now: NOW, events: [event({ sequence: 0 })] });
    const moved = new Date("2025-08-07T04:01:00.000Z");
    const later = new Date("2025-07-31T12:00:00.000Z");
    const v2 = buildCalendar({
      name: "t",
      now: later,
      events: [event({ sequence: 1, start: moved, summary: "Reciprocal tariff on Korea takes effect (moved to Aug 7)" })],
    });
    const [a, b] = [parse(v1).events[0]!, parse(v2).events[0]!];
    expect(b.event.uid).toBe(a.event.uid);
    expect([a.event.sequence, b.event.sequence]).toEqual([0, 1]);
    expect(b.event.startDate.toJSDate().getTime()).toBe(moved.getTime());
    expect((b.component.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate().getTime()).toBe(later.getTime());
  });

  it("the same input gives the same bytes", () => {
    const input = { name: "t", now: NOW, events: [event({ categories: ["autos"] })] };
    expect(buildCalendar(input)).toBe(buildCalendar(input));
  });

  it.each([
    ["reciprocal-kr-aug1", "deadline-reciprocal-kr-aug1@tradewatch"],
    ["election-jun3", "deadline-election-jun3@tradewatch"],
  ])("deadlineUid(%s) is %s", (key, uid) => {
    expect(deadlineUid(key)).toBe(uid);
  });
});

describe("other shapes", () => {
  it("an empty calendar is still a valid one", () => {
    const ics = buildCalendar({ name: "Nothing yet", now: NOW, events: [] });
    expectWellFormed(ics);
    expect(parse(ics).events).toHaveLength(0);
    expect(unfold(ics)).toHaveLength(9);
  });

  it("the default event length can be changed", () => {
    const ics = buildCalendar({ name: "t", now: NOW, events: [event()], durationMinutes: 60 });
    expect(parse(ics).events[0]!.event.endDate.toJSDate().toISOString()).toBe("2025-08-01T05:01:00.000Z");
  });

  it("milliseconds are dropped from instants; seconds are kept", () => {
    const ics = buildCalendar({ name: "t", now: NOW, events: [event({ start: new Date("2025-08-01T04:01:30.999Z") })] });
    expect(unfold(ics)).toContain("DTSTART:20250801T040130Z");
  });

  it("a URL with spaces and Korean is percent-encoded", () => {
    const ics = buildCalendar({ name: "t", now: NOW, events: [event({ url: "https://example.org/마감 일정?q=a b" })] });
    expectWellFormed(ics);
    expect(parse(ics).events[0]!.component.getFirstPropertyValue("url")).toBe(
      "https://example.org/%EB%A7%88%EA%B0%90%20%EC%9D%BC%EC%A0%95?q=a%20b",
    );
  });

  it("empty categories are left out", () => {
    const ics = buildCalendar({ name: "t", now: NOW, events: [event({ categories: ["", "  "] })] });
    expect(ics).not.toContain("CATEGORIES");
  });

  it.each([
    ["a negative SEQUENCE", [event({ sequence: -1 })], "SEQUENCE must be a whole number"],
    ["a fractional SEQUENCE", [event({ sequence: 1.5 })], "SEQUENCE must be a whole number"],
    ["an empty UID", [event({ uid: " " })], "the UID must be"],
    ["a UID with a line break", [event({ uid: "a\nb" })], "the UID must be"],
    ["two events with one UID", [event(), event()], "Two events share the UID"],
    ["an end before the start", [event({ end: new Date(AUG1.getTime() - 1000) })], "the end must be after the start"],
    ["an end within the same second", [event({ end: new Date(AUG1.getTime() + 500) })], "the end must be after the start"],
    ["an all-day end before the start", [event({ allDay: true, end: new Date("2025-07-01T00:00:00Z") })], "the end is before the start"],
    ["an invalid start", [event({ start: new Date(Number.NaN) })], "start is not a valid instant"],
    ["an unknown zone", [event({ allDay: true, zone: "Mars/Olympus" })], "unknown time zone"],
    ["a relative URL", [event({ url: "/deadlines/x" })], "not an absolute URL"],
    ["an unknown status", [event({ status: "DONE" as "CONFIRMED" })], "unknown STATUS"],
  ])("refuses %s", (_, events, message) => {
    expect(() => buildCalendar({ name: "t", now: NOW, events })).toThrow(message);
  });

  it("refuses a duration under a minute", () => {
    expect(() => buildCalendar({ name: "t", now: NOW, events: [], durationMinutes: 0 })).toThrow("at least 1 minute");
  });
});
