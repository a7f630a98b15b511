// Dating a KOSPI move from the tracker's series (server/news/extract/closes.ts): a stated close names its trading day,
// within the year before publication (any day without one); a change to the hundredth names a session only in the
// days up to publication and only when one session fits; the database's closes are the seed's.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { extractFacts } from "@/server/news/extract";
import { dateFromCloses, type DailyClose } from "@/server/news/extract/closes";
import { timeFrame } from "@/server/news/extract/context";
import type { MarketMoveFact } from "@/server/news/extract/types";
import { seededTracked, trackedFor, trackedFromDb } from "@/server/news/ingest/tracked";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { of } from "./helpers";

const closes: DailyClose[] = [
  { date: "2025-04-03", close: 2486.7 },
  { date: "2025-04-04", close: 2465.42 },
  { date: "2025-04-07", close: 2328.2 },
  { date: "2025-04-08", close: 2334.23 },
];
const move = (m: Partial<MarketMoveFact>): MarketMoveFact => ({ kind: "market_move", index: "KOSPI", changePct: null, level: null, date: null, evidence: { text: "", start: 0, end: 0 }, confidence: 0, ...m });
const dated = (m: Partial<MarketMoveFact>, pub: string | null) => (dateFromCloses(move(m), timeFrame("", pub), closes) as MarketMoveFact).date;

describe("a KOSPI move dated by the series", () => {
  it("by its close, over the text's looser day, with or without a publication date", () => {
    expect(dated({ level: 2328.2, date: "2025-04-04" }, "2025-04-08")).toBe("2025-04-07");
    expect(dated({ level: 2328.2 }, null)).toBe("2025-04-07");
    // a close after publication, or one the series does not have, names nothing
    expect(dated({ level: 2328.2 }, "2025-04-05")).toBeNull();
    expect(dated({ level: 2400.5, date: "2025-04-04" }, "2025-04-08")).toBe("2025-04-04");
  });
  it("by its change only without a day, in the days up to publication, when one session fits", () => {
    // 2328.20 / 2465.42 - 1 = -5.57%
    expect(dated({ changePct: -5.57 }, "2025-04-08")).toBe("2025-04-07");
    expect(dated({ changePct: -5.57, date: "2025-04-01" }, "2025-04-08")).toBe("2025-04-01");
    expect(dated({ changePct: -5.57 }, null)).toBeNull();
    expect(dated({ changePct: 9.99 }, "2025-04-08")).toBeNull();
  });
  it("in an article, with the seed's series", () => {
    const text = "The KOSPI plunged 5.57 percent to finish at 2,328.20, after slipping 0.86 percent on Friday.";
    const got = of(extractFacts(text, { publishedOn: "2025-04-08", ...seededTracked() }), "market_move");
    expect(got.find((m) => m.level === 2328.2)).toMatchObject({ date: "2025-04-07", basis: { date: { cue: "close:2025-04-07" } } });
  });
});

describe.each(testDatabases())("the closes ingest reads from the database, once per data version, on $name", ({ name }) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
  });
  afterAll(() => tdb?.close());
  it("are the seed's, day for day", async () => {
    expect((await trackedFromDb(tdb.db)).closes).toEqual(seededTracked().closes);
  });
  // (after the test above, which reads the seeded closes only)
  it("reuses the last read until a close (or an audited edit) moves the data version", async () => {
    const first = await trackedFor(tdb.db);
    expect(await trackedFor(tdb.db)).toBe(first);
    const [kospi] = await tdb.db.select().from(t.series).where(eq(t.series.key, "kospi"));
    await tdb.db.insert(t.observations).values({ seriesId: kospi!.id, date: "2026-08-28", close: 6001.23, knownAt: new Date("2026-08-28T06:30:00Z") });
    const next = await trackedFor(tdb.db);
    expect(next).not.toBe(first);
    expect(next.closes?.at(-1)).toEqual({ date: "2026-08-28", close: 6001.23 });
  });
});
