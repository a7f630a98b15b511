// The planner's index of what falls due (alert_triggers, kept from the alert_changes queue that database triggers
// fill), on PGlite and PostgreSQL: a tick with nothing due reads nothing; changes of every kind reach it (a due time
// corrected in place, a late subscription inside the look-ahead, a paused and resumed one, a new offset, a measure
// change); a large fan-out is shared by batches with a cursor, so a worker that stops half-way loses nothing and
// nothing is planned twice.
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { fanOutDue } from "@/server/alerts/fan-out";
import { planAlerts } from "@/server/alerts/plan";
import { drainChanges } from "@/server/alerts/schedule";
import { setSubscriptionActive, subscribe } from "@/server/alerts/subscriptions";
import { subscribeInput, type SubscribeInput } from "@/server/alerts/schemas";
import { testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { callerAs } from "@/tests/helpers/api";
import { openSeededDatabase, testAlertsConfig } from "@/tests/helpers/alerts";

const d = (iso: string) => new Date(iso);
const config = testAlertsConfig("planner");

describe.each(testDatabases())("the alerts planner on $name", ({ name }) => {
  let tdb: TestDatabase;
  let sourceId: number;

  beforeAll(async () => {
    ({ tdb, sourceId } = await openSeededDatabase(name));
  });
  afterAll(async () => {
    await tdb?.close();
  });

  const api = (now: Date) => callerAs(tdb.db, "editor", { now });
  const sub = (input: Omit<SubscribeInput, "subscription"> & { subscription: Record<string, unknown> }, now: Date) =>
    subscribe(tdb.db, config, subscribeInput.parse(input), now, { confirmed: true });
  const newDeadline = (key: string, local: string, now: string, sector?: "copper" | "autos") =>
    api(d(now)).edit.deadlines.create({ key, title: `Planner ${key}`, kind: "negotiation", due: { local, zone: "America/New_York" }, sector, sources: [sourceId] });
  const rowsOf = async (email: string) => {
    const [s] = await tdb.db.select().from(t.alertSubscribers).where(eq(t.alertSubscribers.email, email));
    return tdb.db.select().from(t.alertNotifications).where(eq(t.alertNotifications.subscriberId, s!.id)).orderBy(t.alertNotifications.id);
  };

  it("after the changes are indexed, a tick with nothing due reads no trigger and plans nothing", async () => {
    await planAlerts(tdb.db, d("2032-01-01T00:00:00Z"));
    const idle = await planAlerts(tdb.db, d("2032-01-01T00:01:00Z"));
    expect(idle).toMatchObject({ considered: 0, inserted: 0, changes: { changes: 0, triggers: 0 }, fanOut: { triggers: 0, considered: 0, stale: 0 } });
    // The seed's deadlines are indexed: every reminder trigger is done or still ahead, none due and undone.
    const [overdue] = await tdb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(t.alertTriggers)
      .where(and(isNull(t.alertTriggers.doneAt), sql`${t.alertTriggers.at} <= ${"2032-01-01T00:01:00Z"}::timestamptz`));
    expect(overdue!.n).toBe(0);
  });

  it("a due time corrected in place re-arms the reminders at the new instant; the old instant sends nothing", async () => {
    const email = "corrected@example.org";
    await newDeadline("pl-correct", "2033-03-10T09:00", "2033-01-01T00:00:00Z");
    await sub({ email, timeZone: "UTC", subscription: { scope: "deadline", scopeValue: "pl-correct", offsets: "1d" } }, d("2033-01-02T00:00:00Z"));
    await planAlerts(tdb.db, d("2033-01-02T00:01:00Z"));
    await api(d("2033-02-01T00:00:00Z")).edit.deadlines.update({ key: "pl-correct", due: { local: "2033-03-20T09:00", zone: "America/New_York" }, correction: true, note: "the date was mistyped", sources: [sourceId] });
    const atOld = await planAlerts(tdb.db, d("2033-03-09T13:00:00Z")); // the old 1-day instant (EST)
    expect(atOld.inserted).toBe(0);
    await planAlerts(tdb.db, d("2033-03-19T13:00:00Z")); // the new one (EDT from March 13)
    expect((await rowsOf(email)).map((r) => [r.offset, r.status, r.dueAt?.toISOString()])).toEqual([["1d", "queued", "2033-03-20T13:00:00.000Z"]]);
  });

  it("a subscription made after its deadline's instant was fanned out, inside the look-ahead, still gets it once", async () => {
    const email = "latecomer@example.org";
    await newDeadline("pl-late", "2033-04-10T09:00", "2033-01-01T00:00:00Z");
    // 09:00 EDT = 13:00Z; the 1-day instant is 2033-04-09T13:00Z, fanned out (to nobody) by the tick at 12:57.
    await planAlerts(tdb.db, d("2033-04-09T12:57:00Z"));
    await sub({ email, timeZone: "UTC", subscription: { scope: "deadline", scopeValue: "pl-late", offsets: "1d" } }, d("2033-04-09T12:58:00Z"));
    await planAlerts(tdb.db, d("2033-04-09T12:59:00Z"));
    await planAlerts(tdb.db, d("2033-04-09T13:00:00Z"));
    expect((await rowsOf(email)).map((r) => [r.offset, r.status])).toEqual([["1d", "queued"]]);
  });

  it("a paused subscription gets nothing; resumed, it is planned again from where it stands", async () => {
    const email = "paused@example.org";
    await newDeadline("pl-pause", "2033-05-10T09:00", "2033-01-01T00:00:00Z");
    const { subscriberId, subscriptionId } = await sub({ email, timeZone: "UTC", subscription: { scope: "deadline", scopeValue: "pl-pause", offsets: "7d,1d" } }, d("2033-01-02T00:00:00Z"));
    await planAlerts(tdb.db, d("2033-01-02T00:01:00Z"));
    await setSubscriptionActive(tdb.db, subscriberId, subscriptionId, false);
    await planAlerts(tdb.db, d("2033-05-03T13:01:00Z")); // the 7-day instant, while paused
    expect(await rowsOf(email)).toEqual([]);
    await setSubscriptionActive(tdb.db, subscriberId, subscriptionId, true);
    await planAlerts(tdb.db, d("2033-05-05T00:00:00Z")); // resumed: the 7-day reminder, late
    expect((await rowsOf(email)).map((r) => [r.offset, r.status, r.late])).toEqual([["7d", "queued", true]]);
    await planAlerts(tdb.db, d("2033-05-09T13:00:00Z"));
    expect((await rowsOf(email)).map((r) => [r.offset, r.status])).toEqual([
      ["7d", "queued"],
      ["1d", "queued"],
    ]);
  });

  it("an offset nobody used before is indexed for the deadlines that exist; a measure change reaches who asked", async () => {
    const email = "ninety@example.org";
    await newDeadline("pl-90m", "2033-06-10T09:00", "2033-01-01T00:00:00Z", "copper");
    await sub({ email, timeZone: "UTC", subscription: { scope: "sector", scopeValue: "copper", offsets: "90m", notifyMeasures: true } }, d("2033-01-02T00:00:00Z"));
    const indexed = await drainChanges(tdb.db, d("2033-01-02T00:01:00Z"));
    expect(indexed.triggers).toBeGreaterThan(0);
    const [ninety] = await tdb.db.select().from(t.alertTriggers).where(eq(t.alertTriggers.ref, "reminder:pl-90m:2033-06-10T13:00:00.000Z:90m"));
    expect(ninety!.at.toISOString()).toBe("2033-06-10T11:30:00.000Z");
    await planAlerts(tdb.db, d("2033-06-10T11:30:00Z"));
    await api(d("2033-06-10T12:00:00Z")).edit.measures.create({ key: "pl-copper", title: "Planner copper duty", targetCountry: "KR", sector: "copper", ratePct: 25, instrument: "Test", status: "announced", effective: { local: "2033-07-01T00:01", zone: "America/New_York" }, sources: [sourceId] });
    await planAlerts(tdb.db, d("2033-06-10T12:01:00Z"));
    await planAlerts(tdb.db, d("2033-06-10T12:02:00Z"));
    expect((await rowsOf(email)).map((r) => [r.kind, r.offset])).toEqual([
      ["reminder", "90m"],
      ["measure_change", null],
    ]);
  });

  it("a fan-out to 2,500 subscriptions goes in batches with a cursor: a worker stopped half-way loses nothing, two at once plan each once", async () => {
    await newDeadline("pl-crowd", "2033-08-10T09:00", "2033-01-01T00:00:00Z", "autos");
    await tdb.db.execute(sql`
      with people as (
        insert into alert_subscribers (email, time_zone, language, confirmed_at, created_at)
        select 'crowd' || i || '@example.org', 'UTC', 'en', '2033-01-02T00:00:00Z', '2033-01-02T00:00:00Z' from generate_series(1, 2500) as i
        returning id)
      insert into alert_subscriptions (subscriber_id, scope, scope_value, offsets, created_at)
      select id, 'sector', 'autos', '1d', '2033-01-02T00:00:00Z' from people`);
    await planAlerts(tdb.db, d("2033-01-02T00:01:00Z"));
    const now = d("2033-08-09T13:00:00Z");
    await drainChanges(tdb.db, now);
    // One worker does a single batch of 1,000 and stops.
    const partial = await fanOutDue(tdb.db, now, { batch: 1000, maxBatches: 1 });
    expect(partial.inserted).toBe(1000);
    const [trigger] = await tdb.db.select().from(t.alertTriggers).where(eq(t.alertTriggers.ref, "reminder:pl-crowd:2033-08-10T13:00:00.000Z:1d"));
    expect(trigger).toMatchObject({ doneAt: null });
    expect(trigger!.cursor).toBeGreaterThan(0);
    // Two more carry on at once from its cursor.
    const rest = await Promise.all([fanOutDue(tdb.db, now, { batch: 400 }), fanOutDue(tdb.db, now, { batch: 400 })]);
    expect(rest[0].inserted + rest[1].inserted).toBe(1500);
    const [counts] = await tdb.db
      .select({ n: sql<number>`count(*)::int`, people: sql<number>`count(distinct subscriber_id)::int` })
      .from(t.alertNotifications)
      .where(eq(t.alertNotifications.deadlineKey, "pl-crowd"));
    expect(counts).toEqual({ n: 2500, people: 2500 });
    expect((await tdb.db.select().from(t.alertTriggers).where(eq(t.alertTriggers.id, trigger!.id)))[0]!.doneAt).toEqual(now);
  });
});
