// `npm run users`: create-admin with a piped password on a fresh data directory (and on PostgreSQL), then sign in
// through better-auth as that admin; a weak password, or one piped on two lines, is refused with a clear message and
// nothing is created; a generated one-time password is printed once and works; a running server's lock is reported.
// The command runs in-process (scripts/commands/users.ts); one smoke test runs it as `npm run users` does.
import { rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { lockFilePath } from "@/db/lock";
import { main } from "@/scripts/commands/users";
import { createAuth } from "@/server/users/auth/config";
import { dataDirSecret } from "@/server/users/auth/secret";
import { listUsers } from "@/server/users/users";
import { runInProcess, runSpawned } from "@/tests/helpers/cli";
import { freshDataDir } from "@/tests/helpers/data-dir";
import { openTestDatabase, type TestDatabase } from "@/tests/helpers/databases";

const PASSWORD = "correct horse battery staple";

function usersEnv(env: Record<string, string>): Record<string, string | undefined> {
  return { SEED: "off", DATABASE_URL: undefined, ...env };
}

function runUsers(args: string[], env: Record<string, string>, stdin: string) {
  return runInProcess(main, args, { env: usersEnv(env), stdin });
}

async function signInWorks(db: Parameters<typeof createAuth>[0]["db"], email: string, password: string) {
  const auth = createAuth({ db, secret: "test-secret-test-secret-test-secret-0123" });
  const result = await auth.api.signInEmail({ body: { email, password } });
  return result.user;
}

describe("npm run users on the embedded database", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await freshDataDir("tw-users-");
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("create-admin reads a piped password; the admin can sign in; list shows them", async () => {
    const created = await runUsers(["create-admin", "--email", "Chief@Example.org"], { DATA_DIR: dataDir }, `${PASSWORD}\n`);
    expect(created.err).toBe("");
    expect(created.code).toBe(0);
    expect(created.out).toContain("Created admin chief@example.org");
    expect(created.out).not.toContain(PASSWORD);

    const weak = await runUsers(["create-admin", "--email", "weak@example.org"], { DATA_DIR: dataDir }, "hunter2\n");
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/too short.*at least 12 characters/);
    expect(weak.err).toContain("Nothing was created");

    const generated = await runUsers(["create-admin", "--email", "second@example.org", "--generate"], { DATA_DIR: dataDir }, "");
    expect(generated.code).toBe(0);
    const oneTime = /One-time password[^\n]*\n\n\s+(\S+)/.exec(generated.out)?.[1];
    expect(oneTime).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const listed = await runUsers(["list"], { DATA_DIR: dataDir }, "");
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/chief@example\.org\tadmin\tactive/);
    expect(listed.out).not.toContain("weak@example.org");

    const database = await openDatabase({ dataDir });
    try {
      expect(await signInWorks(database.db, "chief@example.org", PASSWORD)).toMatchObject({ role: "admin" });
      expect(await signInWorks(database.db, "second@example.org", oneTime!)).toMatchObject({ role: "admin" });
      expect((await listUsers(database.db)).map((u) => u.email)).toEqual(["chief@example.org", "second@example.org"]);
    } finally {
      await database.close();
    }
  });

  it("refuses a password piped on two lines (printf 'first-long-password\\nsecond-line-password\\n' | …): exit 1, says why, creates nothing", async () => {
    const twoLines = await runUsers(["create-admin", "--email", "twolines@example.org"], { DATA_DIR: dataDir }, "first-long-password\nsecond-line-password\n");
    expect(twoLines.code).toBe(1);
    expect(twoLines.out).toBe("");
    expect(twoLines.err).toMatch(/contains a line break, tab or other control character/);
    expect(twoLines.err).toContain("piped on 2 lines: pipe the password alone, on one line");
    expect(twoLines.err).toContain("Nothing was created.");
    const listed = await runUsers(["list"], { DATA_DIR: dataDir }, "");
    expect(listed.code).toBe(0);
    expect(listed.out).not.toContain("twolines@example.org");
  });

  it("tells the user to stop the server when the data directory is in use", async () => {
    // A live process other than this one (the test runner's parent) holds the lock, as a running server would.
    writeFileSync(lockFilePath(dataDir), JSON.stringify({ pid: process.ppid, since: new Date().toISOString() }));
    try {
      const res = await runUsers(["list"], { DATA_DIR: dataDir }, "");
      expect(res.code).toBe(1);
      expect(res.err).toMatch(/already in use/);
      expect(res.err).toMatch(/Stop the running Tradewatch server/);
    } finally {
      rmSync(lockFilePath(dataDir), { force: true });
    }
  });

  it("create --role makes an editor or a viewer; a missing or unknown role is a usage error", async () => {
    const editor = await runUsers(["create", "--email", "ed@example.org", "--role", "editor"], { DATA_DIR: dataDir }, `${PASSWORD}\n`);
    expect(editor.err).toBe("");
    expect(editor.out).toContain("Created editor ed@example.org");
    const bad = await runUsers(["create", "--email", "x@example.org", "--role", "owner"], { DATA_DIR: dataDir }, `${PASSWORD}\n`);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--role must be one of admin, editor, viewer");
    const missing = await runUsers(["create", "--email", "y@example.org"], { DATA_DIR: dataDir }, `${PASSWORD}\n`);
    expect(missing.code).toBe(2);
    const listed = await runUsers(["list"], { DATA_DIR: dataDir }, "");
    expect(listed.out).toMatch(/ed@example\.org\teditor\tactive/);
    expect(listed.out).not.toContain("x@example.org");
  });

  it("unknown commands print the usage", async () => {
    const res = await runUsers(["make-me-admin"], { DATA_DIR: dataDir }, "");
    expect(res.code).toBe(2);
    expect(res.err).toContain("Usage:");
  });

  it("as `npm run users` (a child process reading the piped password): create-admin works and prints no error", async () => {
    const res = await runSpawned("scripts/users.ts", ["create-admin", "--email", "Spawned@Example.org"], { env: usersEnv({ DATA_DIR: dataDir }), stdin: `${PASSWORD}\n` });
    expect(res.err).toBe("");
    expect(res.code).toBe(0);
    expect(res.out).toContain("Created admin spawned@example.org");
    expect(res.out).not.toContain(PASSWORD);
    const database = await openDatabase({ dataDir });
    try {
      expect(await signInWorks(database.db, "spawned@example.org", PASSWORD)).toMatchObject({ role: "admin" });
    } finally {
      await database.close();
    }
  });

  it("the generated auth secret is kept in DATA_DIR with mode 0600", () => {
    const secret = dataDirSecret(dataDir);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(dataDirSecret(dataDir)).toBe(secret);
    expect(statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("npm run users on PostgreSQL", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase("postgres");
  });
  afterAll(() => tdb?.close());

  it("create-admin with DATABASE_URL; the admin can sign in", async () => {
    const res = await runUsers(["create-admin", "--email", "pg-admin@example.org"], { DATABASE_URL: tdb.url! }, PASSWORD);
    expect(res.err).toBe("");
    expect(res.code).toBe(0);
    expect(await signInWorks(tdb.db, "pg-admin@example.org", PASSWORD)).toMatchObject({ email: "pg-admin@example.org" });
  });
});
