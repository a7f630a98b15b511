// Where daily index closes come from: a provider answers bars for a symbol and a date range; every answer is checked
// here before anything is written, so a provider answering garbage (HTML, the wrong JSON, NaN, negative prices) is a
// MarketDataError naming the provider and what was wrong — never a partial write.
import { z } from "zod";
import { isIsoDate } from "@/server/core/time";

/**
 * One trading day's bar; `date` is the trading day in the exchange's zone. Only the close is required (providers
 * sometimes leave an index's open/high/low empty); whatever is there is a positive number.
 */
export type DailyBar = { date: string; open: number | null; high: number | null; low: number | null; close: number; volume: number | null };

export interface MarketDataProvider {
  name: string;
  /** Bars for trading days from..to (YYYY-MM-DD, inclusive, exchange zone), sorted by date. */
  dailyCloses(symbol: string, from: string, to: string): Promise<DailyBar[]>;
}

export class MarketDataError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Market data from ${provider}: ${message}`, options);
    this.name = "MarketDataError";
  }
}

const price = z.number({ error: "must be a number" }).positive("must be greater than 0").lt(1e10, "is too large");

export const dailyBarSchema = z
  .object({
    date: z.string().refine(isIsoDate, "must be a calendar date YYYY-MM-DD"),
    open: price.nullable(),
    high: price.nullable(),
    low: price.nullable(),
    close: price,
    volume: z.number({ error: "must be a number" }).int("must be a whole number").nonnegative("must not be negative").nullable(),
  })
  .refine((b) => b.high === null || b.low === null || b.high >= b.low, { path: ["high"], message: "must not be below low" });

/**
 * The bars a provider answered, checked one by one: all valid (sorted, one per date) or a MarketDataError listing
 * the first problems. An empty answer is an error too — a provider asked for a range with trading days that answers
 * nothing is broken; callers ask only when a new trading day may exist.
 */
export function checkBars(provider: string, bars: unknown[], options: { allowEmpty?: boolean } = {}): DailyBar[] {
  if (bars.length === 0 && !options.allowEmpty) throw new MarketDataError(provider, "the answer held no bars");
  const problems: string[] = [];
  const out: DailyBar[] = [];
  const seen = new Set<string>();
  bars.forEach((raw, i) => {
    const parsed = dailyBarSchema.safeParse(raw);
    if (!parsed.success) {
      const date = (raw as { date?: unknown } | null)?.date;
      const where = typeof date === "string" ? date : `bar ${i + 1}`;
      problems.push(`${where}: ${parsed.error.issues.map((e) => `${e.path.join(".") || "bar"} ${e.message}`).join(", ")}`);
      return;
    }
    if (seen.has(parsed.data.date)) {
      problems.push(`${parsed.data.date}: appears twice`);
      return;
    }
    seen.add(parsed.data.date);
    out.push(parsed.data);
  });
  if (problems.length) {
    const shown = problems.slice(0, 5).join("; ");
    throw new MarketDataError(provider, `invalid bars (${problems.length}): ${shown}${problems.length > 5 ? "; …" : ""}`);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
