// Reminder rules (server/alerts/reminder-rules.ts). Expected instants are written out in UTC by hand, with their wall time
// noted. Facts used throughout:
//   America/New_York: EDT (UTC−4) ends Sun 2025-11-02 at 02:00 EDT = 06:00Z (01:00–01:59 happens twice); EST (UTC−5)
//   ends Sun 2026-03-08 at 02:00 EST = 07:00Z (02:00–02:59 does not exist). Asia/Seoul is UTC+9 all year,
//   Asia/Kolkata UTC+5:30 all year, Pacific/Chatham UTC+12:45 in July (southern winter).
import { describe, expect, it } from "vitest";
import { REMINDER_GRACE_MINUTES } from "@/server/alerts/constants";
import {
  classifyReminder,
  DEFAULT_OFFSETS,
  digestInstant,
  digestWindow,
  formatOffset,
  formatOffsets,
  groupReminders,
  inDigestWindow,
  isDigestDue,
  OffsetError,
  offsetsSchema,
  parseOffsets,
  reminderAt,
  type Offset,
} from "@/server/alerts/reminder-rules";
import { addDays, localToInstant, zonedParts } from "@/server/core/time";

const NY = "America/New_York";
const SEOUL = "Asia/Seoul";
const KOLKATA = "Asia/Kolkata";
const d = (iso: string) => new Date(iso);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "7d" → { amount: 7, unit: "d" }; "0" → the due-time offset. Test shorthand only. */
const o = (s: string): Offset => (s === "0" ? { amount: 0, unit: "m" } : { amount: Number(s.slice(0, -1)), unit: s.slice(-1) as Offset["unit"] });

describe("parseOffsets", () => {
  it.each([
    ["30d,7d,1d,0", ["30d", "7d", "1d", "0"]],
    ["0,1d,30d,7d", ["30d", "7d", "1d", "0"]], // sorted longest first
    ["6h", ["6h"]],
    ["90m", ["90m"]],
    ["2w", ["2w"]],
    ["due", ["0"]],
    ["0", ["0"]],
    [" 7D , 1 d,DUE ", ["7d", "1d", "0"]], // spaces and case do not matter
    ["1d,,0,", ["1d", "0"]], // empty items are ignored
    ["2w,30d,6h,90m,1d,0", ["30d", "2w", "1d", "6h", "90m", "0"]],
    // A calendar day and 24 exact hours differ across DST: both kept, the calendar one first.
    ["24h,1d", ["1d", "24h"]],
    // Duplicates in meaning: the first spelling is kept.
    ["7d,1w", ["7d"]],
    ["1w,7d", ["1w"]],
    ["60m,1h", ["60m"]],
    ["0,0d,due,0h", ["0"]],
    ["1d,1d", ["1d"]],
    // Bounds: 365 days however written.
    ["365d", ["365d"]],
    ["52w", ["52w"]],
    ["8760h", ["8760h"]],
    ["525600m", ["525600m"]],
    ["1m,2m,3m,4m,5m,6m,7m,8m,9m,10m", ["10m", "9m", "8m", "7m", "6m", "5m", "4m", "3m", "2m", "1m"]],
  ] as const)("%j → %j", (text, expected) => {
    expect(parseOffsets(text)).toEqual(expected.map(o));
  });

  it.each([
    ["7x", `"7x" is not an offset: use a number followed by m, h, d or w, or 0 for the due time`],
    ["30d,7x,1d", `"7x" is not an offset: use a number followed by m, h, d or w, or 0 for the due time`],
    ["-1d", `"-1d" is not an offset: use a number followed by m, h, d or w, or 0 for the due time`],
    ["1.5d", `"1.5d" is not an offset: use a number followed by m, h, d or w, or 0 for the due time`],
    ["7", `"7" is not an offset: use a number followed by m, h, d or w, or 0 for the due time`],
    ["d", `"d" is not an offset: use a number followed by m, h, d or w, or 0 for the due time`],
    ["1 day", `"1 day" is not an offset: use a number followed by m, h, d or w, or 0 for the due time`],
    ["7d;1d", `"7d;1d" is not an offset: use a number followed by m, h, d or w, or 0 for the due time`],
    ["+7d", `"+7d" is not an offset: use a number followed by m, h, d or w, or 0 for the due time`],
    ["", "No offsets: give at least one, e.g. 30d,7d,1d,0"],
    [" , ,", "No offsets: give at least one, e.g. 30d,7d,1d,0"],
    ["366d", `"366d" is too far ahead: reminders go at most 365 days before (365 days)`],
    ["53w", `"53w" is too far ahead: reminders go at most 365 days before (52 weeks)`],
    ["8761h", `"8761h" is too far ahead: reminders go at most 365 days before (8760 hours)`],
    ["525601m", `"525601m" is too far ahead: reminders go at most 365 days before (525600 minutes)`],
    ["99999999999999999999d", `"99999999999999999999d" is too far ahead: reminders go at most 365 days before (365 days)`],
    ["1m,2m,3m,4m,5m,6m,7m,8m,9m,10m,11m", "Too many offsets (11): at most 10 reminders per deadline"],
    ["1d,".repeat(70), "Offsets are too long: at most 10 offsets, e.g. 30d,7d,1d,0"],
  ])("%j is refused: %s", (text, message) => {
    expect(() => parseOffsets(text)).toThrow(OffsetError);
    expect(() => parseOffsets(text)).toThrow(message);
  });

  it("ten offsets after removing duplicates are allowed", () => {
    expect(parseOffsets("1m,2m,3m,4m,5m,6m,7m,8m,9m,10m,10m,1m")).toHaveLength(10);
  });

  it("DEFAULT_OFFSETS are 30 days, 7 days, 1 day and the due time", () => {
    expect(formatOffsets(DEFAULT_OFFSETS)).toBe("30d,7d,1d,0");
    expect(parseOffsets("30d,7d,1d,0")).toEqual(DEFAULT_OFFSETS);
  });

  it.each([
    "30d,7d,1d,0",
    "6h",
    "90m",
    "2w",
    "due",
    "24h,1d,7d,1w",
    "365d,52w,8760h,525600m,0",
    "3d, 12h, 45m",
  ])("round-trips: parse(format(parse(%j))) is parse(%j)", (text) => {
    const parsed = parseOffsets(text);
    expect(parseOffsets(formatOffsets(parsed))).toEqual(parsed);
    for (const offset of parsed) expect(parseOffsets(formatOffset(offset))).toEqual([offset]);
  });

  it.each([
    [o("7d"), "7d"],
    [o("6h"), "6h"],
    [o("90m"), "90m"],
    [o("2w"), "2w"],
    [o("0"), "0"],
    [{ amount: 0, unit: "d" } as const, "0"],
  ])("formatOffset(%j) is %s", (offset, text) => {
    expect(formatOffset(offset)).toBe(text);
  });

  it.each([[{ amount: -1, unit: "d" }], [{ amount: 1.5, unit: "h" }], [{ amount: 1, unit: "y" }], [{ amount: Number.NaN, unit: "m" }]])(
    "formatOffset refuses %j",
    (offset) => {
      expect(() => formatOffset(offset as Offset)).toThrow(OffsetError);
    },
  );
});

describe("offsetsSchema", () => {
  it.each([
    ["30d,7d,1d,0", ["30d", "7d", "1d", "0"]],
    [["0", "7d", "30d", "1d"], ["30d", "7d", "1d", "0"]],
    [[{ amount: 6, unit: "h" }, "1d", { amount: 0, unit: "m" }], ["1d", "6h", "0"]],
    [[{ amount: 1, unit: "w" }, "7d"], ["1w"]],
    [["due"], ["0"]],
  ] as const)("accepts %j", (input, expected) => {
    expect(offsetsSchema.parse(input)).toEqual(expected.map(o));
  });

  it.each([
    ["7x", `"7x" is not an offset: use a number followed by m, h, d or w, or 0 for the due time`],
    [["1d", "400d"], `"400d" is too far ahead: reminders go at most 365 days before (365 days)`],
    [[{ amount: 53, unit: "w" }], `"53w" is too far ahead: reminders go at most 365 days before (52 weeks)`],
    [[], "No offsets: give at least one, e.g. 30d,7d,1d,0"],
    [Array.from({ length: 11 }, (_, i) => `${i + 1}h`), "Too many offsets (11): at most 10 reminders per deadline"],
  ] as const)("refuses %j with the parser's message", (input, message) => {
    const result = offsetsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it.each([[7], [null], [{ amount: 1, unit: "d" }], [[{ amount: 1, unit: "y" }]], [[{ amount: -1, unit: "d" }]], [[1.5]]])(
    "refuses the shape %j",
    (input) => {
      expect(offsetsSchema.safeParse(input).success).toBe(false);
    },
  );
});

describe("reminderAt", () => {
  it.each([
    // [label, due, zone, offset, expected, hours before]
    // The August 1, 2025 deadline: 00:01 EDT = 04:01Z.
    ["Aug 1 00:01 NY, 7d → Jul 25 00:01 EDT", "2025-08-01T04:01:00.000Z", NY, "7d", "2025-07-25T04:01:00.000Z", 168],
    ["Aug 1 00:01 NY, 30d → Jul 2 00:01 EDT", "2025-08-01T04:01:00.000Z", NY, "30d", "2025-07-02T04:01:00.000Z", 720],
    ["Aug 1 00:01 NY, 2w → Jul 18 00:01 EDT", "2025-08-01T04:01:00.000Z", NY, "2w", "2025-07-18T04:01:00.000Z", 336],
    ["Aug 1 00:01 NY, 1d → Jul 31 00:01 EDT", "2025-08-01T04:01:00.000Z", NY, "1d", "2025-07-31T04:01:00.000Z", 24],
    ["Aug 1 00:01 NY, 6h → Jul 31 18:01 EDT", "2025-08-01T04:01:00.000Z", NY, "6h", "2025-07-31T22:01:00.000Z", 6],
    ["Aug 1 00:01 NY, 90m → Jul 31 22:31 EDT", "2025-08-01T04:01:00.000Z", NY, "90m", "2025-08-01T02:31:00.000Z", 1.5],
    ["Aug 1 00:01 NY, 0 → the due instant", "2025-08-01T04:01:00.000Z", NY, "0", "2025-08-01T04:01:00.000Z", 0],
    // Spring forward (Sun 2026-03-08): a calendar day that contains the change is 23 hours.
    ["Mar 8 09:00 EDT, 1d → Mar 7 09:00 EST (23 h)", "2026-03-08T13:00:00.000Z", NY, "1d", "2026-03-07T14:00:00.000Z", 23],
    ["Mar 10 09:00 EDT, 1w → Mar 3 09:00 EST", "2026-03-10T13:00:00.000Z", NY, "1w", "2026-03-03T14:00:00.000Z", 167],
    // Both sides in EDT (the change is before Mar 8 09:00): an ordinary 24-hour day.
    ["Mar 9 09:00 EDT, 1d → Mar 8 09:00 EDT (24 h)", "2026-03-09T13:00:00.000Z", NY, "1d", "2026-03-08T13:00:00.000Z", 24],
    // 02:30 on Mar 8 does not exist: moved to just after the gap, 03:30 EDT.
    ["Mar 9 02:30 EDT, 1d → Mar 8 03:30 EDT (gap)", "2026-03-09T06:30:00.000Z", NY, "1d", "2026-03-08T07:30:00.000Z", 23],
    // Exact hours ignore the wall clock: 06:00 EDT minus 6 h is 23:00 EST the evening before (7 wall-clock hours).
    ["Mar 8 06:00 EDT, 6h → Mar 7 23:00 EST", "2026-03-08T10:00:00.000Z", NY, "6h", "2026-03-08T04:00:00.000Z", 6],
    ["Mar 8 06:00 EDT, 24h → Mar 7 05:00 EST", "2026-03-08T10:00:00.000Z", NY, "24h", "2026-03-07T10:00:00.000Z", 24],
    // Fall back (Sun 2025-11-02): a calendar day that contains the change is 25 hours.
    ["Nov 2 09:00 EST, 1d → Nov 1 09:00 EDT (25 h)", "2025-11-02T14:00:00.000Z", NY, "1d", "2025-11-01T13:00:00.000Z", 25],
    ["Nov 3 09:00 EST, 1d → Nov 2 09:00 EST (24 h)", "2025-11-03T14:00:00.000Z", NY, "1d", "2025-11-02T14:00:00.000Z", 24],
    ["Nov 20 00:01 EST, 30d → Oct 21 00:01 EDT", "2025-11-20T05:01:00.000Z", NY, "30d", "2025-10-21T04:01:00.000Z", 721],
    // 01:30 on Nov 2 happens twice: the first (EDT) is used.
    ["Nov 3 01:30 EST, 1d → Nov 2 01:30 EDT (first)", "2025-11-03T06:30:00.000Z", NY, "1d", "2025-11-02T05:30:00.000Z", 25],
    ["Nov 2 04:00 EST, 6h → Nov 1 23:00 EDT", "2025-11-02T09:00:00.000Z", NY, "6h", "2025-11-02T03:00:00.000Z", 6],
    // Seoul: no DST, so calendar days are 24 hours even across the US changes.
    ["Jun 30 23:59 KST, 1d", "2025-06-30T14:59:00.000Z", SEOUL, "1d", "2025-06-29T14:59:00.000Z", 24],
    ["Jun 30 23:59 KST, 30d → May 31 23:59 KST", "2025-06-30T14:59:00.000Z", SEOUL, "30d", "2025-05-31T14:59:00.000Z", 720],
    ["Mar 10 09:00 KST, 1w", "2026-03-10T00:00:00.000Z", SEOUL, "1w", "2026-03-03T00:00:00.000Z", 168],
    ["Nov 3 09:00 KST, 1d", "2025-11-03T00:00:00.000Z", SEOUL, "1d", "2025-11-02T00:00:00.000Z", 24],
    // The same instant stated in Seoul or in New York: the zone decides where the wall clock is kept.
    ["Mar 8 22:00 KST, 1d (Seoul)", "2026-03-08T13:00:00.000Z", SEOUL, "1d", "2026-03-07T13:00:00.000Z", 24],
    ["Aug 1 09:31 IST, 1d", "2025-08-01T04:01:00.000Z", KOLKATA, "1d", "2025-07-31T04:01:00.000Z", 24],
    // Month, year and leap boundaries; seconds and milliseconds are kept.
    ["Jan 1 00:00 EST, 1d → Dec 31", "2026-01-01T05:00:00.000Z", NY, "1d", "2025-12-31T05:00:00.000Z", 24],
    ["Mar 1 00:00 EST, 30d → Jan 30", "2026-03-01T05:00:00.000Z", NY, "30d", "2026-01-30T05:00:00.000Z", 720],
    ["Mar 1 2028 12:00 KST, 1d → Feb 29", "2028-03-01T03:00:00.000Z", SEOUL, "1d", "2028-02-29T03:00:00.000Z", 24],
    ["Aug 1 00:01:30.5 EDT, 1d", "2025-08-01T04:01:30.500Z", NY, "1d", "2025-07-31T04:01:30.500Z", 24],
    ["Aug 1 2026 00:01 EDT, 365d", "2026-08-01T04:01:00.000Z", NY, "365d", "2025-08-01T04:01:00.000Z", 8760],
    ["Jul 31 2026 00:01 EDT, 52w", "2026-07-31T04:01:00.000Z", NY, "52w", "2025-08-01T04:01:00.000Z", 8736],
  ] as const)("%s", (_, due, zone, offset, expected, hours) => {
    const at = reminderAt(d(due), zone, o(offset));
    expect(at.toISOString()).toBe(expected);
    expect((d(due).getTime() - at.getTime()) / HOUR).toBe(hours);
  });

  it("does not change the due date it is given", () => {
    const due = d("2025-08-01T04:01:00.000Z");
    reminderAt(due, NY, o("0")).setTime(0);
    reminderAt(due, NY, o("7d"));
    expect(due.toISOString()).toBe("2025-08-01T04:01:00.000Z");
  });

  // Every day of two years in New York at 09:00: "1d" keeps 09:00 and is 24 h, except 23 h when the deadline's day
  // is a spring-forward day and 25 h when it is a fall-back day. "24h" is always 24 h.
  const CHANGES: Record<string, number> = { "2025-03-09": 23, "2025-11-02": 25, "2026-03-08": 23, "2026-11-01": 25 };
  const days = Array.from({ length: 730 }, (_, i) => addDays("2025-01-01", i));
  it.each(days.filter((_, i) => i % 7 === 0 || Object.keys(CHANGES).includes(days[i]!)))(
    "09:00 New York on %s: 1d keeps the wall clock, 24h is exact",
    (date) => {
      const due = localToInstant(`${date}T09:00`, NY);
      const day = reminderAt(due, NY, o("1d"));
      expect(zonedParts(day, NY)).toMatchObject({ hour: 9, minute: 0 });
      expect((due.getTime() - day.getTime()) / HOUR).toBe(CHANGES[date] ?? 24);
      expect(due.getTime() - reminderAt(due, NY, o("24h")).getTime()).toBe(24 * HOUR);
    },
  );
});

describe("classifyReminder", () => {
  const DUE = "2025-08-01T04:01:00.000Z";
  const DAY_BEFORE = "2025-07-31T04:01:00.000Z"; // the 1d reminder
  const FIVE_BEFORE = "2025-08-01T03:56:00.000Z"; // a 5m reminder, shorter than the grace period

  it("the default grace period is 10 minutes", () => {
    expect(REMINDER_GRACE_MINUTES).toBe(10);
  });

  it.each([
    // [label, remindAt, now, grace, expected]
    ["1d: a millisecond before", DAY_BEFORE, "2025-07-31T04:00:59.999Z", undefined, "pending"],
    ["1d: at its instant", DAY_BEFORE, DAY_BEFORE, undefined, "due"],
    ["1d: at the end of the grace period", DAY_BEFORE, "2025-07-31T04:10:59.999Z", undefined, "due"],
    ["1d: grace over", DAY_BEFORE, "2025-07-31T04:11:00.000Z", undefined, "late"],
    ["1d: hours late, deadline ahead", DAY_BEFORE, "2025-07-31T20:00:00.000Z", undefined, "late"],
    ["1d: a millisecond before the deadline", DAY_BEFORE, "2025-08-01T04:00:59.999Z", undefined, "late"],
    ["1d: at the deadline", DAY_BEFORE, DUE, undefined, "missed"],
    ["1d: a day after the deadline", DAY_BEFORE, "2025-08-02T04:01:00.000Z", undefined, "missed"],
    ["1d: custom grace 60 min, 59 min late", DAY_BEFORE, "2025-07-31T05:00:00.000Z", 60, "due"],
    ["1d: custom grace 60 min, 60 min late", DAY_BEFORE, "2025-07-31T05:01:00.000Z", 60, "late"],
    ["30d: down for 27 days, deadline 3 days ahead", "2025-07-02T04:01:00.000Z", "2025-07-29T04:01:00.000Z", undefined, "late"],
    // The due-time reminder: "due now" stays true for the grace period; after it, the deadline has passed → missed.
    ["0: a millisecond before", DUE, "2025-08-01T04:00:59.999Z", undefined, "pending"],
    ["0: at the deadline", DUE, DUE, undefined, "due"],
    ["0: end of the grace period", DUE, "2025-08-01T04:10:59.999Z", undefined, "due"],
    ["0: grace over", DUE, "2025-08-01T04:11:00.000Z", undefined, "missed"],
    ["0: a day later", DUE, "2025-08-02T04:01:00.000Z", undefined, "missed"],
    // An offset shorter than the grace period: on time while the deadline is ahead, missed once it is reached.
    ["5m: at its instant", FIVE_BEFORE, FIVE_BEFORE, undefined, "due"],
    ["5m: 4 min late, deadline ahead", FIVE_BEFORE, "2025-08-01T04:00:00.000Z", undefined, "due"],
    ["5m: at the deadline, inside its grace", FIVE_BEFORE, DUE, undefined, "missed"],
    ["5m: after the deadline, inside its grace", FIVE_BEFORE, "2025-08-01T04:03:00.000Z", undefined, "missed"],
  ] as const)("%s → %s", (_, remindAt, now, graceMinutes, expected) => {
    expect(classifyReminder({ due: d(DUE), remindAt: d(remindAt), now: d(now), graceMinutes })).toBe(expected);
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])("refuses a grace period of %s", (graceMinutes) => {
    expect(() => classifyReminder({ due: d(DUE), remindAt: d(DAY_BEFORE), now: d(DUE), graceMinutes })).toThrow(RangeError);
  });
});

describe("groupReminders", () => {
  type Item = { id: string; recipient: number | string; remindAt: Date };
  const at = (hhmm: string) => d(`2025-07-31T${hhmm}:00.000Z`);
  const item = (id: string, recipient: number | string, hhmm: string): Item => ({ id, recipient, remindAt: at(hhmm) });
  const summary = (groups: ReturnType<typeof groupReminders<Item>>) =>
    groups.map((g) => `${g.recipient}@${g.sendAt.toISOString().slice(11, 16)}:${g.items.map((i) => i.id).join("+")}`);

  const ITEMS = [
    item("a", 1, "10:00"),
    item("b", 1, "10:03"),
    item("c", 2, "10:04"),
    item("d", 1, "10:05"), // 5 min after a: same email (inclusive)
    item("e", 1, "10:06"), // 6 min after a: next email
    item("f", 2, "10:02"),
    item("g", 1, "10:08"),
    item("h", 3, "10:00"),
    item("i", 1, "10:11"), // 5 min after e: joins e's email
    item("j", 1, "10:12"),
  ];

  it.each([
    [5, ["1@10:00:a+b+d", "3@10:00:h", "2@10:02:f+c", "1@10:06:e+g+i", "1@10:12:j"]],
    [0, ["1@10:00:a", "3@10:00:h", "2@10:02:f", "1@10:03:b", "2@10:04:c", "1@10:05:d", "1@10:06:e", "1@10:08:g", "1@10:11:i", "1@10:12:j"]],
    [15, ["1@10:00:a+b+d+e+g+i+j", "3@10:00:h", "2@10:02:f+c"]],
  ] as const)("window %i min", (window, expected) => {
    expect(summary(groupReminders(ITEMS, window))).toEqual(expected);
  });

  it("keeps the input order for equal instants, and leaves the input alone", () => {
    const items = [item("x", 1, "09:00"), item("y", 2, "09:00"), item("z", 1, "09:00"), item("w", 2, "09:00")];
    const copy = [...items];
    expect(summary(groupReminders(items, 5))).toEqual(["1@09:00:x+z", "2@09:00:y+w"]);
    expect(items).toEqual(copy);
  });

  it("the same result whatever the input order, apart from ties", () => {
    const shuffled = [ITEMS[9]!, ITEMS[3]!, ITEMS[7]!, ITEMS[0]!, ITEMS[5]!, ITEMS[1]!, ITEMS[8]!, ITEMS[2]!, ITEMS[6]!, ITEMS[4]!];
    const groups = groupReminders(shuffled, 5);
    // h and a are both at 10:00: h came first in this input.
    expect(summary(groups)).toEqual(["3@10:00:h", "1@10:00:a+b+d", "2@10:02:f+c", "1@10:06:e+g+i", "1@10:12:j"]);
  });

  it("recipients 1 and \"1\" are different people", () => {
    expect(summary(groupReminders([item("a", 1, "10:00"), item("b", "1", "10:01")], 5))).toEqual(["1@10:00:a", "1@10:01:b"]);
  });

  it("catch-up: with now, everything overdue goes out in one email at now", () => {
    const items = [
      { id: "7d", recipient: 1, remindAt: d("2025-07-25T04:01:00.000Z") },
      { id: "1d", recipient: 1, remindAt: d("2025-07-31T04:01:00.000Z") },
      { id: "other", recipient: 2, remindAt: d("2025-07-28T12:00:00.000Z") },
      { id: "soon", recipient: 1, remindAt: d("2025-07-31T10:04:00.000Z") }, // 4 min after now: joins
      { id: "later", recipient: 1, remindAt: d("2025-07-31T10:06:00.000Z") }, // 6 min after now: its own email
    ];
    const groups = groupReminders(items, 5, { now: d("2025-07-31T10:00:00.000Z") });
    expect(summary(groups)).toEqual(["1@10:00:7d+1d+soon", "2@10:00:other", "1@10:06:later"]);
    // Without now, each overdue one would be an email of its own.
    expect(summary(groupReminders(items, 5)).map((s) => s.split(":").at(-1))).toEqual(["7d", "other", "1d", "soon+later"]);
  });

  it("no items, no groups; a bad window is refused", () => {
    expect(groupReminders([], 5)).toEqual([]);
    expect(() => groupReminders(ITEMS, -1)).toThrow(RangeError);
  });
});

describe("digestInstant", () => {
  it.each([
    // [zone, now, digest instant] — 08:00 local on now's local date.
    [SEOUL, "2025-07-08T00:00:00.000Z", "2025-07-07T23:00:00.000Z"], // 09:00 KST Jul 8 → 08:00 KST Jul 8
    [SEOUL, "2025-07-07T22:00:00.000Z", "2025-07-07T23:00:00.000Z"], // 07:00 KST: today's is still ahead
    [SEOUL, "2025-07-07T15:00:00.000Z", "2025-07-07T23:00:00.000Z"], // 00:00 KST Jul 8
    [SEOUL, "2025-07-07T14:59:59.999Z", "2025-07-06T23:00:00.000Z"], // 23:59:59.999 KST Jul 7
    [SEOUL, "2026-03-08T12:00:00.000Z", "2026-03-07T23:00:00.000Z"], // the US change means nothing in Seoul
    [NY, "2025-07-08T15:00:00.000Z", "2025-07-08T12:00:00.000Z"], // 08:00 EDT
    [NY, "2025-11-01T15:00:00.000Z", "2025-11-01T12:00:00.000Z"], // Sat before fall back: EDT
    [NY, "2025-11-02T15:00:00.000Z", "2025-11-02T13:00:00.000Z"], // fall-back day: 08:00 is already EST
    [NY, "2025-11-02T05:30:00.000Z", "2025-11-02T13:00:00.000Z"], // 01:30 EDT, first pass of the repeated hour
    [NY, "2025-11-02T06:30:00.000Z", "2025-11-02T13:00:00.000Z"], // 01:30 EST, second pass
    [NY, "2026-03-07T15:00:00.000Z", "2026-03-07T13:00:00.000Z"], // Sat before spring forward: EST
    [NY, "2026-03-08T04:00:00.000Z", "2026-03-07T13:00:00.000Z"], // 23:00 EST Mar 7
    [NY, "2026-03-08T15:00:00.000Z", "2026-03-08T12:00:00.000Z"], // spring-forward day: 08:00 EDT
    [KOLKATA, "2025-08-01T04:01:00.000Z", "2025-08-01T02:30:00.000Z"], // 09:31 IST → 08:00 IST
    [KOLKATA, "2025-07-31T20:00:00.000Z", "2025-08-01T02:30:00.000Z"], // 01:30 IST Aug 1
    [KOLKATA, "2025-07-31T18:29:00.000Z", "2025-07-31T02:30:00.000Z"], // 23:59 IST Jul 31
    ["Pacific/Chatham", "2025-07-01T00:00:00.000Z", "2025-06-30T19:15:00.000Z"], // 12:45 CHAST Jul 1
    ["UTC", "2025-07-01T07:59:00.000Z", "2025-07-01T08:00:00.000Z"],
  ] as const)("%s at %s → %s", (zone, now, expected) => {
    expect(digestInstant(zone, d(now)).toISOString()).toBe(expected);
  });
});

describe("isDigestDue", () => {
  it.each([
    // [label, zone, now, lastDigestAt, due?]  Seoul's Jul 8 digest is 2025-07-07T23:00Z.
    ["Seoul: a millisecond before 08:00, never sent", SEOUL, "2025-07-07T22:59:59.999Z", null, false],
    ["Seoul: at 08:00, never sent", SEOUL, "2025-07-07T23:00:00.000Z", null, true],
    ["Seoul: at 08:00, yesterday's sent", SEOUL, "2025-07-07T23:00:00.000Z", "2025-07-06T23:00:30.000Z", true],
    ["Seoul: 08:05, today's sent at 08:00", SEOUL, "2025-07-07T23:05:00.000Z", "2025-07-07T23:00:00.000Z", false],
    ["Seoul: 08:05, last sent a millisecond before 08:00", SEOUL, "2025-07-07T23:05:00.000Z", "2025-07-07T22:59:59.999Z", true],
    ["Seoul: 23:00, today's sent", SEOUL, "2025-07-08T14:00:00.000Z", "2025-07-07T23:01:00.000Z", false],
    ["Seoul: 07:59 next day, yesterday's sent", SEOUL, "2025-07-08T22:59:00.000Z", "2025-07-07T23:01:00.000Z", false],
    // Down from Jul 8 09:00 to Jul 10 12:00 KST: one digest at the first scan, not three.
    ["Seoul: after two days down", SEOUL, "2025-07-10T03:00:00.000Z", "2025-07-07T23:01:00.000Z", true],
    ["Seoul: after two days down, caught up", SEOUL, "2025-07-10T03:01:00.000Z", "2025-07-10T03:00:00.000Z", false],
    // New York on the fall-back day: 08:00 EST is 13:00Z; at 12:30Z (07:30 EST) it is not yet due.
    ["NY fall-back day 07:30 EST", NY, "2025-11-02T12:30:00.000Z", "2025-11-01T12:00:00.000Z", false],
    ["NY fall-back day 08:00 EST", NY, "2025-11-02T13:00:00.000Z", "2025-11-01T12:00:00.000Z", true],
    // Spring-forward day: 08:00 EDT is 12:00Z.
    ["NY spring-forward day 07:59 EDT", NY, "2026-03-08T11:59:00.000Z", "2026-03-07T13:00:00.000Z", false],
    ["NY spring-forward day 08:00 EDT", NY, "2026-03-08T12:00:00.000Z", "2026-03-07T13:00:00.000Z", true],
    ["Kolkata 08:00 IST", KOLKATA, "2025-08-01T02:30:00.000Z", "2025-07-31T02:30:00.000Z", true],
    ["Kolkata 07:59 IST", KOLKATA, "2025-08-01T02:29:00.000Z", "2025-07-31T02:30:00.000Z", false],
  ] as const)("%s → %s", (_, zone, now, last, expected) => {
    expect(isDigestDue({ zone, now: d(now), lastDigestAt: last === null ? null : d(last) })).toBe(expected);
  });
});

describe("digestWindow", () => {
  it.each([
    // [zone, now, to] — through the end of the local day 14 days after today.
    [SEOUL, "2025-07-07T23:00:00.000Z", "2025-07-22T14:59:59.999Z"], // 08:00 KST Jul 8 → end of Jul 22 KST
    [NY, "2025-10-25T12:00:00.000Z", "2025-11-09T04:59:59.999Z"], // 08:00 EDT Oct 25 → end of Nov 8, in EST
    [NY, "2026-03-01T13:00:00.000Z", "2026-03-16T03:59:59.999Z"], // 08:00 EST Mar 1 → end of Mar 15, in EDT
    [KOLKATA, "2025-08-01T02:30:00.000Z", "2025-08-15T18:29:59.999Z"],
  ] as const)("%s at %s → %s", (zone, now, to) => {
    expect(digestWindow(zone, d(now))).toEqual({ from: d(now), to: d(to) });
  });

  it.each([
    ["2025-07-07T23:00:00.000Z", false], // due at now: already passed
    ["2025-07-07T23:00:00.001Z", true],
    ["2025-07-22T14:59:59.999Z", true],
    ["2025-07-22T15:00:00.000Z", false], // 00:00 KST Jul 23
    ["2025-07-01T00:00:00.000Z", false],
  ] as const)("Seoul digest of Jul 8: a deadline at %s is listed: %s", (due, expected) => {
    expect(inDigestWindow(d(due), digestWindow(SEOUL, d("2025-07-07T23:00:00.000Z")))).toBe(expected);
  });
});
