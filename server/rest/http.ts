// Shared plumbing for the public REST endpoints: query validation that names the bad parameter, the mapping of
// typed errors to HTTP statuses (the only place it happens), JSON and CSV responses.
import { TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { DataDirInUseError } from "@/db/lock";
import { InvalidAsOfError } from "@/server/core/as-of";
import { RateLimitedError, ServiceError } from "@/server/core/errors";

export class BadParameterError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/** Parses the query string with a strict schema: unknown and malformed parameters are named in the error. */
export function parseQuery<S extends z.ZodObject>(url: URL, schema: S): z.infer<S> {
  const raw: Record<string, string> = Object.create(null);
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(raw, key)) throw new BadParameterError(key, `Parameter "${key}" was given more than once`);
    raw[key] = value;
  }
  const allowed = Object.keys(schema.shape);
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      throw new BadParameterError(
        key,
        `Unknown parameter "${key}"; allowed: ${allowed.length ? allowed.join(", ") : "none"}`,
      );
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = String(issue.path[0] ?? "query");
    throw new BadParameterError(param, `Parameter "${param}" ${issue.message}`);
  }
  return parsed.data;
}

const json = (body: unknown, status = 200, headers: HeadersInit = {}) =>
  Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

export function errorResponse(error: unknown): Response {
  // Procedures called through the tRPC caller wrap typed errors; answer for the typed cause.
  if (error instanceof TRPCError) {
    if (error.cause && !(error.cause instanceof ZodError) && error.cause !== error) return errorResponse(error.cause);
    if (error.code === "BAD_REQUEST") {
      const issue = error.cause instanceof ZodError ? error.cause.issues[0] : undefined;
      const param = issue ? String(issue.path[0] ?? "query") : "query";
      return json({ error: { code: "BAD_PARAMETER", param, message: issue ? `Parameter "${param}" ${issue.message}` : error.message } }, 400);
    }
    if (error.code === "NOT_FOUND") return json({ error: { code: "NOT_FOUND", message: error.message } }, 404);
    if (error.code === "UNAUTHORIZED") return json({ error: { code: "UNAUTHORIZED", message: error.message } }, 401);
    if (error.code === "FORBIDDEN") return json({ error: { code: "FORBIDDEN", message: error.message } }, 403);
  }
  if (error instanceof BadParameterError) {
    return json({ error: { code: "BAD_PARAMETER", param: error.param, message: error.message } }, 400);
  }
  if (error instanceof InvalidAsOfError) {
    return json({ error: { code: "BAD_PARAMETER", param: "asOf", message: error.message } }, 400);
  }
  if (error instanceof ServiceError) {
    const status = { NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429, BAD_REQUEST: 400 }[error.code];
    const headers: Record<string, string> = error instanceof RateLimitedError ? { "retry-after": String(error.retryAfterSeconds) } : {};
    return json({ error: { code: error.code, param: error.field, message: error.message } }, status, headers);
  }
  if (error instanceof DataDirInUseError) {
    console.error("[rest]", error.message);
    return json({ error: { code: "UNAVAILABLE", message: "The database is not available; see the server log." } }, 503);
  }
  console.error("[rest] unexpected error", error);
  return json({ error: { code: "INTERNAL", message: "Internal error; it has been logged." } }, 500);
}

/** Wraps a handler so every failure becomes a JSON error with the right status. */
export function handle(fn: (req: Request) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    try {
      return await fn(req);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export { json };
