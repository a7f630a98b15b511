// POSTing to a user-given URL (contact points: Slack, Teams, webhooks) under the SSRF guard of safe-fetch.ts: the
// same scheme and address checks on the address connected to, the policy's deadline and size limit.
import { checkUrl, DEFAULT_USER_AGENT, FetchRefusedError, requestOnce, type SafeFetchRequest } from "./safe-fetch";

export type SafePostRequest = Omit<SafeFetchRequest, "accept"> & { body: string; contentType?: string };
export type SafePostResponse = { status: number; headers: Record<string, string>; body: string };

/**
 * POSTs a body to a URL under the same guard as safeFetch (scheme, every address, the policy's deadline and size
 * limit): for delivering to webhooks. Redirects are not followed (the answer is returned as it is, like any status),
 * so the caller decides what a 3xx, 4xx or 5xx means; a refused address, a timeout or a network failure is a
 * FetchRefusedError.
 */
export async function safePost(request: SafePostRequest): Promise<SafePostResponse> {
  const { policy } = request;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new FetchRefusedError("scheme", "The address is not a URL; give a full address starting with https://.");
  }
  const headers: Record<string, string> = {
    "content-type": request.contentType ?? "application/json",
    accept: "*/*",
    "user-agent": request.userAgent ?? DEFAULT_USER_AGENT,
    ...Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
  const timedOut = () => new FetchRefusedError("timeout", `No answer from ${url.host} within ${policy.timeoutMs / 1000} s.`);
  const deadline = new Promise<never>((_, reject) => controller.signal.addEventListener("abort", () => reject(timedOut())));
  deadline.catch(() => {});
  try {
    const target = await Promise.race([checkUrl(url, policy, request.lookup), deadline]);
    try {
      const hop = await requestOnce(url, target, headers, policy, controller.signal, request.ca, { method: "POST", body: Buffer.from(request.body), readAnyStatus: true });
      return { status: hop.status, headers: hop.headers, body: Buffer.from(hop.body).toString("utf8") };
    } catch (error) {
      if (error instanceof FetchRefusedError) throw error;
      if (controller.signal.aborted) throw timedOut();
      const e = error as { code?: string; message?: string };
      throw new FetchRefusedError("network", `Could not reach ${url.host}: ${e.code ?? e.message ?? "network error"}.`);
    }
  } finally {
    clearTimeout(timer);
  }
}
