// `npm run alerts` on a fresh embedded database: subscribe (confirmed), a dry run that changes nothing, a tick as if
// the clock read 2025-07-25 04:01Z that sends the 7-day reminder for August 1 to a real SMTP server, a second tick that
// sends nothing; bad input answers with what was wrong; `npm run worker` refuses on PGlite. The commands run
// in-process (scripts/commands/alerts.ts); the first subscribe and the worker run as `npm run` does, in a child process.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "@/scripts/commands/alerts";
import { runInProcess, runSpawned, type CliResult } from "@/tests/helpers/cli";
import { freshDataDir } from "@/tests/helpers/data-dir";
import { startTestSmtp, type TestSmtp } from "@/tests/helpers/smtp";

let dataDir: string;
let smtp: TestSmtp;

const env = () => ({ DATA_DIR: dataDir, SMTP_URL: smtp.url, PUBLIC_URL: "http://tradewatch.test", DATABASE_URL: undefined });

/** `npm run alerts -- …args`, in-process; `spawned` runs scripts/<tool>.ts in a child process instead. */
function run(script: string, args: string[], how: "in-process" | "spawned" = "in-process"): Promise<CliResult> {
  if (how === "spawned") return runSpawned(script, args, { env: env() });
  if (script !== "scripts/alerts.ts") throw new Error(`${script} runs spawned only`);
  return runInProcess(main, args, { env: env() });
}

beforeAll(async () => {
  dataDir = await freshDataDir("tw-alerts-cli-");
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run alerts", () => {
  it("a subscription made today does not replay last July's reminders", async () => {
    const sub = await run("scripts/alerts.ts", ["subscribe", "--email", "cli@example.org", "--deadlines", "all", "--offsets", "30d,7d,1d", "--tz", "Asia/Seoul", "--lang", "ko", "--confirmed"], "spawned");
    expect(sub.err).toBe("");
    expect(sub.code).toBe(0);
    expect(sub.out).toContain("Subscribed cli@example.org (all, offsets 30d,7d,1d, Asia/Seoul, ko). Confirmed.");

    const dry = await run("scripts/alerts.ts", ["tick", "--now", "2025-07-25T04:01:00Z", "--dry-run"]);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain("Dry run at 2025-07-25T04:01:00.000Z: nothing was changed.");
    // Subscribed today: a replay of last July sends nothing (reminders arm from when the subscription existed).
    expect(dry.out).toContain("Nothing would be sent.");

    const tick = await run("scripts/alerts.ts", ["tick", "--now", "2025-07-25T04:01:00Z"]);
    expect(tick.code, tick.err).toBe(0);
    expect(JSON.parse(tick.out.split("\n")[0]!)).toMatchObject({ now: "2025-07-25T04:01:00.000Z", compose: { emails: 0 } });
    expect(smtp.received).toHaveLength(0);

    const outbox = await run("scripts/alerts.ts", ["outbox"]);
    expect(outbox.code).toBe(0);
    expect(outbox.out).toContain("The outbox is empty.");
  });

  it("subscribed as of July 2025, the August 1 deadline's 7-day reminder goes out once when ticking at 2025-07-25, nothing on a second tick", async () => {
    const sub = await run("scripts/alerts.ts", ["subscribe", "--email", "july@example.org", "--deadlines", "reciprocal-kr-aug1", "--offsets", "30d,7d,1d", "--tz", "Asia/Seoul", "--confirmed", "--now", "2025-07-01T00:00:00Z"]);
    expect(sub.code, sub.err).toBe(0);
    const dry = await run("scripts/alerts.ts", ["tick", "--now", "2025-07-25T04:01:00Z", "--dry-run"]);
    expect(dry.out).toMatch(/would send\talert\tjuly@example\.org\t.*7 days/);
    expect(smtp.received.filter((m) => m.to[0] === "july@example.org")).toHaveLength(0);
    const first = await run("scripts/alerts.ts", ["tick", "--now", "2025-07-25T04:01:00Z"]);
    expect(first.code, first.err).toBe(0);
    const reminders = () => smtp.received.filter((m) => m.to[0] === "july@example.org" && /7 days/.test(m.subject));
    expect(reminders()).toHaveLength(1);
    const second = await run("scripts/alerts.ts", ["tick", "--now", "2025-07-25T04:01:00Z"]);
    expect(second.code, second.err).toBe(0);
    expect(reminders()).toHaveLength(1);
  });

  it("an unconfirmed subscription queues the confirmation email, which a tick sends", async () => {
    const sub = await run("scripts/alerts.ts", ["subscribe", "--email", "new@example.org", "--sector", "autos", "--tz", "America/New_York"]);
    expect(sub.code, sub.err).toBe(0);
    expect(sub.out).toContain("A confirmation email is in the outbox.");
    const tick = await run("scripts/alerts.ts", ["tick", "--now", new Date().toISOString()]);
    expect(tick.code, tick.err).toBe(0);
    const mine = smtp.received.filter((m) => m.to[0] === "new@example.org");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.raw).toContain("/alerts/confirm?token=");
  });

  it("bad input says what was wrong", async () => {
    const noScope = await run("scripts/alerts.ts", ["subscribe", "--email", "x@example.org"]);
    expect(noScope.code).toBe(2);
    expect(noScope.err).toContain("Give exactly one of --deadlines, --sector or --kind.");
    const badOffsets = await run("scripts/alerts.ts", ["subscribe", "--email", "x@example.org", "--deadlines", "all", "--offsets", "7x"]);
    expect(badOffsets.code).toBe(1);
    expect(badOffsets.err).toContain('"7x" is not an offset');
    const badZone = await run("scripts/alerts.ts", ["subscribe", "--email", "x@example.org", "--deadlines", "all", "--tz", "Mars/Olympus"]);
    expect(badZone.code).toBe(1);
    expect(badZone.err).toContain("IANA time zone");
    const badNow = await run("scripts/alerts.ts", ["tick", "--now", "yesterday"]);
    expect(badNow.code).toBe(2);
    expect(badNow.err).toContain('--now "yesterday" is not an ISO-8601 instant');
  });

  it("npm run worker refuses on the embedded database, saying why", async () => {
    const worker = await run("scripts/worker.ts", [], "spawned");
    expect(worker.code).toBe(1);
    expect(worker.err).toContain("npm run worker needs DATABASE_URL");
  });
});
