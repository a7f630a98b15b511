// Linking a stated rate to the measure the tracker records (server/news/extract/measures.ts): the status it had on the
// article's date, never a later one; a cut of a higher rate reads as reduced; the article's own verbs win; no link
// without a publication date.
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { extractFacts } from "@/server/news/extract";
import { knownMeasures, linkedStatus, linkedTarget, type KnownMeasure, type MeasureInput } from "@/server/news/extract/measures";
import { SEEDED_MEASURES, trackedMeasures } from "@/server/news/ingest/tracked";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { of } from "./helpers";

const known = SEEDED_MEASURES;
const status = (sector: "autos" | "all_goods" | "steel" | "aluminum" | "pharmaceuticals", ratePct: number, country: "KR" | "ALL", on: string) =>
  linkedStatus({ sector, ratePct, country }, on, known)?.status ?? null;

describe("the tracker's measures as known on a day", () => {
  it("gives Korea's April 2025 rate of 25% as announced before April 9 and paused after, from what was known then", () => {
    expect(status("all_goods", 25, "KR", "2025-04-01")).toBeNull();
    expect(status("all_goods", 25, "KR", "2025-04-03")).toBe("announced");
    expect(status("all_goods", 25, "KR", "2025-04-20")).toBe("paused");
    // the July letter's 25% from August 1 is another measure, announced
    expect(status("all_goods", 25, "KR", "2025-07-10")).toBe("announced");
  });

  it("reads the deal's 15% on Korean cars as a cut until the notice puts it in effect", () => {
    expect(status("autos", 15, "KR", "2025-08-10")).toBe("reduced");
    expect(status("autos", 15, "KR", "2025-12-10")).toBe("in_effect");
  });

  it("takes everyone's Section 232 rate for a Korean rate when Korea has none of its own", () => {
    expect(status("steel", 50, "KR", "2025-06-02")).toBe("announced");
    expect(status("aluminum", 50, "KR", "2025-07-01")).toBe("in_effect");
    expect(linkedStatus({ sector: "steel", ratePct: 50, country: "KR" }, "2025-07-01", known)?.key).toBe("steel-alu-232-50");
  });

  it("links nothing to a rate the tracker does not know, or to a measure no longer in force", () => {
    expect(status("pharmaceuticals", 200, "ALL", "2025-07-10")).toBeNull();
    expect(status("autos", 25, "ALL", "2026-03-01")).toBeNull();
  });

  it("counts as a cut only a lower rate for the same goods that paid or were told to pay more", () => {
    const seed: MeasureInput[] = [
      { key: "high", target: "ALL", sector: "lumber", ratePct: 25, versions: [{ known: "2025-01-01", status: "in_effect" }] },
      { key: "low", target: "KR", sector: "lumber", ratePct: 15, versions: [{ known: "2025-02-01", status: "announced" }] },
      { key: "other", target: "KR", sector: "copper", ratePct: 10, versions: [{ known: "2025-02-01", status: "announced" }] },
    ];
    const measures = knownMeasures(seed);
    expect(measures.map((m) => [m.key, m.cut])).toEqual([["high", false], ["low", true], ["other", false]]);
  });
});

describe("stated rates take the linked status only where their own words are weak", () => {
  const tariff = (text: string, pub: string | null) => of(extractFacts(text, { publishedOn: pub, measures: known }), "tariff_rate").map((f) => [f.sector, f.ratePct, f.status, f.basis?.status?.cue]);

  it("a rate named with no verb of its own gets the measure's status on the article's date", () => {
    const text = "Korean steelmakers weigh U.S. plant options under the 50% steel levy.";
    expect(tariff(text, "2025-07-01")).toEqual([["steel", 50, "in_effect", "measure:steel-alu-232-50"]]);
    expect(tariff(text, "2025-06-03")).toEqual([["steel", 50, "announced", "measure:steel-alu-232-50"]]);
  });

  it("a verb that dates the rate wins over the tracker", () => {
    // the tracker has the 50% levy in effect on July 1; the sentence says it was put on hold
    expect(tariff("Washington put the 50% steel levy on hold for 30 days.", "2025-07-01")).toEqual([["steel", 50, "paused", "paused"]]);
    // and on June 3 the tracker has it announced, while the sentence says it is in force already
    expect(tariff("The 50% steel levy is already in force, officials said.", "2025-06-03")[0]?.slice(2)).toEqual(["in_effect", "already"]);
  });

  it("without a publication date, or without the tracker's measures, nothing is linked", () => {
    const text = "Korean steelmakers weigh U.S. plant options under the 50% steel levy.";
    expect(tariff(text, null)[0]?.[3]).not.toMatch(/^measure:/);
    expect(of(extractFacts(text, { publishedOn: "2025-07-01" }), "tariff_rate")[0]?.basis?.status?.cue).not.toMatch(/^measure:/);
  });
});

describe.each(testDatabases())("the measures ingest links to, read from the database on $name", ({ name }) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
  });
  afterAll(() => tdb?.close());

  it("are the seed's measures, version for version", async () => {
    const byKey = (ms: readonly KnownMeasure[]) => Object.fromEntries(ms.map((m) => [m.key, m]));
    expect(byKey(await trackedMeasures(tdb.db))).toEqual(byKey(SEEDED_MEASURES));
  });

  it("include an editor's new version from the day it is known", async () => {
    // the 2026 metals annexes (50%) are in effect; an editor records a pause known on 1 December
    const [metals] = await tdb.db.select().from(t.tariffMeasures).where(eq(t.tariffMeasures.measureKey, "metals-232-annexes-2026")).orderBy(desc(t.tariffMeasures.knownAt)).limit(1);
    const { id: _id, ...row } = metals!;
    await tdb.db.insert(t.tariffMeasures).values({ ...row, status: "paused", knownAt: new Date("2026-12-01T17:00:00Z") });
    const measures = await trackedMeasures(tdb.db);
    expect(linkedStatus({ sector: "steel", ratePct: 50, country: "ALL" }, "2026-11-30", measures)).toEqual({ key: "metals-232-annexes-2026", status: "in_effect" });
    expect(linkedStatus({ sector: "steel", ratePct: 50, country: "ALL" }, "2026-12-01", measures)).toEqual({ key: "metals-232-annexes-2026", status: "paused" });
  });
});

describe("a rate whose country only the sentence suggested takes the one target of its live measures", () => {
  it("the deal's 15% on cars is Korea's even when the sentence names every country", () => {
    const text = "Tariffs. Korean cars are still paying 25 percent, the Section 232 rate on vehicles from every country, because the cut to 15 percent agreed in July has yet to take effect.";
    const rows = of(extractFacts(text, { publishedOn: "2025-09-01", measures: known }), "tariff_rate").map((f) => [f.sector, f.ratePct, f.country, f.basis?.country?.cue]);
    expect(rows).toContainEqual(["autos", 15, "KR", "measure:autos-kr-15"]);
    // the 25% is everyone's by the rate's own words, which win
    expect(rows.find((r) => r[1] === 25)?.[2]).toBe("ALL");
  });
  it("no single target (a 25% both Korea's and everyone's on the day) or no measure: the sentence's reading stays", () => {
    expect(linkedTarget({ sector: "autos", ratePct: 25 }, "2025-05-01", known)?.target).toBe("ALL");
    expect(linkedTarget({ sector: "all_goods", ratePct: 25 }, "2025-04-05", known)?.target).toBe("KR");
    expect(linkedTarget({ sector: "copper", ratePct: 30 }, "2025-08-05", known)).toBeNull();
  });
});

describe("the rate a cut starts from, when its measure was replaced before publication, is not a rate of the article", () => {
  const rates = (text: string, pub: string) => of(extractFacts(text, { publishedOn: pub, measures: known }), "tariff_rate").map((f) => [f.sector, f.ratePct]);
  it("on the deal's day the announced 25% is gone; the 25% cars still pay is not", () => {
    const text = "미국이 한국산 제품에 예고했던 25%의 상호관세는 15%로 낮아지고, 자동차 관세 역시 25%에서 15%로 인하된다.";
    expect(rates(text, "2025-07-31")).not.toContainEqual(["all_goods", 25]);
    expect(rates(text, "2025-07-31")).toContainEqual(["all_goods", 15]);
  });
  it("without the tracker's measures, or before the replacement was known, the old rate stays", () => {
    const text = "미국이 한국산 제품에 예고했던 25%의 상호관세는 15%로 낮아질 수 있다.";
    expect(rates(text, "2025-07-20")).toContainEqual(["all_goods", 25]);
    expect(of(extractFacts(text, { publishedOn: "2025-07-31" }), "tariff_rate").map((f) => f.ratePct)).toContain(25);
  });
});
