// The process's configuration, read from the validated environment (env.js) once and kept for the process: the
// public URL, the alert machinery (link-signing secret, SMTP mailer, worker name), the fetch policy for news and
// market data, and the market-data provider. It reaches procedures through the tRPC context (`ctx.config`), jobs
// through their context and scripts as a value; services never read the environment themselves.
import { hostname } from "node:os";
import type { Mailer } from "@/server/alerts/mailer";
import { createSmtpMailer } from "@/server/alerts/mailer";
import { resolveAuthSecret } from "@/server/users/auth/secret";
import { MAX_ARTICLE_BYTES } from "@/server/news/constants";
import { FETCH_TIMEOUT_MS, MAX_REDIRECTS } from "./constants";
import { env, type Env } from "./env.js";

export type AlertsConfig = {
  /** The dashboard's public URL (links in emails). */
  publicUrl: string;
  /** Signs unsubscribe / manage / confirm links. */
  secret: string;
  /** Null when SMTP_URL is not set: mail is held in the outbox. */
  mailer: Mailer | null;
  from: string;
  /** Names this process in leases (host:pid). */
  workerId: string;
  /** How contact points (Slack, Teams, webhooks) are reached: the SSRF guard's policy; public addresses only by default. */
  fetch?: FetchPolicy;
};

/** Contact points: a short deadline (a chat webhook answers at once), small answers, no redirects. */
export const CHANNEL_TIMEOUT_MS = 10_000;
export function channelPolicy(config: Pick<AlertsConfig, "fetch">): FetchPolicy {
  return config.fetch ?? { allowPrivate: [], maxBytes: 64 * 1024, timeoutMs: CHANNEL_TIMEOUT_MS, maxRedirects: 0 };
}

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

/** What reaches out of the process for news and market data. */
export type IngestConfig = { fetch: FetchPolicy; market: MarketConfig };

export type AppConfig = { alerts: AlertsConfig; ingest: IngestConfig };

export function publicUrlFromEnv(): string {
  return publicUrlFrom(env, process.env.PORT);
}

/** The public URL an environment gives (`port`: PORT, for the localhost default). */
export function publicUrlFrom(source: Env, port: string | undefined): string {
  return source.PUBLIC_URL ?? source.BETTER_AUTH_URL ?? `http://localhost:${port ?? 3000}`;
}

export function parseAllowList(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

const KEY = Symbol.for("tradewatch.alertsConfig");
type Holder = { [KEY]?: AlertsConfig };

/** Made once per process (the SMTP pool and the secret are shared by every request and job). */
export function alertsConfigFromEnv(): AlertsConfig {
  const holder = globalThis as Holder;
  holder[KEY] ??= alertsConfigFrom(env, process.env.PORT);
  return holder[KEY];
}

/** A new alerts configuration for an environment (a command-line run makes its own and closes its mailer). */
export function alertsConfigFrom(source: Env, port: string | undefined): AlertsConfig {
  const from = source.MAIL_FROM;
  return {
    publicUrl: publicUrlFrom(source, port),
    secret: resolveAuthSecret({
      envSecret: source.BETTER_AUTH_SECRET,
      kind: source.DATABASE_URL ? "postgres" : "pglite",
      dataDir: source.DATA_DIR,
      production: source.NODE_ENV === "production",
    }),
    mailer: source.SMTP_URL ? createSmtpMailer(source.SMTP_URL, { from }) : null,
    from,
    workerId: `${hostname()}:${process.pid}`,
    fetch: { allowPrivate: parseAllowList(source.FETCH_ALLOW_PRIVATE), maxBytes: 64 * 1024, timeoutMs: CHANNEL_TIMEOUT_MS, maxRedirects: 0 },
  };
}

export function ingestConfigFromEnv(): IngestConfig {
  return ingestConfigFrom(env);
}

export function ingestConfigFrom(source: Env): IngestConfig {
  return {
    fetch: {
      allowPrivate: parseAllowList(source.FETCH_ALLOW_PRIVATE),
      maxBytes: MAX_ARTICLE_BYTES,
      timeoutMs: FETCH_TIMEOUT_MS,
      maxRedirects: MAX_REDIRECTS,
    },
    market: { provider: source.MARKET_PROVIDER, baseUrl: source.MARKET_PROVIDER_URL, moveEventPct: source.MARKET_MOVE_EVENT_PCT },
  };
}

const APP_KEY = Symbol.for("tradewatch.appConfig");

/**
 * The whole configuration, one object per process. Each part is made when first read: a request that needs no alert
 * configuration never resolves the link-signing secret or opens an SMTP pool.
 */
export function appConfigFromEnv(): AppConfig {
  const holder = globalThis as { [APP_KEY]?: AppConfig };
  let ingest: IngestConfig | undefined;
  return (holder[APP_KEY] ??= {
    get alerts() {
      return alertsConfigFromEnv();
    },
    get ingest() {
      return (ingest ??= ingestConfigFromEnv());
    },
  });
}
