// GET /api/v1/deadlines.ics — the deadlines as a subscribable iCalendar feed. Built over injected dependencies like
// the other REST handlers (server/rest/context.ts). Calendar apps cannot sign in, so besides the session cookie a feed
// token in the URL (`?token=`) grants read access when READ_ACCESS=signed-in.
import { z } from "zod";
import { DEADLINE_KINDS, DEADLINE_STATUSES, LOCALES, SECTORS } from "@/server/core/constants";
import { env } from "@/server/core/env.js";
import { deadlineFeed } from "@/server/calendar/feed";
import { checkFeedToken, type FeedTokenCheck } from "@/server/calendar/tokens";
import { handle, parseQuery } from "./http";
import type { RestDeps } from "./context";

/** Calendar apps are asked to refetch hourly (REFRESH-INTERVAL); caches may keep an answer this long. */
const MAX_AGE_SECONDS = 300;

/** A comma-separated list of allowed values: `?status=upcoming,postponed`. */
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(",").map((v) => v.trim()).filter((v) => v !== ""))
    .pipe(z.array(z.enum(values)).min(1, "must not be empty"));

const feedQuery = z.object({
  sector: listOf(SECTORS).optional(),
  kind: listOf(DEADLINE_KINDS).optional(),
  status: listOf(DEADLINE_STATUSES).optional(),
  lang: z.enum(LOCALES).optional(),
  token: z.string().max(1000).optional(),
});

const REFUSALS: Record<"signIn" | Exclude<FeedTokenCheck, { ok: true }>["reason"], string> = {
  signIn:
    "This calendar feed needs sign-in. Calendar apps cannot sign in: create a feed token (signed in, under your " +
    "account) and add ?token=<your token> to this URL.",
  unknown: "This feed token is not valid. Check the URL, or create a new feed token and use its URL.",
  revoked: "This feed token was revoked. Create a new feed token and update the calendar subscription with its URL.",
  deactivated: "The account this feed token belongs to is deactivated, so its feeds no longer work.",
};

const unauthorized = (message: string) =>
  new Response(`${message}\n`, {
    status: 401,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

export function createCalendarFeedHandler(deps: RestDeps & { publicUrl?: string }) {
  const readAccess = deps.readAccess ?? env.READ_ACCESS;
  const configuredUrl = deps.publicUrl ?? env.PUBLIC_URL ?? env.BETTER_AUTH_URL;

  return handle(async (req) => {
    const url = new URL(req.url);
    const q = parseQuery(url, feedQuery);
    const db = (await deps.database()).db;
    const now = deps.now();

    // A token is checked whenever one is given, so a revoked one fails visibly even on a public installation.
    let personal = false;
    if (q.token !== undefined) {
      const check = await checkFeedToken(db, q.token, now);
      if (!check.ok) return unauthorized(REFUSALS[check.reason]);
      personal = true;
    } else if (readAccess === "signed-in") {
      const user = deps.user ? await deps.user(req.headers) : null;
      if (!user) return unauthorized(REFUSALS.signIn);
      personal = true;
    }

    const ics = await deadlineFeed(db, {
      now,
      dashboardUrl: configuredUrl ?? url.origin,
      lang: q.lang,
      filter: { sectors: q.sector, kinds: q.kind, statuses: q.status },
    });
    return new Response(ics, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": 'inline; filename="tradewatch-deadlines.ics"',
        // Short: an edit reaches subscribers at their next refresh. Private when access was checked for this person.
        "cache-control": `${personal || readAccess === "signed-in" ? "private" : "public"}, max-age=${MAX_AGE_SECONDS}`,
      },
    });
  });
}
