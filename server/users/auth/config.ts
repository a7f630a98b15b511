// better-auth over our database: email + password (no public sign-up: an admin or the CLI creates accounts),
// sessions in the database, roles through the admin plugin (deactivate = ban), sign-in rate limits per address and
// per account stored in the database (so they hold across instances), HttpOnly SameSite=Lax cookies, Secure when
// the public URL is https.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { admin } from "better-auth/plugins";
import type { Db } from "@/db/client";
import { accounts, rateLimits, sessions, users, verifications } from "@/db/schema";
import { DEFAULT_USER_ROLE } from "@/server/core/constants";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from "@/server/users/password-rules";
import { isAppOrigin } from "@/server/core/origin";
import { accountKey, consumeAttempt, type Limit } from "@/server/core/rate-limit";
import { COOKIE_PREFIX } from "./cookie";

/** Sign-in attempts allowed per client address and per account. */
export const SIGN_IN_LIMIT: Limit = { windowSeconds: 60, max: 5 };

/** The admin plugin's own endpoints: users are managed through our admin router (services, one permission model). */
const ADMIN_PLUGIN_PATHS = [
  "set-role",
  "get-user",
  "create-user",
  "update-user",
  "list-users",
  "list-user-sessions",
  "unban-user",
  "ban-user",
  "impersonate-user",
  "stop-impersonating",
  "revoke-user-session",
  "revoke-user-sessions",
  "remove-user",
  "set-user-password",
  "has-permission",
].map((name) => `/admin/${name}`);

/** better-auth endpoints that set a new password (body field `newPassword`). */
const PASSWORD_SETTING_PATHS = new Set(["/change-password", "/reset-password"]);

export type AuthOptions = {
  db: Db;
  secret: string;
  /** PUBLIC_URL / BETTER_AUTH_URL; without it better-auth answers for the request's own origin. */
  publicUrl?: string;
  signInLimit?: Limit;
};

export function createAuth({ db, secret, publicUrl, signInLimit = SIGN_IN_LIMIT }: AuthOptions) {
  return betterAuth({
    appName: "Tradewatch",
    baseURL: publicUrl,
    secret,
    // Without a configured URL, the request's own origin is trusted (Origin host = Host header, see origin.ts);
    // with one, better-auth trusts exactly that.
    trustedOrigins: publicUrl
      ? []
      : (request?: Request) => {
          const origin = request?.headers.get("origin");
          return origin && isAppOrigin(origin, request!) ? [origin] : [];
        },
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      requireEmailVerification: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: signInLimit.windowSeconds, max: signInLimit.max } },
    },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: publicUrl ? new URL(publicUrl).protocol === "https:" : false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    disabledPaths: ADMIN_PLUGIN_PATHS,
    telemetry: { enabled: false },
    // Failed sign-ins are expected traffic, not warnings worth a line each in test output.
    logger: { level: process.env.NODE_ENV === "test" ? "error" : "warn" },
    plugins: [admin({ defaultRole: DEFAULT_USER_ROLE })],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (PASSWORD_SETTING_PATHS.has(ctx.path)) {
          // The same rules as the CLI and invitations (length, variety, common, control characters).
          const newPassword = (ctx.body as { newPassword?: unknown } | undefined)?.newPassword;
          const problem = typeof newPassword === "string" ? passwordProblem(newPassword) : null;
          if (problem) throw new APIError("BAD_REQUEST", { message: problem, code: "PASSWORD_REFUSED" });
          return;
        }
        if (ctx.path !== "/sign-in/email") return;
        const email = (ctx.body as { email?: unknown } | undefined)?.email;
        if (typeof email !== "string") return;
        // better-auth's hook is the boundary: the attempt is counted at the moment it arrives.
        if (!(await consumeAttempt(db, accountKey(email), signInLimit, new Date()))) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: "Too many sign-in attempts for this account. Wait a minute and try again.",
            code: "TOO_MANY_ATTEMPTS",
          });
        }
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
