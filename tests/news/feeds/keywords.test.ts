// keywordMatcher / itemMatches (server/news/feeds/keywords.ts): whole Latin words with plural/possessive endings,
// substrings for Korean, case-insensitive, empty list = everything.
import { describe, expect, it } from "vitest";
import { itemMatches, keywordMatcher } from "@/server/news/feeds/keywords";

const DEFAULT = ["tariff", "KOSPI", "관세"];

const cases: { text: string; keywords?: string[]; want: string | null }[] = [
  { text: "New tariff on steel", want: "tariff" },
  { text: "TARIFF talks resume", want: "tariff" },
  { text: "Tariffs bite exporters", want: "tariff" },
  { text: "The tariff's reach widens", want: "tariff" },
  { text: "The tariff’s reach widens", want: "tariff" },
  { text: "A tariff-free quota for chips", want: "tariff" },
  { text: "Tariffing everything is not a policy", want: null },
  { text: "An antitariff coalition forms", want: null },
  { text: "KOSPI slips 1.2%", want: "KOSPI" },
  { text: "kospi200 futures", want: null },
  { text: "Kospi's worst week", want: "KOSPI" },
  { text: "코스피, 관세율 인상에 급락", want: "관세" },
  { text: "상호관세를 둘러싼 협상", want: "관세" },
  { text: "반도체 수출 증가", want: null },
  { text: "Markets calm; nothing about trade", want: null },
  { text: "A trade\n deal is near", keywords: ["trade deal"], want: "trade deal" },
  { text: "Trade deals are near", keywords: ["trade deal"], want: "trade deal" },
  { text: "Trade dealers gather", keywords: ["trade deal"], want: null },
  { text: "U.S. duties rise", keywords: ["U.S."], want: "U.S." },
  { text: "USA duties rise", keywords: ["U.S."], want: null },
  { text: "anything at all", keywords: [], want: "" },
  { text: "anything at all", keywords: ["  ", ""], want: "" },
];

describe("keywordMatcher", () => {
  it.each(cases)("$text with $keywords → $want", ({ text, keywords = DEFAULT, want }) => {
    expect(keywordMatcher(keywords)(text)).toBe(want);
  });
});

describe("itemMatches", () => {
  it("reads the title and the summary", () => {
    expect(itemMatches(DEFAULT, { title: "Markets today", summary: "Exporters brace for a tariff." })).toBe(true);
    expect(itemMatches(DEFAULT, { title: "관세 협상 타결", summary: null })).toBe(true);
    expect(itemMatches(DEFAULT, { title: "Weather", summary: "Sunny" })).toBe(false);
    expect(itemMatches([], { title: "Weather", summary: null })).toBe(true);
  });
});
