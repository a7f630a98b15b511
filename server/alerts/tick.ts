// One scheduler pass at `now` (the clock is passed in: `npm run alerts -- tick --now …` replays any instant):
// compare watched products, plan what is due, gather it into emails (and digests, when `digests` is on), deliver the outbox. Every step is
// idempotent and safe to run from several processes at once; a dry run does all of it in a transaction that is
// rolled back, and reports what would have been sent.
import { and, eq, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertEmails } from "@/db/schema";
import { composeEmails, deliverEmails, type ComposeResult, type DeliverResult } from "./deliver";
import type { AlertsConfig } from "@/server/core/config";
import { composeDigests } from "./digest";
import { planAlerts, type PlanResult } from "./plan";
import { deliverToContactPoints, type ChannelDeliverResult } from "./channels/deliveries";
import { watchProducts, type WatchResult } from "@/server/products/watch";

export type TickResult = {
  now: string;
  /** Watched products compared with their last known duty (server/products/watch.ts). */
  watch: WatchResult;
  plan: PlanResult;
  compose: ComposeResult;
  digests: { digests: number; empty: number };
  deliver: DeliverResult;
  /** Slack, Teams and webhook contact points. */
  channels: ChannelDeliverResult;
  /** Dry run only: the emails that would have gone out. */
  wouldSend?: { to: string; kind: string; subject: string; late: boolean }[];
};

export type TickOptions = { dryRun?: boolean; digests?: boolean; deliver?: boolean };

class DryRunRollback extends Error {
  constructor(readonly result: TickResult) {
    super("dry run");
  }
}

async function pass(db: Db, config: AlertsConfig, now: Date, { digests = true, deliver = true }: TickOptions): Promise<TickResult> {
  const watch = await watchProducts(db, now);
  const plan = await planAlerts(db, now);
  const compose = await composeEmails(db, config, now);
  const digest = digests ? await composeDigests(db, config, now) : { digests: 0, empty: 0 };
  const delivered = deliver ? await deliverEmails(db, config, now) : { sent: 0, retried: 0, failed: 0, held: 0 };
  const channels = deliver ? await deliverToContactPoints(db, config, now) : { sent: 0, retried: 0, failed: 0 };
  return { now: now.toISOString(), watch, plan, compose, digests: digest, deliver: delivered, channels };
}

export async function runTick(db: Db, config: AlertsConfig, now: Date, options: TickOptions = {}): Promise<TickResult> {
  if (!options.dryRun) return pass(db, config, now, options);
  try {
    await db.transaction(async (tx) => {
      const txDb = tx as unknown as Db;
      const result = await pass(txDb, config, now, { ...options, deliver: false });
      const created = await txDb
        .select({ to: alertEmails.toAddress, kind: alertEmails.kind, subject: alertEmails.subject, late: alertEmails.late })
        .from(alertEmails)
        .where(and(eq(alertEmails.status, "pending"), gte(alertEmails.createdAt, now)));
      throw new DryRunRollback({ ...result, wouldSend: created });
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
  throw new Error("unreachable");
}
