// What the edit forms read (records.*), on the real seed: every record of every kind comes back in the shape of its
// input schema — so an unchanged form always validates —, the cited sources are the record's, and the form's local
// instant is the stored instant in the zone it was stated in. Also: the tRPC endpoint refuses an oversized body.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { FORM_SCHEMAS } from "@/components/records/fields";
import { createTrpcHandler, MAX_TRPC_BODY_BYTES } from "@/server/core/trpc-http";
import { EDITABLE_KINDS } from "@/server/core/constants";
import { localToInstant } from "@/server/core/time";
import { callerAs, insertTestUsers, testUsers, type Caller } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const NOW = new Date("2026-11-23T03:00:00Z");
const { editor } = testUsers;

describe.each(testDatabases())("records.* on $name", ({ name }) => {
  let tdb: TestDatabase;
  let api: Caller;

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    await insertTestUsers(tdb.db, [editor]);
    api = callerAs(tdb.db, editor, { now: NOW });
  });
  afterAll(() => tdb?.close());

  it.each(EDITABLE_KINDS)("every %s loads into a form that its update schema accepts unchanged", async (kind) => {
    const { records: rows, total } = await api.records.list({ kind });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBe(total);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    for (const row of rows) {
      const form = await api.records.get({ kind, key: row.key });
      expect(form, row.key).not.toBeNull();
      const input = { key: row.key, ...form!.values, ...(kind === "source" ? {} : { sources: form!.sources }) };
      const parsed = FORM_SCHEMAS[kind].update.safeParse(input);
      expect(parsed.success, `${kind} ${row.key}: ${parsed.success ? "" : JSON.stringify(parsed.error.issues)}`).toBe(true);
      if (kind !== "source") expect(form!.sources.length, `${row.key} cites a source`).toBeGreaterThan(0);
    }
  });

  it("a deadline's form time is the stored instant in the zone it was stated in", async () => {
    const [stored] = await tdb.db.select().from(t.deadlines).where(eq(t.deadlines.deadlineKey, "reciprocal-kr-aug1"));
    const form = await api.records.get({ kind: "deadline", key: "reciprocal-kr-aug1" });
    const due = form!.values.due as { local: string; zone: string };
    expect(due).toEqual({ local: "2025-08-01T00:01", zone: "America/New_York" });
    expect(localToInstant(due.local, due.zone).getTime()).toBe(stored!.dueAt.getTime());
  });

  it("an unknown key is null; the list follows an edit (the version in force now)", async () => {
    expect(await api.records.get({ kind: "figure", key: "no-such-figure" })).toBeNull();
    const [first] = (await api.records.list({ kind: "figure" })).records;
    await api.edit.figures.update({ key: first!.key, title: "Renamed for the test" });
    const after = (await api.records.list({ kind: "figure" })).records;
    expect(after.find((r) => r.key === first!.key)?.title).toBe("Renamed for the test");
    expect((await api.records.get({ kind: "figure", key: first!.key }))!.values.title).toBe("Renamed for the test");
  });

  it("reading forms needs a signed-in user", async () => {
    const anonymous = callerAs(tdb.db, null, { now: NOW });
    await expect(anonymous.records.list({ kind: "measure" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("the tRPC endpoint refuses a body over the limit with 413 and a clear message, before parsing it", async () => {
    const handler = createTrpcHandler({ db: async () => tdb.db, user: async () => editor, now: () => NOW, publicUrl: "http://localhost:3000" });
    const body = JSON.stringify({ json: { series: "kospi", rows: [], pad: "x".repeat(MAX_TRPC_BODY_BYTES) } });
    const res = await handler(
      new Request("http://localhost:3000/api/trpc/edit.observations.upsert", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body,
      }),
    );
    expect(res.status).toBe(413);
    expect(JSON.stringify(await res.json())).toContain("larger than 10 MB");
    // A chunked body without Content-Length is counted as it streams.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode("x".repeat(1024 * 1024));
        for (let i = 0; i < 11; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const chunked = await handler(
      new Request("http://localhost:3000/api/trpc/edit.observations.upsert", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    // Under the limit the call goes through to validation as usual.
    const small = await handler(
      new Request("http://localhost:3000/api/trpc/edit.observations.upsert", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify({ json: { series: "kospi", rows: [] } }),
      }),
    );
    expect(small.status).toBe(400);
  });
});
