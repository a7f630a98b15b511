// Email alerts end to end on the real seed (PGlite, and PostgreSQL with TEST_DATABASE_URL) against a real SMTP server
// in this process: the 7-day reminder for August 1, 2025 goes out exactly once; catch-up after downtime (late, the
// superseded ones skipped, missed lines in the next digest); a postponement re-arms the reminders and sends one
// notice; reminders minutes apart share one email; unsubscribe and tampered links; transient and permanent SMTP
// failures; no SMTP configured → held, sent once it is.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { createCaller } from "@/server/core/root";
import type { SessionUser } from "@/server/core/session-user";
import type { AlertsConfig } from "@/server/core/config";
import { createSmtpMailer } from "@/server/alerts/mailer";
import { subscribe, unsubscribe } from "@/server/alerts/subscriptions";
import { runTick } from "@/server/alerts/tick";
import { subscribeInput, type SubscribeInput } from "@/server/alerts/schemas";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { startTestSmtp, type TestSmtp } from "@/tests/helpers/smtp";

const editor: SessionUser = { id: "u-alerts-editor", email: "editor@example.org", name: "Eddie", role: "editor" };
const d = (iso: string) => new Date(iso);
/** Header lines folded by the mailer, joined back (RFC 5322 unfolding). */
const unfold = (raw: string) => raw.replace(/\r?\n[ \t]+/g, " ");

describe.each(testDatabases())("email alerts on $name", ({ name }) => {
  let tdb: TestDatabase;
  let smtp: TestSmtp;
  let config: AlertsConfig;
  let sourceId: number;

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    await tdb.db.insert(t.users).values({ id: editor.id, email: editor.email, name: editor.name, role: "editor" });
    sourceId = (await tdb.db.select().from(t.sources).limit(1))[0]!.id;
    smtp = await startTestSmtp();
    config = {
      publicUrl: "http://tradewatch.test",
      secret: "test-secret-test-secret-test-secret-0123",
      mailer: createSmtpMailer(smtp.url, { from: "Tradewatch <alerts@tradewatch.test>" }),
      from: "Tradewatch <alerts@tradewatch.test>",
      workerId: "test-worker",
    };
  });
  afterAll(async () => {
    await config?.mailer?.close();
    await smtp?.close();
    await tdb?.close();
  });

  const api = (now: Date) => createCaller({ db: tdb.db, now: () => now, user: editor });
  const sub = (input: Omit<SubscribeInput, "subscription"> & { subscription: Record<string, unknown> }, now: Date, confirmed = true) =>
    subscribe(tdb.db, config, subscribeInput.parse(input), now, { confirmed });
  const tick = (now: string, options = {}) => runTick(tdb.db, config, d(now), { digests: false, ...options });
  const to = (email: string) => smtp.received.filter((m) => m.to.includes(email));
  const notifications = async (email: string) => {
    const [s] = await tdb.db.select().from(t.alertSubscribers).where(eq(t.alertSubscribers.email, email));
    return tdb.db.select().from(t.alertNotifications).where(eq(t.alertNotifications.subscriberId, s!.id)).orderBy(t.alertNotifications.id);
  };
  const newDeadline = (key: string, local: string, now: string, zone = "America/New_York", sector?: "copper") =>
    api(d(now)).edit.deadlines.create({ key, title: `Test deadline ${key}`, kind: "negotiation", due: { local, zone }, sector, sources: [sourceId] });

  it("a subscription to the August 1, 2025 deadline gets its 7-day reminder exactly once when ticking at 2025-07-25", async () => {
    const email = "seven@example.org";
    await sub({ email, timeZone: "Asia/Seoul", language: "en", subscription: { scope: "deadline", scopeValue: "reciprocal-kr-aug1", offsets: "30d,7d,1d,0" } }, d("2025-07-01T00:00:00Z"));
    await tick("2025-07-25T04:01:00Z");
    expect(to(email)).toHaveLength(1);
    const [message] = to(email);
    expect(message!.subject).toMatch(/7 days/i);
    // Washington and Seoul time; the calendar attachment; one-click unsubscribe (RFC 8058).
    expect(message!.raw).toMatch(/EDT/);
    expect(message!.raw).toMatch(/KST/);
    expect(message!.raw).toMatch(/text\/calendar/);
    const headers = unfold(message!.raw);
    expect(headers).toMatch(/List-Unsubscribe:\s*<http:\/\/tradewatch\.test\/api\/v1\/alerts\/unsubscribe\?token=/);
    expect(headers).toMatch(/List-Unsubscribe-Post:\s*List-Unsubscribe=One-Click/);
    await tick("2025-07-25T04:01:00Z");
    await tick("2025-07-25T04:30:00Z");
    expect(to(email)).toHaveLength(1);
    const rows = await notifications(email);
    expect(rows.map((r) => [r.offset, r.status])).toEqual([["7d", "emailed"]]);
    const [outbox] = await tdb.db.select().from(t.alertEmails).where(eq(t.alertEmails.id, rows[0]!.emailId!));
    expect(outbox).toMatchObject({ status: "sent", attempts: 1, late: false });
    expect(message!.messageId).toBe(outbox!.messageId);
  });

  it("catch-up after downtime: one late reminder (the latest), earlier ones skipped with the reason; a passed deadline becomes a digest line", async () => {
    const email = "catchup@example.org";
    await newDeadline("tw-catchup", "2030-03-09T09:00", "2030-01-01T00:00:00Z");
    await sub({ email, timeZone: "Asia/Seoul", subscription: { scope: "deadline", scopeValue: "tw-catchup" } }, d("2030-01-02T00:00:00Z"));
    // Down from January until after the 1-day instant (2030-03-08 09:00 EST = 14:00Z) but before the deadline.
    await tick("2030-03-08T20:00:00Z");
    expect(to(email)).toHaveLength(1);
    expect(to(email)[0]!.raw).toMatch(/late/i);
    const rows = await notifications(email);
    expect(rows.map((r) => [r.offset, r.status, r.late])).toEqual(
      expect.arrayContaining([
        ["30d", "skipped", true],
        ["7d", "skipped", true],
        ["1d", "emailed", true],
      ]),
    );
    expect(rows.find((r) => r.offset === "7d")!.reason).toBe("superseded by the 1d reminder");
    // Down again through the due time: the due-time reminder is not sent as if ahead…
    await tick("2030-03-09T18:00:00Z");
    expect(to(email)).toHaveLength(1);
    const missed = (await notifications(email)).find((r) => r.offset === "0");
    expect(missed).toMatchObject({ kind: "missed", status: "digest" });
    // …it is a "missed while down" line in the next digest (08:00 in Seoul = 23:00Z).
    await tick("2030-03-09T23:00:00Z", { digests: true });
    expect(to(email)).toHaveLength(2);
    expect(to(email)[1]!.raw).toContain("Test deadline tw-catchup");
    const after = (await notifications(email)).find((r) => r.offset === "0");
    expect(after!.status).toBe("digested");
    // One digest a day, whatever the number of scans.
    await tick("2030-03-09T23:15:00Z", { digests: true });
    expect(to(email)).toHaveLength(2);
  });

  it("a postponement re-arms the reminders for the new instant and sends one postponed notice, not stale reminders", async () => {
    const email = "postponed@example.org";
    await newDeadline("tw-post", "2030-06-01T00:01", "2030-01-01T00:00:00Z");
    await sub({ email, timeZone: "America/New_York", subscription: { scope: "deadline", scopeValue: "tw-post", offsets: "7d,1d" } }, d("2030-01-02T00:00:00Z"));
    await tick("2030-05-25T04:01:00Z");
    expect(to(email)).toHaveLength(1);
    await api(d("2030-05-28T12:00:00Z")).edit.deadlines.postpone({ key: "tw-post", to: { local: "2030-07-01T00:01", zone: "America/New_York" }, sources: [sourceId] });
    await tick("2030-05-31T04:01:00Z"); // the old deadline's 1-day instant
    expect(to(email)).toHaveLength(2);
    expect(to(email)[1]!.subject).toMatch(/postponed/i);
    await tick("2030-05-31T04:05:00Z");
    await tick("2030-06-01T04:01:00Z");
    expect(to(email)).toHaveLength(2);
    // The new deadline's 7-day reminder, at its own instant.
    await tick("2030-06-24T04:01:00Z");
    expect(to(email)).toHaveLength(3);
    const rows = await notifications(email);
    expect(rows.map((r) => [r.kind, r.deadlineKey, r.offset, r.status])).toEqual([
      ["reminder", "tw-post", "7d", "emailed"],
      ["postponed", "tw-post", null, "emailed"],
      ["reminder", "tw-post-2030-07-01", "7d", "emailed"],
    ]);
  });

  it("several reminders due for one person within a few minutes go out as one email", async () => {
    const email = "grouped@example.org";
    await newDeadline("tw-g1", "2030-09-01T09:00", "2030-01-01T00:00:00Z", "America/New_York", "copper");
    await newDeadline("tw-g2", "2030-09-01T09:03", "2030-01-01T00:00:00Z", "America/New_York", "copper");
    await sub({ email, timeZone: "America/New_York", subscription: { scope: "sector", scopeValue: "copper", offsets: "1d" } }, d("2030-08-01T00:00:00Z"));
    await tick("2030-08-31T13:00:00Z");
    expect(to(email)).toHaveLength(1);
    expect(to(email)[0]!.raw).toContain("tw-g1");
    expect(to(email)[0]!.raw).toContain("tw-g2");
    const rows = (await notifications(email)).filter((r) => r.status === "emailed");
    expect(rows).toHaveLength(2);
    expect(rows[0]!.emailId).toBe(rows[1]!.emailId);
    await tick("2030-08-31T13:03:00Z");
    expect(to(email)).toHaveLength(1);
  });

  it("one-click unsubscribe works; a tampered link is refused; nothing is sent afterwards", async () => {
    const email = "leaving@example.org";
    await newDeadline("tw-leave", "2030-10-10T09:00", "2030-01-01T00:00:00Z");
    await sub({ email, timeZone: "UTC", subscription: { scope: "deadline", scopeValue: "tw-leave", offsets: "7d,1d" } }, d("2030-02-01T00:00:00Z"));
    await tick("2030-10-03T13:00:00Z");
    expect(to(email)).toHaveLength(1);
    const token = /List-Unsubscribe:\s*<[^>]*token=([A-Za-z0-9_.-]+)>/.exec(unfold(to(email)[0]!.raw))![1]!;
    const tampered = token.slice(0, 5) + (token[5] === "A" ? "B" : "A") + token.slice(6);
    await expect(unsubscribe(tdb.db, config, tampered, d("2030-10-04T00:00:00Z"))).rejects.toThrow(/altered|not a Tradewatch link/);
    await expect(unsubscribe(tdb.db, config, `${token}x`, d("2030-10-04T00:00:00Z"))).rejects.toThrow();
    const s = await unsubscribe(tdb.db, config, token, d("2030-10-04T00:00:00Z"));
    expect(s.unsubscribedAt).toEqual(d("2030-10-04T00:00:00Z"));
    // Idempotent: a second click keeps the first instant.
    expect((await unsubscribe(tdb.db, config, token, d("2030-10-05T00:00:00Z"))).unsubscribedAt).toEqual(d("2030-10-04T00:00:00Z"));
    await tick("2030-10-09T13:00:00Z");
    expect(to(email)).toHaveLength(1);
  });

  it("SMTP failures: transient ones are retried with backoff, permanent ones fail at once and are kept with the error", async () => {
    const email = "flaky@example.org";
    const bounced = "bounce@example.org";
    await newDeadline("tw-smtp", "2030-11-20T09:00", "2030-01-01T00:00:00Z");
    await sub({ email, timeZone: "UTC", subscription: { scope: "deadline", scopeValue: "tw-smtp", offsets: "1d" } }, d("2030-02-01T00:00:00Z"));
    await sub({ email: bounced, timeZone: "UTC", subscription: { scope: "deadline", scopeValue: "tw-smtp", offsets: "1d" } }, d("2030-02-01T00:00:00Z"));
    smtp.setOptions({ transientRate: 1, rejectPermanently: bounced });
    try {
      await tick("2030-11-19T14:00:00Z");
      const emails = await tdb.db.select().from(t.alertEmails).where(and(eq(t.alertEmails.kind, "alert"), eq(t.alertEmails.createdAt, d("2030-11-19T14:00:00Z"))));
      const flaky = emails.find((e) => e.toAddress === email)!;
      const bounce = emails.find((e) => e.toAddress === bounced)!;
      expect(bounce).toMatchObject({ status: "failed", attempts: 1 });
      expect(bounce.lastError).toMatch(/550|Mailbox unavailable/);
      expect(flaky).toMatchObject({ status: "pending", attempts: 1 });
      expect(flaky.lastError).toMatch(/451|Try again/);
      expect(flaky.nextAttemptAt.getTime()).toBeGreaterThan(d("2030-11-19T14:00:00Z").getTime());
      // Not before its backoff has passed…
      await tick("2030-11-19T14:00:30Z");
      expect((await tdb.db.select().from(t.alertEmails).where(eq(t.alertEmails.id, flaky.id)))[0]!.attempts).toBe(1);
      smtp.setOptions({ transientRate: 0 });
      await tick("2030-11-19T14:10:00Z");
      const [retried] = await tdb.db.select().from(t.alertEmails).where(eq(t.alertEmails.id, flaky.id));
      expect(retried).toMatchObject({ status: "sent", attempts: 2 });
      expect(to(email)).toHaveLength(1);
      expect(to(bounced)).toHaveLength(0);
      const [stillFailed] = await tdb.db.select().from(t.alertEmails).where(eq(t.alertEmails.id, bounce.id));
      expect(stillFailed).toMatchObject({ status: "failed", attempts: 1 });
    } finally {
      smtp.setOptions({ transientRate: 0, rejectPermanently: undefined });
    }
  });

  it("without SMTP the mail is held in the outbox, never lost, and sent once SMTP is configured", async () => {
    const email = "held@example.org";
    await newDeadline("tw-held", "2030-12-10T09:00", "2030-01-01T00:00:00Z");
    await sub({ email, timeZone: "UTC", subscription: { scope: "deadline", scopeValue: "tw-held", offsets: "1d" } }, d("2030-02-01T00:00:00Z"));
    const noSmtp = { ...config, mailer: null };
    await runTick(tdb.db, noSmtp, d("2030-12-09T14:00:00Z"), { digests: false });
    const [held] = await tdb.db.select().from(t.alertEmails).where(eq(t.alertEmails.toAddress, email));
    expect(held).toMatchObject({ status: "held", attempts: 0 });
    expect(held!.html).toContain("tw-held");
    expect(to(email)).toHaveLength(0);
    await tick("2030-12-09T14:05:00Z");
    expect(to(email)).toHaveLength(1);
    expect((await tdb.db.select().from(t.alertEmails).where(eq(t.alertEmails.id, held!.id)))[0]!.status).toBe("sent");
  });

  it("double opt-in: an unconfirmed subscriber gets only the confirmation email, no reminders", async () => {
    const email = "unconfirmed@example.org";
    await newDeadline("tw-optin", "2031-01-10T09:00", "2030-01-01T00:00:00Z");
    const result = await sub({ email, timeZone: "UTC", subscription: { scope: "deadline", scopeValue: "tw-optin", offsets: "1d" } }, d("2030-02-01T00:00:00Z"), false);
    expect(result).toMatchObject({ confirmed: false, confirmationSent: true });
    // Subscribing again right away does not send a second confirmation (no flooding someone's inbox).
    expect((await sub({ email, timeZone: "UTC", subscription: { scope: "deadline", scopeValue: "tw-optin", offsets: "1d" } }, d("2030-02-01T00:01:00Z"), false)).confirmationSent).toBe(false);
    await tick("2031-01-09T14:00:00Z");
    const received = to(email);
    expect(received).toHaveLength(1);
    expect(received[0]!.raw).toMatch(/alerts\/confirm\?token=/);
  });

  it("a KOSPI daily move beyond the subscriber's threshold raises one notice when the close is published", async () => {
    const email = "market@example.org";
    const kospi = await tdb.db
      .select({ date: t.observations.date, close: t.observations.close, knownAt: t.observations.knownAt })
      .from(t.observations)
      .innerJoin(t.series, eq(t.series.id, t.observations.seriesId))
      .where(eq(t.series.key, "kospi"))
      .orderBy(t.observations.date);
    // The first day after 2025-03-01 that moved by 3% or more, from the seed's real closes.
    const i = kospi.findIndex((o, j) => j > 0 && o.date > "2025-03-01" && Math.abs(o.close / kospi[j - 1]!.close - 1) >= 0.03);
    expect(i).toBeGreaterThan(0);
    const big = kospi[i]!;
    const pct = (big.close / kospi[i - 1]!.close - 1) * 100;
    await sub({ email, timeZone: "Asia/Seoul", subscription: { scope: "sector", scopeValue: "steel_aluminium", offsets: "1d", marketMovePct: 3 } }, d("2025-03-01T00:00:00Z"));
    const at = new Date(big.knownAt.getTime() + 60_000).toISOString();
    await tick(at);
    const mine = to(email).filter((m) => /KOSPI/.test(m.subject) || /KOSPI/.test(m.raw));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.raw).toContain(`${pct >= 0 ? "+" : ""}${pct.toFixed(2)}%`);
    await tick(at);
    expect(to(email).filter((m) => /KOSPI/.test(m.raw))).toHaveLength(1);
  });

  it("a dry run reports what would be sent and changes nothing", async () => {
    const email = "dry@example.org";
    await newDeadline("tw-dry", "2031-02-10T09:00", "2030-01-01T00:00:00Z");
    await sub({ email, timeZone: "UTC", subscription: { scope: "deadline", scopeValue: "tw-dry", offsets: "1d" } }, d("2030-02-01T00:00:00Z"));
    const before = (await tdb.db.select().from(t.alertNotifications)).length;
    const result = await runTick(tdb.db, config, d("2031-02-09T14:00:00Z"), { dryRun: true, digests: false });
    expect(result.wouldSend?.map((e) => e.to)).toEqual([email]);
    expect((await tdb.db.select().from(t.alertNotifications)).length).toBe(before);
    expect(to(email)).toHaveLength(0);
  });
});
