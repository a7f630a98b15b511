// Validators from the data version (server/core/etag.ts) on the REST API and tRPC GETs, on real databases: 200s carry
// an ETag and Cache-Control: no-cache, a conditional GET that still matches is a 304 with no body, and a correction
// (any audited edit), another asOf, another user or the next minute makes a new tag.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrpcHandler } from "@/server/core/trpc-http";
import { matchesIfNoneMatch } from "@/server/core/etag";
import { createRestHandlers } from "@/server/rest/v1";
import { callerAs, testUsers } from "@/tests/helpers/api";
import { openSeededDatabase } from "@/tests/helpers/alerts";
import { testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const T0 = new Date("2026-11-23T03:00:00Z");
const get = (path: string, etag?: string | null) =>
  new Request(`http://test.local${path}`, { headers: etag ? { "if-none-match": etag } : {} });

describe("If-None-Match matching", () => {
  it("compares weakly, takes lists and *", () => {
    expect(matchesIfNoneMatch('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch("*", 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matchesIfNoneMatch(null, 'W/"abc"')).toBe(false);
  });
});

describe.each(testDatabases())("ETag and 304 on $name", ({ name }) => {
  let tdb: TestDatabase;
  let sourceId: number;
  let now = T0;
  let rest: ReturnType<typeof createRestHandlers>;
  let user: (typeof testUsers)[keyof typeof testUsers] | null = null;
  let trpc: ReturnType<typeof createTrpcHandler>;

  beforeAll(async () => {
    ({ tdb, sourceId } = await openSeededDatabase(name));
    rest = createRestHandlers({ database: async () => tdb, now: () => now, user: async () => user });
    trpc = createTrpcHandler({ db: async () => tdb.db, user: async () => user, now: () => now });
  });
  afterAll(() => tdb?.close());

  let n = 0;
  const correct = () =>
    callerAs(tdb.db, "editor", { now }).edit.deadlines.create({
      key: `etag-${++n}`,
      title: `Correction ${n}`,
      kind: "negotiation",
      due: { local: "2025-07-20T12:00", zone: "Asia/Seoul" },
      sources: [sourceId],
    });

  it("REST: a 200 carries a validator; the same GET with it is a 304 with no body, until the data changes", async () => {
    const first = await rest.overview(get("/api/v1/overview?asOf=2025-07-08"));
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const again = await rest.overview(get("/api/v1/overview?asOf=2025-07-08", etag));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);

    await correct();
    const after = await rest.overview(get("/api/v1/overview?asOf=2025-07-08", etag));
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect((await after.json()).asOf).toBe("2025-07-08");
  });

  it("REST: another asOf, another endpoint or the next minute (without asOf) is another tag", async () => {
    const tag = async (path: string) => (await rest.overview(get(path))).headers.get("etag");
    expect(await tag("/api/v1/overview?asOf=2025-07-08")).not.toBe(await tag("/api/v1/overview?asOf=2025-07-09"));
    const csv = await rest.tariffsCsv(get("/api/v1/tariffs.csv?asOf=2025-07-08"));
    expect(csv.headers.get("etag")).not.toBe(await tag("/api/v1/overview?asOf=2025-07-08"));
    const nowTag = await tag("/api/v1/overview");
    now = new Date(T0.getTime() + 30_000);
    const sameMinute = await tag("/api/v1/overview");
    now = new Date(T0.getTime() + 90_000);
    const nextMinute = await tag("/api/v1/overview");
    const pinned = await tag("/api/v1/overview?asOf=2025-07-08");
    now = T0;
    expect(sameMinute).toBe(nowTag);
    expect(nextMinute).not.toBe(nowTag);
    expect(pinned).toBe(await tag("/api/v1/overview?asOf=2025-07-08")); // a fixed day does not age
  });

  it("REST: errors keep no-store and no validator; a stale tag on a bad request is still a 400", async () => {
    const bad = await rest.overview(get("/api/v1/overview?asOf=yesterday", 'W/"whatever"'));
    expect(bad.status).toBe(400);
    expect(bad.headers.get("etag")).toBeNull();
    expect(bad.headers.get("cache-control")).toBe("no-store");
  });

  it("tRPC: dashboard queries get a private validator and 304; other queries none", async () => {
    const url = `/api/trpc/overview.get,tariffs.board?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: {} }, 1: { json: {} } }))}`;
    const first = await trpc(get(url));
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect((await trpc(get(url, etag))).status).toBe(304);

    user = testUsers.editor; // a signed-in reader may see more: not the anonymous reader's tag
    const asEditor = await trpc(get(url, etag));
    expect(asEditor.status).toBe(200);
    user = null;

    await correct();
    expect((await trpc(get(url, etag))).status).toBe(200);

    user = testUsers.admin;
    const other = await trpc(get("/api/trpc/alerts.admin.subscribers"));
    user = null;
    expect(other.status).toBe(200); // answered, from tables the data version does not cover: no validator
    expect(other.headers.get("etag")).toBeNull();
  });
});
