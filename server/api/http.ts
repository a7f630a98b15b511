// tRPC over HTTP, built over injected dependencies so tests can drive it against any database: the session user
// from the request's cookie, and the cross-site check for mutations (the one place it happens for tRPC).
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Db } from "@/db/client";
import type { SessionUser } from "@/server/auth/session-user";
import { crossSiteReason, forbiddenCrossSite } from "@/server/auth/origin";
import type { ReadAccess } from "@/server/domain/constants";
import { appRouter } from "./root";

export type TrpcHttpDeps = {
  db: () => Promise<Db>;
  user: (headers: Headers) => Promise<SessionUser | null>;
  now?: () => Date;
  publicUrl?: string;
  readAccess?: ReadAccess;
};

export function createTrpcHandler(deps: TrpcHttpDeps) {
  return async (req: Request): Promise<Response> => {
    // Queries go over GET; every mutation is a POST and must come from our own origin.
    const refused = crossSiteReason(req, deps.publicUrl);
    if (refused) return forbiddenCrossSite(refused);
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      maxBatchSize: 10,
      createContext: async () => ({
        db: await deps.db(),
        now: deps.now ?? (() => new Date()),
        user: await deps.user(req.headers),
        readAccess: deps.readAccess,
      }),
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path}:`, error.cause ?? error);
      },
    });
  };
}
