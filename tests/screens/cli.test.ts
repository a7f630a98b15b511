// `npm run screens` on a fresh embedded database: create prints the screen's URL with a working device token (the
// only line on stdout, for scripts); list shows it; revoke stops the token; bad input says what was wrong. The
// commands run in-process (scripts/commands/screens.ts); the first create runs as `npm run screens` does, spawned.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { main } from "@/scripts/commands/screens";
import { authenticateDevice } from "@/server/screens/screens";
import { runInProcess, runSpawned, type CliResult } from "@/tests/helpers/cli";
import { freshDataDir } from "@/tests/helpers/data-dir";

let dataDir: string;

/** `npm run screens -- …args`, in-process or (`spawned`) in a child process. */
function run(args: string[], how: "in-process" | "spawned" = "in-process"): Promise<CliResult> {
  const env = { DATA_DIR: dataDir, PUBLIC_URL: "http://tv.test", DATABASE_URL: undefined };
  return how === "spawned" ? runSpawned("scripts/screens.ts", args, { env }) : runInProcess(main, args, { env });
}

beforeAll(async () => {
  dataDir = await freshDataDir("tw-screens-cli-");
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm run screens", () => {
  let url: URL;

  it("create prints the screen's URL with a device token", async () => {
    const res = await run(["create", "--name", "War room Seoul", "--panels", "deadlines,tariffs,market", "--layout", "rotation", "--lang", "ko"], "spawned");
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
