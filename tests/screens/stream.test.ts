// The status screen's live feed (server/screens/stream.ts) read as a browser would, from the Response body
// stream, on PGlite and PostgreSQL: the first snapshot arrives; an edit made through the API reaches the open screen
// within 5 s; a config change, a reload request and a revocation are pushed (revoked closes the stream); a bad token
// is a 401 with a plain message; once the client goes away nothing keeps listening.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/db/seed";
import { subscriberCount } from "@/server/screens/changes";
import { createScreenStreamHandler, openScreenStreams } from "@/server/screens/stream";
import { callerAs, insertTestUsers, testUsers, type Caller } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const { editor } = testUsers;
const BASE = "http://tv.test";

type SseMessage = { event: string; data: unknown } | { comment: string } | { retry: number };

/** Reads SSE messages off a response body, one at a time. */
function sseReader(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let ended = false;
  const queue: SseMessage[] = [];
  const parse = (block: string): SseMessage => {
    if (block.startsWith(":")) return { comment: block.slice(1).trim() };
    if (block.startsWith("retry:")) return { retry: Number(block.slice(6)) };
    const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
    const data = /^data: (.*)$/m.exec(block)?.[1];
    return { event, data: data === undefined ? undefined : JSON.parse(data) };
  };
  async function next(timeoutMs = 8000): Promise<SseMessage | null> {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0) {
      if (ended) return null;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error("no SSE message in time");
      const chunk = await Promise.race([reader.read(), new Promise<"timeout">((r) => setTimeout(() => r("timeout"), remaining))]);
      if (chunk === "timeout") throw new Error("no SSE message in time");
      if (chunk.done) {
        ended = true;
        continue;
      }
      buffer += decoder.decode(chunk.value, { stream: true });
      let i: number;
      while ((i = buffer.indexOf("\n\n")) >= 0) {
        queue.push(parse(buffer.slice(0, i)));
        buffer = buffer.slice(i + 2);
      }
    }
    return queue.shift()!;
  }
  /** The next named event, skipping pings and other events. */
  async function nextEvent(name: string, timeoutMs = 8000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = await next(Math.max(1, deadline - Date.now()));
      if (m === null) throw new Error(`stream ended before a ${name} event`);
      if ("event" in m && m.event === name) return m.data as Record<string, unknown>;
    }
  }
  return { next, nextEvent, cancel: () => reader.cancel().catch(() => {}) };
}

describe.each(testDatabases())("screen stream on $name", ({ name }) => {
  let tdb: TestDatabase;
  let api: Caller;
  let token: string;
  let deviceId: number;
  const handler = () => createScreenStreamHandler({ database: async () => tdb, now: () => new Date(), pingMs: 300 });
  const open = (key: string, tok: string | null, signal?: AbortSignal) =>
    handler()(new Request(`${BASE}/api/screens/${key}/events${tok === null ? "" : `?token=${encodeURIComponent(tok)}`}`, { signal }), key);

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    await insertTestUsers(tdb.db, [editor]);
    api = callerAs(tdb.db, editor, { now: () => new Date() });
    await api.screens.create({ name: "Lobby", panels: [{ panel: "deadlines" }, { panel: "changes" }] });
    const device = await api.screens.addDevice({ key: "lobby", label: "Lobby TV" });
    token = device.token;
    deviceId = device.id;
  });
  afterAll(() => tdb?.close());

  it("a bad, missing or other screen's token → 401 with a plain message", async () => {
    const bad = await open("lobby", "tws_wrong");
    expect(bad.status).toBe(401);
    expect(bad.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await bad.text()).toMatch(/not valid/);
    expect(await (await open("lobby", null)).text()).toMatch(/needs its device token/);
    await api.screens.create({ name: "Other", panels: [{ panel: "tariffs" }] });
    const other = await open("other", token);
    expect(other.status).toBe(401);
    expect(await other.text()).toMatch(/another screen/);
    expect(subscriberCount(tdb.db)).toBe(0);
  });

  it("snapshot first, a new one within 5 s of an edit, pings, config and reload; nothing listens after the client aborts", async () => {
    const abort = new AbortController();
    const res = await open("lobby", token, abort.signal);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const sse = sseReader(res);
    expect(await sse.next()).toEqual({ retry: 3000 });
    const first = await sse.nextEvent("snapshot");
    expect(Object.keys(first.panels as object)).toEqual(["deadlines", "changes"]);
    expect(subscriberCount(tdb.db)).toBe(1);

    // A second screen on the same configuration shares the detector subscription.
    const abort2 = new AbortController();
    const second = sseReader(await open("lobby", token, abort2.signal));
    await second.nextEvent("snapshot");
    expect(subscriberCount(tdb.db)).toBe(1);
    expect(openScreenStreams(tdb.db)).toBe(2);

    const started = Date.now();
    await api.edit.deadlines.update({ key: "auto-offset-expiry", title: "Auto offset expires (live edit)" });
    const updated = await sse.nextEvent("snapshot", 5000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(updated.dataVersion).not.toBe(first.dataVersion);
    expect(JSON.stringify(updated)).toContain("Auto offset expires (live edit)");
    expect(JSON.stringify(await second.nextEvent("snapshot", 5000))).toContain("Auto offset expires (live edit)");

    const ping = await sse.next();
    expect(ping && "comment" in ping ? ping.comment : ping).toMatch(/^ping \d{4}-\d{2}-\d{2}T/);

    await api.screens.update({ key: "lobby", config: { name: "Lobby", panels: [{ panel: "tariffs" }], language: "ko" } });
    const config = await sse.nextEvent("config", 5000);
    expect(config).toMatchObject({ configVersion: 2, config: { panels: [{ panel: "tariffs" }], language: "ko" } });
    const afterConfig = await sse.nextEvent("snapshot", 5000);
    expect(Object.keys(afterConfig.panels as object)).toEqual(["tariffs"]);

    await api.screens.requestReload({ key: "lobby" });
    expect(await sse.nextEvent("reload", 5000)).toMatchObject({ requestedAt: expect.any(String) });

    abort.abort();
    abort2.abort();
    await sse.cancel();
    await second.cancel();
    await new Promise((r) => setTimeout(r, 50));
    expect(openScreenStreams(tdb.db)).toBe(0);
    expect(subscriberCount(tdb.db)).toBe(0);
  });

  it("revoking the device sends `revoked` and closes the stream; reconnecting is refused", async () => {
    const sse = sseReader(await open("lobby", token));
    await sse.nextEvent("snapshot");
    await api.screens.revokeDevice({ deviceId });
    expect(await sse.nextEvent("revoked", 5000)).toMatchObject({ message: expect.stringMatching(/revoked/) });
    expect(await sse.next()).toBeNull(); // closed by the server
    expect(subscriberCount(tdb.db)).toBe(0);
    const again = await open("lobby", token);
    expect(again.status).toBe(401);
    expect(await again.text()).toMatch(/revoked/);
  });
});
