// Server-side fetching of untrusted URLs (articles, feeds, market data) — in progress (helper B): the SSRF guard
// (http/https only; loopback, private, link-local, metadata addresses refused after DNS resolution and on every
// redirect unless allowed), size and time limits. The signature below is the contract other modules code against.
import type { FetchPolicy } from "./config";

export type SafeFetchRequest = {
  url: string;
  policy: FetchPolicy;
  /** Extra request headers, e.g. If-None-Match / If-Modified-Since for conditional feed requests. */
  headers?: Record<string, string>;
};

export type SafeFetchResponse = {
  /** The URL finally answered, after redirects. */
  url: string;
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** The body (empty for 304), at most policy.maxBytes. */
  body: Uint8Array;
  contentType: string | null;
  charset: string | null;
};

export async function safeFetch(request: SafeFetchRequest): Promise<SafeFetchResponse> {
  void request;
  throw new Error("safeFetch: not implemented yet");
}
