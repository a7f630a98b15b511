// tRPC over HTTP, built over injected dependencies so tests can drive it against any database: the session user
// from the request's cookie, and the cross-site check for mutations (the one place it happens for tRPC).
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Db } from "@/db/client";
import type { SessionUser } from "./session-user";
import { crossSiteReason, forbiddenCrossSite } from "./origin";
import type { ReadAccess } from "./constants";
import { dataEtag, matchesIfNoneMatch, notModified, nowPart, revalidateEveryTime, withEtag } from "./etag";
import { readLimited } from "./http-body";
import { appRouter } from "./root";
import type { JobDefinition } from "./jobs";

export type TrpcHttpDeps = {
  db: () => Promise<Db>;
  user: (headers: Headers) => Promise<SessionUser | null>;
  now?: () => Date;
  publicUrl?: string;
  readAccess?: ReadAccess;
  /** The scheduled jobs (jobs/load.ts), shown to admins. */
  jobs?: () => Promise<readonly JobDefinition[]>;
};

/** Largest request body accepted (a 50,000-row observation upload is about 5 MB of JSON). */
export const MAX_TRPC_BODY_BYTES = 10 * 1024 * 1024;

function tooLarge(): Response {
  const message = `The request is larger than ${MAX_TRPC_BODY_BYTES / 1024 / 1024} MB; send fewer rows at once.`;
  return Response.json({ error: { json: { message, code: -32600, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } } } }, { status: 413 });
}

/**
 * The client's address as the proxy in front reports it (the first X-Forwarded-For entry; `next start` sets the
 * header from the socket when no proxy did), like better-auth's own per-address limits.
 */
export function clientIpOf(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || null;
}

export function createTrpcHandler(deps: TrpcHttpDeps) {
  return async (incoming: Request): Promise<Response> => {
    // Queries go over GET; every mutation is a POST and must come from our own origin.
    const refused = crossSiteReason(incoming, deps.publicUrl);
    if (refused) return forbiddenCrossSite(refused);
    let req = incoming;
    if (incoming.method === "POST") {
      const body = await readLimited(incoming, MAX_TRPC_BODY_BYTES);
      if (!body) return tooLarge();
      req = new Request(incoming.url, { method: "POST", headers: incoming.headers, body: body as Uint8Array<ArrayBuffer> });
    }
    // The session is looked up once per request, whether the validator or the procedures ask first.
    let userOnce: Promise<SessionUser | null> | undefined;
    const user = () => (userOnce ??= deps.user(req.headers));
    const validator = incoming.method === "GET" ? await dataValidator(deps, incoming, user) : null;
    if (validator && matchesIfNoneMatch(incoming.headers.get("if-none-match"), validator.etag)) {
      return notModified(validator.etag, validator.cacheControl);
    }
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      maxBatchSize: 10,
      createContext: async () => ({
        db: await deps.db(),
        now: deps.now ?? (() => new Date()),
        user: await user(),
        readAccess: deps.readAccess,
        jobs: deps.jobs,
        clientIp: clientIpOf(req.headers),
      }),
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path}:`, error.cause ?? error);
      },
    });
    return validator ? withEtag(response, validator.etag, validator.cacheControl) : response;
  };
}

/**
 * Queries made only from the dashboard's versioned data (server/core/data-version.ts), so an ETag from that version
 * is right for them. Anything else (alerts, screens, news, job status, users…) is answered without a validator.
 */
export const DATA_VERSIONED_QUERIES = /^(overview|tariffs|deadlines|support|sources)\.[a-zA-Z]+$|^market\.(chart|rows|reactions)$/;

/** The ETag of a GET whose every procedure is data-versioned: the data version, the URL, who asks and when. */
async function dataValidator(
  deps: TrpcHttpDeps,
  req: Request,
  sessionUser: () => Promise<SessionUser | null>,
): Promise<{ etag: string; cacheControl: string } | null> {
  const url = new URL(req.url);
  const paths = decodeURIComponent(url.pathname.replace(/^.*\/api\/trpc\//, "")).split(",");
  if (!paths.every((p) => DATA_VERSIONED_QUERIES.test(p))) return null;
  const user = await sessionUser();
  const now = (deps.now ?? (() => new Date()))();
  const parts = [url.pathname, url.search, deps.readAccess ?? "-", user ? `${user.id} ${user.role}` : "-", nowPart(null, now)];
  return { etag: await dataEtag(await deps.db(), parts), cacheControl: revalidateEveryTime(true) };
}
