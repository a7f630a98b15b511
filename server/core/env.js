// One validated view of the environment, read once at start. next.config.js imports this file, so a bad value
// stops `next build` / `next start` with a clear message instead of failing later at the first request.
import { z } from "zod";
import { READ_ACCESS_MODES } from "./read-access.js";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  /** Skip loading the real seed data on first start (used by benchmarks that load their own). */
  SEED: z.enum(["on", "off"]).default("on"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Who may read pages and the REST API: anyone, or signed-in users only. */
  READ_ACCESS: z.enum(READ_ACCESS_MODES).default("public"),
  /** Signs session cookies. Without it the embedded database keeps a generated one in DATA_DIR (see README). */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional(),
  /** The app's public URL (origin checks, Secure cookies behind https). PUBLIC_URL wins over BETTER_AUTH_URL. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  BETTER_AUTH_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  /** Where alert emails go out (server/alerts/mailer.ts parseSmtpUrl). Unset: emails are kept, not sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/?#]/, "must be smtp://[user:password@]host[:port][?starttls=required] or smtps://…")
    .optional(),
  /** The From of alert emails. */
  /**
   * Where the scheduled jobs (jobs/index.ts) run: `auto` = inside the web process on the embedded database, in
   * `npm run worker` processes with DATABASE_URL; `web` = always in the web process too; `off` = nowhere (tests).
   */
  JOBS: z.enum(["auto", "web", "off"]).default("auto"),
  MAIL_FROM: z
    .string()
    .max(320)
    .regex(/^[^\r\n]*@[^\r\n]*$/, "must be an address, e.g. Tradewatch <alerts@example.org>")
    .default("Tradewatch <alerts@localhost>"),
  /**
   * Hosts or networks a server-side fetch (article URLs, feeds, market data) may reach although they are loopback,
   * private or link-local, comma-separated: `localhost`, `127.0.0.1`, `10.0.0.0/8`, `intranet.example`. Unset: none.
   */
  FETCH_ALLOW_PRIVATE: z.string().max(2000).optional(),
  /** Where daily index closes come from: `yahoo` (yahoo-finance2, ^KS11) or `none` (CSV import only). */
  MARKET_PROVIDER: z.enum(["yahoo", "none"]).default("yahoo"),
  /** Base URL of the Yahoo Finance API (tests point it at a local server). */
  MARKET_PROVIDER_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  /** A daily KOSPI move at least this large (percent, either way) is recorded as a market event. */
  MARKET_MOVE_EVENT_PCT: z.coerce.number().positive().max(50).default(2),
});

/** @typedef {z.infer<typeof schema>} Env */

/**
 * An environment, validated (an empty value counts as unset). The app reads process.env once, below; the command-line
 * tools (scripts/commands) take theirs as a value, so tests can run them in-process with an environment of their own.
 * @param {Record<string, string | undefined>} source
 * @returns {Env}
 */
export function parseEnv(source) {
  const raw = { ...source };
  for (const key of Object.keys(raw)) if (raw[key] === "") delete raw[key];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** @type {Env} */
export const env = parseEnv(process.env);
