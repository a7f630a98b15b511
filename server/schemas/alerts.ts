// Alert subscriptions as a person (or an admin, or the CLI) enters them; shared by the forms, tRPC and the CLI.
import { z } from "zod";
import { DEADLINE_KINDS, LOCALES, SECTORS, SUBSCRIPTION_SCOPES } from "@/server/domain/constants";
import { DEFAULT_OFFSETS, formatOffsets, offsetsSchema } from "@/server/domain/reminders";
import { KEY_RE, optionalText, zone } from "./common";

export const subscriberEmail = z
  .email("must be an email address such as name@example.org")
  .max(254, "must be at most 254 characters")
  .transform((e) => e.trim().toLowerCase());

/** What one subscription follows, checked against its scope. */
export const subscriptionFields = z
  .object({
    scope: z.enum(SUBSCRIPTION_SCOPES).default("all"),
    scopeValue: z.string().max(80).optional(),
    offsets: offsetsSchema.default([...DEFAULT_OFFSETS]).transform(formatOffsets),
    notifyMeasures: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    const bad = (message: string) => ctx.addIssue({ code: "custom", path: ["scopeValue"], message });
    if (v.scope === "all" && v.scopeValue) bad("must be empty when following every deadline");
    if (v.scope === "sector" && !(SECTORS as readonly string[]).includes(v.scopeValue ?? "")) bad(`must be a sector: ${SECTORS.join(", ")}`);
    if (v.scope === "kind" && !(DEADLINE_KINDS as readonly string[]).includes(v.scopeValue ?? "")) bad(`must be a deadline kind: ${DEADLINE_KINDS.join(", ")}`);
    if (v.scope === "deadline" && !KEY_RE.test(v.scopeValue ?? "")) bad("must be a deadline key such as reciprocal-kr-aug1");
  })
  .transform((v) => ({ ...v, scopeValue: v.scope === "all" ? "" : v.scopeValue! }));

export const subscribeInput = z.object({
  email: subscriberEmail,
  name: optionalText(120),
  timeZone: zone.default("Asia/Seoul"),
  language: z.enum(LOCALES).default("en"),
  subscription: subscriptionFields,
});
export type SubscribeInput = z.input<typeof subscribeInput>;
export type SubscribeData = z.output<typeof subscribeInput>;

export const tokenInput = z.object({ token: z.string().min(1).max(1024) });
