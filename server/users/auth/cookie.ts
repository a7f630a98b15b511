// The session cookie's name, without better-auth: a request that carries none is anonymous, and answering that needs
// neither the auth library (~0.6 MB of modules to load on a server's first page) nor a database query.
export const COOKIE_PREFIX = "tradewatch";
export const SESSION_COOKIE = "session_token";

/** better-auth names it `<prefix>.session_token`, with `__Secure-` in front when cookies are Secure. */
const SESSION_COOKIE_IN = new RegExp(`(?:^|;)\\s*(?:__Secure-)?${COOKIE_PREFIX}\\.${SESSION_COOKIE}=[^;\\s]`);

export function hasSessionCookie(headers: Headers): boolean {
  const cookie = headers.get("cookie");
  return !!cookie && SESSION_COOKIE_IN.test(cookie);
}
