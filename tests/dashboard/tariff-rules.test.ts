// Tariff rules (server/dashboard/tariff-rules.ts) over small, realistic measure sets. Instants are UTC literals; the comments
// give the New York wall time (00:01 EDT = 04:01Z) and "known" means the end of that New York day, as in the seed.
import { describe, expect, it } from "vitest";
import type { MeasureStatus, Sector } from "@/server/core/constants";
import {
  isInForce,
  latestAsOf,
  measureInForce,
  pendingMeasures,
  rateSteps,
  type MeasureLike,
  type RateStep,
} from "@/server/dashboard/tariff-rules";

const d = (iso: string) => new Date(iso);

function m(
  measureKey: string,
  fields: Partial<Omit<MeasureLike, "measureKey" | "effectiveAt" | "endsAt" | "knownAt">> & {
    effectiveAt?: string | null;
    endsAt?: string | null;
    knownAt?: string;
  } = {},
): MeasureLike {
  return {
    measureKey,
    sector: fields.sector ?? "autos",
    ratePct: fields.ratePct === undefined ? 25 : fields.ratePct,
    status: fields.status ?? "in_effect",
    effectiveAt: fields.effectiveAt ? d(fields.effectiveAt) : null,
    endsAt: fields.endsAt ? d(fields.endsAt) : null,
    knownAt: d(fields.knownAt ?? "2025-01-01T00:00:00Z"),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Korean passenger cars, as in db/seed/measures.ts:
//   KORUS: 0% since 2012-03-15 (00:00 EDT = 04:00Z); from 2025-03-26 known to end at 2025-04-03 00:01 New York;
//   Section 232 autos: 25% from 2025-04-03 00:01 New York (04:01Z), announced Mar 26, in effect Apr 3;
//   the US–Korea deal: 15% from 2025-11-01 00:01 New York (04:01Z, still EDT), but only published on 2025-12-04
//   (known from the end of that New York day, 2025-12-05T04:59:59.999Z, EST), ending the 25% retroactively.
// ---------------------------------------------------------------------------------------------------------------
const KORUS_EFFECTIVE = "2012-03-15T04:00:00.000Z";
const APR3 = "2025-04-03T04:01:00.000Z";
const NOV1 = "2025-11-01T04:01:00.000Z";
const KNOWN_DEC4 = "2025-12-05T04:59:59.999Z";

const AUTOS: MeasureLike[] = [
  m("autos-korus", { ratePct: 0, effectiveAt: KORUS_EFFECTIVE, knownAt: "2012-03-16T03:59:59.999Z" }),
  m("autos-korus", { ratePct: 0, effectiveAt: KORUS_EFFECTIVE, endsAt: APR3, knownAt: "2025-03-27T03:59:59.999Z" }),
  m("autos-korus", { ratePct: 0, status: "superseded", effectiveAt: KORUS_EFFECTIVE, endsAt: APR3, knownAt: "2025-04-04T03:59:59.999Z" }),
  m("autos-232-25", { ratePct: 25, status: "announced", effectiveAt: APR3, knownAt: "2025-03-27T03:59:59.999Z" }),
  m("autos-232-25", { ratePct: 25, effectiveAt: APR3, knownAt: "2025-04-04T03:59:59.999Z" }),
  m("autos-232-25", { ratePct: 25, status: "superseded", effectiveAt: APR3, endsAt: NOV1, knownAt: KNOWN_DEC4 }),
  m("autos-kr-15", { ratePct: 15, status: "announced", knownAt: "2025-07-31T03:59:59.999Z" }),
  m("autos-kr-15", { ratePct: 15, status: "announced", knownAt: "2025-11-14T04:59:59.999Z" }),
  m("autos-kr-15", { ratePct: 15, effectiveAt: NOV1, knownAt: KNOWN_DEC4 }),
  // Another sector's measure changing on the same days must not leak into autos.
  m("steel-232-50", { sector: "steel_aluminium", ratePct: 50, effectiveAt: "2025-06-04T04:01:00.000Z", knownAt: "2025-06-05T03:59:59.999Z" }),
];

const asOf = (at: string) => latestAsOf(AUTOS, (v) => v.measureKey, d(at));
const simple = (steps: RateStep[]) => steps.map((s) => [s.at.toISOString(), s.ratePct, s.measureKey]);
/** The rate a step function gives at `t`: the last step at or before it. */
const rateOn = (steps: RateStep[], t: string) => steps.filter((s) => s.at.getTime() <= d(t).getTime()).at(-1)?.ratePct;

describe("latestAsOf", () => {
  const byKey = (versions: MeasureLike[]) =>
    Object.fromEntries(versions.map((v) => [v.measureKey, [v.status, v.knownAt.toISOString()]]));

  it.each([
    ["2012-03-01T00:00:00Z", {}],
    ["2025-03-20T00:00:00Z", { "autos-korus": ["in_effect", "2012-03-16T03:59:59.999Z"] }],
    // Exactly at knownAt counts as known.
    [
      "2025-03-27T03:59:59.999Z",
      { "autos-korus": ["in_effect", "2025-03-27T03:59:59.999Z"], "autos-232-25": ["announced", "2025-03-27T03:59:59.999Z"] },
    ],
    [
      "2025-03-27T03:59:59.998Z",
      { "autos-korus": ["in_effect", "2012-03-16T03:59:59.999Z"] },
    ],
    [
      "2025-11-15T00:00:00Z",
      {
        "autos-korus": ["superseded", "2025-04-04T03:59:59.999Z"],
        "autos-232-25": ["in_effect", "2025-04-04T03:59:59.999Z"],
        "autos-kr-15": ["announced", "2025-11-14T04:59:59.999Z"],
        "steel-232-50": ["in_effect", "2025-06-05T03:59:59.999Z"],
      },
    ],
    [
      "2026-01-01T00:00:00Z",
      {
        "autos-korus": ["superseded", "2025-04-04T03:59:59.999Z"],
        "autos-232-25": ["superseded", KNOWN_DEC4],
        "autos-kr-15": ["in_effect", KNOWN_DEC4],
        "steel-232-50": ["in_effect", "2025-06-05T03:59:59.999Z"],
      },
    ],
  ] as const)("as of %s", (at, expected) => {
    expect(byKey(asOf(at))).toEqual(expected);
    // Input order does not matter.
    expect(byKey(latestAsOf([...AUTOS].reverse(), (v) => v.measureKey, d(at)))).toEqual(expected);
    // One row per key.
    expect(asOf(at)).toHaveLength(Object.keys(expected).length);
  });

  it("works for any type with knownAt, keyed by the caller", () => {
    const rows = [
      { k: "a", v: 1, knownAt: d("2025-01-01T00:00:00Z") },
      { k: "a", v: 2, knownAt: d("2025-02-01T00:00:00Z") },
      { k: "b", v: 3, knownAt: d("2025-03-01T00:00:00Z") },
    ];
    expect(latestAsOf(rows, (r) => r.k, d("2025-02-15T00:00:00Z")).map((r) => r.v)).toEqual([2]);
    expect(latestAsOf(rows, (r) => r.k, d("2025-03-01T00:00:00Z")).map((r) => r.v).sort()).toEqual([2, 3]);
    expect(latestAsOf([], (r: { knownAt: Date }) => String(r), d("2025-03-01T00:00:00Z"))).toEqual([]);
  });
});

describe("isInForce", () => {
  const E = "2025-04-09T04:01:00.000Z";
  const END = "2025-07-09T04:01:00.000Z";
  const statuses: [MeasureStatus, boolean][] = [
    ["in_effect", true],
    ["paused", true],
    ["superseded", true],
    ["rescinded", true],
    ["announced", true], // presumed in effect as scheduled
    ["threatened", false],
  ];

  it.each([
    // [status, effectiveAt, endsAt, t, expected]
    ["in_effect", E, null, "2025-04-09T04:00:59.999Z", false],
    ["in_effect", E, null, E, true], // effective boundary inclusive
    ["in_effect", E, null, "2030-01-01T00:00:00Z", true],
    ["in_effect", E, END, "2025-07-09T04:00:59.999Z", true],
    ["in_effect", E, END, END, false], // end exclusive
    ["in_effect", E, END, "2025-08-01T00:00:00Z", false],
    ["in_effect", null, null, "2025-08-01T00:00:00Z", false], // undated never in force
    // Paused with both ends: in force inside the interval only.
    ["paused", E, END, "2025-04-09T04:00:59.999Z", false],
    ["paused", E, END, E, true],
    ["paused", E, END, "2025-05-01T00:00:00Z", true],
    ["paused", E, END, END, false],
    ["superseded", E, END, "2025-05-01T00:00:00Z", true],
    ["rescinded", E, END, "2025-05-01T00:00:00Z", true],
    ["rescinded", E, END, END, false],
    // Announced counts from its effective instant (as scheduled); a threat never does, even inside its dates.
    ["announced", E, null, "2025-04-09T04:00:59.999Z", false],
    ["announced", E, null, "2025-05-01T00:00:00Z", true],
    ["announced", E, END, END, false],
    ["announced", null, null, "2025-05-01T00:00:00Z", false],
    ["threatened", E, null, "2025-05-01T00:00:00Z", false],
    ["threatened", E, END, E, false],
  ] as const)("%s [%s, %s) at %s → %s", (status, effectiveAt, endsAt, t, expected) => {
    expect(isInForce(m("x", { status, effectiveAt, endsAt }), d(t))).toBe(expected);
  });

  it.each(statuses)("status %s inside its interval → %s", (status, expected) => {
    expect(isInForce(m("x", { status, effectiveAt: E, endsAt: END }), d("2025-06-01T00:00:00Z"))).toBe(expected);
  });
});

describe("measureInForce", () => {
  const SET: MeasureLike[] = [
    m("base-0", { ratePct: 0, effectiveAt: "2012-03-15T04:00:00Z" }),
    m("hike-25", { ratePct: 25, effectiveAt: APR3 }),
    m("temp-50", { ratePct: 50, effectiveAt: "2025-06-01T04:01:00Z", endsAt: "2025-07-01T04:01:00Z" }),
    // Same effective instant as hike-25 but known later: the later-known one wins the tie.
    m("hike-25-restated", { ratePct: 27.5, effectiveAt: APR3, knownAt: "2025-04-10T00:00:00Z" }),
    // Not in force: a threat (whatever its date), or another sector with a later effective date.
    m("threat-100", { ratePct: 100, status: "threatened", effectiveAt: "2025-05-01T04:01:00Z" }),
    m("steel", { sector: "steel_aluminium", ratePct: 50, effectiveAt: "2025-06-04T04:01:00Z" }),
  ];

  it.each([
    ["autos", "2012-03-15T03:59:59Z", null],
    ["autos", "2025-04-03T04:00:59.999Z", "base-0"],
    ["autos", APR3, "hike-25-restated"],
    ["autos", "2025-05-15T00:00:00Z", "hike-25-restated"],
    ["autos", "2025-06-01T04:01:00Z", "temp-50"],
    ["autos", "2025-06-30T00:00:00Z", "temp-50"],
    // When the later one ends, the earlier overlapping one applies again.
    ["autos", "2025-07-01T04:01:00Z", "hike-25-restated"],
    ["steel_aluminium", "2025-06-04T04:00:00Z", null],
    ["steel_aluminium", "2025-06-10T00:00:00Z", "steel"],
    ["copper", "2025-06-10T00:00:00Z", null],
  ] as const)("%s at %s → %s", (sector, t, expected) => {
    expect(measureInForce(SET, sector as Sector, d(t))?.measureKey ?? null).toBe(expected);
  });

  it("the tie-break on equal effective instants does not depend on input order", () => {
    expect(measureInForce([...SET].reverse(), "autos", d("2025-05-15T00:00:00Z"))?.measureKey).toBe("hike-25-restated");
  });

  it("an empty list → null", () => {
    expect(measureInForce([], "autos", d("2025-05-15T00:00:00Z"))).toBeNull();
  });
});

describe("pendingMeasures", () => {
  const T = "2025-07-08T15:00:00.000Z";
  const SET: MeasureLike[] = [
    m("announced-aug1", { status: "announced", effectiveAt: "2025-08-01T04:01:00Z" }),
    m("threat-undated-1", { status: "threatened", effectiveAt: null }),
    m("threatened-jul9", { status: "threatened", effectiveAt: "2025-07-09T04:01:00Z" }),
    m("announced-undated-2", { status: "announced", effectiveAt: null }),
    m("announced-aug7", { status: "announced", effectiveAt: "2025-08-07T04:01:00Z" }),
    // Excluded:
    m("announced-past", { status: "announced", effectiveAt: "2025-04-09T04:01:00Z" }),
    m("announced-exactly-now", { status: "announced", effectiveAt: T }),
    m("in-effect-future", { status: "in_effect", effectiveAt: "2025-09-01T04:01:00Z" }),
    m("paused-future", { status: "paused", effectiveAt: "2025-09-01T04:01:00Z" }),
    m("other-sector", { sector: "semiconductors", status: "threatened", effectiveAt: "2025-07-20T04:01:00Z" }),
  ];

  it.each([
    ["as given", SET],
    ["reversed", [...SET].reverse()],
  ] as const)("soonest first, undated last, past/other excluded (input %s)", (_, input) => {
    const keys = pendingMeasures([...input], "autos", d(T)).map((x) => x.measureKey);
    expect(keys.slice(0, 3)).toEqual(["threatened-jul9", "announced-aug1", "announced-aug7"]);
    expect(keys.slice(3).sort()).toEqual(["announced-undated-2", "threat-undated-1"]);
  });

  it.each([
    // [t, expected dated keys in order]
    ["2025-07-09T04:00:59.999Z", ["threatened-jul9", "announced-aug1", "announced-aug7"]],
    ["2025-07-09T04:01:00.000Z", ["announced-aug1", "announced-aug7"]],
    ["2025-08-01T04:01:00.000Z", ["announced-aug7"]],
    ["2026-01-01T00:00:00.000Z", []],
  ] as const)("at %s the dated pending ones are %j", (t, expected) => {
    const dated = pendingMeasures(SET, "autos", d(t)).filter((x) => x.effectiveAt);
    expect(dated.map((x) => x.measureKey)).toEqual(expected);
  });

  it("other sectors have their own list", () => {
    expect(pendingMeasures(SET, "semiconductors", d(T)).map((x) => x.measureKey)).toEqual(["other-sector"]);
    expect(pendingMeasures(SET, "copper", d(T))).toEqual([]);
  });

  it("does not mutate its input", () => {
    const copy = [...SET];
    pendingMeasures(copy, "autos", d(T));
    expect(copy.map((x) => x.measureKey)).toEqual(SET.map((x) => x.measureKey));
  });
});

describe("rateSteps: Korean cars, KORUS 0% → 232 at 25% → the deal's 15%", () => {
  const FROM = "2025-01-01T00:00:00.000Z";

  it("with every version (hindsight): three steps, the 15% from Nov 1", () => {
    expect(simple(rateSteps(AUTOS, "autos", d(FROM), d("2025-12-31T00:00:00Z")))).toEqual([
      [FROM, 0, "autos-korus"],
      [APR3, 25, "autos-232-25"],
      [NOV1, 15, "autos-kr-15"],
    ]);
  });

  it("as of 2025-11-15 the 15% is not yet known, so the 25% still shows through to the end", () => {
    const at = "2025-11-15T00:00:00.000Z";
    const steps = rateSteps(asOf(at), "autos", d(FROM), d(at));
    expect(simple(steps)).toEqual([
      [FROM, 0, "autos-korus"],
      [APR3, 25, "autos-232-25"],
    ]);
    expect(rateOn(steps, "2025-11-01T04:01:00Z")).toBe(25);
    expect(rateOn(steps, at)).toBe(25);
    expect(measureInForce(asOf(at), "autos", d(at))?.ratePct).toBe(25);
    expect(pendingMeasures(asOf(at), "autos", d(at)).map((x) => x.measureKey)).toEqual(["autos-kr-15"]);
  });

  it.each([
    // [as of, expected steps] — the Dec 4 publication becomes known at the end of that New York day.
    ["2025-03-20T00:00:00.000Z", [[FROM, 0, "autos-korus"]]],
    // Announced, not yet in force: KORUS still applies on Apr 2.
    ["2025-04-02T12:00:00.000Z", [[FROM, 0, "autos-korus"]]],
    [
      "2025-04-10T00:00:00.000Z",
      [
        [FROM, 0, "autos-korus"],
        [APR3, 25, "autos-232-25"],
      ],
    ],
    [
      "2025-12-05T04:59:59.998Z",
      [
        [FROM, 0, "autos-korus"],
        [APR3, 25, "autos-232-25"],
      ],
    ],
    [
      KNOWN_DEC4,
      [
        [FROM, 0, "autos-korus"],
        [APR3, 25, "autos-232-25"],
        [NOV1, 15, "autos-kr-15"],
      ],
    ],
  ] as const)("as of %s", (at, expected) => {
    expect(simple(rateSteps(asOf(at), "autos", d(FROM), d(at)))).toEqual(expected);
  });

  it.each([
    // [as of, instant, rate in force then]
    ["2025-11-15T00:00:00.000Z", "2025-04-02T12:00:00Z", 0],
    ["2025-11-15T00:00:00.000Z", "2025-04-03T04:00:59.999Z", 0],
    ["2025-11-15T00:00:00.000Z", APR3, 25],
    ["2025-11-15T00:00:00.000Z", "2025-11-10T00:00:00Z", 25],
    ["2026-01-01T00:00:00.000Z", "2025-11-01T04:00:59.999Z", 25],
    ["2026-01-01T00:00:00.000Z", NOV1, 15],
    ["2026-01-01T00:00:00.000Z", "2025-12-31T00:00:00Z", 15],
  ] as const)("as of %s, the rate on %s is %i%%", (at, t, rate) => {
    const steps = rateSteps(asOf(at), "autos", d(FROM), d(at));
    expect(rateOn(steps, t)).toBe(rate);
    // The step function agrees with measureInForce at that instant.
    expect(measureInForce(asOf(at), "autos", d(t))?.ratePct).toBe(rate);
  });

  it("other sectors' boundaries produce no autos steps, and steel has its own", () => {
    const all = asOf("2026-01-01T00:00:00Z");
    expect(rateSteps(all, "autos", d(FROM), d("2026-01-01T00:00:00Z")).map((s) => s.at.toISOString())).not.toContain(
      "2025-06-04T04:01:00.000Z",
    );
    expect(simple(rateSteps(all, "steel_aluminium", d(FROM), d("2026-01-01T00:00:00Z")))).toEqual([
      [FROM, null, null],
      ["2025-06-04T04:01:00.000Z", 50, "steel-232-50"],
    ]);
  });
});

describe("rateSteps: boundaries", () => {
  const SET: MeasureLike[] = [
    m("a", { ratePct: 10, effectiveAt: "2025-02-01T00:00:00Z" }),
    m("b", { ratePct: 10, effectiveAt: "2025-03-01T00:00:00Z" }), // same rate, different measure → its own step
    m("c", { ratePct: 20, effectiveAt: "2025-04-01T00:00:00Z", endsAt: "2025-05-01T00:00:00Z" }),
    m("a", { ratePct: 10, effectiveAt: "2025-02-01T00:00:00Z", knownAt: "2025-02-15T00:00:00Z" }), // duplicate version
  ];

  it.each([
    // [from, to, expected]
    [
      "2025-01-01T00:00:00.000Z",
      "2025-12-31T00:00:00.000Z",
      [
        ["2025-01-01T00:00:00.000Z", null, null],
        ["2025-02-01T00:00:00.000Z", 10, "a"],
        ["2025-03-01T00:00:00.000Z", 10, "b"],
        ["2025-04-01T00:00:00.000Z", 20, "c"],
        ["2025-05-01T00:00:00.000Z", 10, "b"],
      ],
    ],
    // A change exactly at `to` is included; one after `to` is not.
    [
      "2025-01-01T00:00:00.000Z",
      "2025-04-01T00:00:00.000Z",
      [
        ["2025-01-01T00:00:00.000Z", null, null],
        ["2025-02-01T00:00:00.000Z", 10, "a"],
        ["2025-03-01T00:00:00.000Z", 10, "b"],
        ["2025-04-01T00:00:00.000Z", 20, "c"],
      ],
    ],
    [
      "2025-01-01T00:00:00.000Z",
      "2025-03-31T23:59:59.999Z",
      [
        ["2025-01-01T00:00:00.000Z", null, null],
        ["2025-02-01T00:00:00.000Z", 10, "a"],
        ["2025-03-01T00:00:00.000Z", 10, "b"],
      ],
    ],
    // Starting inside an interval: the first step is the state at `from`, not a duplicate at the boundary.
    [
      "2025-04-01T00:00:00.000Z",
      "2025-12-31T00:00:00.000Z",
      [
        ["2025-04-01T00:00:00.000Z", 20, "c"],
        ["2025-05-01T00:00:00.000Z", 10, "b"],
      ],
    ],
    [
      "2025-04-15T00:00:00.000Z",
      "2025-04-20T00:00:00.000Z",
      [["2025-04-15T00:00:00.000Z", 20, "c"]],
    ],
  ] as const)("from %s to %s", (from, to, expected) => {
    expect(simple(rateSteps(SET, "autos", d(from), d(to)))).toEqual(expected);
  });

  it("no measures → one null step at from", () => {
    expect(simple(rateSteps([], "autos", d("2025-01-01T00:00:00Z"), d("2025-12-31T00:00:00Z")))).toEqual([
      ["2025-01-01T00:00:00.000Z", null, null],
    ]);
  });

  it("steps are strictly increasing in time and never repeat the same (rate, measure)", () => {
    const steps = rateSteps(AUTOS, "autos", d("2000-01-01T00:00:00Z"), d("2030-01-01T00:00:00Z"));
    for (let i = 1; i < steps.length; i++) {
      expect(steps[i]!.at.getTime()).toBeGreaterThan(steps[i - 1]!.at.getTime());
      expect([steps[i]!.ratePct, steps[i]!.measureKey]).not.toEqual([steps[i - 1]!.ratePct, steps[i - 1]!.measureKey]);
    }
    expect(simple(steps)).toEqual([
      ["2000-01-01T00:00:00.000Z", null, null],
      [KORUS_EFFECTIVE, 0, "autos-korus"],
      [APR3, 25, "autos-232-25"],
      [NOV1, 15, "autos-kr-15"],
    ]);
  });
});
