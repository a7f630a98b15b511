// Contact points end to end on the real seed (PGlite, and PostgreSQL with TEST_DATABASE_URL) against local servers
// answering as Slack, Teams and a webhook receiver: a reminder reaches each once; 429 with Retry-After is honoured;
// Slack's permanent errors fail at once; timeouts and resets are retried; the webhook signature verifies with the
// package's verifier and with openssl; a private address is refused at save; a paused point holds its messages;
// "send test" says what the receiver did; no URL or secret appears in API answers or audit entries.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as t from "@/db/schema";
import { runTick } from "@/server/alerts/tick";
import { linksFor } from "@/server/alerts/deliver";
import { subscribe, unsubscribe } from "@/server/alerts/subscriptions";
import { subscribeInput } from "@/server/alerts/schemas";
import { callerAs, errorOf, insertTestUsers } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { openSeededDatabase, testAlertsConfig } from "@/tests/helpers/alerts";
import { startReceivers, type Receivers } from "@/tests/helpers/receivers";

const d = (iso: string) => new Date(iso);
const config = testAlertsConfig("channels-test");

describe.each(testDatabases())("contact points on $name", ({ name }) => {
  let tdb: TestDatabase;
  let rx: Receivers;
  let sourceId: number;
  beforeAll(async () => {
    ({ tdb, sourceId } = await openSeededDatabase(name));
    rx = await startReceivers();
  });
  afterAll(async () => {
    await rx?.close();
    await tdb?.close();
  });

  const as = (role: "admin" | "editor" | "viewer", now: Date) => callerAs(tdb.db, role, { now, config: { alerts: config } as never });
  const tick = (now: string) => runTick(tdb.db, config, d(now), { digests: false });
  /** A deadline due at 09:00 New York on `day`, and a contact point following it with a 1-day reminder. */
  async function pointFor(key: string, day: string, type: "slack" | "teams" | "webhook", path: string) {
    await as("editor", d("2031-01-01T00:00:00Z")).edit.deadlines.create({ key, title: `Channel test ${key}`, kind: "negotiation", due: { local: `${day}T09:00`, zone: "America/New_York" }, sources: [sourceId] });
    return as("admin", d("2031-01-02T00:00:00Z")).alerts.admin.contactPoints.create({ name: `Team ${key}`, type, url: rx.url(path), timeZone: "Asia/Seoul", subscription: { scope: "deadline", scopeValue: key, offsets: "1d" } });
  }
  const history = (id: number) => as("admin", d("2031-12-31T00:00:00Z")).alerts.admin.contactPoints.history({ id });

  it("Slack gets the 1-day reminder once, as Block Kit with Washington and Seoul time and the link as of then", async () => {
    rx.script("/slack/ok", [{ status: 200, body: "ok" }]);
    const { id, signingSecret } = await pointFor("ch-slack", "2031-03-10", "slack", "/slack/ok");
    expect(signingSecret).toBeNull();
    await tick("2031-03-09T14:00:00Z");
    await tick("2031-03-09T14:01:00Z");
    expect(rx.on("/slack/ok")).toHaveLength(1);
    const body = JSON.parse(rx.on("/slack/ok")[0]!.body) as { text: string; blocks: unknown[] };
    expect(body.text).toMatch(/1 day|24 hours/);
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toMatch(/Washington: .*09:00 EDT/);
    expect(blocks).toMatch(/Seoul: .*22:00 KST/);
    expect(blocks).toContain("http://tradewatch.test/?asOf=2031-03-09");
    const [delivery] = await history(id);
    expect(delivery).toMatchObject({ status: "sent", attempts: 1, kind: "alert" });
    expect(delivery!.history.map((a) => [a.outcome, a.httpStatus])).toEqual([["sent", 200]]);
  });

  it("429 with Retry-After: not retried before it, then sent; the history shows both attempts", async () => {
    rx.script("/slack/busy", [{ status: 429, body: "rate_limited", headers: { "retry-after": "600" } }, { status: 200, body: "ok" }]);
    const { id } = await pointFor("ch-busy", "2031-03-11", "slack", "/slack/busy");
    await tick("2031-03-10T13:00:00Z");
    await tick("2031-03-10T13:04:00Z"); // past the 1-minute backoff, before the 10 minutes asked for
    expect(rx.on("/slack/busy")).toHaveLength(1);
    await tick("2031-03-10T13:10:30Z");
    expect(rx.on("/slack/busy")).toHaveLength(2);
    const [delivery] = await history(id);
    expect(delivery!.history.map((a) => [a.outcome, a.httpStatus, a.retryAfterSeconds])).toEqual([
      ["transient", 429, 600],
      ["sent", 200, null],
    ]);
    expect(rx.on("/slack/busy")[0]!.body).toBe(rx.on("/slack/busy")[1]!.body);
  });

  it("Slack's channel_is_archived fails at once with the reason; a timeout and a reset are retried", async () => {
    rx.script("/slack/archived", [{ status: 410, body: "channel_is_archived" }]);
    const archived = await pointFor("ch-archived", "2031-03-12", "slack", "/slack/archived");
    rx.script("/slack/flaky", ["slow", "reset", { status: 200, body: "ok" }]);
    const flaky = await pointFor("ch-flaky", "2031-03-12", "slack", "/slack/flaky");
    await tick("2031-03-11T13:00:00Z");
    await tick("2031-03-11T13:05:00Z");
    await tick("2031-03-11T13:30:00Z");
    const [gone] = await history(archived.id);
    expect(gone).toMatchObject({ status: "failed", attempts: 1 });
    expect(gone!.lastError).toMatch(/Refused: HTTP 410: channel_is_archived/);
    const [retried] = await history(flaky.id);
    expect(retried!.history.map((a) => a.outcome)).toEqual(["transient", "transient", "sent"]);
    expect(retried!.history[0]!.detail).toMatch(/No answer from 127\.0\.0\.1:\d+ in time/);
    expect(retried!.history[1]!.detail).toMatch(/Could not reach/);
  });

  it("a webhook is signed per Standard Webhooks: the package's verifier and openssl agree; the message id is the key", async () => {
    rx.script("/hook", [{ status: 204 }]);
    const { signingSecret } = await pointFor("ch-hook", "2031-03-13", "webhook", "/hook");
    expect(signingSecret).toMatch(/^whsec_/);
    await tick("2031-03-12T13:00:00Z");
    const [request] = rx.on("/hook");
    const headers = { "webhook-id": String(request!.headers["webhook-id"]), "webhook-timestamp": String(request!.headers["webhook-timestamp"]), "webhook-signature": String(request!.headers["webhook-signature"]) };
    // The verifier checks the timestamp against its clock (5 minutes' tolerance): the clock of the tick, here.
    vi.useFakeTimers({ toFake: ["Date"], now: d("2031-03-12T13:00:30Z") });
    let payload: { id: string; version: string; type: string };
    try {
      payload = new Webhook(signingSecret!).verify(request!.body, headers) as typeof payload;
      expect(() => new Webhook(signingSecret!).verify(request!.body.replace("tradewatch", "tradewatcH"), headers)).toThrow();
    } finally {
      vi.useRealTimers();
    }
    expect(payload).toMatchObject({ type: "tradewatch.alert", version: "2026-12-01", id: headers["webhook-id"] });
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(d("2031-03-12T13:00:00Z").getTime() / 1000)));
    // And with openssl alone, through the script documented for receivers (scripts/verify-webhook.sh).
    const dir = mkdtempSync(path.join(tmpdir(), "tw-hook-"));
    try {
      const bodyFile = path.join(dir, "body.json");
      writeFileSync(bodyFile, request!.body);
      const verify = (body: string) => {
        writeFileSync(bodyFile, body);
        return spawnSync("sh", ["scripts/verify-webhook.sh", signingSecret!, headers["webhook-id"], headers["webhook-timestamp"], bodyFile, headers["webhook-signature"]], { encoding: "utf8" });
      };
      expect(verify(request!.body)).toMatchObject({ status: 0, stdout: "valid\n" });
      const altered = verify(request!.body.replace("tradewatch", "tradewatcH"));
      expect(altered.status).toBe(1);
      expect(altered.stderr).toMatch(/invalid: expected v1,/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("Teams Workflows gets an Adaptive Card (202 accepted)", async () => {
    rx.script("/teams", [{ status: 202 }]);
    await pointFor("ch-teams", "2031-03-14", "teams", "/teams");
    await tick("2031-03-13T13:00:00Z");
    const body = JSON.parse(rx.on("/teams")[0]!.body) as { attachments: { contentType: string }[] };
    expect(body.attachments[0]!.contentType).toBe("application/vnd.microsoft.card.adaptive");
  });

  it("a private or metadata address is refused when saved, saying why; nothing is created", async () => {
    const admin = as("admin", d("2031-01-02T00:00:00Z"));
    const before = (await admin.alerts.admin.contactPoints.list()).total;
    for (const url of ["http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]:9/x"]) {
      const error = await errorOf(admin.alerts.admin.contactPoints.create({ name: "Bad", type: "webhook", url, subscription: { scope: "all" } }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/cannot be used: .*(not a public address|metadata)/);
    }
    expect((await admin.alerts.admin.contactPoints.list()).total).toBe(before);
  });

  it("a paused point holds its messages and sends them once resumed; send test reports the receiver's answer", async () => {
    rx.script("/slack/held", [{ status: 200, body: "ok" }]);
    const { id } = await pointFor("ch-held", "2031-03-15", "slack", "/slack/held");
    const admin = as("admin", d("2031-03-14T12:00:00Z"));
    await admin.alerts.admin.contactPoints.update({ id, paused: true });
    await tick("2031-03-14T13:00:00Z");
    expect(rx.on("/slack/held")).toHaveLength(0);
    expect((await history(id))[0]).toMatchObject({ status: "pending", attempts: 0 });
    await admin.alerts.admin.contactPoints.update({ id, paused: false });
    await tick("2031-03-14T13:20:00Z");
    expect(rx.on("/slack/held")).toHaveLength(1);
    expect(await admin.alerts.admin.contactPoints.sendTest({ id })).toMatchObject({ outcome: "sent", httpStatus: 200 });
    rx.script("/slack/held", [{ status: 404, body: "no_service" }]);
    expect(await admin.alerts.admin.contactPoints.sendTest({ id })).toMatchObject({ outcome: "permanent", httpStatus: 404, detail: "HTTP 404: no_service" });
  });

  it("no URL or signing secret in what the API answers, the logs or the audit log hold; a viewer cannot see contact points", async () => {
    const logged: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" "))));
    rx.script("/hook/secret-path-XYZ", [{ status: 200 }]);
    rx.script("/hook/secret-path-ABC", ["reset", { status: 500, body: "down" }, { status: 410, body: "gone" }]);
    let created: { id: number; signingSecret: string | null };
    let shown: string;
    try {
      created = await as("admin", d("2031-01-02T00:00:00Z")).alerts.admin.contactPoints.create({ name: "Secretive", type: "webhook", url: rx.url("/hook/secret-path-XYZ"), subscription: { scope: "all" } });
      const admin = as("admin", d("2031-01-03T00:00:00Z"));
      await admin.alerts.admin.contactPoints.update({ id: created.id, url: rx.url("/hook/secret-path-ABC") });
      for (let i = 0; i < 3; i++) await admin.alerts.admin.contactPoints.sendTest({ id: created.id });
      await errorOf(admin.alerts.admin.contactPoints.update({ id: created.id, url: "http://10.9.9.9/hook/secret-path-DEF" }));
      shown = JSON.stringify([await admin.alerts.admin.contactPoints.list(), await history(created.id), await tdb.db.select().from(t.auditLog).where(eq(t.auditLog.recordType, "contact_point")), logged]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(shown).toContain("Secretive");
    for (const secret of ["secret-path-XYZ", "secret-path-ABC", "secret-path-DEF", created.signingSecret!.slice(6, 30)]) expect(shown).not.toContain(secret);
    expect(shown).toContain("HTTP 410: gone"); // the history says what happened, without the URL
    const [row] = await tdb.db.select().from(t.alertContactPoints).where(eq(t.alertContactPoints.id, created.id));
    expect(row!.urlCipher).not.toContain("secret-path");
    expect((await errorOf(as("viewer", d("2031-01-03T00:00:00Z")).alerts.admin.contactPoints.list())).code).toBe("FORBIDDEN");
  });

  it("a person adds their own Slack channel through the manage link: it gets their reminder; at most 3; it stops when they unsubscribe", async () => {
    rx.script("/own/slack", [{ status: 200, body: "ok" }]);
    await as("editor", d("2031-01-01T00:00:00Z")).edit.deadlines.create({ key: "ch-own", title: "Own channel deadline", kind: "negotiation", due: { local: "2031-04-10T09:00", zone: "America/New_York" }, sources: [sourceId] });
    const { subscriptionId } = await subscribe(tdb.db, config, subscribeInput.parse({ email: "own@example.org", timeZone: "Asia/Seoul", language: "ko", subscription: { scope: "deadline", scopeValue: "ch-own", offsets: "1d" } }), d("2031-01-02T00:00:00Z"), { confirmed: true });
    const [person] = await tdb.db.select().from(t.alertSubscribers).where(eq(t.alertSubscribers.email, "own@example.org"));
    const links = linksFor(config, person!);
    const token = new URL(links.manage).searchParams.get("token")!;
    const visitor = callerAs(tdb.db, null, { now: d("2031-01-03T00:00:00Z"), config: { alerts: config } as never });
    expect((await errorOf(visitor.alerts.manage.addChannel({ token, type: "slack", url: "http://192.168.1.5/hook", subscriptionId }))).message).toMatch(/not a public address/);
    const { id } = await visitor.alerts.manage.addChannel({ token, type: "slack", url: rx.url("/own/slack"), subscriptionId });
    await visitor.alerts.manage.addChannel({ token, type: "slack", url: rx.url("/own/2"), subscriptionId });
    await visitor.alerts.manage.addChannel({ token, type: "teams", url: rx.url("/own/3"), subscriptionId });
    expect((await errorOf(visitor.alerts.manage.addChannel({ token, type: "slack", url: rx.url("/own/4"), subscriptionId }))).message).toMatch(/3 channels already/);
    const view = await visitor.alerts.manage.get({ token });
    expect(view.channels.map((c) => c.urlHint)).toEqual([expect.stringContaining("…lack"), expect.stringContaining("…wn/2"), expect.stringContaining("…wn/3")]);
    expect(JSON.stringify(view)).not.toContain("/own/slack");
    await visitor.alerts.manage.removeChannel({ token, id: view.channels[2]!.id });
    await tick("2031-04-09T13:00:00Z");
    const got = rx.on("/own/slack");
    expect(got).toHaveLength(1);
    expect(JSON.parse(got[0]!.body).text).toMatch(/1일|24시간/); // in the person's language
    await unsubscribe(tdb.db, config, new URL(links.unsubscribe).searchParams.get("token")!, d("2031-04-09T13:30:00Z"));
    const [channel] = await tdb.db.select().from(t.alertContactPoints).where(eq(t.alertContactPoints.id, id));
    const [channelSubscriber] = await tdb.db.select().from(t.alertSubscribers).where(eq(t.alertSubscribers.id, channel!.subscriberId));
    expect(channelSubscriber!.unsubscribedAt).toEqual(d("2031-04-09T13:30:00Z"));
  });
});

describe("contact points in a backup", () => {
  it("an export leaves the URLs and signing secrets out unless asked; the restored point waits for its URL", async () => {
    const { exportDatabase, importDatabase } = await import("@/server/backup/service");
    const { parseBackup } = await import("@/server/backup/format");
    const source = await openTestDatabase("pglite");
    const target = await openTestDatabase("pglite");
    try {
      await insertTestUsers(source.db);
      const admin = callerAs(source.db, "admin", { now: d("2031-01-02T00:00:00Z"), config: { alerts: config } as never });
      await admin.alerts.admin.contactPoints.create({ name: "Backed up", type: "webhook", url: "http://127.0.0.1:9/hook/backup-secret-path", subscription: { scope: "all" } });
      const dump = async (secrets: boolean) => {
        let text = "";
        await exportDatabase(source.db, (chunk) => void (text += chunk), { secrets });
        return text;
      };
      const plain = await dump(false);
      const [row] = await source.db.select().from(t.alertContactPoints);
      expect(plain).not.toContain(row!.urlCipher!);
      expect(plain).not.toContain(row!.secretCipher!);
      expect(plain).toContain("Backed up");
      expect(await dump(true)).toContain(row!.urlCipher!);
      await importDatabase(target.db, parseBackup(plain));
      const [restored] = await target.db.select().from(t.alertContactPoints);
      expect(restored).toMatchObject({ name: "Backed up", urlCipher: null, secretCipher: null });
    } finally {
      await source.close();
      await target.close();
    }
  });
});
