// The process-wide better-auth instance over the process database (kept on globalThis like the database: Next
// loads modules several times), and the session user of a request.
import { getDatabase } from "@/server/core/db";
import { env } from "@/server/core/env.js";
import type { Auth } from "./config";
import { hasSessionCookie } from "./cookie";
import { resolveAuthSecret } from "./secret";
import { toSessionUser, type SessionUser } from "@/server/core/session-user";

const KEY = Symbol.for("tradewatch.auth");
type Holder = { [KEY]?: Promise<Auth> };

/** PUBLIC_URL, else BETTER_AUTH_URL, else none (the request's own origin is used). */
export const publicUrl: string | undefined = env.PUBLIC_URL ?? env.BETTER_AUTH_URL;

export function getAuth(): Promise<Auth> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    // The library loads on first use: a server whose visitors are all anonymous so far never needs it.
    holder[KEY] = Promise.all([getDatabase(), import("./config")])
      .then(([database, { createAuth }]) =>
        createAuth({
          db: database.db,
          publicUrl,
          secret: resolveAuthSecret({
            envSecret: env.BETTER_AUTH_SECRET,
            kind: database.kind,
            dataDir: env.DATA_DIR,
            production: env.NODE_ENV === "production",
          }),
        }),
      )
      .catch((error) => {
        delete holder[KEY];
        throw error;
      });
  }
  return holder[KEY];
}

/** The signed-in user of a request (by its session cookie), or null. */
export async function sessionUserFrom(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers });
  return session ? toSessionUser(session.user) : null;
}

export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  if (!hasSessionCookie(headers)) return null;
  return sessionUserFrom(await getAuth(), headers);
}

export type { Auth, SessionUser };
