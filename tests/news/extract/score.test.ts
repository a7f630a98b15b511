// The project's scorer (server/news/extract/score.ts): counts true/false positives and misses exactly as the shared
// corpus's score.mjs does (run side by side on the extractor's real output for every fixture set), and on the matched
// facts reports agreement on the fields score.mjs does not check.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractFacts } from "@/server/news/extract";
import { formatScore, scoreFacts, type GoldFact, type PredictedFact } from "@/server/news/extract/score";

const FIXTURES = path.resolve(__dirname, "../../fixtures");
const SETS: [string, string][] = [["seeds", "seeds.gold.json"], ["extract", "gold.json"]];

describe("scoreFacts counts as score.mjs does", () => {
  it.each(SETS)("on %s, the extractor's output gets the same per-kind counts from both", (set, goldFile) => {
    const dir = path.join(FIXTURES, set);
    const gold = JSON.parse(readFileSync(path.join(dir, goldFile), "utf8")) as Record<string, GoldFact[]>;
    const files = readdirSync(dir).filter((f) => f.endsWith(".txt"));
    const predicted = Object.fromEntries(files.map((f) => [f, extractFacts(readFileSync(path.join(dir, f), "utf8"), { publishedOn: null }) as unknown as PredictedFact[]]));
    const tmp = mkdtempSync(path.join(tmpdir(), "tw-score-"));
    try {
      const predFile = path.join(tmp, "pred.json");
      writeFileSync(predFile, JSON.stringify({ files: files.map((file) => ({ file, facts: predicted[file] })) }));
      const theirs = execFileSync(process.execPath, [path.join(FIXTURES, "seeds", "score.mjs"), path.join(dir, goldFile), predFile], { encoding: "utf8" });
      const ours = formatScore(scoreFacts(gold, predicted));
      const counts = (out: string) => out.split("\n").filter((l) => /tp=/.test(l)).map((l) => l.replace(/\s+P=.*$/, "").trim()).sort();
      expect(counts(ours)).toEqual(counts(theirs));
      expect(ours).toContain(theirs.trim().split("\n").at(-1)!);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

const tariff = (over: Record<string, unknown>) => ({ kind: "tariff_rate", sector: "autos", ratePct: 25, country: "KR", status: "in_effect", effective: null, ...over });

describe("field agreement on matched facts", () => {
  it("pairs a gold fact with the prediction agreeing on most fields, and counts each field", () => {
    const gold = { "a.txt": [tariff({}), { kind: "market_move", index: "KOSPI", changePct: -1.2, level: null, date: "2025-07-08" }, { kind: "budget", amount: 1e12, currency: "KRW", purpose: "exporters" }] };
    const predicted = {
      "a.txt": [
        tariff({ status: "announced", country: "ALL" }),
        tariff({}), // restates the same fact, agreeing on everything: this is the one paired
        { kind: "market_move", index: "KOSPI", changePct: -1.21, level: null, date: null },
        { kind: "budget", amount: 1e12, currency: "KRW", purpose: "" },
        tariff({ sector: "steel", ratePct: 50 }),
      ],
    };
    const s = scoreFacts(gold, predicted);
    expect([s.tp, s.fp, s.fn]).toEqual([3, 1, 0]);
    expect(s.fields["tariff.status"]).toEqual({ agree: 1, total: 1 });
    expect(s.fields["tariff.country"]).toEqual({ agree: 1, total: 1 });
    expect(s.fields["tariff.effective"]).toEqual({ agree: 1, total: 1 });
    expect(s.fields["market.date"]).toEqual({ agree: 0, total: 1 });
    expect(s.fields["budget.purpose"]).toEqual({ agree: 0, total: 1 });
    expect(s.outcomes.filter((o) => o.restates)).toHaveLength(1);
    expect(s.outcomes.find((o) => o.gold === null)?.fact).toMatchObject({ sector: "steel" });
  });

  it("a gold file with no prediction counts its facts as missed; an effective date of null agrees only with null", () => {
    const s = scoreFacts({ "a.txt": [tariff({ effective: "2025-08-01" })], "b.txt": [tariff({})] }, { "a.txt": [tariff({})] });
    expect([s.tp, s.fn]).toEqual([1, 1]);
    expect(s.missed).toEqual([{ file: "b.txt", gold: tariff({}) }]);
    expect(s.fields["tariff.effective"]).toEqual({ agree: 0, total: 1 });
  });
});
