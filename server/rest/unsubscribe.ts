// One-click unsubscribe (RFC 8058), the URL in every alert email's List-Unsubscribe header. A mail client POSTs
// "List-Unsubscribe=One-Click" to it without cookies or an Origin of ours: the signed token authorises, so no
// session or cross-site check applies. A GET (someone opening the URL, or a link scanner prefetching it) never
// unsubscribes: it is sent to the page, where a button does.
import type { Db } from "@/db/client";
import type { AlertsConfig } from "@/server/core/config";
import { unsubscribe } from "@/server/alerts/subscriptions";
import { ServiceError } from "@/server/core/errors";

export type UnsubscribeDeps = { db: () => Promise<Db>; config: () => AlertsConfig; now: () => Date };

const plain = (body: string, status: number) =>
  new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

const tokenOf = (req: Request) => new URL(req.url).searchParams.get("token") ?? "";

export function createUnsubscribeHandlers(deps: UnsubscribeDeps) {
  return {
    async POST(req: Request): Promise<Response> {
      const token = tokenOf(req);
      if (!token) return plain("This link has no token; open the unsubscribe link from the email as it is.", 400);
      try {
        await unsubscribe(await deps.db(), deps.config(), token, deps.now());
        return plain("unsubscribed", 200);
      } catch (error) {
        if (error instanceof ServiceError) return plain(error.message, error.code === "NOT_FOUND" ? 404 : 400);
        console.error("[alerts] one-click unsubscribe failed", error);
        return plain("Internal error; it has been logged. Try the unsubscribe link in the email again later.", 500);
      }
    },
    GET(req: Request): Response {
      const token = tokenOf(req);
      // A relative Location (RFC 9110): right behind any proxy, whatever Host the app saw.
      return new Response(null, {
        status: 303,
        headers: { location: `/alerts/unsubscribe${token ? `?token=${encodeURIComponent(token)}` : ""}`, "cache-control": "no-store" },
      });
    },
  };
}
