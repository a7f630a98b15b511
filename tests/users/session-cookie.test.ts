// A request without the session cookie is anonymous without loading better-auth (server/users/auth/cookie.ts):
// the test is the cookie's name exactly as better-auth writes it, plain or Secure, among other cookies.
import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "@/server/users/auth/cookie";
import { getSessionUser } from "@/server/users/auth";

const withCookie = (cookie?: string) => new Headers(cookie === undefined ? {} : { cookie });

describe("hasSessionCookie", () => {
  it("finds the session cookie, plain or __Secure-, first or among others", () => {
    expect(hasSessionCookie(withCookie("tradewatch.session_token=abc.def"))).toBe(true);
    expect(hasSessionCookie(withCookie("__Secure-tradewatch.session_token=abc"))).toBe(true);
    expect(hasSessionCookie(withCookie("theme=dark; tradewatch.session_token=abc; NEXT_LOCALE=ko"))).toBe(true);
    expect(hasSessionCookie(withCookie("theme=dark;tradewatch.session_token=abc"))).toBe(true);
  });

  it("is false without it: no cookie header, other cookies, an empty value, a look-alike name", () => {
    expect(hasSessionCookie(withCookie())).toBe(false);
    expect(hasSessionCookie(withCookie("theme=dark; NEXT_LOCALE=ko"))).toBe(false);
    expect(hasSessionCookie(withCookie("tradewatch.session_token="))).toBe(false);
    expect(hasSessionCookie(withCookie("tradewatch.session_data=abc"))).toBe(false);
    expect(hasSessionCookie(withCookie("xtradewatch.session_token=abc"))).toBe(false);
    expect(hasSessionCookie(withCookie("better-auth.session_token=abc"))).toBe(false);
  });

  it("answers an anonymous request with no user and no database", async () => {
    // Without the cookie, getSessionUser never reaches the auth library or the database: neither process-wide
    // holder (server/users/auth/index.ts, server/core/db.ts) is created by the call.
    const holders = globalThis as Record<symbol, unknown>;
    const auth = Symbol.for("tradewatch.auth");
    const database = Symbol.for("tradewatch.database");
    expect(holders[auth]).toBeUndefined();
    expect(holders[database]).toBeUndefined();
    await expect(getSessionUser(withCookie("theme=dark"))).resolves.toBeNull();
    expect(holders[auth]).toBeUndefined();
    expect(holders[database]).toBeUndefined();
  });
});
