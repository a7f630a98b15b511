// One message, three wire formats: Slack Block Kit (incoming webhooks), a Microsoft Teams Adaptive Card (Workflows
// webhooks: the Office 365 connectors are retired) and the documented, versioned Tradewatch webhook JSON.
import { WEBHOOK_SCHEMA_VERSION, type ContactPointType } from "@/server/alerts/constants";
import type { ChannelContent, ChannelItem } from "./content";

/** Slack's mrkdwn control characters, escaped as Slack documents. */
const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const itemLines = (item: ChannelItem) => [...item.rows.map((row) => `${row.label}: ${row.value}`), ...item.lines, ...(item.note ? [item.note] : [])];

export function slackBody(c: ChannelContent): Record<string, unknown> {
  const blocks: Record<string, unknown>[] = [];
  for (const item of c.items) {
    const text = [`*${slackEscape(item.heading)}*`, ...itemLines(item).map(slackEscape)].join("\n");
    blocks.push({ type: "section", text: { type: "mrkdwn", text: text.slice(0, 3000) } });
    if (item.link) blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: item.link.label.slice(0, 75) }, url: item.link.href }] });
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `<${c.link.href}|${slackEscape(c.link.label)}>` }] });
  // `text` is the notification and screen-reader fallback.
  return { text: c.subject, blocks: blocks.slice(0, 50) };
}

export function teamsBody(c: ChannelContent): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  for (const item of c.items) {
    body.push({ type: "TextBlock", text: item.heading, weight: "Bolder", wrap: true, size: "Medium" });
    if (item.rows.length) body.push({ type: "FactSet", facts: item.rows.map((row) => ({ title: row.label, value: row.value })) });
    for (const line of [...item.lines, ...(item.note ? [item.note] : [])]) body.push({ type: "TextBlock", text: line, wrap: true });
  }
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          actions: [{ type: "Action.OpenUrl", title: c.link.label, url: c.link.href }],
        },
      },
    ],
  };
}

/** The webhook payload (docs/alerts.md, "Webhook payload"): versioned; `id` is the idempotency key. */
export function webhookBody(c: ChannelContent, messageId: string): Record<string, unknown> {
  return {
    type: c.kind === "test" ? "tradewatch.test" : "tradewatch.alert",
    version: WEBHOOK_SCHEMA_VERSION,
    id: messageId,
    timestamp: c.composedAt,
    data: {
      subject: c.subject,
      language: c.language,
      link: c.link.href,
      items: c.items.map((item) => ({
        kind: item.kind,
        deadlineKey: item.deadlineKey,
        heading: item.heading,
        dueAt: item.dueAt,
        dueZone: item.dueZone,
        offset: item.offset,
        late: item.late,
        times: item.rows,
        lines: item.lines,
        link: item.link?.href ?? null,
      })),
    },
  };
}

export function bodyFor(type: ContactPointType, c: ChannelContent, messageId: string): Record<string, unknown> {
  return type === "slack" ? slackBody(c) : type === "teams" ? teamsBody(c) : webhookBody(c, messageId);
}
