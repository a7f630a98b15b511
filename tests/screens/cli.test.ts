// `npm run screens` on a fresh embedded database: create prints the screen's URL with a working device token (the
// only line on stdout, for scripts); list shows it; revoke stops the token; bad input says what was wrong.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { authenticateDevice } from "@/server/screens/screens";
import { ROOT } from "@/tests/helpers/app-server";

let dataDir: string;

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: "http://tv.test" };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/screens.ts", ...args], { cwd: ROOT, env });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, out, err }));
  });
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "tw-screens-cli-"));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm run screens", () => {
  let url: URL;

  it("create prints the screen's URL with a device token", async () => {
    const res = await run(["create", "--name", "War room Seoul", "--panels", "deadlines,tariffs,market", "--layout", "rotation", "--lang", "ko"]);
    expect(res.code, res.err).toBe(0);
    const lines = res.out.trim().split("\n");
    expect(lines).toHaveLength(1);
    url = new URL(lines[0]!);
    expect(`${url.origin}${url.pathname}`).toBe("http://tv.test/screen/war-room-seoul");
    expect(url.searchParams.get("token")).toMatch(/^tws_[A-Za-z0-9_-]{43}$/);
    expect(res.err).toContain('Created screen "War room Seoul" (war-room-seoul)');
  });

  it("list shows the screen, its panels and device", async () => {
    const res = await run(["list"]);
    expect(res.code, res.err).toBe(0);
    expect(res.out).toContain("war-room-seoul\tWar room Seoul\tv1\tdeadlines,tariffs,market\t#1 Command line");
  });

  it("the token works for that screen until revoked", async () => {
    const check = async () => {
      const database = await openDatabase({ dataDir });
      try {
        return await authenticateDevice(database.db, "war-room-seoul", url.searchParams.get("token")!, new Date());
      } finally {
        await database.close();
      }
    };
    expect(await check()).toMatchObject({ ok: true, screen: { config: { layout: "rotation", language: "ko" } } });
    const res = await run(["revoke", "--device", "1"]);
    expect(res.code, res.err).toBe(0);
    expect(res.out).toContain('Device #1 "Command line" of screen war-room-seoul is revoked');
    expect(await check()).toEqual({ ok: false, reason: "revoked" });
  });

  it("bad input says what was wrong", async () => {
    const dup = await run(["create", "--name", "War room Seoul"]);
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('A screen with the key "war-room-seoul" already exists');
    const panel = await run(["create", "--name", "X", "--panels", "weather"]);
    expect(panel.code).toBe(1);
    expect(panel.err).toContain("panels.0.panel: must be one of deadlines, tariffs, market, support, changes");
    const usage = await run(["revoke", "--device", "abc"]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("--device <id> must be a device id");
    expect((await run(["create"])).err).toContain("--name <name> is required.");
  });
});
