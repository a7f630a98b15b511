// Ingestion end to end on PGlite and PostgreSQL: paste, upload and URL (a local news server reached through an
// injected name) create an article and its proposals; duplicates by URL (tracking parameters, fragment) and by
// content (different white space) are recognised and a known URL is not fetched again; bad input is a clear
// BadInputError and writes nothing. The articles router: editors only, list with counts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import type { SessionUser } from "@/server/core/session-user";
import type { FetchPolicy } from "@/server/core/config";
import type { HostResolver } from "@/server/core/safe-fetch";
import { ingestFromUrl, ingestPaste, ingestUpload, type IngestContext } from "@/server/news/ingest/ingest";
import { createUploadHandler } from "@/server/news/ingest/upload-http";
import { BadInputError } from "@/server/core/errors";
import { callerAs, codeOf, insertTestUsers, testUsers } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const NOW = new Date("2026-11-23T03:00:00Z");
const { editor, viewer } = testUsers;

const PAGE = `<!doctype html><html lang="en"><head><title>Steel duty doubled | Port Gazette</title>
<meta property="og:site_name" content="Port Gazette"><meta property="article:published_time" content="2025-06-03T09:00:00Z"></head>
<body><nav><a href="/">Home</a><a href="/biz">Business</a></nav><article><h1>Steel duty doubled</h1>
<p>Washington raised its duty on imported steel and aluminium to 50% on Wednesday, a move that Korean mills said would cut their shipments sharply this year.</p>
<p>The trade ministry in Seoul said it would seek an exemption in talks next month and would support smaller exporters with low-interest loans.</p>
</article><footer>Port Gazette 2025</footer></body></html>`;

let server: http.Server;
let port = 0;
const hits: string[] = [];
const lookup: HostResolver = async (host) => {
  if (host === "gazette.test") return [{ address: "127.0.0.1", family: 4 }];
  throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
};
const policy: FetchPolicy = { allowPrivate: ["gazette.test"], maxBytes: 5 * 1024 * 1024, timeoutMs: 3000, maxRedirects: 3 };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path.startsWith("/story")) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(PAGE.replace("Steel duty doubled", `Steel duty doubled ${path}`).replace("this year.", `this year (${path}).`));
    }
    if (path === "/moved") {
      res.writeHead(301, { location: "/story-1?utm_medium=rss" });
      return res.end();
    }
    if (path === "/empty") {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end("<html><body><nav>Home</nav></body></html>");
    }
    if (path === "/report.pdf") {
      res.writeHead(200, { "content-type": "application/pdf" });
      return res.end("%PDF-1.4");
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function badInput(promise: Promise<unknown>): Promise<BadInputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return error as BadInputError;
  }
  throw new Error("expected a refusal");
}

describe.each(testDatabases())("ingestion on $name", ({ name }) => {
  let tdb: TestDatabase;
  let ctx: IngestContext;
  const rows = async () => ({
    articles: (await tdb.db.select({ n: count() }).from(t.articles))[0]!.n,
    proposals: (await tdb.db.select({ n: count() }).from(t.factProposals))[0]!.n,
  });
  const proposalsOf = async (id: number) =>
    (await tdb.db.select({ n: count() }).from(t.factProposals).where(eq(t.factProposals.articleId, id)))[0]!.n;

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await insertTestUsers(tdb.db, [editor, viewer]);
    ctx = { now: NOW, userId: editor.id, policy, lookup };
  });
  afterAll(() => tdb?.close());

  it("paste creates an article and its proposals", async () => {
    const text = "The United States will impose a 25% tariff on Korean cars from August 1, 2025.\n\nSeoul said it would respond.";
    const result = await ingestPaste(tdb.db, { text, title: "Car tariff", url: "https://news.example/cars?id=7", publishedOn: "2025-07-20" }, ctx);
    expect(result.status).toBe("created");
    if (result.status !== "created") return;
    // An unambiguous tariff sentence: the extractor proposes at least the rate; the stored count matches the report.
    expect(result.proposals).toBeGreaterThanOrEqual(1);
    expect(await proposalsOf(result.articleId)).toBe(result.proposals);
    const [row] = await tdb.db.select().from(t.articles).where(eq(t.articles.id, result.articleId));
    expect(row).toMatchObject({ origin: "paste", title: "Car tariff", url: "https://news.example/cars?id=7", publishedOn: "2025-07-20", createdBy: editor.id });
    expect(row!.text).toContain("\n\nSeoul said");
    // Who added it, audited with the article.
    const audit = await tdb.db.select().from(t.auditLog).where(eq(t.auditLog.recordKey, String(result.articleId)));
    expect(audit.filter((a) => a.recordType === "article")).toMatchObject([
      { action: "create", userId: editor.id, at: NOW, after: { origin: "paste", title: "Car tariff", url: "https://news.example/cars?id=7", facts: result.proposals } },
    ]);
  });

  it("duplicates: same URL with tracking parameters / fragment, same content with other white space", async () => {
    const byUrl = await ingestPaste(tdb.db, { text: "Entirely different words about chips and memory prices today.", url: "https://NEWS.example/cars?utm_source=x&id=7#top" }, ctx);
    expect(byUrl).toMatchObject({ status: "duplicate", by: "url" });
    const byContent = await ingestPaste(tdb.db, { text: "  The United States   will impose a 25% tariff on Korean cars\nfrom August 1, 2025.   Seoul said it would respond.  " }, ctx);
    expect(byContent).toMatchObject({ status: "duplicate", by: "content" });
  });

  it("upload: .html through Readability, .md stripped, .txt as is", async () => {
    const html = await ingestUpload(tdb.db, { fileName: "steel.HTM", bytes: new TextEncoder().encode(PAGE) }, ctx);
    expect(html.status).toBe("created");
    const [row] = await tdb.db.select().from(t.articles).where(eq(t.articles.id, html.articleId));
    expect(row).toMatchObject({ origin: "upload", fileName: "steel.HTM", title: "Steel duty doubled", publisher: "Port Gazette", publishedOn: "2025-06-03" });
    expect(row!.text).not.toContain("Business");
    const md = await ingestUpload(tdb.db, { fileName: "budget.md", bytes: new TextEncoder().encode("# Extra budget\n\nThe assembly passed a **3 trillion won** extra budget for exporters on Friday.") }, ctx);
    expect(md.status).toBe("created");
    const [mdRow] = await tdb.db.select().from(t.articles).where(eq(t.articles.id, md.articleId));
    expect(mdRow).toMatchObject({ title: "Extra budget", text: "Extra budget\n\nThe assembly passed a 3 trillion won extra budget for exporters on Friday." });
    const txt = await ingestUpload(tdb.db, { fileName: "kospi.txt", bytes: new TextEncoder().encode("KOSPI fell 2.3% on Monday as tariff worries spread among carmakers.") }, ctx);
    expect(txt.status).toBe("created");
  });

  it("URL: fetched, read, stored; the same URL again is a duplicate without a second fetch", async () => {
    const url = `http://gazette.test:${port}/story-1`;
    const result = await ingestFromUrl(tdb.db, { url }, ctx);
    expect(result.status).toBe("created");
    const [row] = await tdb.db.select().from(t.articles).where(eq(t.articles.id, result.articleId));
    expect(row).toMatchObject({ origin: "url", url, publisher: "Port Gazette", publishedOn: "2025-06-03" });
    expect(row!.text).toContain("Washington raised its duty on imported steel");
    const before = hits.length;
    const again = await ingestFromUrl(tdb.db, { url: `${url}?utm_campaign=feed#comments` }, ctx);
    expect(again).toEqual({ status: "duplicate", articleId: result.articleId, by: "url" });
    expect(hits.length).toBe(before);
    const redirected = await ingestFromUrl(tdb.db, { url: `http://gazette.test:${port}/moved` }, ctx);
    expect(redirected).toEqual({ status: "duplicate", articleId: result.articleId, by: "url" });
  });

  it("URL that cannot be fetched: the feed item's own content is used when given", async () => {
    const result = await ingestFromUrl(
      tdb.db,
      { url: `http://gazette.test:${port}/gone`, origin: "feed", title: "Exporters brace", publishedOn: "2025-08-02", fallbackHtml: "<p>Korean exporters braced for the new levies, which take effect next week, and asked for more credit support.</p>" },
      ctx,
    );
    expect(result.status).toBe("created");
    const [row] = await tdb.db.select().from(t.articles).where(eq(t.articles.id, result.articleId));
    expect(row).toMatchObject({ origin: "feed", publishedOn: "2025-08-02", createdBy: null });
  });

  it.each([
    ["empty paste", (db: TestDatabase["db"], c: IngestContext) => ingestPaste(db, { text: "   \n " }, c), "text", "empty"],
    ["huge paste", (db: TestDatabase["db"], c: IngestContext) => ingestPaste(db, { text: "a".repeat(5 * 1024 * 1024 + 1) }, c), "text", "larger than 5 MB"],
    ["binary paste", (db: TestDatabase["db"], c: IngestContext) => ingestPaste(db, { text: "abc\u0000def tariff words here" }, c), "text", "control characters"],
    ["PDF upload", (db: TestDatabase["db"], c: IngestContext) => ingestUpload(db, { fileName: "a.pdf", bytes: new TextEncoder().encode("%PDF-1.4") }, c), "file", ".txt, .html (.htm) or .md"],
    ["binary as .txt", (db: TestDatabase["db"], c: IngestContext) => ingestUpload(db, { fileName: "a.txt", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]) }, c), "file", "PNG"],
    ["EUC-KR .txt", (db: TestDatabase["db"], c: IngestContext) => ingestUpload(db, { fileName: "k.txt", bytes: new Uint8Array([0xb0, 0xfc, 0xbc, 0xbc, 0x20, 0xb0, 0xfc]) }, c), "file", "not UTF-8"],
    ["empty upload", (db: TestDatabase["db"], c: IngestContext) => ingestUpload(db, { fileName: "e.html", bytes: new Uint8Array() }, c), "file", "empty"],
    ["malformed HTML without text", (db: TestDatabase["db"], c: IngestContext) => ingestUpload(db, { fileName: "m.html", bytes: new TextEncoder().encode("<div><<span></div>") }, c), "file", "No readable text"],
    ["private address", (db: TestDatabase["db"], c: IngestContext) => ingestFromUrl(db, { url: "http://10.0.0.8/story" }, c), "url", "private"],
    ["file: URL", (db: TestDatabase["db"], c: IngestContext) => ingestFromUrl(db, { url: "file:///etc/passwd" }, c), "url", "file:"],
    ["page without text", (db: TestDatabase["db"], c: IngestContext) => ingestFromUrl(db, { url: `http://gazette.test:${port}/empty` }, c), "url", "No readable text"],
    ["a PDF at the URL", (db: TestDatabase["db"], c: IngestContext) => ingestFromUrl(db, { url: `http://gazette.test:${port}/report.pdf` }, c), "url", "application/pdf"],
    ["404", (db: TestDatabase["db"], c: IngestContext) => ingestFromUrl(db, { url: `http://gazette.test:${port}/missing` }, c), "url", "HTTP 404"],
  ])("%s: clear error on its field, nothing written", async (_name, run, field, words) => {
    const before = await rows();
    const error = await badInput(run(tdb.db, ctx));
    expect(error.field).toBe(field);
    expect(error.message).toContain(words);
    expect(await rows()).toEqual(before);
  });

  it("router: editors ingest and list with counts; viewers and anonymous callers are refused", async () => {
    const api = callerAs(tdb.db, editor, { now: NOW });
    const created = await api.articles.ingestText({ text: "Korea pledged $350 billion of investment in the United States as part of the trade deal.", title: "", url: "", publishedOn: "" });
    expect(created.status).toBe("created");
    const list = await api.articles.list({ limit: 50 });
    const item = list.find((a) => a.id === created.articleId)!;
    expect(item).toMatchObject({ origin: "paste", title: "Korea pledged $350 billion of investment in the United States as part of the trade deal." });
    expect(item.pendingCount).toBe(created.status === "created" ? created.proposals : -1);
    expect((await api.articles.get({ id: created.articleId })).text).toContain("$350 billion");
    expect(await codeOf(api.articles.ingestText({ text: " " }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.articles.get({ id: 999999 }))).toBe("NOT_FOUND");
    const asViewer = callerAs(tdb.db, viewer, { now: NOW });
    expect(await codeOf(asViewer.articles.ingestText({ text: "x" }))).toBe("FORBIDDEN");
    expect(await codeOf(asViewer.articles.list({ limit: 5 }))).toBe("FORBIDDEN");
    const anonymous = callerAs(tdb.db, null, { now: NOW });
    expect(await codeOf(anonymous.articles.ingestUrl({ url: "http://gazette.test/" }))).toBe("UNAUTHORIZED");
  });

  it("upload route: editor's multipart file stored; refusals answer JSON with the field", async () => {
    const handler = (user: SessionUser | null) =>
      createUploadHandler({ db: async () => tdb.db, user: async () => user, now: () => NOW });
    const post = (file: File | null, headers: Record<string, string> = {}) => {
      const body = new FormData();
      if (file) body.append("file", file);
      return new Request("http://app.test/api/articles/upload", { method: "POST", body, headers: { host: "app.test", origin: "http://app.test", ...headers } });
    };
    const ok = await handler(editor)(post(new File(["Seoul and Washington agreed to cut the tariff on cars to 15% from November 1."], "deal.txt")));
    expect(ok.status).toBe(200);
    const json = (await ok.json()) as { status: string; articleId: number; proposals: number };
    expect(json.status).toBe("created");
    expect(await proposalsOf(json.articleId)).toBe(json.proposals);
    const before = await rows();
    const pdf = await handler(editor)(post(new File(["%PDF-1.4"], "deal.pdf")));
    expect(pdf.status).toBe(400);
    expect(await pdf.json()).toEqual({ error: { field: "file", message: expect.stringContaining(".txt, .html (.htm) or .md") } });
    expect((await handler(editor)(post(null))).status).toBe(400);
    expect((await handler(viewer)(post(new File(["x"], "a.txt")))).status).toBe(403);
    expect((await handler(null)(post(new File(["x"], "a.txt")))).status).toBe(401);
    expect((await handler(editor)(post(new File(["x"], "a.txt"), { origin: "http://evil.test" }))).status).toBe(403);
    const big = await handler(editor)(post(new File([new Uint8Array(5 * 1024 * 1024 + 1)], "big.txt")));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toContain("larger than 5 MB");
    const declared = await handler(editor)(
      new Request("http://app.test/api/articles/upload", { method: "POST", body: "x", headers: { host: "app.test", "content-length": String(50 * 1024 * 1024), "content-type": "multipart/form-data; boundary=x" } }),
    );
    expect(declared.status).toBe(413);
    expect(await rows()).toEqual(before);
  });
});
