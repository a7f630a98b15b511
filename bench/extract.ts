// Extraction throughput: extractFacts over the five seed articles (a copy of ../shared/corpus/seeds in tests/fixtures/seeds), a few articles written
// for the benchmark (English and Korean) and every fixture article (tests/fixtures/extract, extract-dev, extract-blind),
// repeated until at least MIN_SECONDS have passed. Quality: the blind set (tests/fixtures/extract-blind, whose README
// keeps the protocol) scored with the project's scorer — overall, per kind, per field, English and Korean apart.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractFacts } from "@/server/news/extract";
import { seededTracked } from "@/server/news/ingest/tracked";
import { formatScore, kindF1, reliability, scoreFacts, type GoldFact, type PredictedFact, type Score } from "@/server/news/extract/score";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SEEDS = path.resolve(ROOT, "tests", "fixtures", "seeds"); // a copy of ../shared/corpus/seeds
const FIXTURE_SETS = ["extract", "extract-dev", "extract-blind"].map((d) => path.resolve(ROOT, "tests", "fixtures", d));
const BLIND = path.resolve(ROOT, "tests", "fixtures", "extract-blind");
const MIN_SECONDS = 2;

const OWN: { text: string; publishedOn: string | null }[] = [
  {
    publishedOn: "2025-07-08",
    text: [
      "Seoul scrambles as US duties loom",
      "Washington will impose a 25% tariff on Korean goods from Aug. 1, the White House said on Monday, after a 90-day pause on reciprocal tariffs expires on July 9.",
      "Levies of 50 per cent on steel and aluminium and 25% on imported cars are already in place.",
      "The benchmark KOSPI fell 1.4% to 3,059.47 on Tuesday, while the won weakened 0.6% against the dollar.",
      "The finance ministry said it would prepare a 2 trillion won emergency support package for parts suppliers, and cut the individual consumption tax on cars from 5% to 3.5% until Dec. 31.",
      "Korea's trade surplus with the US hit a record $55.6 billion in 2024, and Seoul has offered to invest $100 billion in US shipbuilding.",
    ].join("\n"),
  },
  {
    publishedOn: "2025-07-31",
    text: [
      "한미 관세 협상 타결",
      "미국은 8월 1일부터 한국산 제품에 부과할 예정이던 25%의 상호관세를 15%로 낮추기로 했다.",
      "자동차 관세도 25%에서 15%로 인하된다.",
      "코스피는 전 거래일보다 0.8% 오른 3,254.47로 마감했다.",
      "정부는 3500억 달러 규모의 대미 투자를 약속했으며, 수출 기업을 위해 10조원 규모의 추경 예산을 편성하기로 했다.",
      "지난해 대미 무역흑자는 556억 달러였다.",
    ].join("\n"),
  },
];

export async function benchExtraction(): Promise<{ articles: number; seconds: number; articlesPerSecond: number; factsPerArticle: number }> {
  const corpus = [...OWN];
  for (const dir of [SEEDS, ...FIXTURE_SETS])
    if (existsSync(dir))
      for (const f of readdirSync(dir).filter((n) => n.endsWith(".txt")).sort())
        corpus.push({ text: readFileSync(path.join(dir, f), "utf8"), publishedOn: null });
  for (const a of corpus) extractFacts(a.text, { publishedOn: a.publishedOn, ...seededTracked() }); // warm-up
  let articles = 0;
  let facts = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_SECONDS * 1000) {
    for (const a of corpus) {
      facts += extractFacts(a.text, { publishedOn: a.publishedOn, ...seededTracked() }).length;
      articles++;
    }
    elapsed = performance.now() - started;
  }
  const seconds = elapsed / 1000;
  return { articles, seconds, articlesPerSecond: articles / seconds, factsPerArticle: facts / articles };
}

export interface BlindScore {
  articles: number;
  all: Score;
  english: Score;
  korean: Score;
}

/** The blind set scored as `npm run extract -- --score` does (Korean: files named *_ko_* that are Korean text). */
export function scoreBlindSet(): BlindScore {
  const gold = JSON.parse(readFileSync(path.join(BLIND, "gold.json"), "utf8")) as Record<string, GoldFact[]>;
  const predicted: Record<string, PredictedFact[]> = {};
  const korean = new Set<string>();
  for (const file of Object.keys(gold)) {
    const text = readFileSync(path.join(BLIND, file), "utf8");
    if ((text.match(/[가-힣]/g)?.length ?? 0) > text.length / 10) korean.add(file);
    predicted[file] = extractFacts(text, { publishedOn: null, ...seededTracked() }) as unknown as PredictedFact[];
  }
  const part = (keep: (f: string) => boolean) => scoreFacts(Object.fromEntries(Object.entries(gold).filter(([f]) => keep(f))), predicted);
  return { articles: Object.keys(gold).length, all: part(() => true), english: part((f) => !korean.has(f)), korean: part((f) => korean.has(f)) };
}

/** The blind figures as table rows: overall, per kind with at least 5 gold facts, each field, English and Korean. */
export function blindRows(b: BlindScore): [string, string][] {
  const f = (s: Score) => `F1 ${s.f1.toFixed(2)} (P ${s.precision.toFixed(2)}, R ${s.recall.toFixed(2)}; gold ${s.tp + s.fn})`;
  const rows: [string, string][] = [[`blind set (${b.articles} articles): overall`, f(b.all)], ["  English", f(b.english)], ["  Korean", f(b.korean)]];
  for (const [kind, k] of Object.entries(b.all.stats).sort(([x], [y]) => x.localeCompare(y)))
    if (k.tp + k.fn >= 5) rows.push([`  ${kind}`, `F1 ${kindF1(k).toFixed(2)} (tp ${k.tp}, fp ${k.fp}, fn ${k.fn})`]);
  const rel = reliability(b.all);
  rows.push(["  confidence: calibration error (ECE; table measured on this set)", `facts ${rel.facts.ece.toFixed(3)} (n ${rel.facts.n}), fields ${rel.fields.ece.toFixed(3)} (n ${rel.fields.n})`]);
  for (const [field, v] of Object.entries(b.all.fields))
    if (v.total > 0) rows.push([`  field ${field}`, `${(v.agree / v.total).toFixed(2)} (${v.agree}/${v.total})`]);
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void benchExtraction().then((r) => console.log(JSON.stringify(r)));
  console.log(formatScore(scoreBlindSet().all));
}
