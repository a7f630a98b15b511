// better-auth over our schema on real databases: sign-in with accounts made by the users service, cookie flags,
// rate limits per address and per account (the 6th attempt gets 429), deactivation (= ban), no public sign-up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, SIGN_IN_LIMIT, type Auth } from "@/server/users/auth/config";
import { sessionUserFrom } from "@/server/users/auth";
import { createUser, deactivateUser, reactivateUser } from "@/server/users/users";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const SECRET = "test-secret-test-secret-test-secret-0123";
const BASE = "http://tradewatch.test";
const PASSWORD = "correct horse battery staple";

let ipCounter = 0;
/** A fresh client address per test, so the per-address buckets of one test do not spill into another. */
const nextIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

function signIn(auth: Auth, email: string, password: string, ip: string, base = BASE) {
  return auth.handler(
    new Request(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

const cookieOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

describe.each(testDatabases())("sign-in on $name", ({ name }) => {
  let tdb: TestDatabase;
  let auth: Auth;

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    auth = createAuth({ db: tdb.db, secret: SECRET });
    await createUser(tdb.db, { email: "Editor@Example.org", role: "editor", password: PASSWORD }, new Date());
  });
  afterAll(() => tdb?.close());

  it("signs in with email and password; the session cookie is HttpOnly, SameSite=Lax, not Secure over http", async () => {
    const res = await signIn(auth, "editor@example.org", PASSWORD, nextIp());
    expect(res.status).toBe(200);
    const session = res.headers.getSetCookie().find((c) => c.startsWith("tradewatch.session_token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).not.toMatch(/;\s*Secure/i);
    const user = await sessionUserFrom(auth, new Headers({ cookie: cookieOf(res) }));
    expect(user).toMatchObject({ email: "editor@example.org", role: "editor" });
  });

  it("marks cookies Secure (and __Secure- prefixed) when the public URL is https", async () => {
    const secure = createAuth({ db: tdb.db, secret: SECRET, publicUrl: "https://tradewatch.example" });
    const res = await signIn(secure, "editor@example.org", PASSWORD, nextIp(), "https://tradewatch.example");
    expect(res.status).toBe(200);
    const session = res.headers.getSetCookie().find((c) => c.startsWith("__Secure-tradewatch.session_token="));
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
  });

  it("refuses a wrong password with 401 and no session", async () => {
    const res = await signIn(auth, "editor@example.org", "wrong password entirely", nextIp());
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("tradewatch.session_token=;") || /session_token=[^;]+/.test(c))).toBe(false);
  });

  it(`limits one address to ${SIGN_IN_LIMIT.max} attempts a minute: the 6th bad attempt gets 429`, async () => {
    const ip = nextIp();
    for (let i = 1; i <= SIGN_IN_LIMIT.max; i++) {
      // different accounts, so only the per-address limit applies
      expect((await signIn(auth, `nobody${i}-${name}@example.org`, "wrong password entirely", ip)).status).toBe(401);
    }
    const sixth = await signIn(auth, "editor@example.org", PASSWORD, ip);
    expect(sixth.status).toBe(429);
    // another address is not affected
    expect((await signIn(auth, "editor@example.org", PASSWORD, nextIp())).status).toBe(200);
  });

  it(`limits one account to ${SIGN_IN_LIMIT.max} attempts a minute from any addresses: the 6th gets 429`, async () => {
    await createUser(tdb.db, { email: "target@example.org", role: "viewer", password: PASSWORD }, new Date());
    for (let i = 1; i <= SIGN_IN_LIMIT.max; i++) {
      expect((await signIn(auth, "target@example.org", "wrong password entirely", nextIp())).status).toBe(401);
    }
    const sixth = await signIn(auth, "TARGET@example.org", PASSWORD, nextIp());
    expect(sixth.status).toBe(429);
    expect(await sixth.json()).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
  });

  it("a deactivated user cannot sign in and loses their sessions; reactivated, they can again", async () => {
    const { user } = await createUser(tdb.db, { email: "leaver@example.org", role: "editor", password: PASSWORD }, new Date());
    const before = await signIn(auth, "leaver@example.org", PASSWORD, nextIp());
    expect(before.status).toBe(200);
    const cookie = cookieOf(before);

    await deactivateUser(tdb.db, { userId: user.id, reason: "left the team" }, { user: null, now: new Date() });
    expect(await sessionUserFrom(auth, new Headers({ cookie }))).toBeNull();
    const refused = await signIn(auth, "leaver@example.org", PASSWORD, nextIp());
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "BANNED_USER" });

    await reactivateUser(tdb.db, user.id, new Date());
    expect((await signIn(auth, "leaver@example.org", PASSWORD, nextIp())).status).toBe(200);
  });

  it("nobody deactivates their own account, whoever calls the service; nothing changes", async () => {
    const { user } = await createUser(tdb.db, { email: "self@example.org", role: "editor", password: PASSWORD }, new Date());
    const self = { user: { id: user.id }, now: new Date() };
    await expect(deactivateUser(tdb.db, { userId: user.id }, self)).rejects.toMatchObject({ field: "userId", message: "You cannot deactivate your own account" });
    expect((await signIn(auth, "self@example.org", PASSWORD, nextIp())).status).toBe(200);
  });

  it("has no public sign-up and no admin-plugin endpoints", async () => {
    const signUp = await auth.handler(
      new Request(`${BASE}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": nextIp() },
        body: JSON.stringify({ email: "walk-in@example.org", password: PASSWORD, name: "Walk In" }),
      }),
    );
    expect(signUp.status).toBeGreaterThanOrEqual(400);
    const createViaPlugin = await auth.handler(
      new Request(`${BASE}/api/auth/admin/create-user`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": nextIp() },
        body: JSON.stringify({ email: "x@example.org", password: PASSWORD, name: "X", role: "admin" }),
      }),
    );
    expect(createViaPlugin.status).toBe(404);
  });

  it("refuses weak passwords and duplicate emails when creating accounts", async () => {
    await expect(createUser(tdb.db, { email: "weak@example.org", password: "short" }, new Date())).rejects.toThrow(/too short/);
    await expect(createUser(tdb.db, { email: "weak@example.org", password: "aaaaaaaaaaaaaaaa" }, new Date())).rejects.toThrow(/different/);
    await expect(createUser(tdb.db, { email: "EDITOR@example.org", password: PASSWORD }, new Date())).rejects.toThrow(/already exists/);
  });
});
