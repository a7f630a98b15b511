// Quiet hours and mute windows in the running system (PGlite, and PostgreSQL with TEST_DATABASE_URL): a 7-day
// reminder falling due at 23:00 in Seoul is held and emailed at 07:00, marked as held, while a 1-day one goes through;
// the same across New York's spring-forward night (07:00 EDT is 11:00Z that morning); a contact point's mute window
// holds its Slack message until the window ends, losing nothing.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import type { AlertsConfig } from "@/server/core/config";
import { createSmtpMailer } from "@/server/alerts/mailer";
import { subscribe } from "@/server/alerts/subscriptions";
import { subscribeInput } from "@/server/alerts/schemas";
import { runTick } from "@/server/alerts/tick";
import { callerAs, errorOf } from "@/tests/helpers/api";
import { openSeededDatabase, testAlertsConfig } from "@/tests/helpers/alerts";
import { linksFor } from "@/server/alerts/deliver";
import { testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { startReceivers, type Receivers } from "@/tests/helpers/receivers";
import { startTestSmtp, type TestSmtp } from "@/tests/helpers/smtp";

const d = (iso: string) => new Date(iso);

describe.each(testDatabases())("quiet hours and mute windows on $name", ({ name }) => {
  let tdb: TestDatabase;
  let smtp: TestSmtp;
  let rx: Receivers;
  let config: AlertsConfig;
  let sourceId: number;
  beforeAll(async () => {
    ({ tdb, sourceId } = await openSeededDatabase(name));
    smtp = await startTestSmtp();
    rx = await startReceivers();
    config = testAlertsConfig("quiet-test", { mailer: createSmtpMailer(smtp.url, { from: "Tradewatch <alerts@tradewatch.test>" }) });
  });
  afterAll(async () => {
    await config?.mailer?.close();
    await smtp?.close();
    await rx?.close();
    await tdb?.close();
  });

  const as = (now: Date) => callerAs(tdb.db, "admin", { now, config: { alerts: config } as never });
  const tick = (now: string) => runTick(tdb.db, config, d(now), { digests: false });
  const to = (email: string) => smtp.received.filter((m) => m.to.includes(email));
  const deadline = (key: string, local: string, zone: string) =>
    callerAs(tdb.db, "editor", { now: d("2026-01-01T00:00:00Z") }).edit.deadlines.create({ key, title: `Quiet ${key}`, kind: "negotiation", due: { local, zone }, sources: [sourceId] });
  async function person(email: string, key: string, offsets: string, timeZone: string) {
    await subscribe(tdb.db, config, subscribeInput.parse({ email, timeZone, subscription: { scope: "deadline", scopeValue: key, offsets } }), d("2026-01-02T00:00:00Z"), { confirmed: true });
    await tdb.db.update(t.alertSubscribers).set({ quietStart: "22:00", quietEnd: "07:00" }).where(eq(t.alertSubscribers.email, email));
  }

  it("Seoul, 22:00–07:00: the 7-day reminder at 23:00 waits for 07:00 and says it was held; the 1-day one goes through", async () => {
    // Due 2026-05-20 23:00 KST (14:00Z): the 7-day and 1-day instants are at 23:00 KST too.
    await deadline("q-seoul", "2026-05-20T23:00", "Asia/Seoul");
    await person("night@example.org", "q-seoul", "7d,1d", "Asia/Seoul");
    await tick("2026-05-13T14:00:00Z");
    expect(to("night@example.org")).toHaveLength(0);
    const [held] = await tdb.db.select().from(t.alertNotifications).where(eq(t.alertNotifications.deadlineKey, "q-seoul"));
    expect(held!.heldUntil?.toISOString()).toBe("2026-05-13T22:00:00.000Z");
    expect(held!.reason).toMatch(/held for quiet hours 22:00–07:00 \(Asia\/Seoul\)/);
    await tick("2026-05-13T21:59:00Z");
    expect(to("night@example.org")).toHaveLength(0);
    await tick("2026-05-13T22:00:00Z");
    expect(to("night@example.org")).toHaveLength(1);
    expect(to("night@example.org")[0]!.raw).toContain("Held during your quiet hours");
    await tick("2026-05-19T14:00:00Z");
    expect(to("night@example.org")).toHaveLength(2);
    expect(to("night@example.org")[1]!.raw).not.toContain("Held during your quiet hours");
  });

  it("New York's spring-forward night: held at 03:30 EDT until 07:00 EDT, which is 11:00Z", async () => {
    // Due 2026-03-15 03:30 EDT (07:30Z); the 7-day instant is 2026-03-08 03:30 EDT = 07:30Z, hours after the change.
    await deadline("q-dst", "2026-03-15T03:30", "America/New_York");
    await person("dst@example.org", "q-dst", "7d", "America/New_York");
    await tick("2026-03-08T07:30:00Z");
    await tick("2026-03-08T10:59:00Z");
    expect(to("dst@example.org")).toHaveLength(0);
    await tick("2026-03-08T11:00:00Z");
    expect(to("dst@example.org")).toHaveLength(1);
  });

  it("a mute window holds a contact point's message and nothing is lost when it ends", async () => {
    rx.script("/slack/muted", [{ status: 200, body: "ok" }]);
    await deadline("q-mute", "2026-07-10T09:00", "America/New_York");
    const { id } = await as(d("2026-01-02T00:00:00Z")).alerts.admin.contactPoints.create({ name: "Muted team", type: "slack", url: rx.url("/slack/muted"), subscription: { scope: "deadline", scopeValue: "q-mute", offsets: "1d" } });
    await as(d("2026-07-01T00:00:00Z")).alerts.admin.contactPoints.addMute({ contactPointId: id, startsAt: d("2026-07-09T12:00:00Z"), endsAt: d("2026-07-09T15:00:00Z"), reason: "office holiday" });
    await tick("2026-07-09T13:00:00Z");
    await tick("2026-07-09T14:59:00Z");
    expect(rx.on("/slack/muted")).toHaveLength(0);
    const [waiting] = await as(d("2026-07-09T14:59:00Z")).alerts.admin.contactPoints.history({ id });
    expect(waiting).toMatchObject({ status: "pending", attempts: 0 });
    await tick("2026-07-09T15:00:00Z");
    expect(rx.on("/slack/muted")).toHaveLength(1);
  });

  it("a person sets quiet hours through the manage link; half a window is refused, saying so", async () => {
    await subscribe(tdb.db, config, subscribeInput.parse({ email: "self@example.org", timeZone: "Asia/Seoul", subscription: { scope: "all" } }), d("2026-01-02T00:00:00Z"), { confirmed: true });
    const [s] = await tdb.db.select().from(t.alertSubscribers).where(eq(t.alertSubscribers.email, "self@example.org"));
    const token = new URL(linksFor(config, s!).manage).searchParams.get("token")!;
    const api = callerAs(tdb.db, null, { now: d("2026-01-03T00:00:00Z"), config: { alerts: config } as never });
    const prefs = { token, name: null, timeZone: "Asia/Seoul", language: "en" as const };
    await api.alerts.manage.setPreferences({ ...prefs, quietStart: "22:00", quietEnd: "07:00", quietUrgent: false });
    expect((await api.alerts.manage.get({ token })).subscriber).toMatchObject({ quietStart: "22:00", quietEnd: "07:00", quietUrgent: false });
    const error = await errorOf(api.alerts.manage.setPreferences({ ...prefs, quietStart: "23:00" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/give both the start and the end/);
    expect((await api.alerts.manage.get({ token })).subscriber).toMatchObject({ quietStart: "22:00" });
    // Quiet hours alone: the zone and language stay as they are.
    await api.alerts.manage.setQuietHours({ token, quietStart: "23:00", quietEnd: "06:30" });
    expect((await api.alerts.manage.get({ token })).subscriber).toMatchObject({ quietStart: "23:00", quietEnd: "06:30", timeZone: "Asia/Seoul", language: "en" });
    await api.alerts.manage.setQuietHours({ token, quietStart: null, quietEnd: null });
    expect((await api.alerts.manage.get({ token })).subscriber).toMatchObject({ quietStart: null, quietEnd: null });
  });
});
