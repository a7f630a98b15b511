// The alert machinery's scheduled jobs (listed with the others in jobs/index.ts).
import type { JobDefinition } from "@/server/core/jobs";
import { deliverEmails } from "./deliver";
import { composeDigests } from "./digest";
import { runTick } from "./tick";
import { deliverToContactPoints } from "./channels/deliveries";

export const alertJobs = [
  {
    name: "alerts-scan",
    cron: "* * * * *",
    timeZone: "UTC",
    description: "Plans the reminders and notices due now (late ones after downtime), gathers them into emails, sends the outbox.",
    handler: ({ db, config, now }) => runTick(db, config, now, { digests: false }),
  },
  {
    // Every quarter hour, so that 08:00 in any zone (all UTC offsets are whole quarter hours) is met on time.
    name: "alerts-digest",
    cron: "0,15,30,45 * * * *",
    timeZone: "UTC",
    description: "Sends the daily digest to everyone whose 08:00 local time has come (due in 14 days, changes, missed).",
    handler: async ({ db, config, now }) => ({ digests: await composeDigests(db, config, now), deliver: await deliverEmails(db, config, now) }),
  },
  {
    name: "alerts-retry",
    cron: "*/2 * * * *",
    timeZone: "UTC",
    description: "Retries failed deliveries (email and contact points) whose backoff has passed and takes over what a dead worker left leased.",
    handler: async ({ db, config, now }) => ({ email: await deliverEmails(db, config, now), channels: await deliverToContactPoints(db, config, now) }),
  },
] as const satisfies readonly JobDefinition[];
