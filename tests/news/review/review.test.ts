// The review queue on the real seed (PGlite, and PostgreSQL with TEST_DATABASE_URL), through the tRPC caller: facts
// that contradict tracked records arrive flagged; accepting writes the record through the edit services with the
// article as a cited source (locator = the evidence sentence) and audits it all in one transaction; edits are
// checked per kind; rejects are kept; a contradiction needs a choice; a failure half-way writes nothing.
import type { TRPCError } from "@trpc/server";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import type { Db } from "@/db/client";
import { seedDatabase } from "@/db/seed";
import type { Fact } from "@/server/news/extract/types";
import { storeProposals } from "@/server/news/review/propose";
import { upcomingDeadlinesAsOf } from "@/server/dashboard/deadlines";
import { listFigures } from "@/server/dashboard/support";
import { getSectorDetail } from "@/server/dashboard/sector";
import { callerAs, errorOf, insertTestUsers, testUsers, type Caller } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { storeArticleWithProposals } from "./proposals";

const NOW = new Date("2026-11-23T03:00:00Z");
const { editor, viewer } = testUsers;

// Our own sentences; each fact's evidence is located in the text.
const TEXT = [
  "Washington moved to lift the levy on Korean cars to 25% with immediate effect, officials said on Friday.",
  "Seoul negotiators face a December 15 deadline for the chip tariff talks.",
  "Separately, the White House announced a 25% tariff on Korean semiconductors starting January 1.",
  "Customs data put last year's surplus with the US at $66 billion for 2024.",
  "The KOSPI closed at 2,900.5 on Monday, November 16.",
  "The benchmark ended at 3,000.0 points on the day of the announcement in April.",
].join("\n");

function evidence(sentenceStart: string) {
  const start = TEXT.indexOf(sentenceStart);
  if (start < 0) throw new Error(`not in the text: ${sentenceStart}`);
  const end = TEXT.indexOf("\n", start) < 0 ? TEXT.length : TEXT.indexOf("\n", start);
  return { start, end, text: TEXT.slice(start, end) };
}

const FACTS: Fact[] = [
  { kind: "tariff_rate", sector: "autos", ratePct: 25, country: "KR", status: "in_effect", effective: null, evidence: evidence("Washington moved"), confidence: 0.8 },
  { kind: "deadline", date: "2026-12-15", what: "chip tariff talks deadline", evidence: evidence("Seoul negotiators"), confidence: 0.7 },
  { kind: "tariff_rate", sector: "semiconductors", ratePct: 25, country: "KR", status: "announced", effective: "2027-01-01", evidence: evidence("Separately"), confidence: 0.9 },
  { kind: "trade_balance", amountUsd: 66e9, year: 2024, evidence: evidence("Customs data"), confidence: 0.9 },
  { kind: "market_move", index: "KOSPI", changePct: null, level: 2900.5, date: "2026-11-16", evidence: evidence("The KOSPI closed"), confidence: 0.9 },
  { kind: "market_move", index: "KOSPI", changePct: null, level: 3000, date: "2025-04-09", evidence: evidence("The benchmark"), confidence: 0.6 },
];

describe.each(testDatabases())("review queue on $name", ({ name }) => {
  let tdb: TestDatabase;
  let api: Caller;
  let articleId: number;
  const ids: number[] = [];

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    await insertTestUsers(tdb.db, [editor, viewer]);
    api = callerAs(tdb.db, editor, { now: NOW });
    const stored = await storeArticleWithProposals(tdb.db, { origin: "paste", url: "https://news.example.org/2026/11/cars", contentHash: "review-test-1", title: "Car levy raised, chip talks loom", publisher: null, publishedOn: "2026-11-20", language: "en", text: TEXT, factCount: FACTS.length, createdBy: editor.id, createdAt: NOW }, FACTS, NOW);
    articleId = stored.articleId;
    ids.push(...stored.ids);
  });
  afterAll(() => tdb?.close());

  const proposal = async (i: number) => (await tdb.db.select().from(t.factProposals).where(eq(t.factProposals.id, ids[i]!)))[0]!;
  const articleSourceId = async () => (await tdb.db.select().from(t.articles).where(eq(t.articles.id, articleId)))[0]!.sourceId;
  const auditCount = async () => (await tdb.db.select({ n: count() }).from(t.auditLog))[0]!.n;

  it("flags the facts that contradict tracked records, and only those", async () => {
    const list = await api.review.list({ articleId, limit: 50 });
    expect(list).toHaveLength(6);
    expect((await proposal(0)).conflict).toEqual({ recordType: "measure", recordKey: "autos-kr-15", field: "ratePct", tracked: 15, proposed: 25, title: expect.any(String) });
    expect((await proposal(3)).conflict).toMatchObject({ recordType: "figure", recordKey: "trade-balance-kr-us-2024", tracked: 55.7e9, proposed: 66e9 });
    expect((await proposal(5)).conflict).toMatchObject({ recordType: "series", recordKey: "kospi", field: "close:2025-04-09" });
    for (const i of [1, 2, 4]) expect((await proposal(i)).conflict).toBeNull();
    const conflicts = await api.review.list({ conflictsOnly: true, articleId, limit: 50 });
    expect(conflicts.map((p) => p.id).sort()).toEqual([ids[0], ids[3], ids[5]].sort());
    const article = await api.review.article({ id: articleId });
    expect(article.article.text).toBe(TEXT);
    expect(article.proposals.map((p) => p.ordinal)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("lists the least sure first, paging on without repeats", async () => {
    const all = await api.review.list({ articleId, order: "confidence", limit: 50 });
    const confidences = all.map((p) => p.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    const first = await api.review.list({ articleId, order: "confidence", limit: 2 });
    const rest = await api.review.list({ articleId, order: "confidence", limit: 50, before: first.at(-1)!.id });
    expect([...first, ...rest].map((p) => p.id)).toEqual(all.map((p) => p.id));
  });

  it("a viewer reads the queue but cannot accept, edit or reject", async () => {
    const asViewer = callerAs(tdb.db, viewer, { now: NOW });
    expect((await asViewer.review.list({ limit: 5 })).length).toBeGreaterThan(0);
    expect((await errorOf(asViewer.review.accept({ id: ids[1]! }))).code).toBe("FORBIDDEN");
    expect((await errorOf(asViewer.review.reject({ id: ids[1]! }))).code).toBe("FORBIDDEN");
  });

  it("a failure half-way writes nothing: the source row, the record and the status stay as they were", async () => {
    const audits = await auditCount();
    const e = await errorOf(api.review.accept({ id: ids[2]!, target: "no-such-measure" }));
    expect(e.code).toBe("NOT_FOUND");
    expect(await articleSourceId()).toBeNull();
    expect(await tdb.db.select().from(t.sources).where(eq(t.sources.key, `news-article-${articleId}`))).toHaveLength(0);
    expect((await proposal(2)).status).toBe("pending");
    expect(await auditCount()).toBe(audits);
  });

  it("accepting a deadline creates it with the article as its source, cited at the sentence; audited", async () => {
    const result = await api.review.accept({ id: ids[1]! });
    expect(result.recordType).toBe("deadline");
    const sourceId = await articleSourceId();
    expect(sourceId).toBe(result.sourceId);
    const [source] = await tdb.db.select().from(t.sources).where(eq(t.sources.id, sourceId!));
    expect(source).toMatchObject({ kind: "news", title: "Car levy raised, chip talks loom", publisher: "news.example.org", publishedOn: "2026-11-20", url: "https://news.example.org/2026/11/cars" });
    const [citation] = await tdb.db.select().from(t.citations).where(and(eq(t.citations.recordType, "deadline"), eq(t.citations.recordKey, result.recordKey)));
    expect(citation).toMatchObject({ sourceId, locator: FACTS[1]!.evidence.text });
    const upcoming = await upcomingDeadlinesAsOf(tdb.db, NOW, 100);
    const created = upcoming.find((d) => d.deadlineKey === result.recordKey);
    expect(created).toMatchObject({ kind: "negotiation", precision: "day", dueZone: "America/New_York", dueAt: new Date("2026-12-15T05:00:00Z") });
    expect(created!.sources.map((s) => s.key)).toEqual([source!.key]);
    expect(await proposal(1)).toMatchObject({ status: "accepted", recordType: "deadline", recordKey: result.recordKey, reviewedBy: editor.id, reviewedAt: NOW });
    const audited = await tdb.db.select().from(t.auditLog).where(eq(t.auditLog.at, NOW));
    expect(audited.map((a) => `${a.recordType}:${a.action}`).sort()).toEqual(["deadline:create", "proposal:update", "source:create"]);
  });

  it("accepting twice is refused, and the source row is made once per article", async () => {
    const e = await errorOf(api.review.accept({ id: ids[1]! }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/already accepted/);
    const result = await api.review.accept({ id: ids[2]! });
    expect(result.sourceId).toBe(await articleSourceId());
    const chips = await getSectorDetail(tdb.db, "semiconductors", NOW, new Date("2025-01-01T00:00:00Z"));
    const measure = chips.measures.find((m) => m.measureKey === result.recordKey)!;
    expect(measure).toMatchObject({ title: "US tariff on Korean semiconductors: 25%", ratePct: 25, status: "announced", targetCountry: "KR", announcedOn: "2026-11-20" });
    expect(measure.sources.map((s) => s.key)).toEqual([`news-article-${articleId}`]);
    expect(await tdb.db.select().from(t.sources).where(eq(t.sources.key, `news-article-${articleId}`))).toHaveLength(1);
  });

  it("an edit is checked against the fact's kind; a bad value changes nothing", async () => {
    const before = await proposal(0);
    const bad = await errorOf(api.review.edit({ id: ids[0]!, patch: { ratePct: -5 } }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/ratePct must be between 0 and 1000/);
    const unknown = await errorOf(api.review.edit({ id: ids[0]!, patch: { colour: "red" } }));
    expect(unknown.message).toMatch(/colour is not a field/);
    const badDate = await errorOf(api.review.edit({ id: ids[0]!, patch: { effective: "2026-02-30" } }));
    expect(badDate.message).toMatch(/effective must be a calendar date/);
    expect(await proposal(0)).toEqual(before);
    // Editing it to agree with the tracked rate clears the conflict flag; the extracted fact is kept.
    const edited = await api.review.edit({ id: ids[0]!, patch: { ratePct: 15 } });
    expect(edited.conflict).toBeNull();
    expect(edited.fact).toMatchObject({ ratePct: 15, sector: "autos" });
    expect(edited.extracted).toMatchObject({ ratePct: 25 });
    await api.review.edit({ id: ids[0]!, patch: { ratePct: 25 } });
    expect((await proposal(0)).conflict).toMatchObject({ recordKey: "autos-kr-15", tracked: 15, proposed: 25 });
  });

  it("a contradiction needs a choice and a note; keeping the tracked value opens a conflict with both sources", async () => {
    const e = await errorOf(api.review.accept({ id: ids[0]! }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toMatch(/contradicts .*15 tracked, 25 in the article/);
    expect((await errorOf(api.review.accept({ id: ids[0]!, conflictChoice: "keep_tracked" }))).message).toMatch(/note/);
    expect((await proposal(0)).status).toBe("pending");
    const result = await api.review.accept({ id: ids[0]!, conflictChoice: "keep_tracked", note: "Single report; the proclamation says 15%" });
    expect(result).toMatchObject({ recordType: "measure", recordKey: "autos-kr-15", conflictOpened: true });
    const conflicts = await api.conflicts.list({ asOf: NOW.toISOString() });
    const opened = conflicts.find((c) => c.recordKey === "autos-kr-15");
    expect(opened?.status).toBe("open");
    expect(opened!.claims.map((c) => c.value).sort()).toEqual([15, 25]);
    expect(opened!.claims.find((c) => c.value === 25)!.source.key).toBe(`news-article-${articleId}`);
    // The tracked rate is unchanged.
    const autos = await getSectorDetail(tdb.db, "autos", NOW, new Date("2025-01-01T00:00:00Z"));
    expect(autos.inForce?.ratePct).toBe(15);
  });

  it("using the article's value writes a new version of the figure, citing the article", async () => {
    await api.review.accept({ id: ids[3]!, conflictChoice: "use_article", note: "Revised customs data" });
    const balance = (await listFigures(tdb.db, NOW, "trade_balance")).find((f) => f.figureKey === "trade-balance-kr-us-2024")!;
    expect(balance.value).toBe(66e9);
    expect(balance.sources.map((s) => s.key)).toContain(`news-article-${articleId}`);
    const past = (await listFigures(tdb.db, new Date("2026-01-01T00:00:00Z"), "trade_balance")).find((f) => f.figureKey === "trade-balance-kr-us-2024")!;
    expect(past.value).toBe(55.7e9);
  });

  it("a KOSPI level becomes an observation only for a day not yet tracked; tracked data wins otherwise", async () => {
    const e = await errorOf(api.review.accept({ id: ids[5]!, conflictChoice: "use_article", note: "x" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/already tracked.*reject/);
    await api.review.accept({ id: ids[4]! });
    const [obs] = await tdb.db
      .select({ close: t.observations.close })
      .from(t.observations)
      .innerJoin(t.series, eq(t.series.id, t.observations.seriesId))
      .where(and(eq(t.series.key, "kospi"), eq(t.observations.date, "2026-11-16")));
    expect(obs?.close).toBe(2900.5);
  });

  it("reject keeps the proposal with the note; it cannot be changed afterwards", async () => {
    const rejected = await api.review.reject({ id: ids[5]!, note: "Level misread" });
    expect(rejected).toMatchObject({ status: "rejected", reviewNote: "Level misread", reviewedBy: editor.id });
    expect((await errorOf(api.review.edit({ id: ids[5]!, patch: { level: 2300 } }))).code).toBe("CONFLICT");
    expect((await errorOf(api.review.accept({ id: ids[5]! }))).code).toBe("CONFLICT");
    const pending = await api.review.list({ status: "pending", articleId, limit: 50 });
    expect(pending).toHaveLength(0);
    expect(await api.review.counts()).toMatchObject({ accepted: 5, rejected: 1 });
  });

  it("two editors accepting the same proposal at once: one wins, the other is refused; one record, one source", async () => {
    const text = "Officials confirmed the 50% copper levy applies to Korean shipments as well.";
    const other = await tdb.db.transaction(async (tx) => {
      const [a] = await tx
        .insert(t.articles)
        .values({ origin: "paste", contentHash: "review-test-2", title: "Copper levy confirmed", language: "en", text, factCount: 1, createdAt: NOW })
        .returning();
      const fact: Fact = { kind: "tariff_rate", sector: "copper", ratePct: 50, country: "KR", status: "announced", effective: null, evidence: { start: 0, end: text.length, text }, confidence: 0.7 };
      await storeProposals(tx as unknown as Db, a!.id, [fact], NOW);
      return a!.id;
    });
    const [p] = await tdb.db.select().from(t.factProposals).where(eq(t.factProposals.articleId, other));
    const results = await Promise.allSettled([api.review.accept({ id: p!.id }), api.review.accept({ id: p!.id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((failed.reason as TRPCError).code).toBe("CONFLICT");
    const key = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ recordKey: string }>).value.recordKey;
    expect(key).toBe("copper-kr-50-2026-11-22");
    const versions = await tdb.db.select().from(t.tariffMeasures).where(eq(t.tariffMeasures.measureKey, key));
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ title: "US tariff on Korean copper: 50%", status: "announced", announcedOn: null });
    const [source] = await tdb.db.select().from(t.sources).where(eq(t.sources.key, `news-article-${other}`));
    expect(source).toMatchObject({ publisher: "Unknown publisher", url: null, kind: "news" });
  });
});
