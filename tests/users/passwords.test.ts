// Password rules (server/users/password-rules.ts) as a table, and the same rules at every place a password is set:
// the users service (CLI and invitations go through it) and better-auth's change-password endpoint. A password with a
// control character — the newline of `printf 'pw\npw\n' | npm run users -- create-admin` — is refused everywhere,
// with a message saying so, and nothing is written.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { BadInputError } from "@/server/core/errors";
import { createAuth, type Auth } from "@/server/users/auth/config";
import { passwordProblem } from "@/server/users/password-rules";
import { createUser } from "@/server/users/users";
import { openTestDatabase, testDatabases, type TestDatabase } from "@/tests/helpers/databases";

const GOOD = "correct horse battery staple";
const CONTROL = /control character/;

describe("passwordProblem", () => {
  it.each([
    ["a newline inside (two piped lines)", "long enough pw\nlong enough pw"],
    ["a carriage return", "long enough pass\rword"],
    ["a tab", "long enough\tpassword"],
    ["a NUL", "long enough\u0000password"],
    ["DEL", "long enough\u007Fpassword"],
    ["a C1 control (NEL)", "long enough\u0085password"],
    ["the Unicode line separator", "long enough\u2028password"],
    ["a trailing newline", `${GOOD}\n`],
  ])("refuses %s and says why", (_what, password) => {
    expect(passwordProblem(password)).toMatch(CONTROL);
  });

  it.each([
    ["spaces and words", GOOD],
    ["Korean letters", "관세협상 마감일 팔월 일일"],
    ["punctuation and digits", "Tariff-25%/Aug.1,2025!"],
    ["an accented name", "Çağrı über die Zölle"],
  ])("accepts %s", (_what, password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it("still applies the other rules first-class (short, repetitive, common, contains the email)", () => {
    expect(passwordProblem("short")).toMatch(/too short/);
    expect(passwordProblem("aaaaaaaaaaaaaa")).toMatch(/too few/);
    expect(passwordProblem("password1234")).toMatch(/common/);
    expect(passwordProblem("kim.editor is my password", "kim.editor@example.org")).toMatch(/email/);
  });
});

describe.each(testDatabases())("setting a password on $name", ({ name }) => {
  let tdb: TestDatabase;
  let auth: Auth;
  const base = "http://tradewatch.test";
  const post = (path: string, body: unknown, cookie = "") =>
    auth.handler(
      new Request(`${base}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base, cookie, "x-forwarded-for": "10.9.0.1" },
        body: JSON.stringify(body),
      }),
    );

  beforeAll(async () => {
    tdb = await openTestDatabase(name);
    auth = createAuth({ db: tdb.db, secret: "test-secret-test-secret-test-secret-0123" });
  });
  afterAll(() => tdb?.close());

  it("the users service (CLI, invitations) refuses a password with a newline; no account is created", async () => {
    const attempt = createUser(tdb.db, { email: "piped@example.org", role: "admin", password: "long enough pw\nlong enough pw" }, new Date());
    await expect(attempt).rejects.toBeInstanceOf(BadInputError);
    await expect(attempt).rejects.toMatchObject({ field: "password", message: expect.stringMatching(CONTROL) });
    const [row] = await tdb.db.select({ n: count() }).from(t.users).where(eq(t.users.email, "piped@example.org"));
    expect(row?.n).toBe(0);
  });

  it("change-password refuses a new password with a control character; the old one still signs in", async () => {
    await createUser(tdb.db, { email: "changer@example.org", role: "editor", password: GOOD }, new Date());
    const signedIn = await post("/sign-in/email", { email: "changer@example.org", password: GOOD });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

    const refused = await post("/change-password", { currentPassword: GOOD, newPassword: "a new long\npassword" }, cookie);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(CONTROL);
    expect((await post("/sign-in/email", { email: "changer@example.org", password: GOOD })).status).toBe(200);

    // A usable new password is accepted by the same endpoint (the hook refuses only what the rules refuse).
    const changed = await post("/change-password", { currentPassword: GOOD, newPassword: "a brand new passphrase" }, cookie);
    expect(changed.status).toBe(200);
    expect((await post("/sign-in/email", { email: "changer@example.org", password: "a brand new passphrase" })).status).toBe(200);
  });
});
