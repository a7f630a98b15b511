// Contact points, the pure parts: what each receiver's answer means (Slack's documented errors, Teams Workflows,
// webhooks; Retry-After as seconds or a date), the wire formats (Block Kit, an Adaptive Card, the versioned webhook
// JSON) carrying the countdown, Washington and Seoul time and the link as of the moment, and the secrets at rest.
import { describe, expect, it } from "vitest";
import { classifyAnswer, retryAfterSeconds } from "@/server/alerts/channels/classify";
import { channelContent } from "@/server/alerts/channels/content";
import { slackBody, teamsBody, webhookBody } from "@/server/alerts/channels/render";
import { decryptSecret, encryptSecret, newSigningSecret, secretsKey, urlHint } from "@/server/alerts/channels/secrets";

const now = new Date("2025-07-25T04:01:00Z");

describe("what a receiver's answer means", () => {
  const cases: [string, "slack" | "teams" | "webhook", number, Record<string, string>, string, string, number | null][] = [
    ["Slack posted", "slack", 200, {}, "ok", "sent", null],
    ["Slack invalid_payload", "slack", 400, {}, "invalid_payload", "permanent", null],
    ["Slack action_prohibited", "slack", 403, {}, "action_prohibited", "permanent", null],
    ["Slack no_service", "slack", 404, {}, "no_service", "permanent", null],
    ["Slack channel_is_archived", "slack", 410, {}, "channel_is_archived", "permanent", null],
    ["Slack rate limited", "slack", 429, { "retry-after": "30" }, "rate_limited", "transient", 30],
    ["Slack 500", "slack", 500, {}, "", "transient", null],
    ["Slack 200 with an error body", "slack", 200, {}, "invalid_token", "permanent", null],
    ["Teams Workflows accepted", "teams", 202, {}, "", "sent", null],
    ["Teams 400", "teams", 400, {}, "bad card", "permanent", null],
    ["Teams 503 with a date", "teams", 503, { "retry-after": "Fri, 25 Jul 2025 04:03:00 GMT" }, "", "transient", 120],
    ["webhook 204", "webhook", 204, {}, "", "sent", null],
    ["webhook redirect", "webhook", 302, { location: "https://elsewhere.example/" }, "", "permanent", null],
    ["webhook 408", "webhook", 408, {}, "", "transient", null],
    ["webhook 410", "webhook", 410, {}, "gone", "permanent", null],
  ];
  it.each(cases)("%s", (_name, type, status, headers, body, outcome, retry) => {
    const answer = classifyAnswer(type, status, headers, body, now);
    expect(answer.outcome).toBe(outcome);
    expect(answer.retryAfterSeconds).toBe(retry);
    expect(answer.detail).toContain(String(status));
  });

  it("reads Retry-After as seconds or an HTTP date, capped at a day, null when unreadable", () => {
    expect(retryAfterSeconds("0", now)).toBe(0);
    expect(retryAfterSeconds("999999", now)).toBe(86_400);
    expect(retryAfterSeconds("Fri, 25 Jul 2025 04:00:00 GMT", now)).toBe(0);
    expect(retryAfterSeconds("soon", now)).toBeNull();
    expect(retryAfterSeconds(undefined, now)).toBeNull();
  });
});

describe("the message on each channel", () => {
  const content = channelContent(
    { email: "", timeZone: "Asia/Seoul", language: "en" },
    [{ kind: "reminder", deadlineKey: "reciprocal-kr-aug1", title: "Reciprocal tariff <deadline> & more", dueAt: new Date("2025-08-01T04:01:00Z"), dueZone: "America/New_York", offset: "7d" }],
    "http://tradewatch.test",
    now,
  );

  it("Slack: Block Kit with the countdown, Washington and Seoul time, the dashboard as of now; mrkdwn escaped", () => {
    const body = slackBody(content) as { text: string; blocks: { type: string; text?: { text: string }; elements?: { url?: string; text?: unknown }[] }[] };
    expect(body.text).toMatch(/7 days/);
    const section = body.blocks.find((b) => b.type === "section")!.text!.text;
    expect(section).toMatch(/Washington: .*00:01 EDT/);
    expect(section).toMatch(/Seoul: .*13:01 KST/);
    expect(section).toContain("&lt;deadline&gt; &amp; more");
    const context = body.blocks.find((b) => b.type === "context")!;
    expect(JSON.stringify(context)).toContain("http://tradewatch.test/?asOf=2025-07-25");
  });

  it("Teams: an Adaptive Card with the times as facts and an Open URL action", () => {
    const card = (teamsBody(content) as { attachments: { contentType: string; content: { type: string; body: { type: string; facts?: { title: string; value: string }[] }[]; actions: { url: string }[] } }[] }).attachments[0]!;
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content.type).toBe("AdaptiveCard");
    const facts = card.content.body.find((b) => b.type === "FactSet")!.facts!;
    expect(facts.map((f) => f.title)).toEqual(expect.arrayContaining(["Washington", "Seoul"]));
    expect(card.content.actions[0]!.url).toBe("http://tradewatch.test/?asOf=2025-07-25");
  });

  it("webhook: the versioned JSON with the message id, the structured facts and the times", () => {
    const body = webhookBody(content, "msg_1") as { type: string; version: string; id: string; data: { items: { deadlineKey: string; dueAt: string; offset: string; times: unknown[] }[] } };
    expect(body).toMatchObject({ type: "tradewatch.alert", version: "2026-12-01", id: "msg_1" });
    expect(body.data.items[0]).toMatchObject({ deadlineKey: "reciprocal-kr-aug1", dueAt: "2025-08-01T04:01:00.000Z", offset: "7d" });
    expect(body.data.items[0]!.times).toHaveLength(2);
  });
});

describe("secrets at rest", () => {
  it("round-trips under the derived key, refuses another key or an altered text, and hints without the path", () => {
    const key = secretsKey("app-secret-app-secret-app-secret-0123");
    const url = "https://hooks.slack.com/services/T000/B000/abcdefXYZ9";
    const stored = encryptSecret(key, url);
    expect(stored).not.toContain("hooks.slack.com");
    expect(decryptSecret(key, stored)).toBe(url);
    expect(decryptSecret(secretsKey("another-secret-another-secret-0123456"), stored)).toBeNull();
    expect(decryptSecret(key, stored.slice(0, -2) + (stored.endsWith("A") ? "BB" : "AA"))).toBeNull();
    expect(urlHint(url)).toBe("hooks.slack.com …XYZ9");
    expect(newSigningSecret()).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  });
});
