// Configuration of everything that reaches out of the process for news and market data, read once from the
// environment at the boundary (jobs, routers); services receive it as a value.
import { FETCH_TIMEOUT_MS, MAX_ARTICLE_BYTES, MAX_REDIRECTS } from "@/server/domain/constants";
import { env } from "@/server/env.js";

export type FetchPolicy = {
  /** Hosts / IPs / CIDR networks allowed although loopback, private or link-local (FETCH_ALLOW_PRIVATE). */
  allowPrivate: string[];
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
};

export type MarketConfig = {
  provider: "yahoo" | "none";
  /** Base URL of the provider's API; undefined = the provider's public default. */
  baseUrl?: string;
  /** A daily move at least this large (percent, either way) is recorded as a market event. */
  moveEventPct: number;
};

export type IngestConfig = { fetch: FetchPolicy; market: MarketConfig };

export function parseAllowList(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function ingestConfigFromEnv(): IngestConfig {
  return {
    fetch: {
      allowPrivate: parseAllowList(env.FETCH_ALLOW_PRIVATE),
      maxBytes: MAX_ARTICLE_BYTES,
      timeoutMs: FETCH_TIMEOUT_MS,
      maxRedirects: MAX_REDIRECTS,
    },
    market: { provider: env.MARKET_PROVIDER, baseUrl: env.MARKET_PROVIDER_URL, moveEventPct: env.MARKET_MOVE_EVENT_PCT },
  };
}
