// Cross-site request protection for state-changing requests, in one place: a POST (tRPC mutations, sign-in) must
// come from the app's own origin. Browsers send Origin on every cross-origin and every non-GET request, so a
// foreign Origin is refused; a request without Origin that a browser marks cross-site (Sec-Fetch-Site) too.
// Non-browser clients (scripts, curl) send neither and are let through: they carry no ambient cookies.

/** The origin the app is served from: PUBLIC_URL when configured, else the request's own (Host header). */
export function appOrigin(req: Request, publicUrl?: string): string {
  return new URL(publicUrl ?? req.url).origin;
}

/** Why the request is refused as cross-site, or null when it may proceed. Safe methods always proceed. */
export function crossSiteReason(req: Request, publicUrl?: string): string | null {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return null;
  const origin = req.headers.get("origin");
  if (origin !== null) {
    return origin === appOrigin(req, publicUrl) ? null : `Origin ${origin} is not this application's origin`;
  }
  return req.headers.get("sec-fetch-site") === "cross-site" ? "cross-site request without Origin" : null;
}

export function forbiddenCrossSite(reason: string): Response {
  return Response.json(
    { error: { code: "FORBIDDEN", message: `Cross-site request refused: ${reason}.` } },
    { status: 403, headers: { "cache-control": "no-store" } },
  );
}
