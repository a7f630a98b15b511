// One attempt to deliver a contact-point message: the body rendered for its channel, signed for a webhook (Standard
// Webhooks: webhook-id, webhook-timestamp, webhook-signature), POSTed through the SSRF guard, and the answer
// classified. Never throws for the receiver's sake: a refused address, a timeout or a reset is an outcome too.
import { Webhook } from "standardwebhooks";
import type { ContactPointType } from "@/server/alerts/constants";
import type { FetchPolicy } from "@/server/core/config";
import { FetchRefusedError } from "@/server/core/safe-fetch";
import { safePost } from "@/server/core/safe-post";
import { classifyAnswer, type Answer } from "./classify";
import type { ChannelContent } from "./content";
import { bodyFor } from "./render";

export type Attempt = Answer & { httpStatus: number | null; durationMs: number };

export type Destination = { type: ContactPointType; url: string; secret: string | null };

/** The headers that sign a webhook body, per the Standard Webhooks specification (the package's own signer). */
export function signatureHeaders(secret: string, messageId: string, at: Date, body: string): Record<string, string> {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, at, body),
  };
}

export async function attemptDelivery(
  to: Destination,
  message: { messageId: string; content: ChannelContent },
  { policy, now, lookup, ca }: { policy: FetchPolicy; now: Date; lookup?: Parameters<typeof safePost>[0]["lookup"]; ca?: string },
): Promise<Attempt> {
  const body = JSON.stringify(bodyFor(to.type, message.content, message.messageId));
  const headers = to.type === "webhook" && to.secret ? signatureHeaders(to.secret, message.messageId, now, body) : {};
  const started = performance.now();
  try {
    const answer = await safePost({ url: to.url, policy: { ...policy, maxRedirects: 0 }, body, headers, lookup, ca });
    return { ...classifyAnswer(to.type, answer.status, answer.headers, answer.body, now), httpStatus: answer.status, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ...refusal(error, to.url), httpStatus: null, durationMs: Math.round(performance.now() - started) };
  }
}

/** Why nothing was answered, in words that never repeat the URL (a secret): only its host. */
function refusal(error: unknown, url: string): Answer {
  let host = "the host";
  try {
    host = new URL(url).host;
  } catch {
    // not a URL: said below
  }
  if (error instanceof FetchRefusedError) {
    switch (error.reason) {
      case "scheme":
        return { outcome: "permanent", retryAfterSeconds: null, detail: "The URL must start with https:// (or http://)." };
      case "address":
        return { outcome: "permanent", retryAfterSeconds: null, detail: `Refused: ${host} is not a public address (private, loopback, link-local or reserved).` };
      case "timeout":
        return { outcome: "transient", retryAfterSeconds: null, detail: `No answer from ${host} in time.` };
      default:
        return { outcome: "transient", retryAfterSeconds: null, detail: `Could not reach ${host} (${error.reason}).` };
    }
  }
  const code = (error as { code?: string })?.code;
  return { outcome: "transient", retryAfterSeconds: null, detail: `Could not reach ${host}${code ? ` (${code})` : ""}.` };
}
