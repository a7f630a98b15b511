// Alerts at scale (BENCH_ONLY=alerts): 10,000 deadlines over a year, N subscriptions in a realistic mix (2% all,
// 40% a sector, 20% a deadline kind, 38% one deadline; offsets 30d,7d,1d,0), generated in SQL on a fresh database.
// Measured, on PGlite (in this process) and on PostgreSQL (BENCH_DATABASE_URL):
//   - indexing: the first tick, which indexes every deadline and plans every (new) subscription;
//   - steady state: 30 ticks at minutes when nothing falls due (deadlines are due on the hour, so are their
//     reminders; ticks at :20–:49) — wall time p50/p95 and this process's CPU per tick (its share of one core at one
//     tick a minute; on PostgreSQL the server's own CPU is not in it);
//   - one deadline followed by many postponed: the next tick (indexing the new versions, notices to its followers);
//   - catch-up after 24 hours of downtime: one tick plans and composes what fell due meanwhile;
//   - the minute when every subscriber's reminder falls due at once (everyone also follows one deadline, 1d):
//     planning and composing them all, the process's peak memory over it;
//   - delivery of 1,000 emails to a local SMTP server through the pooled mailer, and of 1,000 signed webhooks to a
//     local endpoint (8 in flight).
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { openDatabase, type Database, type Db } from "@/db/client";
import { DEADLINE_KINDS, SECTORS } from "@/server/core/constants";
import type { AlertsConfig } from "@/server/core/config";
import { createSmtpMailer } from "@/server/alerts/mailer";
import { deliverEmails } from "@/server/alerts/deliver";
import { runTick } from "@/server/alerts/tick";
import { planAlerts } from "@/server/alerts/plan";
import { createContactPoint } from "@/server/alerts/contact-points";
import { testContent } from "@/server/alerts/channels/content";
import { deliverToContactPoints } from "@/server/alerts/channels/deliveries";
import { subscriptionFields } from "@/server/alerts/schemas";
import { stats, type Stats } from "./lib";

export const ALERT_DEADLINES = 10_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const cpuMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};

/** Runs fn, sampling this process's resident memory every 100 ms: wall time and the peak above the start. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number; peakMb: number }> {
  global.gc?.();
  const start = rssMb();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t0, cpuMs: cpuMs(c0), peakMb: Math.max(peak, rssMb()) - start };
  } finally {
    clearInterval(timer);
  }
}

/** The data set, in SQL: deadlines due on the hour from 20 days ago to 345 days ahead, subscribers and their subscriptions. */
async function generate(db: Db, subscriptions: number, t0: Date): Promise<void> {
  const base = new Date(Math.floor(t0.getTime() / HOUR) * HOUR);
  const sectors = `array[${SECTORS.map((s) => `'${s}'`).join(",")}]::sector[]`;
  const kinds = `array[${DEADLINE_KINDS.map((k) => `'${k}'`).join(",")}]::deadline_kind[]`;
  const known = new Date(t0.getTime() - 90 * 24 * HOUR).toISOString();
  await db.execute(sql.raw(`
    insert into deadlines (deadline_key, title, kind, due_at, due_zone, status, sector, known_at)
    select 'bench-d' || i, 'Bench deadline ' || i, (${kinds})[1 + i % ${DEADLINE_KINDS.length}],
      '${base.toISOString()}'::timestamptz + (((i * 7919) % 8760) - 480) * interval '1 hour',
      case when i % 2 = 0 then 'America/New_York' else 'Asia/Seoul' end, 'upcoming',
      case when i % 5 = 0 then null else (${sectors})[1 + i % ${SECTORS.length}] end, '${known}'::timestamptz
    from generate_series(1, ${ALERT_DEADLINES}) as i`));
  await db.execute(sql.raw(`
    insert into alert_subscribers (email, time_zone, language, confirmed_at, created_at, last_digest_at)
    select 'bench' || i || '@example.org', case when i % 3 = 0 then 'America/New_York' else 'Asia/Seoul' end,
      (case when i % 4 = 0 then 'ko' else 'en' end)::locale, '${known}'::timestamptz, '${known}'::timestamptz, '${t0.toISOString()}'::timestamptz
    from generate_series(1, ${subscriptions}) as i`));
  await db.execute(sql.raw(`
    insert into alert_subscriptions (subscriber_id, scope, scope_value, offsets, created_at)
    select s.id,
      case when s.id % 50 = 0 then 'all' when s.id % 5 in (1, 2) then 'sector' when s.id % 5 = 3 then 'kind' else 'deadline' end::subscription_scope,
      case when s.id % 50 = 0 then '' when s.id % 5 in (1, 2) then ((${sectors})[1 + s.id % ${SECTORS.length}])::text
        when s.id % 5 = 3 then ((${kinds})[1 + s.id % ${DEADLINE_KINDS.length}])::text
        else 'bench-d' || (1 + (s.id::bigint * 104729) % ${ALERT_DEADLINES}) end,
      '30d,7d,1d,0', '${t0.toISOString()}'::timestamptz
    from alert_subscribers s`));
}

export type AlertsBench = {
  database: string;
  subscriptions: number;
  indexing: { ms: number; peakMb: number; triggers: number; notifications: number };
  steady: { ticks: number; latency: Stats; cpu: Stats; coreShare: number };
  /** Planning (indexing the new versions, the notices to its followers), then composing their emails. */
  postpone: { ms: number; notices: number; composeMs: number; emails: number };
  catchUp: { ms: number; peakMb: number; planned: number; emails: number };
  bigMinute: { subscribeMs: number; ms: number; peakMb: number; planned: number; emails: number };
};

const config = (mailer: AlertsConfig["mailer"] = null): AlertsConfig => ({
  publicUrl: "http://bench.tradewatch.test",
  secret: "bench-secret-bench-secret-bench-secret-01",
  mailer,
  from: "Tradewatch <alerts@bench.test>",
  workerId: "bench",
});

const tick = (db: Db, now: Date, deliver = false) => runTick(db, config(), now, { digests: false, deliver });

export async function benchAlertsOn(database: Database, label: string, subscriptions: number, t0: Date): Promise<AlertsBench> {
  const db = database.db;
  await generate(db, subscriptions, t0);
  const first = new Date(Math.floor(t0.getTime() / HOUR) * HOUR + 20 * MINUTE);
  // A backlog larger than one tick's bound is finished by the next ticks: index until a tick finds nothing to do.
  const indexing = await measured(async () => {
    const total = await tick(db, first);
    for (let extra = 1; extra < 100; extra++) {
      const more = await tick(db, first);
      total.plan.inserted += more.plan.inserted;
      total.plan.changes.triggers += more.plan.changes.triggers;
      if (more.plan.considered === 0 && more.plan.fanOut.triggers === 0) break;
    }
    return total;
  });
  console.log(`[alerts ${label}] indexing ${Math.round(indexing.ms)} ms`);

  const latencies: number[] = [];
  const cpu: number[] = [];
  for (let k = 1; k <= 30; k++) {
    const r = await measured(() => tick(db, new Date(first.getTime() + k * MINUTE)));
    if (r.value.plan.considered !== 0) throw new Error(`a steady tick at +${k} min planned ${r.value.plan.considered} notifications: ${JSON.stringify(r.value.plan)}`);
    latencies.push(r.ms);
    cpu.push(r.cpuMs);
  }
  const steady = { ticks: latencies.length, latency: stats(latencies), cpu: stats(cpu), coreShare: stats(cpu).mean / MINUTE };
  console.log(`[alerts ${label}] steady tick p95 ${steady.latency.p95} ms`);

  // Right after the steady ticks, still between two whole hours: nothing else falls due with the postponement.
  const postpone = await postponeOne(db, new Date(first.getTime() + 32 * MINUTE));
  const downFrom = new Date(first.getTime() + 34 * MINUTE);
  const catchUp = await measured(() => tick(db, new Date(downFrom.getTime() + 24 * HOUR)));
  console.log(`[alerts ${label}] catch-up ${Math.round(catchUp.ms)} ms`);
  const bigMinute = await everyoneAtOnce(db, new Date(downFrom.getTime() + 24 * HOUR + 10 * MINUTE));
  return {
    database: label,
    subscriptions,
    indexing: { ms: indexing.ms, peakMb: indexing.peakMb, triggers: indexing.value.plan.changes.triggers, notifications: indexing.value.plan.inserted },
    steady,
    postpone,
    catchUp: { ms: catchUp.ms, peakMb: catchUp.peakMb, planned: catchUp.value.plan.inserted, emails: catchUp.value.compose.emails },
    bigMinute,
  };
}

/** Postpones the deadline with the most followers by a week (as the editing service writes it) and ticks once. */
async function postponeOne(db: Db, now: Date): Promise<AlertsBench["postpone"]> {
  const key = "bench-d40"; // sector and kind followers, plus its own
  await db.execute(sql.raw(`
    insert into deadlines (deadline_key, title, kind, due_at, due_zone, status, sector, known_at)
    select 'bench-d40-later', title, kind, due_at + interval '7 days', due_zone, 'upcoming', sector, '${now.toISOString()}'::timestamptz
    from deadlines where deadline_key = '${key}'`));
  await db.execute(sql.raw(`
    insert into deadlines (deadline_key, title, kind, due_at, due_zone, status, postponed_to_key, sector, known_at)
    select deadline_key, title, kind, due_at, due_zone, 'postponed', 'bench-d40-later', sector, '${new Date(now.getTime() + 1).toISOString()}'::timestamptz
    from deadlines where deadline_key = '${key}' and status = 'upcoming'`));
  const at = new Date(now.getTime() + MINUTE);
  const plan = await measured(() => planAlerts(db, at));
  const rest = await measured(() => tick(db, at));
  return { ms: plan.ms, notices: plan.value.inserted, composeMs: rest.ms, emails: rest.value.compose.emails };
}

/** Everyone also follows one deadline with a 1-day reminder; the minute it falls due, plan and compose them all. */
async function everyoneAtOnce(db: Db, now: Date): Promise<AlertsBench["bigMinute"]> {
  // Ten minutes after the subscribing tick (beyond its 5-minute look-ahead), off the hour: nothing else falls due.
  const due = new Date(now.getTime() + 24 * HOUR + 10 * MINUTE);
  await db.execute(sql.raw(`insert into deadlines (deadline_key, title, kind, due_at, due_zone, status, known_at)
    values ('bench-everyone', 'Everyone follows this one', 'negotiation', '${due.toISOString()}', 'UTC', 'upcoming', '${now.toISOString()}')`));
  await db.execute(sql.raw(`insert into alert_subscriptions (subscriber_id, scope, scope_value, offsets, created_at)
    select id, 'deadline', 'bench-everyone', '1d', '${now.toISOString()}'::timestamptz from alert_subscribers`));
  const subscribe = await measured(() => tick(db, new Date(now.getTime() + MINUTE)));
  const r = await measured(() => tick(db, new Date(due.getTime() - 24 * HOUR)));
  return { subscribeMs: subscribe.ms, ms: r.ms, peakMb: r.peakMb, planned: r.value.plan.inserted, emails: r.value.compose.emails };
}

/** 1,000 outbox emails delivered to a local SMTP server through the pooled mailer. */
export async function benchSmtp(count = 1000): Promise<{ count: number; ms: number; perSecond: number; received: number }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}?starttls=never`, { from: "bench@bench.test" });
  const database = await openDatabase({ memory: true });
  try {
    await database.migrate();
    const now = new Date();
    await database.db.execute(sql.raw(`insert into alert_emails (to_address, kind, language, subject, html, text, message_id, status, next_attempt_at, created_at)
      select 'smtp' || i || '@example.org', 'alert', 'en', 'Bench reminder ' || i, '<p>' || repeat('Reminder text. ', 200) || '</p>', repeat('Reminder text. ', 200),
        '<bench-' || i || '-${randomBytes(4).toString("hex")}@bench.test>', 'pending', '${now.toISOString()}', '${now.toISOString()}'
      from generate_series(1, ${count}) as i`));
    const r = await measured(() => deliverEmails(database.db, config(mailer), now));
    return { count: r.value.sent, ms: r.ms, perSecond: (r.value.sent / r.ms) * 1000, received };
  } finally {
    await mailer.close();
    await database.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * The dashboard while the scheduler runs on the embedded database: overview latency with no scheduler, then with a
 * steady tick every 250 ms (240× the real rate, so that the sample sees many ticks), side by side in one run.
 */
export async function overviewUnderScheduler(
  database: Database,
  from: Date,
  measure: () => Promise<{ rest: { latency: Stats } }>,
): Promise<{ idleP95: number; busyP95: number; ticks: number }> {
  const idle = await measure();
  let running = true;
  let ticks = 0;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      await tick(database.db, new Date(from.getTime() + (ticks % 29) * MINUTE));
      if (process.env.BENCH_DEBUG) console.log(`[scheduler tick ${ticks}] ${Math.round(performance.now() - t0)} ms`);
      ticks++;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  try {
    const busy = await measure();
    return { idleP95: idle.rest.latency.p95, busyP95: busy.rest.latency.p95, ticks };
  } finally {
    running = false;
    await loop;
  }
}

/** 1,000 webhook deliveries (signed, through the SSRF guard) to a local endpoint, 8 in flight at a time. */
export async function benchWebhooks(count = 1000): Promise<{ count: number; ms: number; perSecond: number; received: number }> {
  let received = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const database = await openDatabase({ memory: true });
  try {
    await database.migrate();
    const db = database.db;
    const now = new Date();
    const cfg = { ...config(), fetch: { allowPrivate: ["127.0.0.1"], maxBytes: 64 * 1024, timeoutMs: 10_000, maxRedirects: 0 } };
    await db.execute(sql`insert into users (id, email, name, role, email_verified, created_at, updated_at) values ('bench-admin', 'bench@example.org', 'Bench', 'admin', true, now(), now())`);
    const point = await createContactPoint(db, cfg, { user: { id: "bench-admin" }, now }, { name: "Bench hook", type: "webhook", url, language: "en", timeZone: "UTC", subscription: subscriptionFields.parse({ scope: "all" }) });
    const content = testContent({ email: "", timeZone: "Asia/Seoul", language: "en" }, "Bench hook", cfg.publicUrl, now);
    await db.execute(sql`insert into alert_deliveries (contact_point_id, kind, message_id, content, status, next_attempt_at, created_at)
      select ${point.id}, 'alert', 'msg_bench_' || i, ${JSON.stringify(content)}::jsonb, 'pending', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from generate_series(1, ${count}) as i`);
    const r = await measured(() => deliverToContactPoints(db, cfg, now));
    return { count: r.value.sent, ms: r.ms, perSecond: (r.value.sent / r.ms) * 1000, received };
  } finally {
    await database.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
