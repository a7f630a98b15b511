// The news section of `npm run bench` (BENCH_ONLY=news): extraction throughput over every fixture set, the blind set's
// figures (issue 15) and one poll of a 1,000-item feed; prints them and checks the targets.
import { kindF1 } from "@/server/news/extract/score";
import { benchExtraction, blindRows, scoreBlindSet } from "./extract";
import { benchFeedIngest } from "./feeds";
import { heading, table } from "./lib";
import { check } from "./report";

export async function benchNewsSection(section: <T>(name: string, fn: () => Promise<T>) => Promise<T>) {
  heading("News: fact extraction throughput, and one poll of a 1,000-item feed");
  const x = await section("extract", () => benchExtraction());
  const blind = scoreBlindSet();
  const f = await section("feed", () => benchFeedIngest());
  console.log(
    table(
      ["measure", "value"],
      [
        ["articles extracted (seeds + own + fixture sets, repeated)", `${x.articles} in ${x.seconds.toFixed(2)} s`],
        ["extraction throughput", `${Math.round(x.articlesPerSecond)} articles/s`],
        ["facts per article", x.factsPerArticle.toFixed(1)],
        ...blindRows(blind),
        ["feed items polled (each page fetched, read, extracted, stored)", `${f.items} in ${f.seconds.toFixed(2)} s`],
        ["feed ingest throughput", `${f.itemsPerSecond.toFixed(1)} items/s`],
        ["articles stored", f.articles],
        ["process RSS before → after", `${f.rssMbBefore} MB → ${f.rssMbAfter} MB`],
      ],
    ),
  );
  check("6.extract", "extraction throughput (no fixed target)", `${Math.round(x.articlesPerSecond)} articles/s`, null);
  const perKind = Object.values(blind.all.stats).filter((k) => k.tp + k.fn >= 5).every((k) => kindF1(k) >= 0.9);
  check("15.blind", "blind set: F1 ≥ 0.9 overall and per kind (≥ 5 gold facts)", `F1 ${blind.all.f1.toFixed(2)}`, blind.all.f1 >= 0.9 && perKind);
  check("6.feed", `${f.items}-item feed ingested in one poll (no fixed target)`, `${f.seconds.toFixed(1)} s (${f.itemsPerSecond.toFixed(0)} items/s), ${f.articles} articles`, f.articles === f.items);
  return { extraction: x, feed: f, blind: { f1: blind.all.f1, precision: blind.all.precision, recall: blind.all.recall, english: blind.english.f1, korean: blind.korean.f1, stats: blind.all.stats, fields: blind.all.fields } };
}

