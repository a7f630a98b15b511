// GET /api/v1/deadlines.ics on real databases (PGlite, and PostgreSQL with TEST_DATABASE_URL): read back with ical.js;
// every deadline once; stable UIDs with SEQUENCE growing on edits and corrections; postponements as CANCELLED with
// their target; filters and bad parameters; READ_ACCESS=signed-in with session or feed token (revoked → 401); the
// feedTokens router.
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { DEADLINES } from "@/db/seed/deadlines";
import type { SessionUser } from "@/server/core/session-user";
import { deadlineUid } from "@/server/calendar/ics-rules";
import { createCalendarFeedHandler } from "@/server/rest/ics";
import { createFeedToken, hashFeedToken, listFeedTokens, MAX_ACTIVE_FEED_TOKENS, revokeFeedToken } from "@/server/calendar/tokens";
import { callerAs, errorOf, insertTestUsers, testUsers } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const START = new Date("2026-11-23T03:00:00Z");
const PUBLIC_URL = "https://tw.example.org";
const { editor, viewer } = testUsers;
const other: SessionUser = { id: "u-other", email: "other@example.org", name: "Otto Other", role: "viewer" };

type FeedEvent = {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  description: string;
  url: string;
  start: ICAL.Time;
  categories: string[];
};

function parseFeed(ics: string): { name: string; events: FeedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent").map((v) => ({
    uid: v.getFirstPropertyValue("uid") as string,
    sequence: Number(v.getFirstPropertyValue("sequence")),
    status: v.getFirstPropertyValue("status") as string,
    summary: v.getFirstPropertyValue("summary") as string,
    description: v.getFirstPropertyValue("description") as string,
    url: v.getFirstPropertyValue("url") as string,
    start: v.getFirstPropertyValue("dtstart") as ICAL.Time,
    categories: v.getAllProperties("categories").flatMap((p) => p.getValues() as string[]),
  }));
  return { name: calendar.getFirstPropertyValue("x-wr-calname") as string, events };
}

describe.each(testDatabases())("calendar feed on $name", ({ name }) => {
  let tdb: TestDatabase;
  // The clock moves forward between edits: each edit is a new version known from its own instant.
  let clock = START;
  const tick = () => (clock = new Date(clock.getTime() + 60_000));
  let sourceId: number;

  const handler = (readAccess: "public" | "signed-in" = "public") =>
    createCalendarFeedHandler({
      database: async () => tdb,
      now: () => clock,
      readAccess,
      publicUrl: PUBLIC_URL,
      user: async (headers) => (headers.get("cookie") === "session=viewer" ? viewer : null),
    });
  const get = (query = "", init: RequestInit = {}, readAccess: "public" | "signed-in" = "public") =>
    handler(readAccess)(new Request(`http://tradewatch.test/api/v1/deadlines.ics${query}`, init));
  const feed = async (query = "") => {
    const res = await get(query);
    expect(res.status).toBe(200);
    return parseFeed(await res.text());
  };
  const eventOf = async (key: string, query = "") => (await feed(query)).events.find((e) => e.uid === deadlineUid(key));
  const editorApi = () => callerAs(tdb.db, editor, { now: () => clock });

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    await insertTestUsers(tdb.db, [editor, viewer, other]);
    sourceId = (await tdb.db.select().from(t.sources).limit(1))[0]!.id;
  });
  afterAll(() => tdb?.close());

  it("is text/calendar with a short cache, parses with ical.js, and lists every seeded deadline once", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const text = await res.text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const { name: calName, events } = parseFeed(text);
    expect(calName).toBe("Tradewatch deadlines");
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(new Set(uids)).toEqual(new Set(DEADLINES.map((d) => deadlineUid(d.key))));
  });

  it("a timed deadline: DTSTART in UTC, Washington and Seoul times and the dashboard link in the description", async () => {
    const aug1 = (await eventOf("reciprocal-kr-aug1"))!;
    expect(aug1.start.isDate).toBe(false);
    expect(aug1.start.zone?.tzid).toBe("UTC");
    expect(aug1.start.toJSDate().toISOString()).toBe("2025-08-01T04:01:00.000Z");
    expect(aug1.summary).toBe("25% tariff on all Korean goods takes effect");
    expect(aug1.status).toBe("CONFIRMED");
    expect(aug1.description).toContain("Washington: Fri 1 Aug 2025, 00:01 EDT");
    expect(aug1.description).toContain("Seoul: Fri 1 Aug 2025, 13:01 KST");
    expect(aug1.description).toContain("Status: met");
    expect(aug1.description).toContain("Outcome: Deal reached on July 30");
    expect(aug1.description).toContain(`Dashboard: ${PUBLIC_URL}/?asOf=2025-08-01`);
    expect(aug1.url).toBe(`${PUBLIC_URL}/?asOf=2025-08-01`);
    expect(aug1.categories).toEqual(["tariff_effective", "all_goods"]);
  });

  it("a day-precision deadline is an all-day event on its date in its zone", async () => {
    const taxCut = (await eventOf("vehicle-tax-cut-end"))!;
    expect(taxCut.start.isDate).toBe(true);
    expect(taxCut.start.toString()).toBe("2025-06-30");
  });

  it("SEQUENCE is the number of versions known by now − 1", async () => {
    const { events } = await feed();
    const seq = (key: string) => events.find((e) => e.uid === deadlineUid(key))!.sequence;
    expect(seq("pause-end-jul9")).toBe(1);
    expect(seq("reciprocal-kr-aug1")).toBe(1);
    expect(seq("vehicle-tax-cut-end")).toBe(0);
  });

  it("a seeded postponement is CANCELLED and names where it moved; the target is its own event", async () => {
    const jul9 = (await eventOf("pause-end-jul9"))!;
    expect(jul9.status).toBe("CANCELLED");
    expect(jul9.summary).toBe("Postponed: End of the 90-day pause on country-specific reciprocal rates");
    expect(jul9.description).toContain("Postponed to: 25% tariff on all Korean goods takes effect");
    expect(jul9.description).toContain("→ Washington: Fri 1 Aug 2025, 00:01 EDT");
    expect(jul9.description).toContain("Washington: Wed 9 Jul 2025, 00:01 EDT");
  });

  it("in Korean with ?lang=ko", async () => {
    const { name: calName, events } = await feed("?lang=ko");
    expect(calName).toBe("Tradewatch 마감 일정");
    const jul9 = events.find((e) => e.uid === deadlineUid("pause-end-jul9"))!;
    expect(jul9.summary).toBe("연기: 국가별 상호관세 90일 유예 종료");
    expect(jul9.description).toContain("새 마감으로 연기: 모든 한국산 상품 25% 관세 발효");
    expect(jul9.description).toContain("서울: 2025년 7월 9일 (수) 13:01 KST");
  });

  it("an edit keeps the UID and bumps SEQUENCE by one; so does a correction in place", async () => {
    const before = (await eventOf("sec122-expiry"))!;
    tick();
    await editorApi().edit.deadlines.update({ key: "sec122-expiry", title: "Section 122 surcharge lapses (edited)", note: "Retitled" });
    const edited = (await eventOf("sec122-expiry"))!;
    expect(edited.uid).toBe(before.uid);
    expect(edited.sequence).toBe(before.sequence + 1);
    expect(edited.summary).toBe("Section 122 surcharge lapses (edited)");

    tick();
    await editorApi().edit.deadlines.update({ key: "sec122-expiry", title: "Section 122 surcharge lapses", correction: true, note: "Typo" });
    const corrected = (await eventOf("sec122-expiry"))!;
    expect(corrected.uid).toBe(before.uid);
    expect(corrected.sequence).toBe(before.sequence + 2);
    expect(corrected.summary).toBe("Section 122 surcharge lapses");
  });

  it("a postponement through the API: the old event CANCELLED (SEQUENCE +1) and the new one listed", async () => {
    tick();
    await editorApi().edit.deadlines.create({
      key: "test-talks-round",
      title: "Test negotiation round",
      kind: "negotiation",
      due: { local: "2027-03-02T10:00", zone: "Asia/Seoul" },
      sector: "autos",
      sources: [sourceId],
      note: "Test",
    });
    const created = (await eventOf("test-talks-round"))!;
    expect(created).toMatchObject({ sequence: 0, status: "CONFIRMED" });

    tick();
    await editorApi().edit.deadlines.postpone({
      key: "test-talks-round",
      to: { local: "2027-04-06T10:00", zone: "Asia/Seoul" },
      newKey: "test-talks-round-april",
      sources: [sourceId],
      note: "Moved",
    });
    const { events } = await feed();
    const old = events.find((e) => e.uid === deadlineUid("test-talks-round"))!;
    const moved = events.find((e) => e.uid === deadlineUid("test-talks-round-april"))!;
    expect(old).toMatchObject({ status: "CANCELLED", sequence: 1, summary: "Postponed: Test negotiation round" });
    expect(old.description).toContain("Postponed to: Test negotiation round");
    expect(old.description).toContain("→ Seoul: Tue 6 Apr 2027, 10:00 KST");
    expect(moved).toMatchObject({ status: "CONFIRMED", sequence: 0, summary: "Test negotiation round" });
    expect(moved.start.toJSDate().toISOString()).toBe("2027-04-06T01:00:00.000Z");
  });

  it("?sector=autos lists the autos deadlines only; lists and other filters combine", async () => {
    const rows = await tdb.db.select({ key: t.deadlines.deadlineKey, sector: t.deadlines.sector }).from(t.deadlines);
    const autos = new Set(rows.filter((r) => r.sector === "autos").map((r) => deadlineUid(r.key)));
    const { events } = await feed("?sector=autos");
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.uid))).toEqual(autos);
    expect(events.every((e) => e.categories.includes("autos"))).toBe(true);

    const both = await feed("?sector=autos,steel_aluminium");
    expect(both.events.length).toBeGreaterThan(events.length);
    expect(both.events.every((e) => e.categories.includes("autos") || e.categories.includes("steel_aluminium"))).toBe(true);

    const upcoming = await feed("?status=upcoming");
    expect(upcoming.events.map((e) => e.uid)).toContain(deadlineUid("test-talks-round-april"));
    expect(upcoming.events.map((e) => e.uid)).not.toContain(deadlineUid("reciprocal-kr-aug1")); // met

    const postponed = await feed("?sector=all_goods&kind=pause_expiry&status=postponed");
    expect(postponed.events.map((e) => e.uid)).toEqual([deadlineUid("pause-end-jul9")]);
  });

  it.each([
    ["?sector=x", "sector"],
    ["?sector=autos,cars", "sector"],
    ["?sector=", "sector"],
    ["?kind=deadline", "kind"],
    ["?status=done", "status"],
    ["?lang=fr", "lang"],
    ["?asOf=2025-07-08", "asOf"],
    ["?sector=autos&sector=copper", "sector"],
  ])("%s → 400 naming %s", async (query, param) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "BAD_PARAMETER", param });
    expect(body.error.message).toContain(param);
  });

  describe("READ_ACCESS=signed-in", () => {
    it("without a session or token: 401 with a message saying what to do", async () => {
      const res = await get("", {}, "signed-in");
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toContain("text/plain");
      expect(await res.text()).toMatch(/needs sign-in.*\?token=/s);
    });

    it("with the session cookie: 200, private cache", async () => {
      const res = await get("", { headers: { cookie: "session=viewer" } }, "signed-in");
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, max-age=300");
    });

    it("a valid token: 200 and its last use recorded; revoked: 401; unknown: 401", async () => {
      const created = await createFeedToken(tdb.db, viewer.id, "Phone calendar", clock);
      expect(created.token).toMatch(/^twf_[A-Za-z0-9_-]{43}$/);
      // Only the hash is stored.
      const [stored] = await tdb.db.select().from(t.feedTokens).where(eq(t.feedTokens.id, created.id));
      expect(stored!.tokenHash).toBe(hashFeedToken(created.token));
      expect(JSON.stringify(stored)).not.toContain(created.token);

      tick();
      const ok = await get(`?token=${created.token}&sector=autos`, {}, "signed-in");
      expect(ok.status).toBe(200);
      expect(parseFeed(await ok.text()).events.length).toBeGreaterThan(0);
      const [used] = await listFeedTokens(tdb.db, viewer.id);
      expect(used!.lastUsedAt?.toISOString()).toBe(clock.toISOString());

      await revokeFeedToken(tdb.db, viewer.id, created.id, clock);
      const revoked = await get(`?token=${created.token}`, {}, "signed-in");
      expect(revoked.status).toBe(401);
      expect(await revoked.text()).toContain("was revoked");

      const unknown = await get(`?token=twf_${"x".repeat(43)}`, {}, "signed-in");
      expect(unknown.status).toBe(401);
      expect(await unknown.text()).toContain("not valid");
      expect((await get(`?token=${"y".repeat(900)}`, {}, "signed-in")).status).toBe(401);
    });

    it("a revoked token is refused even on a public installation and even with a session", async () => {
      const { token, id } = await createFeedToken(tdb.db, viewer.id, "Old laptop", clock);
      await revokeFeedToken(tdb.db, viewer.id, id, clock);
      expect((await get(`?token=${token}`)).status).toBe(401);
      expect((await get(`?token=${token}`, { headers: { cookie: "session=viewer" } }, "signed-in")).status).toBe(401);
    });

    it("a deactivated owner's token stops working", async () => {
      const { token } = await createFeedToken(tdb.db, other.id, "Work", clock);
      expect((await get(`?token=${token}`, {}, "signed-in")).status).toBe(200);
      await tdb.db.update(t.users).set({ banned: true }).where(eq(t.users.id, other.id));
      const res = await get(`?token=${token}`, {}, "signed-in");
      expect(res.status).toBe(401);
      expect(await res.text()).toContain("deactivated");
      await tdb.db.update(t.users).set({ banned: false }).where(eq(t.users.id, other.id));
    });
  });

  describe("feedTokens router", () => {
    const as = (user: SessionUser | null) => callerAs(tdb.db, user, { now: () => clock });

    it("a viewer creates, lists and revokes their own tokens; the token is shown once", async () => {
      const api = as(other);
      const created = await api.feedTokens.create({ label: "  Google Calendar  " });
      expect(created).toMatchObject({ label: "Google Calendar", revokedAt: null, lastUsedAt: null });
      expect(created.token.startsWith("twf_")).toBe(true);
      const listed = await api.feedTokens.list();
      const mine = listed.find((r) => r.id === created.id)!;
      expect(mine).toEqual({ id: created.id, label: "Google Calendar", createdAt: clock, lastUsedAt: null, revokedAt: null });
      expect(JSON.stringify(listed)).not.toContain(created.token);

      tick();
      const revoked = await api.feedTokens.revoke({ id: created.id });
      expect(revoked.revokedAt?.toISOString()).toBe(clock.toISOString());
      // Again: no error, same revocation instant.
      tick();
      expect((await api.feedTokens.revoke({ id: created.id })).revokedAt).toEqual(revoked.revokedAt);
    });

    it("nobody else's tokens: list shows only one's own, revoking another's is NOT_FOUND", async () => {
      const theirs = await as(other).feedTokens.create({ label: "Theirs" });
      expect((await as(viewer).feedTokens.list()).some((r) => r.id === theirs.id)).toBe(false);
      await expect(as(viewer).feedTokens.revoke({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(as(viewer).feedTokens.revoke({ id: 2_147_483_647 })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(as(viewer).feedTokens.revoke({ id: 2 ** 31 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect((await as(other).feedTokens.list()).find((r) => r.id === theirs.id)?.revokedAt).toBeNull();
    });

    it("anonymous callers are refused; labels are checked; active tokens are capped", async () => {
      expect((await errorOf(as(null).feedTokens.list())).code).toBe("UNAUTHORIZED");
      await expect(as(null).feedTokens.create({ label: "x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      await expect(as(editor).feedTokens.create({ label: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(as(editor).feedTokens.create({ label: "x".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });

      for (let i = 0; i < MAX_ACTIVE_FEED_TOKENS; i++) await as(editor).feedTokens.create({ label: `Token ${i}` });
      await expect(as(editor).feedTokens.create({ label: "One too many" })).rejects.toThrow(/revoke one/);
      const [first] = await as(editor).feedTokens.list();
      await as(editor).feedTokens.revoke({ id: first!.id });
      await expect(as(editor).feedTokens.create({ label: "Fits again" })).resolves.toMatchObject({ label: "Fits again" });
    });
  });
});
