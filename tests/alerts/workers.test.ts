// Delivery you can trust, with real processes on the real PostgreSQL server (needs TEST_DATABASE_URL):
// - three workers (`npm run alerts -- tick --now …`, separate processes) ticking at once over a backlog of 10,000
//   reminders deliver each exactly once while the SMTP server rejects 30% of transactions with transient errors;
// - a worker killed with SIGKILL mid-batch loses nothing: once its leases expire, another worker sends the rest.
import { spawn, type ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { createCaller } from "@/server/core/root";
import type { SessionUser } from "@/server/core/session-user";
import { DELIVERY_LEASE_SECONDS } from "@/server/alerts/constants";
import { ROOT } from "@/tests/helpers/app-server";
import { openTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { startTestSmtp, type TestSmtp } from "@/tests/helpers/smtp";

const SECRET = "worker-test-secret-worker-test-secret-0123";
const editor: SessionUser = { id: "u-workers", email: "w-editor@example.org", name: "W", role: "editor" };

function tickProcess(databaseUrl: string, smtpUrl: string, now: string): { child: ChildProcess; done: Promise<{ code: number | null; out: string; err: string }> } {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, BETTER_AUTH_SECRET: SECRET, SEED: "off", PUBLIC_URL: "http://tradewatch.test" };
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
  let sourceId: number;

  beforeAll(async () => {
    tdb = await openTestDatabase("postgres");
    await seedDatabase(tdb.db);
    await tdb.db.insert(t.users).values({ id: editor.id, email: editor.email, name: editor.name, role: "editor" });
    sourceId = (await tdb.db.select().from(t.sources).limit(1))[0]!.id;
    smtp = await startTestSmtp();
  }, 120_000);
  afterAll(async () => {
    await smtp?.close();
    await tdb?.close();
  });

  const api = (now: string) => createCaller({ db: tdb.db, now: () => new Date(now), user: editor });

  it(
    "three workers at once over 10,000 reminders with 30% transient SMTP rejections deliver each exactly once",
    async () => {
      await api("2030-01-01T00:00:00Z").edit.deadlines.create({
        key: "tw-bulk",
        title: "Bulk deadline",
        kind: "negotiation",
        due: { local: "2030-05-01T09:00", zone: "UTC" },
        sources: [sourceId],
      });
      await bulkSubscribe(tdb, "bulk", 10_000, "tw-bulk", new Date("2030-01-02T00:00:00Z"), new Date("2030-04-30T08:00:00Z"));
      smtp.setOptions({ transientRate: 0.3, seed: 7 });
      let now = "2030-04-30T09:00:00Z";
      for (let round = 0; round < 14; round++) {
        const runs = [0, 1, 2].map(() => tickProcess(tdb.url!, smtp.url, now));
        const results = await Promise.all(runs.map((r) => r.done));
        for (const r of results) expect(r.code, r.err).toBe(0);
        const [left] = await tdb.db.execute<{ n: number }>(sql`select count(*)::int as n from alert_emails where status <> 'sent'`).then((r) => (r as unknown as { rows: { n: number }[] }).rows);
        if (left!.n === 0) break;
        // Past the longest backoff so far (retries are due again).
        now = addMinutes(now, 70);
      }
      smtp.setOptions({ transientRate: 0 });
      const emails = await tdb.db.select({ status: t.alertEmails.status, messageId: t.alertEmails.messageId }).from(t.alertEmails).where(sql`${t.alertEmails.toAddress} like 'bulk%'`);
      expect(emails).toHaveLength(10_000);
      expect(emails.every((e) => e.status === "sent")).toBe(true);
      const notifications = await tdb.db.execute<{ n: number }>(sql`select count(*)::int as n from alert_notifications where deadline_key = 'tw-bulk' and status = 'emailed'`);
      expect((notifications as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(10_000);
      // At the SMTP server: every outbox Message-ID accepted exactly once; rejections did happen.
      const accepted = smtp.received.filter((m) => m.to[0]!.startsWith("bulk"));
      expect(accepted).toHaveLength(10_000);
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
      // Nothing lost: every recipient got their reminder; at most the one in flight when killed arrived twice.
      expect(new Set(received.map((m) => m.to[0])).size).toBe(300);
      expect(received.length - 300).toBeLessThanOrEqual(1);
    },
    300_000,
  );
});
