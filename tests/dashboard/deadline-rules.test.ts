// Deadline rules (server/dashboard/deadline-rules.ts). Instants are UTC literals with their New York / Seoul wall time noted.
import { describe, expect, it } from "vitest";
import type { DeadlineStatus } from "@/server/core/constants";
import {
  countdown,
  postponementChains,
  statusAt,
  upcomingDeadlines,
  type DeadlineLike,
} from "@/server/dashboard/deadline-rules";

const d = (iso: string) => new Date(iso);
const dl = (deadlineKey: string, dueAt: string, status: DeadlineStatus = "upcoming", postponedToKey: string | null = null): DeadlineLike => ({
  deadlineKey,
  dueAt: d(dueAt),
  status,
  postponedToKey,
});

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("statusAt", () => {
  const DUE = "2025-08-01T04:01:00.000Z"; // 00:01 EDT, Aug 1

  it.each([
    // [recorded status, at, shown status]
    ["upcoming", "2025-07-08T14:59:59.999Z", "upcoming"],
    ["upcoming", "2025-08-01T04:00:59.999Z", "upcoming"],
    ["upcoming", DUE, "passed"], // at the due instant it has passed
    ["upcoming", "2025-08-01T04:01:00.001Z", "passed"],
    ["upcoming", "2026-01-01T00:00:00.000Z", "passed"],
    // Recorded outcomes are shown as recorded, before or after the due instant.
    ["met", "2025-07-31T00:00:00.000Z", "met"],
    ["met", "2025-09-01T00:00:00.000Z", "met"],
    ["postponed", "2025-07-31T00:00:00.000Z", "postponed"],
    ["postponed", "2025-09-01T00:00:00.000Z", "postponed"],
    ["cancelled", "2025-09-01T00:00:00.000Z", "cancelled"],
    ["passed", "2025-07-01T00:00:00.000Z", "passed"],
  ] as const)("%s at %s → %s", (status, at, expected) => {
    expect(statusAt(dl("aug1", DUE, status), d(at))).toBe(expected);
  });
});

describe("countdown", () => {
  it.each([
    // [label, due, at, ms, days, hours, minutes, seconds, past]
    // New York loses an hour on 2026-03-08: 12:00 EST Mar 1 (17:00Z) → 12:00 EDT Mar 10 (16:00Z) is 8 d 23 h.
    ["NY noon to noon across spring forward", "2026-03-10T16:00:00.000Z", "2026-03-01T17:00:00.000Z", 8 * DAY + 23 * HOUR, 8, 23, 0, 0, false],
    // New York gains an hour on 2025-11-02: 12:00 EDT Oct 30 (16:00Z) → 12:00 EST Nov 3 (17:00Z) is 4 d 1 h.
    ["NY noon to noon across fall back", "2025-11-03T17:00:00.000Z", "2025-10-30T16:00:00.000Z", 4 * DAY + HOUR, 4, 1, 0, 0, false],
    // As of the end of 2025-07-08 in Seoul to the Aug 1 00:01 EDT deadline: 23 d 13 h 1 m and 1 ms; the millisecond
    // is floored away, so the display reads 23 d 13 h 1 m 0 s.
    ["end of Jul 8 Seoul to Aug 1 00:01 NY", "2025-08-01T04:01:00.000Z", "2025-07-08T14:59:59.999Z", 2_034_060_001, 23, 13, 1, 0, false],
    ["due == at", "2025-08-01T04:01:00.000Z", "2025-08-01T04:01:00.000Z", 0, 0, 0, 0, 0, true],
    ["1 ms left", "2025-08-01T04:01:00.000Z", "2025-08-01T04:00:59.999Z", 1, 0, 0, 0, 0, false],
    ["999 ms left", "2025-08-01T04:01:00.000Z", "2025-08-01T04:00:59.001Z", 999, 0, 0, 0, 0, false],
    ["1 s left", "2025-08-01T04:01:00.000Z", "2025-08-01T04:00:59.000Z", SECOND, 0, 0, 0, 1, false],
    ["59.999 s left", "2025-08-01T04:01:00.000Z", "2025-08-01T04:00:00.001Z", 59_999, 0, 0, 0, 59, false],
    ["exactly one day", "2025-08-02T04:01:00.000Z", "2025-08-01T04:01:00.000Z", DAY, 1, 0, 0, 0, false],
    ["one day less 1 ms", "2025-08-02T04:01:00.000Z", "2025-08-01T04:01:00.001Z", DAY - 1, 0, 23, 59, 59, false],
    // After the deadline the parts describe the time since it, and past is true.
    ["1 d 1 h 1 m 3 s ago", "2025-07-09T04:01:00.000Z", "2025-07-10T05:02:03.000Z", -(DAY + HOUR + MINUTE + 3 * SECOND), 1, 1, 1, 3, true],
    ["1 ms ago", "2025-07-09T04:01:00.000Z", "2025-07-09T04:01:00.001Z", -1, 0, 0, 0, 0, true],
  ] as const)("%s", (_, due, at, ms, days, hours, minutes, seconds, past) => {
    expect(countdown(d(due), d(at))).toEqual({ ms, days, hours, minutes, seconds, past });
  });
});

describe("upcomingDeadlines", () => {
  const SET = [
    dl("aug1", "2025-08-01T04:01:00.000Z"),
    dl("jul9", "2025-07-09T04:01:00.000Z"),
    dl("election", "2025-06-02T21:00:00.000Z", "met"), // 06:00 KST Jun 3
    dl("apr9", "2025-04-09T04:01:00.000Z", "postponed", "jul9"),
    dl("hearing", "2025-07-20T14:00:00.000Z", "cancelled"),
    dl("sept", "2025-09-01T04:01:00.000Z"),
    dl("stale", "2025-05-01T04:01:00.000Z"), // never updated: passed by time
  ];

  it.each([
    ["2025-04-01T00:00:00.000Z", ["stale", "jul9", "aug1", "sept"]],
    ["2025-07-08T14:59:59.999Z", ["jul9", "aug1", "sept"]],
    ["2025-07-09T04:00:59.999Z", ["jul9", "aug1", "sept"]],
    ["2025-07-09T04:01:00.000Z", ["aug1", "sept"]], // due == at is no longer ahead
    ["2025-08-15T00:00:00.000Z", ["sept"]],
    ["2025-09-01T04:01:00.000Z", []],
  ] as const)("at %s → %j", (at, expected) => {
    expect(upcomingDeadlines(SET, d(at)).map((x) => x.deadlineKey)).toEqual(expected);
    expect(upcomingDeadlines([...SET].reverse(), d(at)).map((x) => x.deadlineKey)).toEqual(expected);
  });

  it("does not mutate its input", () => {
    const copy = [...SET];
    upcomingDeadlines(copy, d("2025-04-01T00:00:00Z"));
    expect(copy).toEqual(SET);
  });
});

describe("postponementChains", () => {
  // The reciprocal tariff on Korea: Apr 9 postponed to Jul 9, postponed again to Aug 1 (met by the Jul 30 deal).
  const APR9 = dl("reciprocal-kr-effective-apr9", "2025-04-09T04:01:00.000Z", "postponed", "pause-end-jul9");
  const JUL9 = dl("pause-end-jul9", "2025-07-09T04:01:00.000Z", "postponed", "reciprocal-kr-aug1");
  const AUG1 = dl("reciprocal-kr-aug1", "2025-08-01T04:01:00.000Z", "met");
  const ELECTION = dl("election-jun3", "2025-06-02T21:00:00.000Z", "met");
  const keys = (chains: DeadlineLike[][]) => chains.map((c) => c.map((x) => x.deadlineKey));

  it.each([
    ["in order", [APR9, JUL9, AUG1, ELECTION]],
    ["shuffled", [AUG1, ELECTION, JUL9, APR9]],
    ["reversed", [ELECTION, AUG1, JUL9, APR9]],
  ] as const)("Apr 9 → Jul 9 → Aug 1 is one chain of three; the election is not in it (%s)", (_, input) => {
    expect(keys(postponementChains([...input]))).toEqual([
      ["reciprocal-kr-effective-apr9", "pause-end-jul9", "reciprocal-kr-aug1"],
    ]);
  });

  it.each([
    // [label, deadlines, expected chains]
    ["nothing postponed", [AUG1, ELECTION], []],
    ["postponed to a deadline not in the list → no chain", [dl("x", "2025-01-01T00:00:00Z", "postponed", "missing")], []],
    [
      "two chains, ordered by their first deadline",
      [
        dl("b1", "2025-05-01T00:00:00Z", "postponed", "b2"),
        dl("b2", "2025-06-01T00:00:00Z"),
        dl("a1", "2025-03-01T00:00:00Z", "postponed", "a2"),
        dl("a2", "2025-04-01T00:00:00Z"),
      ],
      [
        ["a1", "a2"],
        ["b1", "b2"],
      ],
    ],
    [
      "two deadlines postponed into the same one: two chains sharing the tail",
      [
        dl("p", "2025-03-01T00:00:00Z", "postponed", "t"),
        dl("q", "2025-03-02T00:00:00Z", "postponed", "t"),
        dl("t", "2025-06-01T00:00:00Z"),
      ],
      [
        ["p", "t"],
        ["q", "t"],
      ],
    ],
    // Cycles are cut: the walk stops before revisiting a deadline.
    [
      "root into a cycle r → a → b → a",
      [
        dl("r", "2025-03-01T00:00:00Z", "postponed", "a"),
        dl("a", "2025-04-01T00:00:00Z", "postponed", "b"),
        dl("b", "2025-05-01T00:00:00Z", "postponed", "a"),
      ],
      [["r", "a", "b"]],
    ],
    // A pure cycle has no deadline "nobody postponed into", so by the documented rule it has no root.
    [
      "pure cycle a → b → a",
      [dl("a", "2025-04-01T00:00:00Z", "postponed", "b"), dl("b", "2025-05-01T00:00:00Z", "postponed", "a")],
      [],
    ],
    ["self-loop", [dl("s", "2025-04-01T00:00:00Z", "postponed", "s")], []],
  ] as const)("%s", (_, input, expected) => {
    expect(keys(postponementChains([...input]))).toEqual(expected);
  });

  it("a long chain of 1,000 comes back whole and in order", () => {
    const n = 1000;
    const list = Array.from({ length: n }, (_, i) =>
      dl(`k${i}`, new Date(Date.UTC(2025, 0, 1) + i * DAY).toISOString(), i < n - 1 ? "postponed" : "upcoming", i < n - 1 ? `k${i + 1}` : null),
    ).reverse();
    const chains = postponementChains(list);
    expect(chains).toHaveLength(1);
    expect(chains[0]!.map((x) => x.deadlineKey)).toEqual(Array.from({ length: n }, (_, i) => `k${i}`));
  });
});
