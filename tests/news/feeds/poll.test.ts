// Feeds end to end below the UI, on PGlite and PostgreSQL, against a local HTTP server speaking RSS: subscribing
// (validation, duplicate URL, audit), the first poll ingesting matching items only, conditional requests answered
// 304, a changed feed, errors with backoff and recovery, malformed XML writing nothing, per-item failures, and two
// concurrent runs polling each feed once.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { FEED_INTERVAL_MINUTES, MAX_ARTICLE_BYTES } from "@/server/news/constants";
import { createFeed, deleteFeed, listFeedItems, listFeeds, updateFeed } from "@/server/news/feeds/feeds";
import type { Actor } from "@/server/core/actor";
import { backoffMinutes, pollDueFeeds, pollFeed } from "@/server/news/feeds/poll";
import type { IngestConfig } from "@/server/core/config";
import { ServiceError } from "@/server/core/errors";
import { callerAs, codeOf, errorOf } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const ingest: IngestConfig = {
  fetch: { allowPrivate: ["127.0.0.1"], maxBytes: 200_000, timeoutMs: 5_000, maxRedirects: 3 },
  market: { provider: "none", moveEventPct: 2 },
};
const NOW = new Date("2026-11-23T09:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const editor = { id: "u-feeds-editor", email: "feeds-editor@example.org", name: "Fay Feeds", role: "editor" as const };

type Item = { guid: string; title: string; path?: string; description?: string };
type FeedDoc = { etag: string; lastModified: string; items: Item[]; status?: number; body?: string };

/** One local server: /feeds/<name>.xml serves the named feed (conditional GET), /pages/<id> serves article pages. */
class NewsServer {
  feeds = new Map<string, FeedDoc>();
  pages = new Map<string, { status: number; type: string; body: string | Buffer }>();
  requests: { path: string; headers: http.IncomingHttpHeaders }[] = [];
  private server = http.createServer((req, res) => this.handle(req, res));
  base = "";

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
  feedUrl(name: string) {
    return `${this.base}/feeds/${name}.xml`;
  }
  hits(path: string) {
    return this.requests.filter((r) => r.path === path);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const path = req.url ?? "/";
    this.requests.push({ path, headers: req.headers });
    const feedName = /^\/feeds\/(.+)\.xml$/.exec(path)?.[1];
    if (feedName) {
      const feed = this.feeds.get(feedName);
      if (!feed) return res.writeHead(404).end("no such feed");
      if (feed.status && feed.status !== 200) return res.writeHead(feed.status, { "content-type": "text/plain" }).end("server trouble");
      if (req.headers["if-none-match"] === feed.etag || req.headers["if-modified-since"] === feed.lastModified) {
        return res.writeHead(304, { etag: feed.etag }).end();
      }
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: feed.etag, "last-modified": feed.lastModified });
      return res.end(feed.body ?? rss(feed.items, this.base));
    }
    const page = this.pages.get(path);
    if (!page) return res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
    res.writeHead(page.status, { "content-type": page.type }).end(page.body);
  }
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function rss(items: Item[], base: string): string {
  const entries = items
    .map(
      (i) => `<item><title>${escapeXml(i.title)}</title>${i.path ? `<link>${base}${i.path}</link>` : ""}<guid isPermaLink="false">${i.guid}</guid>${
        i.description ? `<description>${escapeXml(i.description)}</description>` : ""
      }<pubDate>Mon, 23 Nov 2026 07:00:00 GMT</pubDate></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local desk</title>${entries}</channel></rss>`;
}

function articlePage(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><header>Local desk</header><article><h1>${title}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join("")}</article><footer>© Local desk</footer></body></html>`;
}

function addPage(server: NewsServer, path: string, title: string, sentence: string) {
  server.pages.set(path, {
    status: 200,
    type: "text/html; charset=utf-8",
    body: articlePage(title, [
      sentence,
      "Officials on both sides said talks would continue through the week, and exporters were asked to keep records of every shipment affected.",
      "Analysts in Seoul and Washington expect a further statement before the end of the month, with details of how the measure will be phased in.",
    ]),
  });
}

describe.each(testDatabases())("feeds on $name", ({ name }) => {
  let tdb: TestDatabase;
  const server = new NewsServer();
  const actor: Actor = { user: editor, now: NOW };

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await tdb.db.insert(t.users).values(editor);
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await tdb?.close();
  });

  const itemsOf = (feedId: number) => tdb.db.select().from(t.feedItems).where(eq(t.feedItems.feedId, feedId));
  const feedRow = async (id: number) => (await tdb.db.select().from(t.feeds).where(eq(t.feeds.id, id)))[0]!;
  const articleCount = async (feedId: number) => (await tdb.db.select({ n: count() }).from(t.articles).where(eq(t.articles.feedId, feedId)))[0]!.n;

  it("subscribing: defaults, validation with the field named, duplicate URL refused on url, audited", async () => {
    const feed = await createFeed(tdb.db, actor, { name: "Defaults", url: `${server.base}/feeds/defaults.xml#top` });
    expect(feed).toMatchObject({ url: `${server.base}/feeds/defaults.xml`, keywords: ["tariff", "KOSPI", "관세"], intervalMinutes: FEED_INTERVAL_MINUTES, state: "new", active: true });
    expect(feed.nextCheckAt).toEqual(NOW);
    const dup = await createFeed(tdb.db, actor, { name: "Again", url: `${server.base}/feeds/defaults.xml` }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ServiceError);
    expect(dup).toMatchObject({ field: "url", message: expect.stringContaining("already exists") });
    await expect(createFeed(tdb.db, actor, { name: "Bad", url: "ftp://example.org/feed" })).rejects.toThrow(/http:\/\/ or https:\/\//);
    await expect(createFeed(tdb.db, actor, { name: "Bad", url: "https://example.org/f", intervalMinutes: 1 })).rejects.toThrow(/at least 5 minutes/);

    const paused = await updateFeed(tdb.db, actor, { id: feed.id, active: false });
    expect(paused).toMatchObject({ active: false, state: "paused" });
    await expect(updateFeed(tdb.db, actor, { id: feed.id, active: false })).rejects.toThrow(/Nothing changed/);
    const resumed = await updateFeed(tdb.db, { user: editor, now: at(3) }, { id: feed.id, active: true, keywords: ["KOSPI", "kospi", "steel"] });
    expect(resumed).toMatchObject({ active: true, state: "new", keywords: ["KOSPI", "steel"], nextCheckAt: at(3) });
    await deleteFeed(tdb.db, actor, feed.id);
    expect((await listFeeds(tdb.db)).find((f) => f.id === feed.id)).toBeUndefined();
    const audit = await tdb.db.select().from(t.auditLog).where(and(eq(t.auditLog.recordType, "feed"), eq(t.auditLog.recordKey, String(feed.id))));
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "delete", "update", "update"]);
  });

  it("first poll ingests the matching items only; the second is a 304; a changed feed brings only its new item", async () => {
    server.feeds.set("desk", {
      etag: '"v1"',
      lastModified: "Mon, 23 Nov 2026 08:00:00 GMT",
      items: [
        { guid: "d-1", title: "Tariff on cold-rolled steel rises to 25%", path: "/pages/d-1" },
        { guid: "d-2", title: "Weather: a mild week ahead", path: "/pages/d-2", description: "Sunshine across the peninsula." },
        { guid: "d-3", title: "수출업계, 관세율 인상 대비", path: "/pages/d-3" },
      ],
    });
    addPage(server, "/pages/d-1", "Tariff on cold-rolled steel rises to 25%", "The tariff on cold-rolled steel from Korea rises to 25% on Monday, the trade office announced.");
    addPage(server, "/pages/d-2", "A mild week", "Forecasters expect a mild and dry week with light winds along the coast.");
    server.pages.set("/pages/d-3", {
      status: 200,
      type: "text/html; charset=utf-8",
      body: articlePage("수출업계, 관세율 인상 대비", [
        "정부는 다음 달부터 철강 관세율을 25%로 올린다고 밝혔다. 수출업계는 물량 조정에 나섰다.",
        "업계 관계자는 협상이 이어지는 만큼 추가 발표를 기다리고 있다고 말했다.",
      ]),
    });
    const feed = await createFeed(tdb.db, actor, { name: "Desk", url: server.feedUrl("desk"), intervalMinutes: 30 });

    const first = await pollFeed(tdb.db, feed.id, ingest, NOW);
    expect(first).toEqual({ feeds: 1, items: 3, ingested: 2, errors: 0 });
    // Newest first, as the feed lists them.
    const items = await listFeedItems(tdb.db, { feedId: feed.id });
    expect(items.map((i) => [i.guid, i.outcome, i.matched])).toEqual([
      ["d-1", "ingested", true],
      ["d-2", "no-match", false],
      ["d-3", "ingested", true],
    ]);
    expect(items[0]!.articleId).not.toBeNull();
    expect(server.hits("/pages/d-2")).toHaveLength(0);
    expect(await articleCount(feed.id)).toBe(2);
    const [article] = await tdb.db.select().from(t.articles).where(eq(t.articles.id, items[2]!.articleId!));
    expect(article).toMatchObject({ origin: "feed", feedId: feed.id, publishedOn: "2026-11-23" });
    expect(await feedRow(feed.id)).toMatchObject({
      state: "ok",
      etag: '"v1"',
      lastModified: "Mon, 23 Nov 2026 08:00:00 GMT",
      lastHttpStatus: 200,
      lastError: null,
      itemsSeen: 3,
      itemsIngested: 2,
      lastCheckedAt: NOW,
      lastSuccessAt: NOW,
      nextCheckAt: at(30),
    });

    const second = await pollFeed(tdb.db, feed.id, ingest, at(30));
    expect(second).toEqual({ feeds: 1, items: 0, ingested: 0, errors: 0 });
    const conditional = server.hits("/feeds/desk.xml").at(-1)!.headers;
    expect(conditional["if-none-match"]).toBe('"v1"');
    expect(conditional["if-modified-since"]).toBe("Mon, 23 Nov 2026 08:00:00 GMT");
    expect(await feedRow(feed.id)).toMatchObject({ state: "ok", lastHttpStatus: 304, etag: '"v1"', nextCheckAt: at(60), itemsSeen: 3 });

    const doc = server.feeds.get("desk")!;
    doc.etag = '"v2"';
    doc.lastModified = "Mon, 23 Nov 2026 09:45:00 GMT";
    doc.items.unshift({ guid: "d-4", title: "KOSPI slips 1.4% as tariff worries return", path: "/pages/d-4" });
    addPage(server, "/pages/d-4", "KOSPI slips", "The KOSPI fell 1.4% to 3,912.5 on Tuesday as worries about the new tariff returned.");
    const pagesBefore = server.requests.filter((r) => r.path.startsWith("/pages/")).length;
    const third = await pollFeed(tdb.db, feed.id, ingest, at(60));
    expect(third).toEqual({ feeds: 1, items: 1, ingested: 1, errors: 0 });
    expect(server.requests.filter((r) => r.path.startsWith("/pages/")).map((r) => r.path).slice(pagesBefore)).toEqual(["/pages/d-4"]);
    expect(await feedRow(feed.id)).toMatchObject({ etag: '"v2"', itemsSeen: 4, itemsIngested: 3 });
    expect(await articleCount(feed.id)).toBe(3);
  });

  it("HTTP 500: error state with the message, backoff doubles, recovery resets", async () => {
    server.feeds.set("flaky", { etag: '"f1"', lastModified: "Mon, 23 Nov 2026 08:00:00 GMT", items: [{ guid: "f-1", title: "Weather", path: "/pages/none" }], status: 500 });
    const feed = await createFeed(tdb.db, actor, { name: "Flaky", url: server.feedUrl("flaky"), intervalMinutes: 10 });
    expect(await pollFeed(tdb.db, feed.id, ingest, NOW)).toMatchObject({ errors: 1, items: 0 });
    expect(await feedRow(feed.id)).toMatchObject({ state: "error", consecutiveFailures: 1, lastHttpStatus: 500, nextCheckAt: at(20), lastSuccessAt: null });
    expect((await feedRow(feed.id)).lastError).toMatch(/HTTP 500/);
    await pollFeed(tdb.db, feed.id, ingest, at(20));
    expect(await feedRow(feed.id)).toMatchObject({ state: "error", consecutiveFailures: 2, nextCheckAt: at(20 + 40) });
    server.feeds.get("flaky")!.status = 200;
    expect(await pollFeed(tdb.db, feed.id, ingest, at(60))).toMatchObject({ errors: 0, items: 1 });
    expect(await feedRow(feed.id)).toMatchObject({ state: "ok", consecutiveFailures: 0, lastError: null, lastHttpStatus: 200, nextCheckAt: at(70) });
    expect(backoffMinutes(30, 10)).toBe(24 * 60);
    expect(backoffMinutes(10, 1, 3600)).toBe(60);
  });

  it("malformed XML or an HTML page: a clear error, nothing written, no validators stored", async () => {
    server.feeds.set("broken", { etag: '"b1"', lastModified: "x", items: [], body: `<rss version="2.0"><channel><item><title>Tariff</title></channel></rss>` });
    const feed = await createFeed(tdb.db, actor, { name: "Broken", url: server.feedUrl("broken") });
    expect(await pollFeed(tdb.db, feed.id, ingest, NOW)).toMatchObject({ errors: 1, items: 0 });
    const row = await feedRow(feed.id);
    expect(row).toMatchObject({ state: "error", etag: null, lastModified: null, itemsSeen: 0, lastHttpStatus: null });
    expect(row.lastError).toMatch(/^malformed feed XML: .*item/);
    expect(await itemsOf(feed.id)).toEqual([]);

    server.feeds.set("broken", { etag: '"b2"', lastModified: "y", items: [], body: "<!doctype html><html><body><p>Welcome</p></body></html>" });
    await pollFeed(tdb.db, feed.id, ingest, at(60));
    expect((await feedRow(feed.id)).lastError).toBe("not an RSS or Atom feed: root element <html>");

    // Larger than the policy allows: refused while reading, nothing parsed.
    server.feeds.set("broken", { etag: '"b3"', lastModified: "z", items: [], body: `<rss><channel>${"<item><title>tariff</title></item>".repeat(10_000)}</channel></rss>` });
    await pollFeed(tdb.db, feed.id, ingest, at(180));
    expect(await feedRow(feed.id)).toMatchObject({ state: "error", consecutiveFailures: 3, itemsSeen: 0 });
    expect((await feedRow(feed.id)).lastError).toMatch(/MB|large|bytes/i);
    expect(await itemsOf(feed.id)).toEqual([]);
  });

  it("the router: viewers read, editors write; a duplicate URL is a CONFLICT on url; pollNow under the default policy refuses a loopback feed", async () => {
    const viewer = { id: "u-feeds-viewer", email: "feeds-viewer@example.org", name: "Vic Viewer", role: "viewer" as const };
    await tdb.db.insert(t.users).values(viewer);
    const asEditor = callerAs(tdb.db, editor, { now: at(500) });
    const asViewer = callerAs(tdb.db, viewer, { now: at(500) });
    server.feeds.set("routed", { etag: '"r1"', lastModified: "Mon, 23 Nov 2026 08:00:00 GMT", items: [{ guid: "r-1", title: "Garden notes", path: "/pages/r-1" }] });
    const created = await asEditor.feeds.create({ name: "Routed", url: server.feedUrl("routed"), keywords: ["tariff"] });
    expect((await asViewer.feeds.list()).some((f) => f.id === created.id)).toBe(true);
    expect(await codeOf(asViewer.feeds.create({ name: "No", url: server.feedUrl("other") }))).toBe("FORBIDDEN");
    const dup = await errorOf(asEditor.feeds.create({ name: "Again", url: server.feedUrl("routed") }));
    expect(dup).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already exists") });
    expect(await codeOf(asEditor.feeds.create({ name: "", url: "nope" }))).toBe("BAD_REQUEST");
    // The router polls with the process's fetch policy: without FETCH_ALLOW_PRIVATE the loopback feed is refused.
    expect(await asEditor.feeds.pollNow({ id: created.id })).toEqual({ feeds: 1, items: 0, ingested: 0, errors: 1 });
    expect(server.hits("/feeds/routed.xml")).toHaveLength(0);
    const [row] = await asViewer.feeds.list().then((l) => l.filter((f) => f.id === created.id));
    expect(row).toMatchObject({ state: "error", consecutiveFailures: 1 });
    expect(row!.lastError).toMatch(/127\.0\.0\.1|loopback|private/i);
    expect(await asViewer.feeds.items({ feedId: created.id })).toEqual([]);
    expect(await codeOf(asEditor.feeds.pollNow({ id: 999_999 }))).toBe("NOT_FOUND");
  });

  it("one item's page 404 / binary / too large: recorded on that item; the others ingested; a link-less item from its own text", async () => {
    server.feeds.set("mixed", {
      etag: '"m1"',
      lastModified: "Mon, 23 Nov 2026 08:00:00 GMT",
      items: [
        { guid: "m-ok", title: "Tariff relief for auto parts", path: "/pages/m-ok" },
        { guid: "m-404", title: "Tariff page that vanished", path: "/pages/m-404" },
        { guid: "m-bin", title: "Tariff table as an image", path: "/pages/m-bin" },
        { guid: "m-big", title: "Tariff schedule, full text", path: "/pages/m-big" },
        { guid: "m-text", title: "Tariff note without a page", description: "The tariff on washing machines drops to 10% from January, the ministry said on Friday." },
      ],
    });
    addPage(server, "/pages/m-ok", "Auto parts relief", "Auto parts will face a 15% tariff instead of 25% under the revised schedule, officials said.");
    server.pages.set("/pages/m-bin", { status: 200, type: "image/png", body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
    server.pages.set("/pages/m-big", { status: 200, type: "text/html", body: `<html><body><p>${"tariff ".repeat(40_000)}</p></body></html>` });
    const feed = await createFeed(tdb.db, actor, { name: "Mixed", url: server.feedUrl("mixed") });
    const summary = await pollFeed(tdb.db, feed.id, ingest, NOW);
    expect(summary).toEqual({ feeds: 1, items: 5, ingested: 2, errors: 3 });
    const byGuid = Object.fromEntries((await listFeedItems(tdb.db, { feedId: feed.id })).map((i) => [i.guid, i]));
    expect(byGuid["m-ok"]).toMatchObject({ outcome: "ingested" });
    expect(byGuid["m-text"]).toMatchObject({ outcome: "ingested" });
    expect(byGuid["m-404"]).toMatchObject({ outcome: "error", articleId: null, error: expect.stringMatching(/404/) });
    expect(byGuid["m-bin"]).toMatchObject({ outcome: "error", error: expect.stringMatching(/image\/png/) });
    expect(byGuid["m-big"]).toMatchObject({ outcome: "error", error: expect.stringMatching(/MB|large|bytes/i) });
    expect(await feedRow(feed.id)).toMatchObject({ state: "ok", itemsSeen: 5, itemsIngested: 2 });
    expect(MAX_ARTICLE_BYTES).toBeGreaterThan(ingest.fetch.maxBytes);
  });

  it("pollDueFeeds: only active feeds whose check is due; two concurrent runs poll each feed once", async () => {
    // Everything created so far is pushed out of the way.
    await tdb.db.update(t.feeds).set({ nextCheckAt: at(10_000) });
    const names = ["c1", "c2", "c3", "c4"];
    const ids: number[] = [];
    for (const n of names) {
      server.feeds.set(n, { etag: `"${n}"`, lastModified: "Mon, 23 Nov 2026 08:00:00 GMT", items: [{ guid: `${n}-1`, title: `Note ${n}`, path: `/pages/${n}` }] });
      ids.push((await createFeed(tdb.db, { user: editor, now: at(-5) }, { name: `Concurrent ${n}`, url: server.feedUrl(n), keywords: ["nothing-matches-this"] })).id);
    }
    await updateFeed(tdb.db, actor, { id: ids[3]!, active: false });
    const runs = await Promise.all([pollDueFeeds(tdb.db, ingest, NOW), pollDueFeeds(tdb.db, ingest, NOW)]);
    expect(runs[0]!.feeds + runs[1]!.feeds).toBe(3);
    expect(runs[0]!.items + runs[1]!.items).toBe(3);
    for (const n of names.slice(0, 3)) expect(server.hits(`/feeds/${n}.xml`)).toHaveLength(1);
    expect(server.hits("/feeds/c4.xml")).toHaveLength(0);
    expect(await pollDueFeeds(tdb.db, ingest, NOW)).toEqual({ feeds: 0, items: 0, ingested: 0, errors: 0 });
  });
});
