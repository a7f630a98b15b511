// Validators for answers made from the dashboard's data: an ETag from the data version (server/core/data-version.ts:
// the latest audited edit, observation, event and seed run), the build, and whatever else the answer depends on
// (the URL, who asks, the minute "now" stands for). A correction rewrites the past, so nothing is `immutable`:
// clients store the answer and revalidate every time (Cache-Control: no-cache), and a conditional GET whose
// If-None-Match still matches is answered 304 before any of the answer's queries run.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { readDataVersions } from "./data-version";

/** The production build's id (answers change shape with the code), or "source" outside a build (tests). */
const BUILD = (() => {
  try {
    return readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return "source";
  }
})();

/** Stored, but revalidated on every use; `private` when the answer depends on who asks. */
export function revalidateEveryTime(personal: boolean): string {
  return personal ? "private, no-cache" : "no-cache";
}

/** A weak validator over the parts (weak: the same data may go out gzip'd or not). */
export function weakEtag(parts: readonly string[]): string {
  const digest = createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 27);
  return `W/"${digest}"`;
}

/** The minute an answer without an explicit `asOf` stands for (countdowns in a 304'd answer are ≤ 1 minute old). */
export function nowPart(asOf: string | null | undefined, now: Date): string {
  return asOf ? `asOf ${asOf}` : `now ${Math.floor(now.getTime() / 60_000)}`;
}

/** The ETag of an answer made from the data as it is now, plus the request's own parts. */
export async function dataEtag(db: Db, parts: readonly string[]): Promise<string> {
  const versions = await readDataVersions(db);
  return weakEtag([BUILD, versions.data, ...parts]);
}

/** Whether If-None-Match names this tag (weak comparison, RFC 9110 §13.1.2), or is `*`. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const want = opaque(etag);
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === want);
}

export function notModified(etag: string, cacheControl: string): Response {
  return new Response(null, { status: 304, headers: { etag, "cache-control": cacheControl } });
}

/** The answer with its validator, when it is a 200 (errors keep their own headers). */
export function withEtag(response: Response, etag: string, cacheControl: string): Response {
  if (response.status !== 200) return response;
  const headers = new Headers(response.headers);
  headers.set("etag", etag);
  headers.set("cache-control", cacheControl);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
