// SMTP delivery behind a small adapter: the outbox worker hands over one rendered email and gets back whether it went,
// and if not, whether trying again can help. Delivery failures are results, never exceptions.
import nodemailer from "nodemailer";
import { RETRY_BASE_SECONDS } from "./constants";

export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** An iCalendar document, attached as deadline.ics (text/calendar; method=PUBLISH). */
  ics?: string | null;
  /** The outbox's Message-ID ("<…@…>"): a retry after a crash sends the same one, so receivers can drop the copy. */
  messageId: string;
  /** E.g. List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>;
};

export type SendResult =
  | { ok: true; response: string }
  | {
      ok: false;
      /** The server refused this message for good (retrying would get the same answer). */
      permanent: boolean;
      error: string;
      /** The SMTP reply code, when the server answered. */
      code?: number;
    };

export type Mailer = {
  send(msg: OutgoingEmail): Promise<SendResult>;
  /** Closes pooled connections; the mailer cannot send afterwards. */
  close(): Promise<void>;
};

/** How to reach the SMTP server, from SMTP_URL. */
export type SmtpConfig = {
  host: string;
  port: number;
  /** smtps://: TLS from the first byte (usually port 465). */
  secure: boolean;
  /** smtp:// with ?starttls=required: refuse to send unless the server upgrades with STARTTLS. */
  requireTLS: boolean;
  /** smtp:// with ?starttls=never: do not upgrade even when offered (a local relay without a certificate). */
  ignoreTLS: boolean;
  auth: { user: string; pass: string } | null;
};

/** SMTP_URL could not be used; the message says what was wrong and how to write it. */
export class SmtpUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SmtpUrlError";
  }
}

const STARTTLS_MODES = ["required", "opportunistic", "never"] as const;
const EXAMPLE = "e.g. smtp://user:password@mail.example.org:587?starttls=required or smtps://user:password@mail.example.org:465";

/**
 * Reads an SMTP URL: `smtp://[user[:password]@]host[:port][?starttls=required|opportunistic|never]` (default port
 * 587, STARTTLS used when offered) or `smtps://[user[:password]@]host[:port]` (implicit TLS, default port 465).
 * User and password are percent-decoded. Anything else throws `SmtpUrlError` naming the problem — the password is
 * never repeated in the message.
 */
export function parseSmtpUrl(url: string): SmtpConfig {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new SmtpUrlError(`SMTP_URL is not a URL; ${EXAMPLE}`);
  }
  const scheme = u.protocol.slice(0, -1);
  if (scheme !== "smtp" && scheme !== "smtps") {
    throw new SmtpUrlError(`SMTP_URL must start with smtp:// or smtps://, not ${scheme}://; ${EXAMPLE}`);
  }
  if (!u.hostname) throw new SmtpUrlError(`SMTP_URL has no host name; ${EXAMPLE}`);
  if (u.pathname !== "" && u.pathname !== "/") throw new SmtpUrlError(`SMTP_URL must not have a path (${u.pathname}); ${EXAMPLE}`);
  if (u.hash) throw new SmtpUrlError(`SMTP_URL must not have a #fragment; ${EXAMPLE}`);

  const secure = scheme === "smtps";
  let starttls: (typeof STARTTLS_MODES)[number] = "opportunistic";
  for (const [key, value] of u.searchParams) {
    if (key !== "starttls") throw new SmtpUrlError(`SMTP_URL has an unknown option "${key}"; the only option is starttls`);
    if (secure) throw new SmtpUrlError("SMTP_URL: starttls applies to smtp:// only; smtps:// is TLS from the start");
    if (!(STARTTLS_MODES as readonly string[]).includes(value)) {
      throw new SmtpUrlError(`SMTP_URL: starttls must be ${STARTTLS_MODES.join(", ")}, not "${value}"`);
    }
    starttls = value as (typeof STARTTLS_MODES)[number];
  }

  const port = u.port ? Number(u.port) : secure ? 465 : 587;
  let auth: SmtpConfig["auth"] = null;
  if (u.username || u.password) {
    try {
      auth = { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) };
    } catch {
      throw new SmtpUrlError("SMTP_URL: the user or password is not properly percent-encoded");
    }
    if (!auth.user) throw new SmtpUrlError("SMTP_URL has a password but no user name");
  }
  return {
    // IPv6 literals come back in brackets from URL; the socket wants the bare address.
    host: u.hostname.replace(/^\[(.*)\]$/, "$1"),
    port,
    secure,
    requireTLS: starttls === "required",
    ignoreTLS: starttls === "never",
    auth,
  };
}

/** Waits before the next delivery attempt grow from RETRY_BASE_SECONDS, doubling, up to this. */
export const MAX_BACKOFF_SECONDS = 3600;

/**
 * Seconds to wait after the `attempt`-th failed delivery (1-based: the first failure waits RETRY_BASE_SECONDS, then
 * 2×, 4×, … capped at MAX_BACKOFF_SECONDS). Attempt 0 is treated as 1. Pure, no jitter: the outbox's next_attempt_at
 * spreads retries already, and a fixed table is what the tests and the admin page can state.
 */
export function backoffSeconds(attempt: number): number {
  if (!Number.isSafeInteger(attempt) || attempt < 0) throw new RangeError(`Not an attempt number: ${attempt}`);
  const exponent = Math.max(attempt, 1) - 1;
  // 2^exponent overflows nothing below the cap's exponent; beyond it the cap applies anyway.
  if (exponent >= 31) return MAX_BACKOFF_SECONDS;
  return Math.min(RETRY_BASE_SECONDS * 2 ** exponent, MAX_BACKOFF_SECONDS);
}

/** Connections the pooled mailer keeps open to the SMTP server. */
export const SMTP_POOL_CONNECTIONS = 4;

/** Timeouts (ms): a dead or hung server must not hold a worker's lease. */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

/** Longest error text kept (it is stored in the outbox's last_error and shown to admins). */
const MAX_ERROR_LENGTH = 500;

type SmtpError = Error & { code?: string; responseCode?: number; response?: string; command?: string };

/**
 * Failures of the session rather than of the message: connecting, the greeting, TLS, AUTH. Even with a 5xx reply
 * (a server refusing STARTTLS or our password) they say nothing about the message, and an admin can fix them.
 */
const SESSION_ERRORS = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS", "EREQUIRETLS", "EPROTOCOL", "EAUTH", "ENOAUTH", "EPROXY", "ECONFIG"]);

/**
 * Whether a failed send may succeed later. The server refusing the message or a recipient with a 5xx reply (at MAIL
 * FROM, RCPT TO or DATA) is permanent; everything else is transient: 4xx replies, connection refused/reset, timeouts,
 * DNS, and session-level refusals (TLS, AUTH — see SESSION_ERRORS). 503 (bad sequence of commands) is a session
 * problem too, not the message's.
 */
export function classifySmtpError(error: unknown): { permanent: boolean; error: string; code?: number } {
  const e = (error instanceof Error ? error : new Error(String(error))) as SmtpError;
  const code = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const permanent = code !== undefined && code >= 500 && code !== 503 && !SESSION_ERRORS.has(e.code ?? "");
  const detail = [e.code, e.command && `during ${e.command}`].filter(Boolean).join(" ");
  const text = (e.response ?? e.message).replace(/\s+/g, " ").trim();
  const message = detail ? `${text} (${detail})` : text;
  return {
    permanent,
    error: message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message,
    ...(code !== undefined && { code }),
  };
}

/**
 * A pooled SMTP mailer for `url` (see `parseSmtpUrl`; throws `SmtpUrlError` on a bad one). `from` is used when a
 * message has no From of its own; `timeouts` override SMTP_TIMEOUTS (tests).
 */
export function createSmtpMailer(
  url: string,
  { from, timeouts = SMTP_TIMEOUTS }: { from: string; timeouts?: Partial<Record<keyof typeof SMTP_TIMEOUTS, number>> },
): Mailer {
  const config = parseSmtpUrl(url);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: SMTP_POOL_CONNECTIONS,
    maxMessages: 100,
    // Never resend a message on another connection by itself: the outbox retries, with backoff and a record.
    maxRequeues: 0,
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: config.requireTLS,
    ignoreTLS: config.ignoreTLS,
    ...(config.auth && { auth: config.auth }),
    ...SMTP_TIMEOUTS,
    ...timeouts,
  });
  let closed = false;

  return {
    async send(msg) {
      if (closed) return { ok: false, permanent: false, error: "The mailer is closed" };
      try {
        const info = await transport.sendMail({
          from: msg.from || from,
          to: msg.to,
          subject: msg.subject,
          text: msg.text,
          html: msg.html,
          messageId: msg.messageId,
          headers: msg.headers ?? {},
          attachments: msg.ics
            ? [
                {
                  filename: "deadline.ics",
                  content: msg.ics,
                  contentType: "text/calendar; charset=utf-8; method=PUBLISH",
                },
              ]
            : [],
        });
        return { ok: true, response: String(info.response ?? "") };
      } catch (error) {
        return { ok: false, ...classifySmtpError(error) };
      }
    },
    async close() {
      closed = true;
      transport.close();
    },
  };
}
