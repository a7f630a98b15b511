// Who may call what. Every tRPC mutation — found by walking the router, so a new unprotected mutation fails this
// test — refuses anonymous callers (UNAUTHORIZED) and viewers (FORBIDDEN); admin procedures refuse editors too.
// Over HTTP: a mutation from a foreign Origin gets 403; READ_ACCESS=signed-in makes reads 401 without a session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/db/seed";
import { createTrpcHandler } from "@/server/core/trpc-http";
import { loadAllRouters } from "@/server/core/root";
import { sessionUserFrom } from "@/server/users/auth";
import { createAuth, type Auth } from "@/server/users/auth/config";
import type { UserRole } from "@/server/core/constants";
import { createRestHandlers } from "@/server/rest/v1";
import { createUser } from "@/server/users/users";
import { callerAs, codeOf } from "@/tests/helpers/api";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

// Lazy routers (server/core/root.ts) list their procedures once loaded.
const appRouter = await loadAllRouters();

const NOW = new Date("2026-11-23T03:00:00Z");
const BASE = "http://tradewatch.test";
const PASSWORD = "correct horse battery staple";

type AnyProcedure = { _def: { type: "query" | "mutation" | "subscription" } };
// At run time _def.procedures is flat, keyed by dotted path (its static type mirrors the nested record).
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).map(([path, p]) => ({
  path,
  type: p._def.type,
}));
/**
 * Mutations that are public on purpose, each authorised otherwise: the alert subscribe form (like a sign-up form:
 * double opt-in by email, a per-address limit, READ_ACCESS applies) and the signed links from alert emails (the
 * token authorises; a bad one is BAD_REQUEST with the reason, see tests/alerts/router.test.ts), and a status
 * screen's pairing (the short code an editor issued authorises; limited per address, see tests/screens/router.test.ts).
 * A new public mutation must be added here, knowingly.
 */
const PUBLIC_MUTATIONS = [
  "alerts.subscribe",
  "alerts.confirm",
  "alerts.unsubscribe",
  "alerts.manage.setActive",
  "alerts.manage.add",
  "alerts.manage.setPreferences",
  // A person's own channels, authorised by the manage link like the rest of the manage page (at most three, each URL
  // through the SSRF guard; see tests/alerts/channels/delivery.test.ts).
  "alerts.manage.setQuietHours",
  "alerts.manage.addChannel",
  "alerts.manage.removeChannel",
  "screens.pair",
];
const allMutations = procedures.filter((p) => p.type === "mutation").map((p) => p.path);
/**
 * Self-service mutations on one's own things (feed tokens for the calendar feed, watchlists: a team list is changed
 * only by its owner or an editor, checked in the service — tests/products/watchlists.test.ts): any signed-in user.
 */
const SELF_SERVICE_MUTATIONS = ["feedTokens.create", "feedTokens.revoke", "products.watchlists.create", "products.watchlists.update", "products.watchlists.delete"];
const mutations = allMutations.filter((path) => !PUBLIC_MUTATIONS.includes(path) && !SELF_SERVICE_MUTATIONS.includes(path));
const adminOnly = procedures.filter((p) => p.path.startsWith("admin.") || p.path.startsWith("alerts.admin.")).map((p) => p.path);

/** Calls a procedure by its dotted path with no input: authorisation runs before input validation. */
async function callByPath(who: UserRole | null, db: TestDatabase["db"], path: string): Promise<unknown> {
  const caller = callerAs(db, who, { now: NOW });
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(undefined);
}

describe("the router's mutations", () => {
  it("are found by walking appRouter (users.invite, setRole, deactivate, reactivate at least)", () => {
    expect(mutations).toEqual(
      expect.arrayContaining([
        "admin.users.invite",
        "admin.users.setRole",
        "admin.users.deactivate",
        "admin.users.reactivate",
      ]),
    );
  });
});

describe("the deliberately public mutations", () => {
  it("exist (a renamed one must be renamed here too)", () => {
    expect(allMutations).toEqual(expect.arrayContaining(PUBLIC_MUTATIONS));
  });

  it.each(PUBLIC_MUTATIONS)("%s: anonymous with no input → BAD_REQUEST (input checked; no sign-in needed)", async (path) => {
    // No database is touched: the input is refused before any service runs.
    expect(await codeOf(callByPath(null, undefined as unknown as TestDatabase["db"], path))).toBe("BAD_REQUEST");
  });
});

describe.each(testDatabases())("protection on $name", ({ name }) => {
  let tdb: TestDatabase;
  let auth: Auth;
  let adminCookie: string;
  let viewerCookie: string;

  const signIn = async (email: string) => {
    const res = await auth.handler(
      new Request(`${BASE}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": "10.9.9.9" },
        body: JSON.stringify({ email, password: PASSWORD }),
      }),
    );
    expect(res.status).toBe(200);
    return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  };

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    await seedDatabase(tdb.db);
    auth = createAuth({ db: tdb.db, secret: "test-secret-test-secret-test-secret-0123" });
    await createUser(tdb.db, { email: "admin@example.org", role: "admin", password: PASSWORD }, new Date());
    await createUser(tdb.db, { email: "viewer@example.org", role: "viewer", password: PASSWORD }, new Date());
    adminCookie = await signIn("admin@example.org");
    viewerCookie = await signIn("viewer@example.org");
  });
  afterAll(() => tdb?.close());

  it.each(mutations)("%s: anonymous → UNAUTHORIZED, viewer → FORBIDDEN", async (path) => {
    expect(await codeOf(callByPath(null, tdb.db, path))).toBe("UNAUTHORIZED");
    expect(await codeOf(callByPath("viewer", tdb.db, path))).toBe("FORBIDDEN");
  });

  it.each(SELF_SERVICE_MUTATIONS)("%s (self-service): anonymous → UNAUTHORIZED, a viewer gets past authorisation", async (path) => {
    expect(await codeOf(callByPath(null, tdb.db, path))).toBe("UNAUTHORIZED");
    expect(await codeOf(callByPath("viewer", tdb.db, path))).toBe("BAD_REQUEST"); // no input given
  });

  it.each(adminOnly)("%s: editor → FORBIDDEN", async (path) => {
    expect(await codeOf(callByPath("editor", tdb.db, path))).toBe("FORBIDDEN");
  });

  it("admins list, invite, change roles, deactivate and reactivate through the router", async () => {
    const admin = (await sessionUserFrom(auth, new Headers({ cookie: adminCookie })))!;
    const api = callerAs(tdb.db, admin, { now: NOW });
    const { user, oneTimePassword } = await api.admin.users.invite({ email: "New@Example.org", role: "editor" });
    expect(user).toMatchObject({ email: "new@example.org", role: "editor", active: true });
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(20);
    await api.admin.users.setRole({ userId: user.id, role: "viewer" });
    await api.admin.users.deactivate({ userId: user.id });
    let listed = (await api.admin.users.list()).find((u) => u.id === user.id);
    expect(listed).toMatchObject({ role: "viewer", active: false });
    await api.admin.users.reactivate({ userId: user.id });
    listed = (await api.admin.users.list()).find((u) => u.id === user.id);
    expect(listed?.active).toBe(true);
    await expect(api.admin.users.deactivate({ userId: admin.id })).rejects.toThrow(/your own account/);
    await expect(api.admin.users.setRole({ userId: admin.id, role: "editor" })).rejects.toThrow(/last active admin/);
    await expect(api.admin.users.invite({ email: "new@example.org", role: "viewer" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  describe("over HTTP", () => {
    const handler = (readAccess?: "public" | "signed-in") =>
      createTrpcHandler({
        db: async () => tdb.db,
        now: () => NOW,
        user: (headers) => sessionUserFrom(auth, headers),
        readAccess,
      });
    const mutate = (headers: Record<string, string>) =>
      handler()(
        new Request(`${BASE}/api/trpc/admin.users.invite`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: adminCookie, ...headers },
          body: JSON.stringify({ json: { email: `x${Math.random()}@example.org`, role: "viewer" } }),
        }),
      );

    it("a mutation with the admin's cookie from a foreign Origin is refused with 403", async () => {
      const res = await mutate({ origin: "https://evil.example" });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    });

    it("a cross-site mutation without Origin (Sec-Fetch-Site) is refused with 403", async () => {
      expect((await mutate({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    });

    it("the same mutation from the app's own origin succeeds", async () => {
      expect((await mutate({ origin: BASE, "sec-fetch-site": "same-origin" })).status).toBe(200);
    });

    it("a viewer's mutation over HTTP is 403, an anonymous one 401", async () => {
      const res = (cookie?: string) =>
        handler()(
          new Request(`${BASE}/api/trpc/admin.users.setRole`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: BASE, ...(cookie ? { cookie } : {}) },
            body: JSON.stringify({ json: { userId: "x", role: "admin" } }),
          }),
        );
      expect((await res(viewerCookie)).status).toBe(403);
      expect((await res()).status).toBe(401);
    });

    it("READ_ACCESS=signed-in: tRPC reads need a session", async () => {
      const read = (cookie?: string) =>
        handler("signed-in")(
          new Request(`${BASE}/api/trpc/overview.get?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
            headers: cookie ? { cookie } : {},
          }),
        );
      expect((await read()).status).toBe(401);
      expect((await read(viewerCookie)).status).toBe(200);
      expect((await handler("public")(new Request(`${BASE}/api/trpc/overview.get?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`))).status).toBe(200);
    });

    it("READ_ACCESS=signed-in: the REST v1 endpoints answer 401 JSON without a session, 200 with one", async () => {
      const rest = createRestHandlers({
        database: async () => tdb,
        now: () => NOW,
        user: (headers) => sessionUserFrom(auth, headers),
        readAccess: "signed-in",
      });
      const get = (path: string, cookie?: string) => new Request(`${BASE}${path}`, { headers: cookie ? { cookie } : {} });
      for (const [handle, path] of [
        [rest.overview, "/api/v1/overview"],
        [rest.tariffsCsv, "/api/v1/tariffs.csv"],
        [rest.deadlinesCsv, "/api/v1/deadlines.csv"],
        [rest.seriesCsv("kospi.csv"), "/api/v1/series/kospi.csv"],
      ] as const) {
        const res = await handle(get(path));
        expect(res.status, path).toBe(401);
        expect(await res.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
        expect((await handle(get(path, viewerCookie))).status, path).toBe(200);
      }
      expect((await rest.health(get("/api/health"))).status).toBe(200);
    });
  });
});
