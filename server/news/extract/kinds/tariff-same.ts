// A tariff figure the article repeats for other goods. Used by ./tariff-candidates.ts.
import type { PercentMatch } from "@/server/news/extract/numbers";
import { clauseAt, slice, type Unit } from "./shared";
import type { TariffCand } from "./tariff-candidates";

// "Key components … will get the same 25% charge starting May 3", "A matching 25% on engines … is scheduled to start",
// "The same 25% extends to major auto parts": a figure the article's tariff is said to be repeated at, for the goods
// the sentence names
const FOREIGN = /\b(?:Japan(?:ese)?|EU|European|China|Chinese|Vietnam(?:ese)?|Taiwan(?:ese)?|British|Britain|UK|Mexic\w+|Canad\w+)\b|일본|유럽|중국|베트남|대만|영국|멕시코|캐나다/;
const SAME_FIGURE = /\b(?:the same|a matching|an identical|a similar|matching|identical)\s+$|같은\s*$|동일한\s*$/i;
export function sameFigure(u: Unit, p: PercentMatch): TariffCand | null {
  if (!u.ctx.tariffs || !SAME_FIGURE.test(slice(u, p.start - 14, p.start))) return null;
  // (the goods of the figure's own clause when it names some: "… on key parts — and the same 15% will cover Korean auto
  // parts"; not another country's: "같은 15%를 적용받는 일본 자동차")
  const clause = clauseAt(u, p.start);
  if (FOREIGN.test(slice(u, clause.start, clause.end))) return null;
  const inClause = u.sectors.filter((x) => x.start >= clause.start && x.end <= clause.end);
  const named = [...new Set((inClause.length ? inClause : u.sectors).map((x) => x.sector))].filter((x) => x !== "all_goods");
  return named.length ? { pct: p, sectors: named, bound: false } : null;
}
