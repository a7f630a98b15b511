// What every REST v1 handler is built over: injected dependencies (so tests run them against any database and
// clock; app/api/** only binds them to the process database), the tRPC caller, and the READ_ACCESS gate.
import type { SessionUser } from "@/server/core/session-user";
import type { ReadAccess } from "@/server/core/constants";
import { env } from "@/server/core/env.js";
import type { Database } from "@/db/client";
import { createCaller } from "@/server/core/root";
import { asOfInput } from "@/server/core/schemas";
import { dataEtag, matchesIfNoneMatch, notModified, nowPart, revalidateEveryTime, withEtag } from "@/server/core/etag";
import { handle, json } from "./http";

export type RestDeps = {
  database: () => Promise<Database>;
  now: () => Date;
  /** The signed-in user of a request (session cookie); none by default. */
  user?: (headers: Headers) => Promise<SessionUser | null>;
  /** READ_ACCESS unless given: with "signed-in", reads without a session get 401. */
  readAccess?: ReadAccess;
};

export type RestContext = {
  deps: RestDeps;
  /** The tRPC procedures, called as this request's user. */
  caller: (user: SessionUser | null) => Promise<ReturnType<typeof createCaller>>;
  /**
   * A read endpoint: with READ_ACCESS=signed-in, answers 401 unless the request has a session; its 200s carry an ETag
   * from the data version, and a conditional GET that still matches is a 304 without running the endpoint.
   */
  readable: (fn: (req: Request, user: SessionUser | null) => Promise<Response>) => (req: Request) => Promise<Response>;
};

/** The `asOf` query parameter, validated as the tRPC procedures validate it. */
export const asOf = asOfInput.shape.asOf;

export function restContext(deps: RestDeps): RestContext {
  const readAccess = deps.readAccess ?? env.READ_ACCESS;
  const caller = async (user: SessionUser | null) =>
    createCaller({ db: (await deps.database()).db, now: deps.now, user, readAccess });
  const readable: RestContext["readable"] = (fn) =>
    handle(async (req) => {
      const user = deps.user ? await deps.user(req.headers) : null;
      if (readAccess === "signed-in" && !user) {
        return json({ error: { code: "UNAUTHORIZED", message: "Sign in first: this installation is not public." } }, 401);
      }
      // Every read here is made from the dashboard's data: validated by its version (server/core/etag.ts).
      const url = new URL(req.url);
      const cacheControl = revalidateEveryTime(readAccess === "signed-in");
      const parts = [url.pathname, url.search, readAccess, user ? `${user.id} ${user.role}` : "-"];
      const etag = await dataEtag((await deps.database()).db, [...parts, nowPart(url.searchParams.get("asOf"), deps.now())]);
      if (matchesIfNoneMatch(req.headers.get("if-none-match"), etag)) return notModified(etag, cacheControl);
      return withEtag(await fn(req, user), etag, cacheControl);
    });
  return { deps, caller, readable };
}
