// The configured market-data provider (MARKET_PROVIDER, MARKET_PROVIDER_URL): a registry of one for now.
import type { MarketConfig } from "@/server/core/config";
import type { MarketDataProvider } from "./provider";
import { createYahooProvider, YAHOO } from "./yahoo";

export function providerFor(config: MarketConfig): MarketDataProvider | null {
  if (config.provider === "none") return null;
  return createYahooProvider({ baseUrl: config.baseUrl });
}

export function providerName(config: MarketConfig): string {
  return config.provider === "none" ? "none" : YAHOO;
}
