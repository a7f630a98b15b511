// Accepting proposals of the kinds review.test.ts does not write: budgets (created with the status the sentence
// states; a contradicting amount written when the editor takes the article's), new figures (a tax change, a pledge
// forced new), and a tariff written into the measure the editor picks rather than the one it matches.
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import type { Fact } from "@/server/news/extract/types";
import { callerAs, insertTestUsers, testUsers, type Caller } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { storeArticleWithProposals } from "./proposals";

const NOW = new Date("2026-11-23T03:00:00Z");
const { editor } = testUsers;

// Our own sentences, one per fact.
const SENTENCES = [
  "The Assembly passed KRW 5 trillion of semiconductor fab subsidies.",
  "Emergency policy finance for the auto industry was put at KRW 16 trillion.",
  "The fuel tax falls from 20% to 15% until the end of 2026.",
  "Korean firms pledged $20 billion for battery plants in Georgia.",
  "Officials said a 10% levy on Korean cars was under discussion.",
];
const TEXT = SENTENCES.join("\n");
const evidence = (i: number) => {
  const start = TEXT.indexOf(SENTENCES[i]!);
  return { start, end: start + SENTENCES[i]!.length, text: SENTENCES[i]! };
};

const FACTS: Fact[] = [
  { kind: "budget", amount: 5e12, currency: "KRW", purpose: "semiconductor fab subsidies", evidence: evidence(0), confidence: 0.8 },
  { kind: "budget", amount: 16e12, currency: "KRW", purpose: "emergency policy finance for the auto industry", evidence: evidence(1), confidence: 0.8 },
  { kind: "tax_change", tax: "fuel tax", fromPct: 20, toPct: 15, until: "2026-12-31", evidence: evidence(2), confidence: 0.8 },
  { kind: "investment_pledge", amountUsd: 20e9, purpose: "battery plants in Georgia", evidence: evidence(3), confidence: 0.8 },
  { kind: "tariff_rate", sector: "autos", ratePct: 10, country: "KR", status: "announced", effective: null, evidence: evidence(4), confidence: 0.6 },
];

describe.each(testDatabases())("accepting budgets, figures and picked tariffs on $name", ({ name }) => {
  let tdb: TestDatabase;
  let api: Caller;
  const ids: number[] = [];

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    await insertTestUsers(tdb.db, [editor]);
    api = callerAs(tdb.db, editor, { now: NOW });
    const stored = await storeArticleWithProposals(tdb.db, { origin: "paste", url: "https://www.example.org/2026/11/budget", contentHash: "writers-test-1", title: "Budgets and pledges", publisher: null, publishedOn: "2026-11-20", language: "en", text: TEXT, factCount: FACTS.length, createdBy: editor.id, createdAt: NOW }, FACTS, NOW);
    ids.push(...stored.ids);
  });
  afterAll(() => tdb?.close());

  const latestBudget = async (key: string) =>
    (await tdb.db.select().from(t.budgets).where(eq(t.budgets.budgetKey, key)).orderBy(desc(t.budgets.knownAt)))[0];
  const latestFigure = async (key: string) =>
    (await tdb.db.select().from(t.figures).where(eq(t.figures.figureKey, key)).orderBy(desc(t.figures.knownAt)))[0];
  const locator = async (recordType: "budget" | "figure" | "measure", recordKey: string) =>
    (await tdb.db.select().from(t.citations).where(and(eq(t.citations.recordType, recordType), eq(t.citations.recordKey, recordKey))))
      .map((c) => c.locator)
      .filter(Boolean);

  it("a new budget takes the status its sentence states and the article's date, cited at the sentence", async () => {
    const result = await api.review.accept({ id: ids[0]! });
    expect(result).toMatchObject({ recordType: "budget", recordKey: "budget-semiconductor-fab-subsidies", conflictOpened: false });
    expect(await latestBudget(result.recordKey)).toMatchObject({
      title: "Semiconductor fab subsidies",
      amount: 5e12,
      currency: "KRW",
      status: "passed",
      proposedOn: "2026-11-20",
      passedOn: "2026-11-20",
      executedOn: null,
      knownAt: NOW,
    });
    expect(await locator("budget", result.recordKey)).toEqual([SENTENCES[0]]);
  });

  it("a contradicting budget amount is written only with the editor's choice and a note", async () => {
    await expect(api.review.accept({ id: ids[1]! })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const result = await api.review.accept({ id: ids[1]!, conflictChoice: "use_article", note: "Raised again" });
    expect(result).toMatchObject({ recordType: "budget", recordKey: "auto-policy-finance-2025" });
    expect((await latestBudget("auto-policy-finance-2025"))!.amount).toBe(16e12);
  });

  it("a new tax change and a pledge forced new become figures under keys made from their words", async () => {
    const tax = await api.review.accept({ id: ids[2]! });
    expect(tax.recordKey).toBe("tax-fuel-tax-15");
    expect(await latestFigure(tax.recordKey)).toMatchObject({ kind: "tax_rate_change", title: "Fuel tax: 20% → 15%", value: 15, fromValue: 20, unit: "pct", validUntil: "2026-12-31" });
    const pledge = await api.review.accept({ id: ids[3]!, target: "new" });
    expect(pledge.recordKey).toBe("pledge-battery-plants-in-georgia");
    expect(await latestFigure(pledge.recordKey)).toMatchObject({ kind: "investment_pledge", title: "Investment pledge: battery plants in Georgia", value: 20e9, unit: "USD", period: null });
  });

  it("a tariff accepted into the measure the editor picks becomes that measure's new version", async () => {
    const result = await api.review.accept({ id: ids[4]!, target: "autos-232-25", note: "Same measure, new rate" });
    expect(result).toMatchObject({ recordType: "measure", recordKey: "autos-232-25" });
    const [version] = await tdb.db.select().from(t.tariffMeasures).where(eq(t.tariffMeasures.measureKey, "autos-232-25")).orderBy(desc(t.tariffMeasures.knownAt));
    // The rate the article states; the status stays (an announcement does not move a measure back).
    expect(version).toMatchObject({ ratePct: 10, status: "superseded", knownAt: NOW });
    expect(await locator("measure", "autos-232-25")).toEqual([SENTENCES[4]]);
  });
});
