// Pure time helpers (server/core/time.ts). Expected instants are written out in UTC by hand, never computed with
// the function under test. Facts used throughout:
//   America/New_York: EDT (UTC−4) ends Sun 2025-11-02 at 02:00 EDT = 06:00Z (clocks go back to 01:00 EST, so
//   01:00–01:59 happens twice); EST (UTC−5) ends Sun 2026-03-08 at 02:00 EST = 07:00Z (clocks jump to 03:00 EDT, so
//   02:00–02:59 does not exist). Asia/Seoul is UTC+9 all year.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  endOfDay,
  isIsoDate,
  isValidTimeZone,
  localDate,
  localToInstant,
  startOfDay,
  zonedIso,
  zoneOffsetMinutes,
  zonedParts,
} from "@/server/core/time";

const NY = "America/New_York";
const SEOUL = "Asia/Seoul";
const HOUR = 3_600_000;

describe("localToInstant", () => {
  it.each([
    // The August 1, 2025 deadline: 00:01 in Washington.
    ["2025-08-01T00:01", NY, "2025-08-01T04:01:00.000Z"],
    ["2025-07-09T00:01", NY, "2025-07-09T04:01:00.000Z"],
    ["2025-04-03T00:01", NY, "2025-04-03T04:01:00.000Z"],
    // Winter: EST.
    ["2025-01-15T09:00", NY, "2025-01-15T14:00:00.000Z"],
    ["2026-03-01T12:00", NY, "2026-03-01T17:00:00.000Z"],
    // Seoul, including the KRX close and a year end crossed backwards into UTC.
    ["2025-08-01T13:01", SEOUL, "2025-08-01T04:01:00.000Z"],
    ["2025-07-08T15:30", SEOUL, "2025-07-08T06:30:00.000Z"],
    ["2025-01-01T00:00", SEOUL, "2024-12-31T15:00:00.000Z"],
    ["2025-07-08T23:59:59.999", SEOUL, "2025-07-08T14:59:59.999Z"],
    ["2025-08-01T00:01", "UTC", "2025-08-01T00:01:00.000Z"],
    // Optional seconds and fractions (1–3 digits, right-padded to milliseconds).
    ["2025-08-01T00:01:30", NY, "2025-08-01T04:01:30.000Z"],
    ["2025-08-01T00:01:30.5", NY, "2025-08-01T04:01:30.500Z"],
    ["2025-08-01T00:01:30.25", NY, "2025-08-01T04:01:30.250Z"],
    ["2025-08-01T00:01:30.125", NY, "2025-08-01T04:01:30.125Z"],
    // Half-hour zones.
    ["2025-08-01T09:31", "Asia/Kolkata", "2025-08-01T04:01:00.000Z"],
  ] as const)("%s in %s → %s", (local, zone, expected) => {
    expect(localToInstant(local, zone).toISOString()).toBe(expected);
  });

  describe("New York, end of DST on 2025-11-02 (01:00–01:59 happens twice)", () => {
    it.each([
      ["2025-11-02T00:00", "2025-11-02T04:00:00.000Z"],
      ["2025-11-02T00:59", "2025-11-02T04:59:00.000Z"],
      // Documented choice: an ambiguous wall time resolves to its FIRST occurrence, still in EDT (UTC−4).
      // (The second 01:30, in EST, would be 06:30Z.)
      ["2025-11-02T01:00", "2025-11-02T05:00:00.000Z"],
      ["2025-11-02T01:30", "2025-11-02T05:30:00.000Z"],
      ["2025-11-02T01:59:59", "2025-11-02T05:59:59.000Z"],
      // From 02:00 the wall clock is unambiguous again, in EST.
      ["2025-11-02T02:00", "2025-11-02T07:00:00.000Z"],
      ["2025-11-02T03:00", "2025-11-02T08:00:00.000Z"],
      ["2025-11-03T12:00", "2025-11-03T17:00:00.000Z"],
    ] as const)("%s → %s", (local, expected) => {
      expect(localToInstant(local, NY).toISOString()).toBe(expected);
    });

    it("01:30 resolves to the EDT reading (offset −04:00), not the EST one", () => {
      expect(zonedIso(localToInstant("2025-11-02T01:30", NY), NY)).toBe("2025-11-02T01:30:00-04:00");
    });
  });

  describe("New York, start of DST on 2026-03-08 (02:00–02:59 does not exist)", () => {
    it.each([
      ["2026-03-08T00:00", "2026-03-08T05:00:00.000Z"],
      ["2026-03-08T01:59", "2026-03-08T06:59:00.000Z"],
      ["2026-03-08T03:00", "2026-03-08T07:00:00.000Z"],
      ["2026-03-08T03:30", "2026-03-08T07:30:00.000Z"],
      ["2026-03-10T12:00", "2026-03-10T16:00:00.000Z"],
    ] as const)("existing wall time %s → %s", (local, expected) => {
      expect(localToInstant(local, NY).toISOString()).toBe(expected);
    });

    // The doc comment promises "a local time skipped by a spring-forward change resolves to the instant just after
    // the gap". The gap ends at 07:00Z (03:00 EDT); a skipped time is shifted forward by the gap length (one hour), which
    // is what the function already does for zones east of UTC (see the Berlin/Sydney cases below) and what
    // Temporal's "compatible" disambiguation does. BUG: for New York it currently returns the instant one hour
    // BEFORE the gap (02:30 → 06:30Z = 01:30 EST).
    it.each([
      ["2026-03-08T02:00", "2026-03-08T07:00:00.000Z", "2026-03-08T03:00:00-04:00"],
      ["2026-03-08T02:30", "2026-03-08T07:30:00.000Z", "2026-03-08T03:30:00-04:00"],
      ["2026-03-08T02:59", "2026-03-08T07:59:00.000Z", "2026-03-08T03:59:00-04:00"],
      ["2025-03-09T02:30", "2025-03-09T07:30:00.000Z", "2025-03-09T03:30:00-04:00"],
    ] as const)("skipped %s resolves after the gap → %s (%s)", (local, expected, wall) => {
      const got = localToInstant(local, NY);
      // Whatever the exact rule, the result must not lie before the end of the gap…
      expect(got.getTime()).toBeGreaterThanOrEqual(Date.parse(`${local.slice(0, 10)}T07:00:00Z`));
      // …and precisely: shifted forward by the length of the gap.
      expect(got.toISOString()).toBe(expected);
      expect(zonedIso(got, NY)).toBe(wall);
    });
  });

  // East of UTC the same rule already holds (regression guard for the fix above).
  it.each([
    ["2026-03-29T02:30", "Europe/Berlin", "2026-03-29T01:30:00.000Z", "2026-03-29T03:30:00+02:00"],
    ["2025-10-05T02:30", "Australia/Sydney", "2025-10-04T16:30:00.000Z", "2025-10-05T03:30:00+11:00"],
  ] as const)("skipped %s in %s resolves after the gap → %s", (local, zone, expected, wall) => {
    const got = localToInstant(local, zone);
    expect(got.toISOString()).toBe(expected);
    expect(zonedIso(got, zone)).toBe(wall);
  });

  // Every existing wall time on both New York change days round-trips: the instant reads back as the same wall time.
  const wallTimes = (date: string) =>
    Array.from({ length: 96 }, (_, i) => `${date}T${String(Math.floor(i / 4)).padStart(2, "0")}:${String((i % 4) * 15).padStart(2, "0")}`);
  it.each([
    ...wallTimes("2025-11-02"),
    ...wallTimes("2026-03-08").filter((l) => !l.includes("T02:")), // 02:xx does not exist that day
  ])("%s New York round-trips through zonedParts", (local) => {
    const p = zonedParts(localToInstant(local, NY), NY);
    const back = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}T${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
    expect(back).toBe(local);
  });

  it.each([
    "2025-08-01",
    "2025-08-01 00:01",
    "2025-08-01T0:01",
    "2025-08-01T00:01Z",
    "2025-08-01T00:01:00+09:00",
    "2025-08-01T00:01:00.1234",
    "",
    "yesterday",
  ])("rejects %j with a RangeError", (local) => {
    expect(() => localToInstant(local, NY)).toThrow(RangeError);
  });

  // BUG (validation): impossible calendar fields are silently rolled over by Date.UTC (Feb 30 → Mar 2, 25:00 → next
  // day 01:00) instead of being rejected like every other malformed input; a typo in seed data becomes a wrong instant.
  it.each(["2025-02-30T10:00", "2025-06-31T00:01", "2025-13-01T00:01", "2025-08-01T25:00", "2025-08-01T10:60"])(
    "rejects the impossible wall time %j with a RangeError",
    (local) => {
      expect(() => localToInstant(local, NY)).toThrow(RangeError);
    },
  );
});

describe("zoneOffsetMinutes", () => {
  it.each([
    // Either side of the end of DST (06:00Z).
    ["2025-11-02T05:59:59.999Z", NY, -240],
    ["2025-11-02T05:59:59.000Z", NY, -240],
    ["2025-11-02T06:00:00.000Z", NY, -300],
    ["2025-11-02T06:00:00.001Z", NY, -300],
    // Either side of the start of DST (07:00Z).
    ["2026-03-08T06:59:59.999Z", NY, -300],
    ["2026-03-08T07:00:00.000Z", NY, -240],
    // Mid-season.
    ["2025-07-01T12:00:00Z", NY, -240],
    ["2025-01-01T12:00:00Z", NY, -300],
    // Seoul never changes, including on New York's change instants.
    ["2025-11-02T06:00:00Z", SEOUL, 540],
    ["2026-03-08T07:00:00Z", SEOUL, 540],
    ["2025-01-01T00:00:00Z", SEOUL, 540],
    ["2025-07-01T00:00:00Z", "UTC", 0],
    ["2025-07-01T00:00:00Z", "Asia/Kolkata", 330],
    ["2025-07-01T00:00:00Z", "America/St_Johns", -150],
    ["2025-01-01T00:00:00Z", "America/St_Johns", -210],
  ] as const)("%s in %s → %i min", (iso, zone, expected) => {
    expect(zoneOffsetMinutes(new Date(iso), zone)).toBe(expected);
  });
});

describe("startOfDay / endOfDay", () => {
  it.each([
    // Seoul: a day is 15:00Z the day before to 14:59:59.999Z.
    ["2025-07-08", SEOUL, "2025-07-07T15:00:00.000Z", "2025-07-08T14:59:59.999Z"],
    ["2025-01-01", SEOUL, "2024-12-31T15:00:00.000Z", "2025-01-01T14:59:59.999Z"],
    ["2024-12-31", SEOUL, "2024-12-30T15:00:00.000Z", "2024-12-31T14:59:59.999Z"],
    ["2024-02-29", SEOUL, "2024-02-28T15:00:00.000Z", "2024-02-29T14:59:59.999Z"],
    // New York, ordinary summer and winter days.
    ["2025-07-08", NY, "2025-07-08T04:00:00.000Z", "2025-07-09T03:59:59.999Z"],
    ["2025-01-15", NY, "2025-01-15T05:00:00.000Z", "2025-01-16T04:59:59.999Z"],
    // New York change days: starts in one offset, ends in the other.
    ["2025-11-02", NY, "2025-11-02T04:00:00.000Z", "2025-11-03T04:59:59.999Z"],
    ["2026-03-08", NY, "2026-03-08T05:00:00.000Z", "2026-03-09T03:59:59.999Z"],
    // The days either side are ordinary.
    ["2025-11-01", NY, "2025-11-01T04:00:00.000Z", "2025-11-02T03:59:59.999Z"],
    ["2026-03-07", NY, "2026-03-07T05:00:00.000Z", "2026-03-08T04:59:59.999Z"],
    // Midnight skipped east of UTC (Beirut jumps 00:00 → 01:00): the day starts at 01:00 EEST.
    ["2025-03-30", "Asia/Beirut", "2025-03-29T22:00:00.000Z", "2025-03-30T20:59:59.999Z"],
  ] as const)("%s in %s: %s … %s", (date, zone, start, end) => {
    expect(startOfDay(date, zone).toISOString()).toBe(start);
    expect(endOfDay(date, zone).toISOString()).toBe(end);
  });

  it.each([
    ["2025-11-02", NY, 25],
    ["2026-03-08", NY, 23],
    ["2025-03-09", NY, 23],
    ["2025-11-01", NY, 24],
    ["2026-03-09", NY, 24],
    ["2025-07-08", SEOUL, 24],
    ["2025-11-02", SEOUL, 24],
    ["2026-03-08", SEOUL, 24],
  ] as const)("%s in %s lasts %i hours", (date, zone, hours) => {
    expect(endOfDay(date, zone).getTime() + 1 - startOfDay(date, zone).getTime()).toBe(hours * HOUR);
  });

  // Both ends of a day must lie on that day. Santiago skips midnight going west of UTC (2025-09-07 00:00 −04 →
  // 01:00 −03), so it hits the same spring-forward bug as New York: startOfDay currently returns 03:00Z, which is
  // 23:00 on Sep 6, and Sep 6 loses its last hour. Correct: the day starts at 01:00 −03 = 04:00Z.
  it.each([
    ["2025-11-02", NY],
    ["2026-03-08", NY],
    ["2025-07-08", SEOUL],
    ["2025-03-30", "Asia/Beirut"],
    ["2025-09-07", "America/Santiago"],
    ["2025-09-06", "America/Santiago"],
  ] as const)("start and end of %s in %s fall on that date", (date, zone) => {
    expect(localDate(startOfDay(date, zone), zone)).toBe(date);
    expect(localDate(endOfDay(date, zone), zone)).toBe(date);
    // The instants either side belong to the neighbouring days.
    expect(localDate(new Date(startOfDay(date, zone).getTime() - 1), zone)).toBe(addDays(date, -1));
    expect(localDate(new Date(endOfDay(date, zone).getTime() + 1), zone)).toBe(addDays(date, 1));
  });

  it.each(["2025-02-29", "2025-13-01", "2025-07-8", "20250708", "2025-07-08T00:00", ""])(
    "rejects %j with a RangeError",
    (date) => {
      expect(() => endOfDay(date, SEOUL)).toThrow(RangeError);
      expect(() => startOfDay(date, SEOUL)).toThrow(RangeError);
    },
  );
});

describe("localDate", () => {
  it.each([
    ["2025-07-08T14:59:59.999Z", SEOUL, "2025-07-08"],
    ["2025-07-08T15:00:00.000Z", SEOUL, "2025-07-09"],
    ["2024-12-31T15:00:00.000Z", SEOUL, "2025-01-01"],
    ["2025-08-01T04:01:00.000Z", NY, "2025-08-01"],
    ["2025-08-01T03:59:59.999Z", NY, "2025-07-31"],
    ["2025-01-01T04:59:59.999Z", NY, "2024-12-31"],
    ["2025-01-01T05:00:00.000Z", NY, "2025-01-01"],
    // On the 25-hour day, 04:59Z is still 23:59 EST on Nov 2.
    ["2025-11-03T04:59:00.000Z", NY, "2025-11-02"],
    ["2025-11-03T05:00:00.000Z", NY, "2025-11-03"],
    // The same instant is a different day in each zone.
    ["2025-08-01T02:00:00.000Z", NY, "2025-07-31"],
    ["2025-08-01T02:00:00.000Z", SEOUL, "2025-08-01"],
  ] as const)("%s in %s → %s", (iso, zone, expected) => {
    expect(localDate(new Date(iso), zone)).toBe(expected);
  });
});

describe("addDays", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-01"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 1, "2024-03-01"],
    ["2025-03-01", -1, "2025-02-28"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2026-01-01", -1, "2025-12-31"],
    ["2025-07-08", 0, "2025-07-08"],
    ["2025-07-08", 24, "2025-08-01"],
    ["2025-08-01", -24, "2025-07-08"],
    ["2024-01-01", 365, "2024-12-31"],
    ["2025-01-01", 365, "2026-01-01"],
    // Pure calendar arithmetic: the New York DST days are not special.
    ["2025-11-01", 1, "2025-11-02"],
    ["2026-03-08", 1, "2026-03-09"],
  ] as const)("%s %+i → %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each(["2025-7-08", "20250708", "", "2025-07-08T00:00"])("rejects %j with a RangeError", (date) => {
    expect(() => addDays(date, 1)).toThrow(RangeError);
  });
});

describe("isIsoDate", () => {
  it.each([
    ["2025-07-08", true],
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["2025-12-31", true],
    ["2025-01-01", true],
    ["2025-02-29", false],
    ["2100-02-29", false],
    ["2025-13-01", false],
    ["2025-00-10", false],
    ["2025-04-31", false],
    ["2025-01-32", false],
    ["2025-01-00", false],
    ["2025-1-01", false],
    ["2025/07/08", false],
    ["20250708", false],
    ["2025-07-08T00:00", false],
    [" 2025-07-08", false],
    ["2025-07-08 ", false],
    ["", false],
  ] as const)("%j → %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe("zonedIso", () => {
  it.each([
    ["2025-08-01T04:01:00Z", NY, "2025-08-01T00:01:00-04:00"],
    ["2025-08-01T04:01:00Z", SEOUL, "2025-08-01T13:01:00+09:00"],
    ["2025-01-15T14:00:00Z", NY, "2025-01-15T09:00:00-05:00"],
    // Both readings of 01:30 on 2025-11-02 are distinguished by their offset.
    ["2025-11-02T05:30:00Z", NY, "2025-11-02T01:30:00-04:00"],
    ["2025-11-02T06:30:00Z", NY, "2025-11-02T01:30:00-05:00"],
    ["2026-03-08T06:59:59Z", NY, "2026-03-08T01:59:59-05:00"],
    ["2026-03-08T07:00:00Z", NY, "2026-03-08T03:00:00-04:00"],
    ["2025-08-01T04:01:00Z", "UTC", "2025-08-01T04:01:00+00:00"],
    ["2025-08-01T04:01:00Z", "Asia/Kolkata", "2025-08-01T09:31:00+05:30"],
    ["2025-08-01T04:01:00Z", "America/St_Johns", "2025-08-01T01:31:00-02:30"],
    ["2025-01-15T04:01:00Z", "America/St_Johns", "2025-01-15T00:31:00-03:30"],
    // Milliseconds are dropped (truncated, not rounded).
    ["2025-08-01T04:01:59.999Z", NY, "2025-08-01T00:01:59-04:00"],
    // Midnight is 00, not 24.
    ["2025-08-01T04:00:00Z", NY, "2025-08-01T00:00:00-04:00"],
  ] as const)("%s in %s → %s", (iso, zone, expected) => {
    const out = zonedIso(new Date(iso), zone);
    expect(out).toBe(expected);
    // The string denotes the same instant (to the second).
    expect(Date.parse(out)).toBe(Math.floor(Date.parse(iso) / 1000) * 1000);
  });
});

describe("isValidTimeZone", () => {
  it.each([
    [NY, true],
    [SEOUL, true],
    ["UTC", true],
    ["Mars/Olympus_Mons", false],
    ["", false],
  ] as const)("%j → %s", (zone, expected) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });
});

describe("zonedParts against Intl's own reading", () => {
  // The reference reads the fields straight from a formatter of its own; zonedParts keeps each hour's offset instead.
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const reference = (instant: Date, zone: string) => {
    let f = formatters.get(zone);
    if (!f) {
      const opts = { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" } as const;
      formatters.set(zone, (f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", ...opts })));
    }
    const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
    return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
  };
  // Whole-hour changes (New York, Dublin's winter "negative" DST), a half-hour change mid-UTC-hour (Lord Howe), 45-min
  // offsets (Kathmandu, Chatham's DST), and Seoul's old local mean time (+8:27:52) with its own DST in 1987–88.
  const ZONES = [NY, SEOUL, "Europe/Dublin", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "UTC"];

  it("agrees at random instants from 1900 to 2100 in zones with odd offsets and changes", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-02T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        (instant, zone) => {
          expect(zonedParts(instant, zone)).toEqual(reference(instant, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.each([
    // New York's changes, on the hour in UTC.
    ["2025-11-02T06:00:00.000Z", NY],
    ["2026-03-08T07:00:00.000Z", NY],
    // Lord Howe: +10:30 → +11 at 02:00 local = 15:30Z, halfway through a UTC hour.
    ["2025-10-04T15:30:00.000Z", "Australia/Lord_Howe"],
    ["2026-04-04T15:00:00.000Z", "Australia/Lord_Howe"],
    // Seoul: local mean time (+8:27:52) → +8:30 at 1908-04-01 00:00 local = 1908-03-31T15:32:08Z; DST in May 1987.
    ["1908-03-31T15:32:08.000Z", SEOUL],
    ["1987-05-09T17:00:00.000Z", SEOUL],
  ] as const)("agrees every second around the change at %s in %s, read in either order", (iso, zone) => {
    const at = new Date(iso).getTime();
    const around = Array.from({ length: 2 * 3600 + 1 }, (_, i) => at - 3600_000 + i * 1000 + (i % 7) * 97);
    for (const ms of [...around, ...around.slice().reverse()]) {
      expect(zonedParts(new Date(ms), zone), new Date(ms).toISOString()).toEqual(reference(new Date(ms), zone));
    }
  });

  it("leaves an invalid date to Intl, which refuses it", () => {
    expect(() => zonedParts(new Date(Number.NaN), NY)).toThrow(RangeError);
  });
});
