// One planning pass at `now`: index what changed (schedule.ts), then fan out what has fallen due (fan-out.ts). Its
// cost follows the changes and what is due, not the number of subscriptions or deadlines: with nothing changed and
// nothing due it is two index probes.
import type { Db } from "@/db/client";
import { fanOutDue, type FanOutResult } from "./fan-out";
import { drainChanges, type ScheduleResult } from "./schedule";

export type PlanResult = {
  /** Notifications worked out (already planned ones included) and newly inserted. */
  considered: number;
  inserted: number;
  changes: ScheduleResult;
  fanOut: FanOutResult;
};

export async function planAlerts(db: Db, now: Date): Promise<PlanResult> {
  const changes = await drainChanges(db, now);
  const fanOut = await fanOutDue(db, now);
  return {
    considered: changes.plan.considered + fanOut.considered,
    inserted: changes.plan.inserted + fanOut.inserted,
    changes,
    fanOut,
  };
}
