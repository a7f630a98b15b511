// Every answer bounded by design (issue 13), the lists: at 100× the seed each page holds at most its cap, paging from
// the start reaches every row exactly once, and a limit above the cap is refused naming it. The edit pages' records and
// source choices, the sources and conflicts, support budgets and figures, and the admin lists (subscribers, contact
// points, accounts, the review queue). The dashboard, market and REST answers: bounds.test.ts.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { MAX_ADMIN_PAGE } from "@/server/alerts/constants";
import { latestVersionAt } from "@/server/core/versions";
import { MAX_BUDGETS, MAX_FIGURES, MAX_SOURCE_CONFLICTS, MAX_SOURCES } from "@/server/dashboard/constants";
import { MAX_NEWS_PAGE } from "@/server/news/constants";
import { MAX_CONFLICTS, MAX_RECORDS, MAX_SOURCE_CHOICES } from "@/server/records/constants";
import { callerAs, errorOf, type Caller } from "@/tests/helpers/api";
import { pageThrough } from "@/tests/helpers/bounds";
import { testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { EXTRA, openHundredfold } from "@/tests/helpers/hundredfold";

const NOW = new Date("2026-11-23T03:00:00Z");

describe.each(testDatabases())("lists at 100× the seed on $name", ({ name }) => {
  let tdb: TestDatabase;
  let editor: Caller;
  let admin: Caller;
  beforeAll(async () => {
    tdb = await openHundredfold(name);
    editor = callerAs(tdb.db, "editor", { now: NOW });
    admin = callerAs(tdb.db, "admin", { now: NOW });
  });
  afterAll(() => tdb?.close());

  it("records.list: every measure in force, page by page, each once; the counts on /edit come from the total", async () => {
    const all = await pageThrough(
      async (offset) => {
        const page = await editor.records.list({ kind: "measure", offset, limit: MAX_RECORDS });
        return { rows: page.records, total: page.total };
      },
      { limit: MAX_RECORDS, keyOf: (r) => r.key },
    );
    const [keys] = await tdb.db.select({ n: sql<number>`count(distinct ${t.tariffMeasures.measureKey})::int` }).from(t.tariffMeasures);
    expect(all.length).toBe(Number(keys!.n));
    expect((await editor.records.list({ kind: "deadline", limit: 1 })).records).toHaveLength(1);
    expect((await errorOf(editor.records.list({ kind: "measure", limit: MAX_RECORDS + 1 }))).message).toContain(`at most ${MAX_RECORDS}`);
  });

  it("records.sourceChoices: the newest few hundred, narrowed by search, with the cited ones whatever their age", async () => {
    const newest = await editor.records.sourceChoices();
    expect(newest).toHaveLength(MAX_SOURCE_CHOICES);
    const dates = newest.map((c) => c.publishedOn ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    const found = await editor.records.sourceChoices({ search: "source 12:" });
    expect(found.map((c) => c.key)).toEqual(["syn-src-0012"]);
    const [oldest] = await tdb.db.select().from(t.sources).orderBy(t.sources.publishedOn).limit(1);
    expect(newest.some((c) => c.id === oldest!.id)).toBe(false);
    const withCited = await editor.records.sourceChoices({ ids: [oldest!.id] });
    expect(withCited.length).toBe(MAX_SOURCE_CHOICES + 1);
    expect(withCited.some((c) => c.id === oldest!.id)).toBe(true);
  });

  it("sources.list: every source once across the pages, statements of the page's sources only, conflicts capped", async () => {
    const all = await pageThrough(
      async (offset) => {
        const page = await editor.sources.list({ offset, limit: MAX_SOURCES });
        expect(page.conflicts.length).toBeLessThanOrEqual(MAX_SOURCE_CONFLICTS);
        expect(page.conflictsTotal).toBeGreaterThan(page.conflicts.length);
        return { rows: page.sources, total: page.total };
      },
      { limit: MAX_SOURCES, keyOf: (s) => s.key },
    );
    expect(all.length).toBeGreaterThan(1000);
    expect(all.filter((s) => s.statements.length > 0).length).toBeGreaterThan(0);
    expect((await errorOf(editor.sources.list({ limit: MAX_SOURCES + 1 }))).code).toBe("BAD_REQUEST");
  });

  it("conflicts: open and resolved page through to their counts, each once and in the status asked", async () => {
    const counts = await editor.conflicts.counts({});
    expect(counts.open + counts.resolved).toBeGreaterThanOrEqual(EXTRA.conflicts);
    for (const status of ["open", "resolved"] as const) {
      const all = await pageThrough(
        async (offset) => ({ rows: await editor.conflicts.list({ status, offset, limit: 100 }), total: counts[status] }),
        { limit: 100, keyOf: (c) => c.key },
      );
      expect(all.every((c) => c.status === status && c.claims.length >= 2)).toBe(true);
    }
    // As of a date before the synthetic ones were known, the counts and the pages agree that there were fewer.
    const then = await editor.conflicts.counts({ asOf: "2013-03-01" });
    expect((await editor.conflicts.list({ asOf: "2013-03-01", limit: MAX_CONFLICTS })).length).toBe(then.open + then.resolved);
    expect((await errorOf(editor.conflicts.list({ limit: MAX_CONFLICTS + 1 }))).code).toBe("BAD_REQUEST");
  });

  it("support: at most MAX_BUDGETS and MAX_FIGURES listed; the totals still add up every budget", async () => {
    const support = await editor.support.budgets({});
    expect(support.items).toHaveLength(MAX_BUDGETS);
    const rows = await tdb.db.select().from(t.budgets).where(latestVersionAt(t.budgets, t.budgets.budgetKey, t.budgets.knownAt, NOW));
    expect(support.count).toBe(rows.length);
    const krw = rows.filter((b) => b.currency === "KRW");
    const sum = (list: typeof rows) => list.reduce((a, b) => a + b.amount, 0);
    expect(support.committedKrw).toBeCloseTo(sum(krw.filter((b) => b.status !== "proposed")), -3);
    expect(support.proposedKrw).toBeCloseTo(sum(krw.filter((b) => b.status === "proposed")), -3);
    expect(await editor.support.figures({})).toHaveLength(MAX_FIGURES);
    expect((await errorOf(editor.support.budgets({ limit: MAX_BUDGETS + 1 }))).code).toBe("BAD_REQUEST");
  });

  it("alerts.admin.subscribers: every person once across the pages, each with their own subscriptions", async () => {
    const all = await pageThrough(
      async (offset) => {
        const page = await admin.alerts.admin.subscribers({ offset, limit: MAX_ADMIN_PAGE });
        return { rows: page.subscribers, total: page.total };
      },
      { limit: MAX_ADMIN_PAGE, keyOf: (p) => p.id },
    );
    expect(all.length).toBeGreaterThanOrEqual(EXTRA.subscribers);
    expect(all.every((p) => p.subscriptions.every((s) => s.subscriberId === p.id))).toBe(true);
    expect(all.find((p) => p.email === "person7@example.org")!.subscriptions).toHaveLength(3);
    expect((await errorOf(admin.alerts.admin.subscribers({ limit: MAX_ADMIN_PAGE + 1 }))).code).toBe("BAD_REQUEST");
  });

  it("alerts.admin.contactPoints: every point once across the pages; one point by id", async () => {
    const all = await pageThrough(
      async (offset) => {
        const page = await admin.alerts.admin.contactPoints.list({ offset, limit: 120 });
        return { rows: page.points, total: page.total };
      },
      { limit: 120, keyOf: (p) => p.id },
    );
    expect(all.length).toBe(EXTRA.contactPoints);
    const one = all[217]!;
    expect(await admin.alerts.admin.contactPoints.get({ id: one.id })).toEqual(one);
    expect((await errorOf(admin.alerts.admin.contactPoints.get({ id: 2_000_000 }))).code).toBe("NOT_FOUND");
  });

  it("admin.users.list: every account once across pages of a few hundred", async () => {
    const all = await pageThrough(async (offset) => ({ rows: await admin.admin.users.list({ offset, limit: 250 }) }), {
      limit: 250,
      keyOf: (u) => u.id,
    });
    const [n] = await tdb.db.select({ n: sql<number>`count(*)::int` }).from(t.users);
    expect(all.length).toBe(Number(n!.n));
    expect(all.length).toBeGreaterThan(EXTRA.users);
  });

  it("review.list: paging by the last proposal seen follows the queue's order, so no proposal repeats or goes missing", async () => {
    const seen: { id: number; articleId: number; ordinal: number }[] = [];
    let before: number | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await editor.review.list({ limit: 50, before });
      expect(page.length).toBeLessThanOrEqual(50);
      seen.push(...page.map((p) => ({ id: p.id, articleId: p.article.id, ordinal: p.ordinal })));
      if (page.length < 50) break;
      before = page.at(-1)!.id;
    }
    const [n] = await tdb.db.select({ n: sql<number>`count(*)::int` }).from(t.factProposals);
    expect(seen).toHaveLength(Number(n!.n));
    expect(new Set(seen.map((p) => p.id)).size).toBe(seen.length);
    const order = seen.map((p) => [p.articleId, p.ordinal] as const);
    expect(order).toEqual([...order].sort((a, b) => b[0] - a[0] || a[1] - b[1]));
    const article = seen[0]!.articleId;
    const { proposals } = await editor.review.article({ id: article });
    expect(proposals.map((p) => p.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await errorOf(editor.review.list({ limit: MAX_NEWS_PAGE + 1 }))).code).toBe("BAD_REQUEST");
  });
});
