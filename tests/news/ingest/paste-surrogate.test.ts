// A pasted article with a lone UTF-16 surrogate (fast-check's counterexample in tests/core/mutations.property.test.ts):
// stored with U+FFFD in its place, as a browser shows it, instead of failing inside the audit entry's JSON.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs } from "@/tests/helpers/api";
import { openSeededDatabase } from "@/tests/helpers/alerts";
import { testDatabases, type TestDatabase } from "@/tests/helpers/databases";

describe.each(testDatabases())("pasting text with a lone surrogate on $name", ({ name }) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    ({ tdb } = await openSeededDatabase(name));
  });
  afterAll(() => tdb?.close());

  it("is stored with U+FFFD and audited", async () => {
    const api = callerAs(tdb.db, "editor", { now: new Date("2026-11-23T03:00:00Z") });
    const result = (await api.articles.ingestText({ text: "lone \ud800 surrogate" })) as { status: string; articleId?: number };
    expect(result.status).not.toBe("duplicate");
    const list = await api.articles.list({ limit: 5 });
    expect(JSON.stringify(list)).toContain("lone \uFFFD surrogate");
  });
});
