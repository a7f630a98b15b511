// Watchlists on real databases: who sees and changes a list, bad lines named by row with nothing written, and the
// watch — a watched line's duty change found once, told once by email (real SMTP) to the people following the list,
// and the deadlines of its lines' sectors followed like a sector subscription.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { seedProducts } from "@/db/seed/products";
import { createSmtpMailer } from "@/server/alerts/mailer";
import { subscribeInput } from "@/server/alerts/schemas";
import { subscribe } from "@/server/alerts/subscriptions";
import { activeSubscriptions, deadlinesNow, followedKeys } from "@/server/alerts/plan-subscriptions";
import { runTick } from "@/server/alerts/tick";
import type { AlertsConfig } from "@/server/core/config";
import { watchProducts } from "@/server/products/watch";
import { screenConfig } from "@/server/screens/schemas";
import { screenSnapshot } from "@/server/screens/snapshot";
import { testAlertsConfig } from "@/tests/helpers/alerts";
import { callerAs, errorOf, insertTestUsers } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";
import { startTestSmtp, type TestSmtp } from "@/tests/helpers/smtp";

const d = (iso: string) => new Date(iso);
/** A header as written (RFC 2047 encoded words decoded). */
const decoded = (header: string) =>
  header.replace(/\?=\s+=\?UTF-8\?Q\?/gi, "").replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) => decodeURIComponent(q.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, "%$1")));

describe.each(testDatabases())("watchlists on $name", ({ name }) => {
  let tdb: TestDatabase;
  let smtp: TestSmtp;
  let config: AlertsConfig;
  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    await seedProducts(tdb.db);
    await insertTestUsers(tdb.db);
    smtp = await startTestSmtp();
    config = testAlertsConfig("watch-test", { mailer: createSmtpMailer(smtp.url, { from: "Tradewatch <alerts@tradewatch.test>" }) });
  });
  afterAll(async () => {
    await config?.mailer?.close();
    await smtp?.close();
    await tdb?.close();
  });

  const as = (who: "viewer" | "editor" | "admin" | null, now = d("2025-10-01T00:00:00Z")) => callerAs(tdb.db, who, { now });

  it("names every bad line by row and writes nothing; a good list keeps its lines, labels and sectors", async () => {
    const bad = await errorOf(as("viewer").products.watchlists.create({ name: "Parts", items: [{ code: "8708.29.15.00", label: "Door" }, { code: "12x" }, { code: "0000000000" }] }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/2 problems/);
    expect(await tdb.db.select().from(t.watchlists)).toEqual([]);
    expect((await errorOf(as(null).products.watchlists.create({ name: "Anon", items: [] }))).code).toBe("UNAUTHORIZED");

    const { key } = await as("viewer").products.watchlists.create({ name: "Our parts", items: [{ code: "8708.29.15.00", label: "Door panel" }, { code: "6110202010", label: "Sweater" }, { code: "8708291500", label: "dup" }] });
    expect(key).toMatch(/^wl-[0-9a-f]{16}$/);
    const view = await as("viewer").products.watchlists.get({ key });
    expect(view.lines.map((l) => [l.hts10, l.label, l.dutyPct])).toEqual([["8708291500", "Door panel", 25], ["6110202010", "Sweater", 15]]);
    const sectors = (await tdb.db.select().from(t.watchlistSectors)).map((s) => s.sector).sort();
    expect(sectors).toEqual(["all_goods", "auto_parts", "steel_aluminium"]);
  });

  it("a private list is its owner's; a team list is seen by all and changed by its owner or an editor", async () => {
    const { key } = await as("editor").products.watchlists.create({ name: "Mine", items: [{ code: "7208360030" }] });
    expect((await errorOf(as("viewer").products.watchlists.get({ key }))).code).toBe("NOT_FOUND");
    await as("editor").products.watchlists.update({ key, shared: true });
    expect((await as("viewer").products.watchlists.get({ key })).canChange).toBe(false);
    expect((await errorOf(as("viewer").products.watchlists.update({ key, name: "Hijack" }))).code).toBe("BAD_REQUEST");
    const { key: team } = await as("viewer").products.watchlists.create({ name: "Team", shared: true, items: [] });
    await as("editor").products.watchlists.update({ key: team, name: "Team parts" });
    expect((await as("admin").products.watchlists.list()).map((w) => w.name)).toEqual(expect.arrayContaining(["Mine", "Team parts"]));
    await as("editor").products.watchlists.delete({ key });
    expect((await errorOf(as("editor").products.watchlists.get({ key }))).code).toBe("NOT_FOUND");
  });

  it("finds a watched line's duty change once and emails the people following the list, once", async () => {
    const [list] = await tdb.db.select().from(t.watchlists).where(eq(t.watchlists.name, "Our parts"));
    const email = "buyer@example.org";
    const bad = await subscribe(tdb.db, config, subscribeInput.parse({ email, subscription: { scope: "watchlist", scopeValue: "wl-0000000000000000" } }), d("2025-10-01T00:00:00Z")).catch((e: Error) => e);
    expect((bad as Error).message).toMatch(/No watchlist wl-0000000000000000/);
    await subscribe(tdb.db, config, subscribeInput.parse({ email, subscription: { scope: "watchlist", scopeValue: list!.key, offsets: "7d" } }), d("2025-10-01T00:00:00Z"), { confirmed: true });

    // First look: the baseline (parts 25%, the sweater's reciprocal 15%), nothing to tell.
    expect(await watchProducts(tdb.db, d("2025-10-02T00:00:00Z"))).toMatchObject({ lists: 2, changes: 0, notified: 0 });
    // Within the interval nothing is looked at again.
    expect((await watchProducts(tdb.db, d("2025-10-02T00:05:00Z"))).lists).toBe(0);
    // 6 Dec 2025: Korea's 15% on parts was published on 4 Dec (from 1 Nov); the sweater's 15% became an all-in 15%:
    // the same duty under KORUS, so no change to tell.
    const tick = await runTick(tdb.db, config, d("2025-12-06T03:00:00Z"), { digests: false });
    expect(tick.watch).toMatchObject({ changes: 1, notified: 1 });
    const mails = smtp.received.filter((m) => m.to.includes(email));
    expect(mails).toHaveLength(1);
    expect(decoded(mails[0]!.subject)).toContain("Duty change on a watched product: 8708.29.15.00 (Door panel): 25% → 15%");
    const [change] = await tdb.db.select().from(t.watchlistChanges).where(eq(t.watchlistChanges.watchlistId, list!.id));
    expect(change).toMatchObject({ hts10: "8708291500", fromPct: 25, toPct: 15 });
    // Told once: a later tick finds nothing new.
    await runTick(tdb.db, config, d("2025-12-06T04:00:00Z"), { digests: false });
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it("shows on a status screen as 'Our products': changed lines first, with what they were", async () => {
    const [list] = await tdb.db.select().from(t.watchlists).where(eq(t.watchlists.name, "Our parts"));
    const snap = await screenSnapshot(tdb.db, { panels: [{ panel: "products", durationSeconds: 20 }], language: "en", watchlist: list!.key }, d("2025-12-07T00:00:00Z"));
    expect(snap.panels.products).toMatchObject({ name: "Our parts", more: 0 });
    expect(snap.panels.products!.lines.map((l) => [l.hts10, l.label, l.dutyPct, l.previousPct])).toEqual([
      ["8708291500", "Door panel", 15, 25],
      ["6110202010", "Sweater", 15, null],
    ]);
    const noList = screenConfig.safeParse({ name: "Wall", panels: [{ panel: "products" }] });
    expect(noList.success).toBe(false);
    expect(noList.error!.issues[0]!.path).toEqual(["watchlist"]);
  });

  it("a change of coverage alone is news too: a phone joins the Section 122 exemptions on 24 Feb 2026 at the same 0%", async () => {
    const { key } = await as("viewer").products.watchlists.create({ name: "Phones", items: [{ code: "8517130000", label: "Handset" }] });
    await watchProducts(tdb.db, d("2026-02-01T00:00:00Z"));
    await watchProducts(tdb.db, d("2026-02-25T00:00:00Z"));
    const [list] = await tdb.db.select().from(t.watchlists).where(eq(t.watchlists.key, key));
    const changes = await tdb.db.select().from(t.watchlistChanges).where(eq(t.watchlistChanges.watchlistId, list!.id));
    expect(changes.map((c) => [c.hts10, c.fromPct, c.toPct, c.listChanges])).toEqual([["8517130000", 0, 0, "+s122-exempt"]]);
  });

  it("follows the deadlines of its lines' sectors", async () => {
    const [sub] = (await activeSubscriptions(tdb.db)).filter((s) => s.scope === "watchlist");
    const now = d("2025-04-03T12:00:00Z");
    const all = await deadlinesNow(tdb.db, now);
    const keys = followedKeys(sub!, all, new Map(all.map((x) => [x.deadlineKey, x])));
    expect(keys.has("auto-parts-25-effective")).toBe(true);
    expect(keys.has("baseline-10-effective")).toBe(true);
    expect(keys.has("copper-50-effective")).toBe(false);
  });
});
