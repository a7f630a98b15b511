// `npm run market` on a fresh embedded database with the real seed (KOSPI to 2026-08-27): a CSV with a bad row is
// reported row by row and writes nothing; a good one appends its new days and reports the stored day it disagrees
// with; fetch runs the job once against a local server in Yahoo's chart format; status shows the result. The commands
// run in-process (scripts/commands/market.ts); the first import runs as `npm run market` does, spawned.
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "@/scripts/commands/market";
import { runInProcess, runSpawned, type CliResult } from "@/tests/helpers/cli";
import { freshDataDir } from "@/tests/helpers/data-dir";
import { startYahooServer, type YahooServer } from "./yahoo-server";

let dataDir: string;
let yahoo: YahooServer;

/** `npm run market -- …args`, in-process or (`spawned`) in a child process. */
function run(args: string[], how: "in-process" | "spawned" = "in-process"): Promise<CliResult> {
  const env = { DATA_DIR: dataDir, MARKET_PROVIDER: "yahoo", MARKET_PROVIDER_URL: yahoo.url, MARKET_MOVE_EVENT_PCT: "3", DATABASE_URL: undefined };
  return how === "spawned" ? runSpawned("scripts/market.ts", args, { env }) : runInProcess(main, args, { env });
}
const file = (name: string, text: string) => {
  const p = path.join(dataDir, name);
  writeFileSync(p, text);
  return p;
};

beforeAll(async () => {
  dataDir = await freshDataDir("tw-market-cli-");
  yahoo = await startYahooServer([
    { date: "2026-09-02", close: 7050.5 },
    { date: "2026-09-03", close: 7060 },
  ]);
});
afterAll(async () => {
  await yahoo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run market", () => {
  it("import: bad rows reported one by one, nothing written; a good file appended; fetch and status", async () => {
    const bad = file(
      "bad.csv",
      "# KOSPI closes typed by hand\nDate,Open,High,Low,Close,Volume\n2026-08-28,6900,6950,6880,\"6,940.10\",300000\n2026-08-31,6950,6900,6990,6960,1\n2026-09-31,1,1,1,1,1\n2026-09-01,1,1,1,abc,1\n2026-09-01,1,1,1,,1\n",
    );
    const refused = await run(["import", bad], "spawned");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("nothing was written");
    expect(refused.err).toContain("row 2, high: must not be below low");
    expect(refused.err).toContain("row 3, date: must be a calendar date YYYY-MM-DD");
    expect(refused.err).toContain("row 4, close: must be a number greater than 0");
    expect(refused.err).toContain("row 5, close: is missing");
    expect(refused.err).toContain("row 5, date: 2026-09-01 is already in row 4");
    expect(refused.err).not.toContain("row 1,");

    const missing = await run(["import", file("nohead.csv", "day,price\n2026-08-28,1\n")]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("The CSV needs a header row with columns date and close (found: day, price)");

    const good = file("good.csv", "date,close,open,high,low,volume\n2026-08-27,6900.00,,,,\n2026-08-28,\"6,940.10\",6900,6950,6880,300000\n2026-08-31,6700,6930,6935,6690,310000\n");
    const imported = await run(["import", good, "--series", "kospi", "--now", "2026-09-01T00:00:00Z"]);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain("3 rows read.");
    expect(imported.out).toContain("Appended 2 closes:");
    expect(imported.out).toMatch(/2026-08-28 {2}6940\.10 \(\+0\.40%\)/);
    expect(imported.out).toMatch(/2026-08-31 {2}6700\.00 \(-3\.46%\)/);
    expect(imported.out).toContain("Discrepancy 2026-08-27: stored 6912.37, source says 6900 — stored close kept");
    expect(imported.out).toContain("Market event recorded: kospi-move-2026-08-31");

    const again = await run(["import", good]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("Nothing new appended.");

    const unknown = await run(["import", good, "--series", "nikkei"]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Series "nikkei"/);

    const fetched = await run(["fetch", "--now", "2026-09-03T07:05:00Z"]);
    expect(fetched.code, fetched.err).toBe(0);
    expect(yahoo.requests).toHaveLength(1);
    expect(fetched.out).toContain("Asked Yahoo Finance for 2026-08-24..2026-09-03: 2 final bars.");
    expect(fetched.out).toContain("Appended 2 closes:");
    expect(fetched.out).toMatch(/2026-09-02 {2}7050\.50 \(\+5\.23%\)/);

    const current = await run(["fetch", "--now", "2026-09-03T08:00:00Z"]);
    expect(current.out).toContain("Up to date");
    expect(yahoo.requests).toHaveLength(1);

    yahoo.respond = (_q, res) => (res.writeHead(502), res.end("Bad Gateway"));
    const failed = await run(["fetch", "--now", "2026-09-04T07:05:00Z"]);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain("Market data from Yahoo Finance: the server answered HTTP 502 (Bad Gateway)\nNothing was written.");

    const status = await run(["status"]);
    expect(status.code, status.err).toBe(0);
    expect(status.out).toContain(`Provider: Yahoo Finance (${yahoo.url}), symbol ^KS11, move events from ±3%`);
    expect(status.out).toContain("Last close: 2026-09-03 7060.00");

    const usage = await run(["fetch", "--from", "yesterday"]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--from "yesterday" is not a date YYYY-MM-DD.');
  });
});
