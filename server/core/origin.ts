// Cross-site request protection for state-changing requests, in one place: a POST (tRPC mutations, sign-in) must
// come from the app's own origin. Browsers send Origin on every cross-origin and every non-GET request, so a
// foreign Origin is refused; a request without Origin that a browser marks cross-site (Sec-Fetch-Site) too.
// Non-browser clients (scripts, curl) send neither and are let through: they carry no ambient cookies.

/**
 * Whether `origin` is the app's: PUBLIC_URL's origin when configured; otherwise the request's Host header (what
 * Next does for server actions; a TLS-terminating proxy may change the scheme, so only the host is compared).
 */
export function isAppOrigin(origin: string, req: Request, publicUrl?: string): boolean {
  if (publicUrl) return origin === new URL(publicUrl).origin;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, file:) or garbage
  }
  return host === (req.headers.get("host") ?? new URL(req.url).host);
}

/** Why the request is refused as cross-site, or null when it may proceed. Safe methods always proceed. */
export function crossSiteReason(req: Request, publicUrl?: string): string | null {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return null;
  const origin = req.headers.get("origin");
  if (origin !== null) {
    return isAppOrigin(origin, req, publicUrl) ? null : `Origin ${origin} is not this application's origin`;
  }
  return req.headers.get("sec-fetch-site") === "cross-site" ? "cross-site request without Origin" : null;
}

export function forbiddenCrossSite(reason: string): Response {
  return Response.json(
    { error: { code: "FORBIDDEN", message: `Cross-site request refused: ${reason}.` } },
    { status: 403, headers: { "cache-control": "no-store" } },
  );
}
