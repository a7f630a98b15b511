// The editing API through createCaller on the real seed (PGlite, and PostgreSQL with TEST_DATABASE_URL): edits
// create versions known from now, corrections rewrite the past, postponements chain, conflicts resolve, bad input
// is refused with a typed error naming the field, and every change is in the audit log with who, before and after.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { createTrpcHandler } from "@/server/core/trpc-http";
import { RowErrorsError } from "@/server/core/errors";
import { callerAs, errorOf, insertTestUsers, testUsers, type Caller } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const NOW = new Date("2026-11-23T03:00:00Z");
const { editor, viewer } = testUsers;

describe.each(testDatabases())("editing API on $name", ({ name }) => {
  let tdb: TestDatabase;
  let api: Caller;
  let sourceId: (key: string) => Promise<number>;

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    await insertTestUsers(tdb.db, [editor, viewer]);
    api = callerAs(tdb.db, editor, { now: NOW });
    sourceId = async (key) => (await tdb.db.select().from(t.sources).where(eq(t.sources.key, key)))[0]!.id;
  });
  afterAll(() => tdb?.close());

  const autosRate = async (asOf: string) =>
    (await api.overview.get({ asOf })).tariffs.find((x) => x.sector === "autos")?.inForce?.ratePct;
  const auditCount = async () => (await tdb.db.select({ n: count() }).from(t.auditLog))[0]!.n;

  it("an update is a new version known from now: yesterday's view is unchanged, today's changed; audited", async () => {
    expect(await autosRate("2026-11-22")).toBe(15);
    await api.edit.measures.update({ key: "autos-kr-15", ratePct: 20, note: "Rate raised (test)" });
    expect(await autosRate("2026-11-22")).toBe(15);
    expect(await autosRate(NOW.toISOString())).toBe(20);
    const { entries } = await api.audit.forRecord({ recordType: "measure", recordKey: "autos-kr-15" });
    expect(entries[0]).toMatchObject({
      action: "update",
      note: "Rate raised (test)",
      user: { id: editor.id, email: editor.email },
      before: { ratePct: 15, status: "in_effect" },
      after: { ratePct: 20, status: "in_effect", knownAt: NOW.toISOString() },
    });
    expect(entries[0]!.at.toISOString()).toBe(NOW.toISOString());
  });

  it("a correction rewrites the version in force, so past views show the corrected value too", async () => {
    const partsRate = async (asOf: string) =>
      (await api.overview.get({ asOf })).tariffs.find((x) => x.sector === "auto_parts")?.inForce;
    const before = (await partsRate("2026-11-22"))!;
    const versions = (await tdb.db.select({ n: count() }).from(t.tariffMeasures))[0]!.n;
    await api.edit.measures.update({ key: before.measureKey, ratePct: 14.5, correction: true, note: "Misread the notice" });
    expect((await partsRate("2026-11-22"))?.ratePct).toBe(14.5);
    expect((await tdb.db.select({ n: count() }).from(t.tariffMeasures))[0]!.n).toBe(versions);
    const { entries } = await api.audit.list({ recordType: "measure", recordKey: before.measureKey });
    expect(entries[0]).toMatchObject({ action: "correct", before: { ratePct: before.ratePct }, after: { ratePct: 14.5 } });
  });

  it("postponing a deadline chains old → new, moves the next deadline, and is one audit entry", async () => {
    const src = await sourceId("yale-tariff-tracker");
    await api.edit.deadlines.create({
      key: "test-talks-round",
      title: "Next round of tariff talks",
      kind: "negotiation",
      due: { local: "2026-11-28T10:00", zone: "Asia/Seoul" },
      sources: [src],
    });
    expect((await api.overview.get({})).nextDeadline?.deadlineKey).toBe("test-talks-round");
    const entriesBefore = await auditCount();
    const { created } = await api.edit.deadlines.postpone({
      key: "test-talks-round",
      to: { local: "2026-12-02T09:00", zone: "America/New_York" },
      sources: [src],
      note: "Talks moved to Washington",
    });
    expect(created.deadlineKey).toBe("test-talks-round-2026-12-02");
    expect(await auditCount()).toBe(entriesBefore + 1);
    const next = (await api.overview.get({})).nextDeadline!;
    expect(next.deadlineKey).toBe("test-talks-round-2026-12-02");
    expect(next.dueAt.toISOString()).toBe("2026-12-02T14:00:00.000Z");
    const { chains } = await api.deadlines.list({});
    const chain = chains.find((c) => c[0]?.deadlineKey === "test-talks-round");
    expect(chain?.map((d) => [d.deadlineKey, d.status])).toEqual([
      ["test-talks-round", "postponed"],
      ["test-talks-round-2026-12-02", "upcoming"],
    ]);
    // Yesterday nothing of this was known.
    expect((await api.overview.get({ asOf: "2026-11-22" })).nextDeadline?.deadlineKey).not.toBe("test-talks-round");
    const [entry] = (await api.audit.forRecord({ recordType: "deadline", recordKey: "test-talks-round" })).entries;
    expect(entry).toMatchObject({ action: "postpone", note: "Talks moved to Washington", before: { status: "upcoming" } });
    // A postponed deadline cannot be postponed again.
    expect((await errorOf(api.edit.deadlines.postpone({ key: "test-talks-round", to: { local: "2027-03-01T09:00", zone: "Asia/Seoul" }, sources: [src] }))).code).toBe("BAD_REQUEST");
  });

  it("resolving the $55.7bn / $55.6bn conflict shows it resolved with the note on the sources page", async () => {
    const bad = await errorOf(api.conflicts.resolve({ key: "trade-balance-2024", value: 55.65e9, note: "Average" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/claimed values/);
    await api.conflicts.resolve({ key: "trade-balance-2024", value: 55.6e9, note: "Korea Customs Service is the primary source" });
    const conflict = (await api.sources.list({})).conflicts.find((c) => c.key === "trade-balance-2024");
    expect(conflict).toMatchObject({ status: "resolved", resolvedValue: 55.6e9, resolutionNote: "Korea Customs Service is the primary source" });
    const before = (await api.sources.list({ asOf: "2026-11-22" })).conflicts.find((c) => c.key === "trade-balance-2024");
    expect(before?.status).toBe("open");
    const { entries } = await api.audit.list({ recordType: "conflict" });
    expect(entries[0]).toMatchObject({ action: "resolve", recordKey: "trade-balance-2024", after: { status: "resolved" } });
    expect((await errorOf(api.conflicts.resolve({ key: "no-such-conflict", value: 1, note: "x" }))).code).toBe("NOT_FOUND");
  });

  it("figures must cite existing sources: none → BAD_REQUEST naming sources; unknown id → BAD_REQUEST naming sources", async () => {
    const figure = { key: "test-figure", kind: "export_value", title: "Exports", value: 1, unit: "USD" } as const;
    const none = await errorOf(api.edit.figures.create({ ...figure, sources: [] }));
    expect(none.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(none.cause)).toMatch(/sources/);
    const unknown = await errorOf(api.edit.figures.create({ ...figure, sources: [987654] }));
    expect(unknown.code).toBe("BAD_REQUEST");
    expect(unknown.message).toMatch(/987654/);
    expect((unknown.cause as { field?: string }).field).toBe("sources");
    const created = await api.edit.figures.create({ ...figure, sources: [await sourceId("yale-tariff-tracker")] });
    expect(created.figureKey).toBe("test-figure");
    expect((await errorOf(api.edit.figures.create({ ...figure, sources: [created.id] }))).code).toBe("CONFLICT");
    // Two editors creating the same key at once: one wins, the other gets CONFLICT (not a duplicate record).
    const src = await sourceId("yale-tariff-tracker");
    const race = await Promise.allSettled(
      [NOW, new Date(NOW.getTime() + 1)].map((now) =>
        callerAs(tdb.db, editor, { now }).edit.figures.create({ ...figure, key: "test-race", sources: [src] }),
      ),
    );
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(race.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
  });

  it("refuses javascript: source URLs, oversize strings, bad keys, zones and dates", async () => {
    const source = { key: "test-source", title: "A source", publisher: "Someone", kind: "news" } as const;
    const js = await errorOf(api.edit.sources.create({ ...source, url: "javascript:alert(1)" }));
    expect(js.code).toBe("BAD_REQUEST");
    expect(js.message).toMatch(/http:\/\/ or https:\/\//);
    for (const input of [
      { ...source, title: "x".repeat(301) },
      { ...source, sourceNote: "x".repeat(2001) },
      { ...source, key: "Not A Key" },
      { ...source, title: "nul\u0000" },
      { ...source, publishedOn: "2025-02-30" },
    ]) {
      expect((await errorOf(api.edit.sources.create(input))).code).toBe("BAD_REQUEST");
    }
    const badZone = await errorOf(
      api.edit.deadlines.create({ key: "test-zone", title: "x", kind: "hearing", due: { local: "2027-01-01T00:00", zone: "Mars/Olympus" }, sources: [1] }),
    );
    expect(badZone.code).toBe("BAD_REQUEST");
    const period = await errorOf(
      api.edit.measures.update({ key: "autos-kr-15", ends: { local: "2025-10-01T00:00", zone: "America/New_York" } }),
    );
    expect(period.code).toBe("BAD_REQUEST");
    expect((period.cause as { field?: string }).field).toBe("ends");
    const lower = await api.edit.deadlines.create({
      key: "test-zone-spelling",
      title: "Zone as typed",
      kind: "hearing",
      due: { local: "2028-01-03T09:00", zone: "america/new_york" },
      sources: [1],
    });
    expect(lower).toMatchObject({ dueZone: "America/New_York", dueAt: new Date("2028-01-03T14:00:00Z") });
    const ok = await api.edit.sources.create({ ...source, title: "<script>alert(1)</script>", url: "https://example.org/a" });
    expect(ok.title).toBe("<script>alert(1)</script>");
    const updated = await api.edit.sources.update({ key: "test-source", publisher: "Someone else" });
    expect(updated.publisher).toBe("Someone else");
  });

  it("observations: one bad row among 100 → nothing written, the report names that row", async () => {
    const rows = Array.from({ length: 100 }, (_, i) => {
      const d = new Date(Date.UTC(2027, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return { date: d, open: 4000, high: 4050, low: 3990, close: 4020, volume: 1000 };
    });
    rows[41] = { ...rows[41]!, high: 3900 };
    const observations = async () => (await tdb.db.select({ n: count() }).from(t.observations))[0]!.n;
    const before = await observations();
    const entries = await auditCount();
    const error = await errorOf(api.edit.observations.upsert({ series: "kospi", rows }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(RowErrorsError);
    expect((error.cause as RowErrorsError).report).toEqual([{ row: 42, field: "high", message: "must not be below low" }]);
    expect(await observations()).toBe(before);
    expect(await auditCount()).toBe(entries);

    rows[41] = { ...rows[41]!, high: 4050 };
    rows[99] = { ...rows[99]!, date: rows[0]!.date };
    const dup = await errorOf(api.edit.observations.upsert({ series: "kospi", rows }));
    expect((dup.cause as RowErrorsError).report).toEqual([{ row: 100, field: "date", message: `${rows[0]!.date} is already in row 1` }]);

    rows.pop();
    expect(await api.edit.observations.upsert({ series: "kospi", rows })).toEqual({ written: 99, replaced: 0 });
    expect(await observations()).toBe(before + 99);
    // Known from the KRX close of its date, never before now.
    const [first] = await tdb.db.select().from(t.observations).where(eq(t.observations.date, "2027-01-01"));
    expect(first!.knownAt.toISOString()).toBe("2027-01-01T06:30:00.000Z");
  });

  it("over HTTP: field errors for forms, the row report for uploads, and the replaced day corrected in place", async () => {
    const handler = createTrpcHandler({ db: async () => tdb.db, now: () => NOW, user: async () => editor });
    const post = async (path: string, json: unknown) => {
      const res = await handler(
        new Request(`http://tradewatch.test/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://tradewatch.test" },
          body: JSON.stringify({ json }),
        }),
      );
      return { status: res.status, body: (await res.json()) as { error: { json: { message: string; data: Record<string, unknown> } } } };
    };
    const js = await post("edit.sources.create", { key: "http-source", title: "T", publisher: "P", kind: "news", url: "javascript:alert(1)" });
    expect(js.status).toBe(400);
    expect(js.body.error.json.data.zodError).toMatchObject({ fieldErrors: { url: [expect.stringMatching(/https:\/\//)] } });
    const rows = await post("edit.observations.upsert", { series: "kospi", rows: [{ date: "2025-02-30", close: 0 }] });
    expect(rows.status).toBe(400);
    expect(rows.body.error.json.data.rowErrors).toEqual([
      { row: 1, field: "date", message: "must be a calendar date YYYY-MM-DD" },
      { row: 1, field: "close", message: "must be a number greater than 0" },
    ]);
    const unknown = await post("edit.figures.create", { key: "http-figure", kind: "export_value", title: "T", value: 1, unit: "USD", sources: [424242] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.json.data.field).toBe("sources");
    // Correcting a past close: known as before, so the view of that day shows the corrected value.
    const [old] = await tdb.db.select().from(t.observations).where(eq(t.observations.date, "2025-07-08"));
    const fixed = await post("edit.observations.upsert", { series: "kospi", rows: [{ date: "2025-07-08", close: 3115 }] });
    expect(fixed.status).toBe(200);
    const [now] = await tdb.db.select().from(t.observations).where(eq(t.observations.date, "2025-07-08"));
    expect(now).toMatchObject({ close: 3115, knownAt: old!.knownAt });
    expect((await api.overview.get({ asOf: "2025-07-08" })).market?.close).toBe(3115);
  });

  it("budgets: create and update; the audit log filters by user and date and pages", async () => {
    const src = await sourceId("yale-tariff-tracker");
    await api.edit.budgets.create({
      key: "test-budget",
      title: "Test support",
      programme: "Test programme",
      purpose: "Testing",
      amount: 1e12,
      status: "proposed",
      sources: [src],
    });
    const updated = await api.edit.budgets.update({ key: "test-budget", status: "passed", passedOn: "2026-11-22" });
    expect(updated).toMatchObject({ status: "passed", currency: "KRW", amount: 1e12 });
    const viewerApi = callerAs(tdb.db, viewer, { now: NOW });
    const page1 = await viewerApi.audit.list({ userId: editor.id, from: "2026-11-23", to: "2026-11-23", limit: 2 });
    expect(page1.entries).toHaveLength(2);
    expect(page1.nextBefore).not.toBeNull();
    const page2 = await viewerApi.audit.list({ userId: editor.id, before: page1.nextBefore!, limit: 100 });
    expect(page2.entries.every((e) => e.id < page1.nextBefore!)).toBe(true);
    expect((await viewerApi.audit.list({ from: "2026-11-24" })).entries).toEqual([]);
    expect((await errorOf(viewerApi.edit.budgets.update({ key: "test-budget", status: "executed" }))).code).toBe("FORBIDDEN");
    expect((await errorOf(api.audit.list({ limit: 101 }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(callerAs(tdb.db, null, { now: NOW }).audit.list({}))).code).toBe("UNAUTHORIZED");
  });
});
