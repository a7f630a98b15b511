// The market-close job: after the KRX close, fetch the KOSPI's daily bars from the configured provider — from a week
// before the last stored day (catch-up after downtime) to today in Seoul — keep those whose close is final, append
// the missing days (known from `now`) and record large moves as market events; the alert planner then sees the new
// closes through their known_at and sends the KOSPI-move notices. Idempotent: a second run appends nothing.
import type { Db } from "@/db/client";
import type { IngestConfig } from "@/server/core/config";
import type { MarketDataProvider } from "./provider";
import { providerFor, providerName } from "./providers";
import { finalBars, KOSPI_SERIES, KOSPI_SYMBOL, planFetch } from "./rules";
import { appendCloses, lastObservation, type AppendedClose, type Discrepancy } from "./store";

export type MarketCloseResult = {
  provider: string;
  status: "disabled" | "up-to-date" | "fetched";
  from?: string;
  to?: string;
  /** Final bars the provider answered for the window. */
  received?: number;
  appended: AppendedClose[];
  discrepancies: Discrepancy[];
  events: string[];
};

export async function runMarketClose(
  db: Db,
  config: IngestConfig,
  now: Date,
  options: { provider?: MarketDataProvider | null; from?: string } = {},
): Promise<MarketCloseResult> {
  const provider = options.provider !== undefined ? options.provider : providerFor(config.market);
  const none = { appended: [], discrepancies: [], events: [] };
  if (!provider) return { provider: providerName(config.market), status: "disabled", ...none };

  const last = await lastObservation(db, KOSPI_SERIES);
  const plan = planFetch(last?.date ?? null, now, options.from);
  if (!plan.fetch) return { provider: provider.name, status: "up-to-date", ...none };

  const bars = finalBars(await provider.dailyCloses(KOSPI_SYMBOL, plan.from, plan.to), now);
  const result = await appendCloses(db, { seriesKey: KOSPI_SERIES, bars, now, moveEventPct: config.market.moveEventPct });
  for (const d of result.discrepancies) {
    console.warn(`[market] ${KOSPI_SERIES} ${d.date}: ${provider.name} says ${d.received}, stored ${d.stored} — kept the stored close`);
  }
  return { provider: provider.name, status: "fetched", from: plan.from, to: plan.to, received: bars.length, ...result };
}
