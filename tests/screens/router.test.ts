// Status screens through the tRPC caller on the real seed (PGlite, and PostgreSQL with TEST_DATABASE_URL): editors
// create and change screens (config version bumped, audited), add devices and pairing codes, revoke them; a TV
// pairs once with a short code; device tokens are checked per screen; the snapshot shows the seed as of a given day.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { ingestConfigFromEnv } from "@/server/core/config";
import type { SessionUser } from "@/server/core/session-user";
import { screenSnapshot } from "@/server/screens/snapshot";
import { authenticateDevice } from "@/server/screens/screens";
import { callerAs, errorOf, insertTestUsers, testUsers } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const NOW = new Date("2025-07-29T12:00:00Z");
const { editor, viewer } = testUsers;
const alerts = { publicUrl: "http://tv.test", secret: "s".repeat(40), mailer: null, from: "t@tv.test", workerId: "t" };

describe.each(testDatabases())("status screens on $name", ({ name }) => {
  let tdb: TestDatabase;
  let clock = NOW;
  const as = (user: SessionUser | null, clientIp?: string) => callerAs(tdb.db, user, { now: () => clock, config: { alerts, ingest: ingestConfigFromEnv() }, clientIp });

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    await insertTestUsers(tdb.db, [editor, viewer]);
  });
  afterAll(() => tdb?.close());

  it("an editor creates a screen: key from the name, defaults filled in, audited", async () => {
    const screen = await as(editor).screens.create({ name: "War room Seoul", panels: [{ panel: "deadlines" }, { panel: "market", durationSeconds: 30 }] });
    expect(screen).toMatchObject({ key: "war-room-seoul", name: "War room Seoul", configVersion: 1, createdBy: editor.id });
    expect(screen.config).toEqual({
      name: "War room Seoul",
      panels: [{ panel: "deadlines", durationSeconds: 20 }, { panel: "market", durationSeconds: 30 }],
      layout: "grid",
      theme: "dark",
      language: "en",
      clocks: ["washington", "seoul"],
      night: null,
      watchlist: null,
    });
    const audit = await tdb.db.select().from(t.auditLog).where(and(eq(t.auditLog.recordType, "screen"), eq(t.auditLog.recordKey, "war-room-seoul")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", userId: editor.id });
  });

  it("a duplicate name is a CONFLICT; bad configurations are refused with the field's message", async () => {
    expect((await errorOf(as(editor).screens.create({ name: "War room Seoul", panels: [{ panel: "tariffs" }] }))).code).toBe("CONFLICT");
    const dup = await errorOf(as(editor).screens.create({ name: "X", panels: [{ panel: "tariffs" }, { panel: "tariffs" }] }));
    expect(dup.code).toBe("BAD_REQUEST");
    expect(dup.message).toContain("each panel may appear only once");
    const short = await errorOf(as(editor).screens.create({ name: "X", panels: [{ panel: "tariffs", durationSeconds: 2 }] }));
    expect(short.message).toContain("at least 5 seconds");
    const night = await errorOf(
      as(editor).screens.create({ name: "X", panels: [{ panel: "tariffs" }], night: { from: "25:00", to: "07:00", zone: "Asia/Seoul", dimPercent: 40 } }),
    );
    expect(night.message).toContain("HH:MM");
    expect((await errorOf(as(editor).screens.create({ name: "X", panels: [] }))).message).toContain("at least one panel");
  });

  it("a name without Latin letters gets a neutral key", async () => {
    const screen = await as(editor).screens.create({ name: "서울 상황실", panels: [{ panel: "deadlines" }], language: "ko" });
    expect(screen.key).toMatch(/^screen-[0-9a-f]{8}$/);
  });

  it("update replaces the configuration, bumps config_version and is audited with before and after; no change is refused", async () => {
    const api = as(editor);
    const config = {
      name: "War room Seoul",
      panels: [{ panel: "deadlines" as const }, { panel: "tariffs" as const }, { panel: "changes" as const }],
      layout: "rotation" as const,
      language: "ko" as const,
      night: { from: "22:00", to: "07:00", zone: "asia/seoul", dimPercent: 30 },
    };
    const updated = await api.screens.update({ key: "war-room-seoul", config });
    expect(updated.configVersion).toBe(2);
    expect(updated.config.night).toEqual({ from: "22:00", to: "07:00", zone: "Asia/Seoul", dimPercent: 30 });
    const again = await errorOf(api.screens.update({ key: "war-room-seoul", config }));
    expect(again.code).toBe("BAD_REQUEST");
    expect(again.message).toContain("Nothing changed");
    const [entry] = await tdb.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.recordKey, "war-room-seoul"), eq(t.auditLog.action, "update")));
    expect(entry).toMatchObject({ before: { configVersion: 1 }, after: { configVersion: 2, config: { layout: "rotation" } } });
    expect((await errorOf(api.screens.update({ key: "no-such-screen", config }))).code).toBe("NOT_FOUND");
  });

  it("viewers list and read screens but cannot change them", async () => {
    const list = await as(viewer).screens.list();
    expect(list.map((s) => s.key)).toContain("war-room-seoul");
    const one = await as(viewer).screens.get({ key: "war-room-seoul" });
    expect(one.url).toBe("http://tv.test/screen/war-room-seoul");
    expect((await errorOf(as(viewer).screens.requestReload({ key: "war-room-seoul" }))).code).toBe("FORBIDDEN");
    expect((await errorOf(as(null).screens.list())).code).toBe("UNAUTHORIZED");
  });

  it("a device token is shown once, works for its screen only, and stops working when revoked", async () => {
    const device = await as(editor).screens.addDevice({ key: "war-room-seoul", label: "Lobby TV" });
    expect(device.url).toBe(`http://tv.test/screen/war-room-seoul?token=${encodeURIComponent(device.token)}`);
    const detail = await as(viewer).screens.get({ key: "war-room-seoul" });
    expect(JSON.stringify(detail)).not.toContain(device.token);
    expect(detail.devices).toEqual([expect.objectContaining({ id: device.id, label: "Lobby TV", paired: true, revokedAt: null })]);
    expect((await as(viewer).screens.list()).find((s) => s.key === "war-room-seoul")?.activeDevices).toBe(1);

    const ok = await authenticateDevice(tdb.db, "war-room-seoul", device.token, clock);
    expect(ok).toMatchObject({ ok: true, deviceId: device.id, screen: { key: "war-room-seoul", configVersion: 2 } });
    await as(editor).screens.create({ name: "Ops Washington", panels: [{ panel: "tariffs" }] });
    expect(await authenticateDevice(tdb.db, "ops-washington", device.token, clock)).toEqual({ ok: false, reason: "other-screen" });
    expect(await authenticateDevice(tdb.db, "war-room-seoul", "tws_nope", clock)).toEqual({ ok: false, reason: "unknown" });
    expect(await authenticateDevice(tdb.db, "war-room-seoul", "", clock)).toEqual({ ok: false, reason: "unknown" });

    const revoked = await as(editor).screens.revokeDevice({ deviceId: device.id });
    expect(revoked.revokedAt).toEqual(clock);
    expect(await authenticateDevice(tdb.db, "war-room-seoul", device.token, clock)).toEqual({ ok: false, reason: "revoked" });
    // Again is a no-op; an unknown device is NOT_FOUND.
    expect((await as(editor).screens.revokeDevice({ deviceId: device.id })).revokedAt).toEqual(clock);
    expect((await errorOf(as(editor).screens.revokeDevice({ deviceId: 999_999 }))).code).toBe("NOT_FOUND");
  });

  it("last_seen_at is written at most once a minute", async () => {
    const device = await as(editor).screens.addDevice({ key: "ops-washington", label: "Hall" });
    const seen = async () => (await tdb.db.select().from(t.screenDevices).where(eq(t.screenDevices.id, device.id)))[0]!.lastSeenAt;
    const t0 = new Date("2025-07-29T12:00:00Z");
    await authenticateDevice(tdb.db, "ops-washington", device.token, t0);
    expect(await seen()).toEqual(t0);
    await authenticateDevice(tdb.db, "ops-washington", device.token, new Date(t0.getTime() + 59_000));
    expect(await seen()).toEqual(t0);
    const t1 = new Date(t0.getTime() + 60_000);
    await authenticateDevice(tdb.db, "ops-washington", device.token, t1);
    expect(await seen()).toEqual(t1);
    // The list says when a device of the screen was last seen (the screens page shows it).
    expect((await as(viewer).screens.list()).find((s) => s.key === "ops-washington")?.lastSeenAt).toEqual(t1);
  });

  it("pairing: a code works once within 10 minutes; wrong, expired and used codes say so", async () => {
    const pairing = await as(editor).screens.createPairingCode({ key: "war-room-seoul", label: "Meeting room" });
    expect(pairing.code).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    expect(pairing.expiresAt).toEqual(new Date(clock.getTime() + 10 * 60_000));
    expect(pairing.paired).toBe(false);

    // Typed sloppily on a remote: lower case, no dash.
    clock = new Date(NOW.getTime() + 9 * 60_000);
    const paired = await as(null, "10.1.1.1").screens.pair({ code: pairing.code.toLowerCase().replace("-", "") });
    expect(paired.screenKey).toBe("war-room-seoul");
    expect(paired.url).toBe(`http://tv.test/screen/war-room-seoul?token=${encodeURIComponent(paired.token)}`);
    expect(await authenticateDevice(tdb.db, "war-room-seoul", paired.token, clock)).toMatchObject({ ok: true, deviceId: pairing.id });

    const reused = await errorOf(as(null, "10.1.1.1").screens.pair({ code: pairing.code }));
    expect(reused.code).toBe("BAD_REQUEST");
    expect(reused.message).toContain("already used");

    const wrong = await errorOf(as(null, "10.1.1.1").screens.pair({ code: "AAA-AAA" }));
    expect(wrong.message).toContain("not valid");
    expect((await errorOf(as(null, "10.1.1.1").screens.pair({ code: "0O1" }))).message).toContain("not valid");

    clock = NOW;
    const late = await as(editor).screens.createPairingCode({ key: "war-room-seoul", label: "Late TV" });
    clock = new Date(NOW.getTime() + 10 * 60_000);
    const expired = await errorOf(as(null, "10.1.1.2").screens.pair({ code: late.code }));
    expect(expired.code).toBe("BAD_REQUEST");
    expect(expired.message).toContain("expired");
    clock = NOW;
  });

  it("pairing attempts are limited per client address", async () => {
    const api = as(null, "10.7.7.7");
    for (let i = 0; i < 10; i++) expect((await errorOf(api.screens.pair({ code: "AAA-AAA" }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(api.screens.pair({ code: "AAA-AAA" }))).code).toBe("TOO_MANY_REQUESTS");
    expect((await errorOf(as(null, "10.7.7.8").screens.pair({ code: "AAA-AAA" }))).code).toBe("BAD_REQUEST");
  });

  it("requestReload records the request (audited)", async () => {
    const screen = await as(editor).screens.requestReload({ key: "war-room-seoul" });
    expect(screen.reloadRequestedAt).toEqual(clock);
    const notes = (await tdb.db.select().from(t.auditLog).where(eq(t.auditLog.recordKey, "war-room-seoul"))).map((a) => a.note);
    expect(notes).toEqual(expect.arrayContaining(["reload requested", expect.stringMatching(/device #\d+ "Lobby TV" revoked/)]));
  });

  it("the snapshot shows the seed as of July 29 2025: Aug 1 amber, the Jul 9 pause postponed to it, KOSPI, tariffs, support", async () => {
    const all = ["deadlines", "tariffs", "market", "support", "changes"] as const;
    const snap = await screenSnapshot(tdb.db, { panels: all.map((panel) => ({ panel, durationSeconds: 20 })), language: "en" }, NOW);
    expect(snap.serverTime).toBe("2025-07-29T12:00:00.000Z");
    expect(snap.dataVersion).toMatch(/\|/);
    const aug1 = snap.panels.deadlines!.upcoming[0]!;
    expect(aug1).toMatchObject({ key: "reciprocal-kr-aug1", dueAt: "2025-08-01T04:01:00.000Z", dueZone: "America/New_York", status: "upcoming", state: "amber", redAt: "2025-07-31T04:01:00.000Z" });
    const jul9 = snap.panels.deadlines!.recent.find((d) => d.key === "pause-end-jul9")!;
    expect(jul9).toMatchObject({ state: "passed", status: "postponed", postponedTo: { key: "reciprocal-kr-aug1", dueAt: "2025-08-01T04:01:00.000Z" } });
    expect(snap.panels.deadlines!.recent.find((d) => d.status === "met")).toMatchObject({ state: "passed", outcome: expect.any(String) });
    expect(snap.panels.tariffs!.find((l) => l.sector === "all_goods")).toMatchObject({ inForce: { ratePct: 10 }, next: { ratePct: 25, status: "announced" } });
    expect(snap.panels.market).toMatchObject({ index: "KOSPI", date: "2025-07-29", today: true, lagDays: 0, stale: false, close: 3230.57, latestEvent: { reaction: { date: "2025-07-08" } } });
    expect(snap.panels.support).toMatchObject({ committedKrw: 28.8e12, count: 2 });
    // The changes panel names no screen settings (only data edits, none in the seed).
    expect(snap.panels.changes).toEqual([]);
    expect(JSON.stringify(snap).length).toBeLessThan(20_000);
  });

  it("the market panel says when its data is stale: the last close (27 Aug 2026) is 101 days old on 6 Dec 2026", async () => {
    const snap = await screenSnapshot(tdb.db, { panels: [{ panel: "market", durationSeconds: 20 }], language: "en" }, new Date("2026-12-06T03:00:00Z"));
    expect(snap.panels.market).toMatchObject({ date: "2026-08-27", today: false, lagDays: 101, stale: true });
  });

  it("the snapshot has only the configured panels, in the screen's language; an edit appears in plain words", async () => {
    await as(editor).edit.deadlines.postpone({
      key: "reciprocal-kr-aug1",
      to: { local: "2025-08-07T00:01", zone: "America/New_York" },
      sources: [(await tdb.db.select({ id: t.sources.id }).from(t.sources).limit(1))[0]!.id],
    });
    const snap = await screenSnapshot(tdb.db, { panels: [{ panel: "changes", durationSeconds: 20 }], language: "ko" }, new Date("2025-07-30T00:00:00Z"));
    expect(Object.keys(snap.panels)).toEqual(["changes"]);
    expect(snap.panels.changes![0]).toMatchObject({ action: "postpone", recordType: "deadline", recordKey: "reciprocal-kr-aug1", who: "Eddie Editor" });
    expect(snap.panels.changes![0]!.text).toContain("Eddie Editor");
    expect(JSON.stringify(snap)).not.toContain("editor@example.org");
  });
});
