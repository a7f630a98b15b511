// `npm run extract`: FACTS.md JSON on stdout for good files; an empty, binary, non-UTF-8 or missing file is named on
// stderr with its reason, listed with "error" and no facts, the other files are still processed, and the exit code
// is 1. The command runs in-process (scripts/commands/extract.ts); the first case runs as `npm run extract` does.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "@/scripts/commands/extract";
import { MAX_ARTICLE_BYTES } from "@/server/news/constants";
import { runInProcess, runSpawned, type CliResult } from "@/tests/helpers/cli";

let dir: string;

/** `npm run extract -- …args`, in-process or (`spawned`) in a child process. */
function run(args: string[], how: "in-process" | "spawned" = "in-process"): Promise<CliResult> {
  return how === "spawned" ? runSpawned("scripts/extract.ts", args) : runInProcess(main, args);
}

const ARTICLE = [
  "Seoul weighs response to new US duties",
  "Published: July 8, 2025",
  "Washington will impose a 25% tariff on Korean cars from Aug. 1, officials said on Monday.",
  "The benchmark KOSPI fell 1.5% on Tuesday as investors weighed the news.",
  "The government will set aside 2 trillion won in emergency support for parts suppliers.",
].join("\n");

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "tw-extract-cli-"));
  writeFileSync(path.join(dir, "good.txt"), ARTICLE);
  writeFileSync(path.join(dir, "page.html"), `<html><head><title>x</title><script>var a = "50% tariff";</script></head><body><article><p>Korea faces a 15% tariff on steel.</p></article></body></html>`);
  writeFileSync(path.join(dir, "dated.html"), `<html><head><meta property="article:published_time" content="2025-07-29T08:00:00+09:00"></head><body><article><h1>Market wrap</h1><p>The KOSPI rose 1.1% on Monday as exporters rallied on hopes for a tariff deal with Washington.</p></article></body></html>`);
  writeFileSync(path.join(dir, "notes.md"), "# Duties\n\n- The **25%** tariff on *Korean cars* takes effect on 2025-08-01.\n");
  writeFileSync(path.join(dir, "empty.txt"), "");
  writeFileSync(path.join(dir, "huge.txt"), Buffer.alloc(MAX_ARTICLE_BYTES + 1, "a"));
  writeFileSync(path.join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  writeFileSync(path.join(dir, "latin1.txt"), Buffer.from("Tarif de 25\u00a0% sur les v\u00e9hicules cor\u00e9ens", "latin1"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run extract", () => {
  it("prints FACTS.md JSON for a good file and exits 0", async () => {
    const r = await run([path.join(dir, "good.txt")], "spawned");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { files: { file: string; date?: string; facts: Record<string, unknown>[] }[] };
    expect(json.files).toHaveLength(1);
    const [f] = json.files;
    expect(f!.file).toBe("good.txt");
    expect(f!.date).toBe("2025-07-08");
    expect(f!.facts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "tariff_rate", sector: "autos", ratePct: 25, country: "KR", effective: "2025-08-01" }),
        expect.objectContaining({ kind: "market_move", index: "KOSPI", changePct: -1.5, date: "2025-07-08" }),
        expect.objectContaining({ kind: "budget", amount: 2e12, currency: "KRW" }),
      ]),
    );
    for (const fact of f!.facts) {
      const ev = fact.evidence as { start: number; end: number; text: string };
      expect(ARTICLE.slice(ev.start, ev.end)).toBe(ev.text);
    }
  });

  it("--published overrides the date stamp; .html is reduced to text", async () => {
    const r = await run(["--published", "2025-07-10", path.join(dir, "page.html")]);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { files: { file: string; date?: string; facts: Record<string, unknown>[] }[] };
    expect(json.files[0]!.date).toBe("2025-07-10");
    expect(json.files[0]!.facts.map((x) => [x.kind, x.sector, x.ratePct])).toEqual([["tariff_rate", "steel", 15]]);
  });

  it("an HTML page's own date resolves weekdays; markdown is stripped", async () => {
    const r = await run([path.join(dir, "dated.html"), path.join(dir, "notes.md")]);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { files: { file: string; date?: string; facts: Record<string, unknown>[] }[] };
    expect(json.files[0]!.date).toBe("2025-07-29");
    expect(json.files[0]!.facts).toEqual([expect.objectContaining({ kind: "market_move", changePct: 1.1, date: "2025-07-28" })]);
    expect(json.files[1]!.facts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "tariff_rate", sector: "autos", ratePct: 25, effective: "2025-08-01" }),
        expect.objectContaining({ kind: "deadline", date: "2025-08-01" }),
      ]),
    );
  });

  it("names each bad file and its reason, keeps going, exits 1", async () => {
    const files = ["empty.txt", "binary.txt", "good.txt", "latin1.txt", "missing.txt", "huge.txt"].map((f) => path.join(dir, f));
    const r = await run(files);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { files: { file: string; error?: string; facts: unknown[] }[] };
    expect(json.files.map((f) => [f.file, f.error ?? null])).toEqual([
      ["empty.txt", "empty file"],
      ["binary.txt", "binary file (contains NUL bytes)"],
      ["good.txt", null],
      ["latin1.txt", "not valid UTF-8 text"],
      ["missing.txt", "file not found"],
      ["huge.txt", `too large (${MAX_ARTICLE_BYTES + 1} bytes; the limit is ${MAX_ARTICLE_BYTES})`],
    ]);
    expect(json.files.filter((f) => f.error).every((f) => f.facts.length === 0)).toBe(true);
    expect(json.files[2]!.facts.length).toBeGreaterThan(0);
    expect(r.err).toContain(`${path.join(dir, "empty.txt")}: empty file`);
    expect(r.err).toContain(`${path.join(dir, "binary.txt")}: binary file`);
    expect(r.err).toContain(`${path.join(dir, "latin1.txt")}: not valid UTF-8 text`);
    expect(r.err).toContain(`${path.join(dir, "missing.txt")}: file not found`);
  });

  it("refuses a bad --published and a call without files (exit 2)", async () => {
    const bad = await run(["--published", "08/07/2025", path.join(dir, "good.txt")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--published: expected a date as YYYY-MM-DD");
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("usage: npm run extract");
  });

  it("--score prints P/R/F1 per kind and the matched facts' field agreement; --explain names each miss and disagreement", async () => {
    const gold = {
      "good.txt": [
        { kind: "tariff_rate", sector: "autos", ratePct: 25, country: "KR", status: "announced", effective: "2025-08-01" },
        { kind: "market_move", index: "KOSPI", changePct: -1.5, level: null, date: "2025-07-07" },
        { kind: "budget", amount: 2e12, currency: "KRW", purpose: "parts suppliers" },
        { kind: "deadline", date: "2025-09-30", what: "not in the text" },
      ],
    };
    writeFileSync(path.join(dir, "gold.json"), JSON.stringify(gold));
    const r = await run(["--score", path.join(dir, "gold.json"), "--explain", path.join(dir, "good.txt"), path.join(dir, "notes.md")]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^market_move +tp=1 fp=0 fn=0/m);
    expect(r.out).toMatch(/^deadline +tp=\d+ fp=\d+ fn=1/m);
    expect(r.out).toMatch(/extraction: P=\d\.\d\d R=0\.75 F1=/);
    expect(r.out).toMatch(/tariff\.status +1\.00 \(1\/1\)/);
    expect(r.out).toMatch(/market\.date +0\.00 \(0\/1\)/); // the gold says Monday; the article says Tuesday
    expect(r.out).toMatch(/budget\.purpose +1\.00 \(1\/1\)/);
    expect(r.out).toContain("no gold for 1 file(s), not scored: notes.md");
    expect(r.out).toContain('MISS good.txt: {"kind":"deadline","date":"2025-09-30"}');
    expect(r.out).toMatch(/FIELD good\.txt: market\.date: got .*"date":"2025-07-08".* want .*"date":"2025-07-07"/);
  });

  it("--score refuses a missing or malformed gold file, and --explain without --score (exit 2)", async () => {
    writeFileSync(path.join(dir, "bad-gold.json"), JSON.stringify({ "good.txt": [{ sector: "autos" }] }));
    const missing = await run(["--score", path.join(dir, "nope.json"), path.join(dir, "good.txt")]);
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining("nope.json: file not found")]);
    const malformed = await run(["--score", path.join(dir, "bad-gold.json"), path.join(dir, "good.txt")]);
    expect([malformed.code, malformed.err]).toEqual([2, expect.stringContaining('expected { "<file name>": [ { "kind": … }')]);
    const alone = await run(["--explain", path.join(dir, "good.txt")]);
    expect([alone.code, alone.err]).toEqual([2, expect.stringContaining("--explain needs --score")]);
  });
});
