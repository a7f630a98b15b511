// Delivery you can trust, with real processes on the real PostgreSQL server (needs TEST_DATABASE_URL):
// - three workers (`npm run alerts -- tick --now …`, separate processes) ticking at once over a backlog of 10,000
//   email reminders and 200 contact points (100 Slack, 100 signed webhooks) deliver each exactly once per channel while
//   the SMTP server and the Slack and webhook receivers fail 30% of requests transiently and one worker is SIGKILLed
//   in the first round (its leases are taken over once they expire);
// - a worker killed with SIGKILL mid-batch loses nothing: once its leases expire, another worker sends the rest.
import { spawn, type ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { createCaller } from "@/server/core/root";
import type { SessionUser } from "@/server/core/session-user";
import { DELIVERY_LEASE_SECONDS } from "@/server/alerts/constants";
import { DELIVERY_CONCURRENCY } from "@/server/alerts/deliver";
import { ROOT } from "@/tests/helpers/app-server";
import { openTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { startTestSmtp, type TestSmtp } from "@/tests/helpers/smtp";
import { startReceivers, type Receivers } from "@/tests/helpers/receivers";
import { testAlertsConfig } from "@/tests/helpers/alerts";
import { createContactPoint } from "@/server/alerts/contact-points";
import { subscriptionFields } from "@/server/alerts/schemas";

const SECRET = "worker-test-secret-worker-test-secret-0123";
const editor: SessionUser = { id: "u-workers", email: "w-editor@example.org", name: "W", role: "editor" };

function tickProcess(databaseUrl: string, smtpUrl: string, now: string, extraEnv: Record<string, string> = {}): { child: ChildProcess; done: Promise<{ code: number | null; out: string; err: string }> } {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, BETTER_AUTH_SECRET: SECRET, SEED: "off", PUBLIC_URL: "http://tradewatch.test", ...extraEnv };
  // One process (node with tsx as a loader, not the tsx CLI, which runs the script in a child): SIGKILL kills it.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/alerts.ts", "tick", "--now", now], { cwd: ROOT, env });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, out, err }));
  });
  return { child, done };
}

/** `count` confirmed subscribers to one deadline (1-day reminder) who already had today's digest (this is about reminders). */
async function bulkSubscribe(tdb: TestDatabase, prefix: string, count: number, deadlineKey: string, since: Date, lastDigest: Date) {
  await tdb.db.execute(sql`
    insert into alert_subscribers (email, time_zone, language, confirmed_at, created_at, last_digest_at)
    select ${prefix} || i || '@example.org', 'UTC', 'en', ${since.toISOString()}::timestamptz, ${since.toISOString()}::timestamptz,
      ${lastDigest.toISOString()}::timestamptz
    from generate_series(1, ${count}) as i`);
  await tdb.db.execute(sql`
    insert into alert_subscriptions (subscriber_id, scope, scope_value, offsets, created_at)
    select id, 'deadline', ${deadlineKey}, '1d', ${since.toISOString()}::timestamptz
    from alert_subscribers where email like ${`${prefix}%`}`);
}

const addMinutes = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();

describe.runIf(process.env.TEST_DATABASE_URL)("alert workers on PostgreSQL", () => {
  let tdb: TestDatabase;
  let smtp: TestSmtp;
  let rx: Receivers;
  let sourceId: number;

  beforeAll(async () => {
    tdb = await openTestDatabase("postgres");
    await seedDatabase(tdb.db);
    await tdb.db.insert(t.users).values({ id: editor.id, email: editor.email, name: editor.name, role: "editor" });
    sourceId = (await tdb.db.select().from(t.sources).limit(1))[0]!.id;
    smtp = await startTestSmtp();
    rx = await startReceivers();
  }, 120_000);
  afterAll(async () => {
    await rx?.close();
    await smtp?.close();
    await tdb?.close();
  });

  const api = (now: string) => createCaller({ db: tdb.db, now: () => new Date(now), user: editor });

  it(
    "three workers, one SIGKILLed, over 10,000 email reminders and 200 Slack and webhook contact points failing 30% transiently deliver each once per channel",
    async () => {
      await api("2030-01-01T00:00:00Z").edit.deadlines.create({
        key: "tw-bulk",
        title: "Bulk deadline",
        kind: "negotiation",
        due: { local: "2030-05-01T09:00", zone: "UTC" },
        sources: [sourceId],
      });
      await bulkSubscribe(tdb, "bulk", 10_000, "tw-bulk", new Date("2030-01-02T00:00:00Z"), new Date("2030-04-30T08:00:00Z"));
      const secrets = new Map<number, string>();
      for (let i = 0; i < 200; i++) {
        const type = i % 2 ? "webhook" : "slack";
        const made = await createContactPoint(tdb.db, { ...testAlertsConfig("setup"), secret: SECRET }, { user: { id: editor.id }, now: new Date("2030-01-02T00:00:00Z") }, {
          name: `Point ${i}`,
          type,
          url: rx.url(`/rx/${type}/${i}`),
          language: "en",
          timeZone: "UTC",
          subscription: subscriptionFields.parse({ scope: "deadline", scopeValue: "tw-bulk", offsets: "1d" }),
        });
        if (made.signingSecret) secrets.set(i, made.signingSecret);
      }
      smtp.setOptions({ transientRate: 0.3, seed: 7 });
      rx.flaky({ prefix: "/rx/", rate: 0.3, ok: { status: 200, body: "ok" } });
      const env = { FETCH_ALLOW_PRIVATE: "127.0.0.1" };
      let now = "2030-04-30T09:00:00Z";
      for (let round = 0; round < 14; round++) {
        const runs = [0, 1, 2].map(() => tickProcess(tdb.url!, smtp.url, now, env));
        if (round === 0) {
          // One worker is killed once it has sent something; the other two go on.
          const start = smtp.received.length;
          const until = Date.now() + 60_000;
          while (smtp.received.length - start < 200 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
          runs[0]!.child.kill("SIGKILL");
        }
        const results = await Promise.all(runs.map((r) => r.done));
        for (const r of results.slice(round === 0 ? 1 : 0)) expect(r.code, r.err).toBe(0);
        const [left] = await tdb.db
          .execute<{ n: number }>(sql`select (select count(*) from alert_emails where status <> 'sent') + (select count(*) from alert_deliveries where status <> 'sent') as n`)
          .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
        if (Number(left!.n) === 0) break;
        // Past the longest backoff so far (retries are due again) and any lease the killed worker held.
        now = addMinutes(now, 70);
      }
      smtp.setOptions({ transientRate: 0 });
      rx.flaky(null);
      // Each contact point got its reminder: one message id per point, accepted; a copy only from the killed worker.
      const deliveries = await tdb.db.select({ status: t.alertDeliveries.status, messageId: t.alertDeliveries.messageId }).from(t.alertDeliveries);
      expect(deliveries).toHaveLength(200);
      expect(deliveries.every((x) => x.status === "sent")).toBe(true);
      const acceptedIds = (prefix: string) => rx.accepted(prefix).map((r) => JSON.parse(r.body) as { id?: string; text?: string });
      for (let i = 0; i < 200; i++) {
        const got = rx.on(`/rx/${i % 2 ? "webhook" : "slack"}/${i}`).filter((r) => r.status === 200);
        expect(got.length, `point ${i}`).toBeGreaterThanOrEqual(1);
        expect(new Set(got.map((r) => r.body)).size, `point ${i}: one message`).toBe(1);
      }
      const webhookIds = acceptedIds("/rx/webhook/").map((b) => b.id);
      expect(new Set(webhookIds).size).toBe(100);
      expect(rx.accepted("/rx/").length - 200).toBeLessThanOrEqual(16); // at most what the killed worker had in flight
      expect(rx.received.filter((r) => r.path.startsWith("/rx/") && r.status === 500).length).toBeGreaterThan(30);
      // Every webhook signature verifies (the receiver's check, its clock at the tick that sent it), retries included.
      vi.useFakeTimers({ toFake: ["Date"] });
      try {
        for (const r of rx.received.filter((x) => x.path.startsWith("/rx/webhook/"))) {
          const i = Number(r.path.split("/").at(-1));
          vi.setSystemTime(Number(r.headers["webhook-timestamp"]) * 1000);
          expect(() => new Webhook(secrets.get(i)!).verify(r.body, { "webhook-id": String(r.headers["webhook-id"]), "webhook-timestamp": String(r.headers["webhook-timestamp"]), "webhook-signature": String(r.headers["webhook-signature"]) }), r.path).not.toThrow();
        }
      } finally {
        vi.useRealTimers();
      }
      const emails = await tdb.db.select({ status: t.alertEmails.status, messageId: t.alertEmails.messageId }).from(t.alertEmails).where(sql`${t.alertEmails.toAddress} like 'bulk%'`);
      expect(emails).toHaveLength(10_000);
      expect(emails.every((e) => e.status === "sent")).toBe(true);
      const notifications = await tdb.db.execute<{ n: number }>(sql`select count(*)::int as n from alert_notifications where deadline_key = 'tw-bulk' and status = 'emailed'`);
      // In an email or a delivery: 10,000 people and 200 contact points.
      expect((notifications as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(10_200);
      // At the SMTP server: every outbox Message-ID accepted, each once but for what the killed worker had in flight
      // (its copy carries the same Message-ID); rejections did happen.
      const accepted = smtp.received.filter((m) => m.to[0]!.startsWith("bulk"));
      expect(accepted.length - 10_000).toBeGreaterThanOrEqual(0);
      expect(accepted.length - 10_000).toBeLessThanOrEqual(DELIVERY_CONCURRENCY);
      expect(new Set(accepted.map((m) => m.messageId)).size).toBe(10_000);
      expect(new Set(accepted.map((m) => m.to[0])).size).toBe(10_000);
      expect(new Set(emails.map((e) => e.messageId))).toEqual(new Set(accepted.map((m) => m.messageId)));
      expect(smtp.rejected).toBeGreaterThan(2_000);
    },
    600_000,
  );

  it(
    "a worker killed with SIGKILL mid-batch loses nothing: the next worker sends the rest once the leases expire",
    async () => {
      await api("2030-01-01T00:00:00Z").edit.deadlines.create({
        key: "tw-kill",
        title: "Kill deadline",
        kind: "negotiation",
        due: { local: "2030-06-01T09:00", zone: "UTC" },
        sources: [sourceId],
      });
      await bulkSubscribe(tdb, "kill", 300, "tw-kill", new Date("2030-01-02T00:00:00Z"), new Date("2030-05-31T08:00:00Z"));
      const now = "2030-05-31T09:00:00Z";
      smtp.setOptions({ delayMs: 20 });
      const before = smtp.received.length;
      const victim = tickProcess(tdb.url!, smtp.url, now);
      // Let it compose and start sending, then kill it mid-batch.
      const deadline = Date.now() + 60_000;
      while (smtp.received.length - before < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      victim.child.kill("SIGKILL");
      await victim.done;
      smtp.setOptions({ delayMs: 0 });
      const sentByVictim = smtp.received.length - before;
      expect(sentByVictim).toBeGreaterThan(0);
      expect(sentByVictim).toBeLessThan(300);
      const leased = (await tdb.db.execute<{ n: number }>(sql`select count(*)::int as n from alert_emails where status = 'sending'`)) as unknown as { rows: { n: number }[] };
      expect(leased.rows[0]!.n).toBeGreaterThan(0);
      // Before the leases expire another worker leaves the leased emails alone…
      const early = await tickProcess(tdb.url!, smtp.url, addMinutes(now, 1)).done;
      expect(early.code, early.err).toBe(0);
      // …after, it takes them over.
      const late = await tickProcess(tdb.url!, smtp.url, addMinutes(now, DELIVERY_LEASE_SECONDS / 60 + 1)).done;
      expect(late.code, late.err).toBe(0);
      const rows = await tdb.db.select().from(t.alertEmails).where(sql`${t.alertEmails.toAddress} like 'kill%'`);
      expect(rows).toHaveLength(300);
      expect(rows.filter((r) => r.status !== "sent")).toEqual([]);
      const received = smtp.received.filter((m) => m.to[0]!.startsWith("kill"));
      // Nothing lost: every recipient got their reminder; at most the ones in flight when killed (a worker sends
      // DELIVERY_CONCURRENCY at a time) arrived twice, with the same Message-ID.
      expect(new Set(received.map((m) => m.to[0])).size).toBe(300);
      expect(received.length - 300).toBeLessThanOrEqual(DELIVERY_CONCURRENCY);
      expect(new Set(received.map((m) => m.messageId)).size).toBe(300);
    },
    300_000,
  );
});
