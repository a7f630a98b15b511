// The alert machinery's configuration from the environment, made once per process: the public URL for links, the
// link-signing secret (the same one that signs sessions: BETTER_AUTH_SECRET, or the one kept in DATA_DIR), the SMTP
// mailer when SMTP_URL is set (else mail is held in the outbox), and this process's name for delivery leases.
import { hostname } from "node:os";
import { resolveAuthSecret } from "@/server/auth/secret";
import { env } from "@/server/env.js";
import type { AlertsConfig } from "./deliver";
import { createSmtpMailer } from "./mailer";

const KEY = Symbol.for("tradewatch.alertsConfig");
type Holder = { [KEY]?: AlertsConfig };

export function publicUrlFromEnv(): string {
  return env.PUBLIC_URL ?? env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

export function alertsConfigFromEnv(): AlertsConfig {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const from = env.MAIL_FROM;
    holder[KEY] = {
      publicUrl: publicUrlFromEnv(),
      secret: resolveAuthSecret({
        envSecret: env.BETTER_AUTH_SECRET,
        kind: env.DATABASE_URL ? "postgres" : "pglite",
        dataDir: env.DATA_DIR,
        production: env.NODE_ENV === "production",
      }),
      mailer: env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, { from }) : null,
      from,
      workerId: `${hostname()}:${process.pid}`,
    };
  }
  return holder[KEY];
}
