// The alerts router through createCaller (PGlite, and PostgreSQL with TEST_DATABASE_URL) with an injected
// configuration whose mailer is null, so every email stays in the outbox: subscribe → a held confirmation email →
// confirm with the link from its text → manage (get, pause, add, preferences) → unsubscribe; tampered and
// re-purposed links are BAD_REQUEST with the reason; a confirmed subscriber's settings cannot be changed through the
// public form; the per-address limit; admin procedures refuse viewers; the history's filters and paging; the test
// email; the jobs; the one-click endpoint (POST unsubscribes, GET only redirects).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { createTrpcHandler } from "@/server/core/trpc-http";
import { SUBSCRIBE_LIMIT } from "@/server/alerts/self-service";
import { ingestConfigFromEnv, type AlertsConfig } from "@/server/core/config";
import { JOBS } from "@/jobs/index";
import { subscribe } from "@/server/alerts/subscriptions";
import { runTick } from "@/server/alerts/tick";
import type { SessionUser } from "@/server/core/session-user";
import { createUnsubscribeHandlers } from "@/server/rest/unsubscribe";
import { subscribeInput, type SubscribeInput } from "@/server/alerts/schemas";
import { callerAs, codeOf } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const admin: SessionUser = { id: "u-alerts-admin", email: "admin@example.org", name: "Ada", role: "admin" };
const viewer: SessionUser = { id: "u-alerts-viewer", email: "viewer@example.org", name: "Vic", role: "viewer" };
const d = (iso: string) => new Date(iso);
const BASE = "http://tradewatch.test";

/** The token of the first link in `text` to `path` (e.g. "/alerts/confirm"). */
function tokenIn(text: string, path: string): string {
  const m = new RegExp(`${BASE}${path}\\?token=([A-Za-z0-9_.-]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  return m[1]!;
}
const tamper = (token: string) => token.slice(0, 5) + (token[5] === "A" ? "B" : "A") + token.slice(6);

describe.each(testDatabases())("the alerts router on $name", ({ name }) => {
  let tdb: TestDatabase;
  const config: AlertsConfig = {
    publicUrl: BASE,
    secret: "test-secret-test-secret-test-secret-0123",
    mailer: null,
    from: "Tradewatch <alerts@tradewatch.test>",
    workerId: "test-worker",
  };

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
  });
  afterAll(() => tdb?.close());

  const api = (now: Date, user: SessionUser | null = null, clientIp: string | null = null) =>
    callerAs(tdb.db, user, { now, config: { alerts: config, ingest: ingestConfigFromEnv() }, clientIp, readAccess: "public", jobs: async () => JOBS });
  const adminApi = (now = d("2030-01-01T00:00:00Z")) => api(now, admin);
  /** The newest outbox email to `email` with its bodies. */
  const lastEmailTo = async (email: string) => {
    const { emails } = await adminApi().alerts.admin.outbox();
    const found = emails.find((e) => e.toAddress === email);
    if (!found) throw new Error(`no email to ${email}`);
    return adminApi().alerts.admin.email({ id: found.id });
  };

  describe("a visitor's subscription, start to finish", () => {
    const email = "visitor@example.org";
    const t0 = d("2030-01-01T09:00:00Z");
    let manageToken: string;
    let unsubscribeToken: string;

    it("subscribe answers 'check your inbox' and puts a confirmation email in the outbox (held: no SMTP)", async () => {
      const answer = await api(t0).alerts.subscribe({
        email: "Visitor@Example.org",
        name: "Vera",
        timeZone: "America/New_York",
        language: "en",
        subscription: { scope: "sector", scopeValue: "autos", offsets: "7d,1d", notifyMeasures: true },
      });
      expect(answer).toEqual({ checkInbox: true });
      const mail = await lastEmailTo(email);
      expect(mail).toMatchObject({ kind: "confirm", status: "pending", subject: "Confirm your Tradewatch alerts" });
      expect(mail.text).toContain("sector autos (7d,1d)");
      // Delivery without SMTP holds it in the outbox, never drops it.
      await runTick(tdb.db, config, d("2030-01-01T09:01:00Z"), { digests: false });
      expect((await lastEmailTo(email)).status).toBe("held");
      manageToken = tokenIn(mail.text, "/alerts/manage");
      unsubscribeToken = tokenIn(mail.text, "/alerts/unsubscribe");
    });

    it("the manage link shows the subscription, unconfirmed until the confirm button is pressed", async () => {
      const view = await api(t0).alerts.manage.get({ token: manageToken });
      expect(view.subscriber).toMatchObject({ email, name: "Vera", timeZone: "America/New_York", language: "en", confirmed: false, unsubscribedAt: null });
      expect(view.subscriptions).toEqual([expect.objectContaining({ scope: "sector", scopeValue: "autos", offsets: "7d,1d", notifyMeasures: true, active: true })]);
    });

    it("confirm with the token from the stored email's text", async () => {
      const mail = await lastEmailTo(email);
      const token = tokenIn(mail.text, "/alerts/confirm");
      const confirmed = await api(d("2030-01-01T10:00:00Z")).alerts.confirm({ token });
      expect(confirmed.email).toBe(email);
      expect(confirmed.manage).toMatch(/^\/alerts\/manage\?token=/);
      expect((await api(t0).alerts.manage.get({ token: manageToken })).subscriber.confirmed).toBe(true);
      // Pressing it twice is harmless.
      await api(d("2030-01-01T10:05:00Z")).alerts.confirm({ token });
      const [row] = await tdb.db.select().from(t.alertSubscribers).where(eq(t.alertSubscribers.email, email));
      expect(row!.confirmedAt).toEqual(d("2030-01-01T10:00:00Z"));
    });

    it("manage: pause and resume, add another subscription, change language and zone", async () => {
      const now = d("2030-01-02T00:00:00Z");
      const [first] = (await api(now).alerts.manage.get({ token: manageToken })).subscriptions;
      expect(await api(now).alerts.manage.setActive({ token: manageToken, subscriptionId: first!.id, active: false })).toEqual({ id: first!.id, active: false });
      await api(now).alerts.manage.add({ token: manageToken, subscription: { scope: "deadline", scopeValue: "reciprocal-kr-aug1" } });
      await api(now).alerts.manage.setPreferences({ token: manageToken, name: "Vera K.", timeZone: "asia/seoul", language: "ko" });
      const view = await api(now).alerts.manage.get({ token: manageToken });
      expect(view.subscriber).toMatchObject({ name: "Vera K.", timeZone: "Asia/Seoul", language: "ko", confirmed: true });
      expect(view.subscriptions.map((s) => [s.scope, s.scopeValue, s.offsets, s.active])).toEqual([
        ["sector", "autos", "7d,1d", false],
        ["deadline", "reciprocal-kr-aug1", "30d,7d,1d,0", true],
      ]);
      await api(now).alerts.manage.setActive({ token: manageToken, subscriptionId: first!.id, active: true });
      expect((await api(now).alerts.manage.get({ token: manageToken })).subscriptions[0]!.active).toBe(true);
    });

    it("manage cannot touch another subscriber's subscription", async () => {
      const other = await subscribe(tdb.db, config, subscribeInput.parse({ email: "other@example.org", subscription: {} }), d("2030-01-02T00:00:00Z"), { confirmed: true });
      const refused = api(d("2030-01-02T00:00:00Z")).alerts.manage.setActive({ token: manageToken, subscriptionId: other.subscriptionId, active: false });
      await expect(refused).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("the public form cannot change a confirmed subscriber: the new subscription waits, paused, for the owner's confirmation", async () => {
      const now = d("2030-01-03T00:00:00Z");
      const answer = await api(now).alerts.subscribe({
        email,
        name: "Mallory",
        timeZone: "UTC",
        language: "en",
        subscription: { scope: "kind", scopeValue: "election", offsets: "1d" },
      });
      // The same answer as for an unknown address.
      expect(answer).toEqual({ checkInbox: true });
      let view = await api(now).alerts.manage.get({ token: manageToken });
      expect(view.subscriber).toMatchObject({ name: "Vera K.", timeZone: "Asia/Seoul", language: "ko" });
      expect(view.subscriptions.find((s) => s.scope === "kind")).toMatchObject({ scopeValue: "election", active: false });
      const mail = await lastEmailTo(email);
      expect(mail.kind).toBe("confirm");
      expect(mail.language).toBe("ko");
      await api(now).alerts.confirm({ token: tokenIn(mail.text, "/alerts/confirm") });
      view = await api(now).alerts.manage.get({ token: manageToken });
      expect(view.subscriptions.find((s) => s.scope === "kind")).toMatchObject({ active: true });
      expect(view.subscriptions.every((s) => s.active)).toBe(true);
    });

    it("tampered, truncated and re-purposed links are BAD_REQUEST with the reason", async () => {
      const now = d("2030-01-04T00:00:00Z");
      await expect(api(now).alerts.unsubscribe({ token: tamper(unsubscribeToken) })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "This link has been altered and is refused; open the link from the email as it is.",
      });
      await expect(api(now).alerts.manage.get({ token: tamper(manageToken) })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/altered/) });
      await expect(api(now).alerts.confirm({ token: "not-a-token" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/not a Tradewatch link/) });
      await expect(api(now).alerts.unsubscribe({ token: manageToken })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/meant for something else/) });
      await expect(
        api(now).alerts.manage.add({ token: unsubscribeToken, subscription: { scope: "all" } }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/meant for something else/) });
      // Nothing changed.
      expect((await api(now).alerts.manage.get({ token: manageToken })).subscriber.unsubscribedAt).toBeNull();
    });

    it("unsubscribe through the link; a second press keeps the first instant", async () => {
      const first = await api(d("2030-01-05T00:00:00Z")).alerts.unsubscribe({ token: unsubscribeToken });
      expect(first).toMatchObject({ email, unsubscribedAt: d("2030-01-05T00:00:00Z") });
      const again = await api(d("2030-01-06T00:00:00Z")).alerts.unsubscribe({ token: unsubscribeToken });
      expect(again.unsubscribedAt).toEqual(d("2030-01-05T00:00:00Z"));
      expect((await api(d("2030-01-06T00:00:00Z")).alerts.manage.get({ token: manageToken })).subscriber.unsubscribedAt).toEqual(d("2030-01-05T00:00:00Z"));
    });
  });

  it("subscribe refuses a bad form with field errors and, with READ_ACCESS=signed-in, anonymous callers", async () => {
    const bad = api(d("2030-01-01T00:00:00Z")).alerts.subscribe({ email: "nope", subscription: { scope: "sector", scopeValue: "bananas", offsets: "7x" } } as SubscribeInput);
    await expect(bad).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const closed = callerAs(tdb.db, null, { now: d("2030-01-01T00:00:00Z"), config: { alerts: config, ingest: ingestConfigFromEnv() }, readAccess: "signed-in" });
    expect(await codeOf(closed.alerts.subscribe({ email: "x@example.org", subscription: {} }))).toBe("UNAUTHORIZED");
  });

  it(`subscribe is limited to ${SUBSCRIBE_LIMIT.max} a window per client address`, async () => {
    const now = d("2030-02-01T00:00:00Z");
    for (let i = 0; i < SUBSCRIBE_LIMIT.max; i++) {
      await api(now, null, "203.0.113.7").alerts.subscribe({ email: "flood@example.org", subscription: {} });
    }
    await expect(api(now, null, "203.0.113.7").alerts.subscribe({ email: "flood@example.org", subscription: {} })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/Too many subscriptions/),
    });
    // Another address is not affected; only one confirmation email went to the flooded inbox.
    await api(now, null, "203.0.113.8").alerts.subscribe({ email: "flood@example.org", subscription: {} });
    const { emails } = await adminApi().alerts.admin.outbox({ limit: 200 });
    expect(emails.filter((e) => e.toAddress === "flood@example.org")).toHaveLength(1);
  });

  it("admin procedures refuse anonymous callers (UNAUTHORIZED) and viewers (FORBIDDEN)", async () => {
    const now = d("2030-01-01T00:00:00Z");
    for (const user of [null, viewer]) {
      const a = api(now, user).alerts.admin;
      const expected = user ? "FORBIDDEN" : "UNAUTHORIZED";
      expect(await codeOf(a.subscribers())).toBe(expected);
      expect(await codeOf(a.history({}))).toBe(expected);
      expect(await codeOf(a.outbox())).toBe(expected);
      expect(await codeOf(a.email({ id: 1 }))).toBe(expected);
      expect(await codeOf(a.jobs())).toBe(expected);
      expect(await codeOf(a.delivery())).toBe(expected);
      expect(await codeOf(a.sendTest({ email: "x@example.org" }))).toBe(expected);
      expect(await codeOf(a.setSubscriptionActive({ subscriberId: 1, subscriptionId: 1, active: false }))).toBe(expected);
    }
  });

  it("admin: subscribers with their subscriptions; pause and resume anyone's", async () => {
    const people = (await adminApi().alerts.admin.subscribers()).subscribers;
    const vera = people.find((p) => p.email === "visitor@example.org")!;
    expect(vera.subscriptions.map((s) => s.scope)).toEqual(["sector", "deadline", "kind"]);
    const target = vera.subscriptions[0]!;
    expect(await adminApi().alerts.admin.setSubscriptionActive({ subscriberId: vera.id, subscriptionId: target.id, active: false })).toMatchObject({ active: false });
    const after = (await adminApi().alerts.admin.subscribers()).subscribers.find((p) => p.id === vera.id)!;
    expect(after.subscriptions[0]!.active).toBe(false);
    // The pair must match: another subscriber's id with this subscription is NOT_FOUND.
    await expect(adminApi().alerts.admin.setSubscriptionActive({ subscriberId: vera.id + 1000, subscriptionId: target.id, active: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the notification history answers 'why did or didn't I get this?', filtered and paged", async () => {
    const sub = (input: SubscribeInput, now: string) => subscribe(tdb.db, config, subscribeInput.parse(input), d(now), { confirmed: true });
    await sub({ email: "history-a@example.org", timeZone: "Asia/Seoul", subscription: { scope: "deadline", scopeValue: "reciprocal-kr-aug1", offsets: "14d,7d" } }, "2025-07-01T00:00:00Z");
    await sub({ email: "history-b@example.org", timeZone: "UTC", subscription: { scope: "deadline", scopeValue: "reciprocal-kr-aug1", offsets: "7d" } }, "2025-07-01T00:00:00Z");
    // Nothing ran from July 1 until the 7-day instant: the 14-day reminder is skipped (superseded), the 7-day one emailed (held).
    await runTick(tdb.db, config, d("2025-07-25T04:01:00Z"), { digests: false });
    const history = (input: Parameters<ReturnType<typeof adminApi>["alerts"]["admin"]["history"]>[0]) => adminApi().alerts.admin.history(input);

    const a = await history({ email: "History-A@example.org" });
    expect(a.entries.map((e) => [e.kind, e.deadlineKey, e.offset, e.status])).toEqual([
      ["reminder", "reciprocal-kr-aug1", "7d", "emailed"],
      ["reminder", "reciprocal-kr-aug1", "14d", "skipped"],
    ]);
    const [emailed, skipped] = a.entries;
    expect(skipped!.reason).toBe("superseded by the 7d reminder");
    expect(skipped!.mail?.id ?? null).toBeNull();
    expect(emailed!.mail).toMatchObject({ status: "held", attempts: 0, lastError: expect.stringMatching(/SMTP_URL is not set/) });
    expect(emailed!.mail!.messageId).toMatch(/^<.+@tradewatch\.test>$/);
    expect(emailed!.dueAt).toEqual(d("2025-08-01T04:01:00Z"));
    expect(emailed!.remindAt).toEqual(d("2025-07-25T04:01:00Z"));

    expect((await history({ status: "skipped", deadlineKey: "reciprocal-kr-aug1" })).entries.map((e) => e.email)).toEqual(["history-a@example.org"]);
    expect((await history({ status: "emailed", kind: "reminder" })).entries.map((e) => e.email).sort()).toEqual(["history-a@example.org", "history-b@example.org"]);
    expect((await history({ kind: "postponed" })).entries).toEqual([]);
    expect((await history({ deadlineKey: "no-such-deadline" })).entries).toEqual([]);

    // Keyset paging: one at a time, newest first, until nextBefore is null.
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await history({ deadlineKey: "reciprocal-kr-aug1", limit: 1, before });
      seen.push(...page.entries.map((e) => e.id));
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }
    expect(seen).toHaveLength(3);
    expect([...seen].sort((x, y) => y - x)).toEqual(seen);

    await expect(history({ deadlineKey: "Not A Key" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("send a test email: queued in the outbox in the chosen language; the preview has its HTML and text", async () => {
    const { emailId } = await adminApi(d("2030-03-01T00:00:00Z")).alerts.admin.sendTest({ email: "Ops@Example.org", language: "ko", timeZone: "Asia/Seoul" });
    const mail = await adminApi().alerts.admin.email({ id: emailId });
    expect(mail).toMatchObject({ kind: "test", toAddress: "ops@example.org", language: "ko", status: "pending" });
    expect(mail.html).toContain("<html");
    expect(mail.text.length).toBeGreaterThan(20);
    const { counts } = await adminApi().alerts.admin.outbox();
    expect(counts.find((c) => c.status === "pending")?.n).toBeGreaterThan(0);
    await expect(adminApi().alerts.admin.email({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await adminApi().alerts.admin.delivery()).toEqual({ smtp: false });
  });

  it("jobs: every declared job with its cron, zone and next run; last run from job_runs", async () => {
    await tdb.db.insert(t.jobRuns).values({ name: "alerts-retry", lastStartedAt: d("2030-01-01T00:00:00Z"), lastFinishedAt: d("2030-01-01T00:00:01Z"), lastError: "boom", runner: "host:1" });
    const jobs = await adminApi().alerts.admin.jobs();
    expect(jobs.map((j) => j.name)).toEqual(["alerts-scan", "alerts-digest", "alerts-retry", "feeds-poll", "market-close"]);
    for (const job of jobs) {
      expect(job.cron).toMatch(/\*/);
      expect(job.timeZone).toBe(job.name === "market-close" ? "Asia/Seoul" : "UTC");
      expect(job.next).toBeInstanceOf(Date);
    }
    // After the KRX close, on a weekday in Seoul.
    const market = jobs.find((j) => j.name === "market-close")!.next!;
    const seoul = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Seoul", weekday: "short", hour: "2-digit", hourCycle: "h23" }).formatToParts(market);
    expect(["Mon", "Tue", "Wed", "Thu", "Fri"]).toContain(seoul.find((p) => p.type === "weekday")!.value);
    expect(Number(seoul.find((p) => p.type === "hour")!.value)).toBeGreaterThanOrEqual(16);
    expect(jobs.find((j) => j.name === "alerts-retry")).toMatchObject({ lastError: "boom", runner: "host:1", lastStartedAt: d("2030-01-01T00:00:00Z") });
    expect(jobs.find((j) => j.name === "alerts-scan")).toMatchObject({ lastStartedAt: null, lastError: null });
  });

  describe("one-click unsubscribe endpoint (RFC 8058)", () => {
    const now = d("2030-04-01T00:00:00Z");
    const handlers = () => createUnsubscribeHandlers({ db: async () => tdb.db, config: () => config, now: () => now });
    let token: string;
    beforeAll(async () => {
      await subscribe(tdb.db, config, subscribeInput.parse({ email: "oneclick@example.org", subscription: {} }), now, { confirmed: false });
      token = tokenIn((await lastEmailTo("oneclick@example.org")).text, "/alerts/unsubscribe");
    });
    const post = (tok: string) =>
      handlers().POST(
        new Request(`${BASE}/api/v1/alerts/unsubscribe?token=${tok}`, {
          method: "POST",
          // What a mail client sends: no cookie, no Origin of ours.
          headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.example.net", "sec-fetch-site": "cross-site" },
          body: "List-Unsubscribe=One-Click",
        }),
      );

    it("GET never unsubscribes: it redirects (303) to the page with the button", async () => {
      const res = handlers().GET(new Request(`${BASE}/api/v1/alerts/unsubscribe?token=${token}`));
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`/alerts/unsubscribe?token=${token}`);
      const [row] = await tdb.db.select().from(t.alertSubscribers).where(eq(t.alertSubscribers.email, "oneclick@example.org"));
      expect(row!.unsubscribedAt).toBeNull();
    });

    it("a tampered token is refused with 400 and the reason, as plain text", async () => {
      const res = await post(tamper(token));
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/altered/);
      expect((await post("")).status).toBe(400);
    });

    it("POST List-Unsubscribe=One-Click from another site unsubscribes: 200 'unsubscribed'", async () => {
      const res = await post(token);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
      expect((await res.text()).trim()).toBe("unsubscribed");
      const [row] = await tdb.db.select().from(t.alertSubscribers).where(eq(t.alertSubscribers.email, "oneclick@example.org"));
      expect(row!.unsubscribedAt).toEqual(now);
      expect((await post(token)).status).toBe(200);
    });

    it("whereas the tRPC mutations keep the cross-site check: a foreign Origin gets 403", async () => {
      const handler = createTrpcHandler({ db: async () => tdb.db, user: async () => null, now: () => now });
      const res = await handler(
        new Request(`${BASE}/api/trpc/alerts.unsubscribe`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: "https://evil.example" },
          body: JSON.stringify({ json: { token } }),
        }),
      );
      expect(res.status).toBe(403);
    });
  });
});
