// What a receiver's answer means for the outbox — pure, table-tested. Sent, refused for good (do not retry: a bad
// payload, a revoked or archived channel, a URL that is gone), or transient (retry with backoff, no sooner than a
// Retry-After says).
import type { ContactPointType } from "@/server/alerts/constants";

export type Answer = { outcome: "sent" | "permanent" | "transient"; retryAfterSeconds: number | null; detail: string };

/** Retry-After as seconds (delta-seconds or an HTTP date, relative to now), capped at a day; null when absent or unreadable. */
export function retryAfterSeconds(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Math.min(Number(v), 86_400);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, Math.ceil((at - now.getTime()) / 1000)), 86_400);
}

const short = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 300);

export function classifyAnswer(type: ContactPointType, status: number, headers: Record<string, string>, body: string, now: Date): Answer {
  const detail = short(`HTTP ${status}${body ? `: ${body}` : ""}`);
  const retry = retryAfterSeconds(headers["retry-after"], now);
  if (status >= 200 && status < 300) {
    // Slack answers 200 "ok"; anything else with a 200 is not what an incoming webhook says when it posted.
    if (type === "slack" && body.trim() !== "" && body.trim() !== "ok") return { outcome: "permanent", retryAfterSeconds: null, detail };
    return { outcome: "sent", retryAfterSeconds: null, detail: short(`HTTP ${status}`) };
  }
  if (status === 408 || status === 429 || status >= 500) return { outcome: "transient", retryAfterSeconds: retry, detail };
  // 3xx (a webhook URL must not redirect) and every other 4xx: Slack's invalid_payload (400), action_prohibited (403),
  // no_service (404), channel_is_archived (410); Teams' and receivers' 400/401/403/404/410.
  return { outcome: "permanent", retryAfterSeconds: null, detail };
}
