// Deadline rules: status as of an instant, countdowns, the next deadline, postponement chains.
import type { DeadlineStatus } from "@/server/core/constants";

export type DeadlineLike = {
  deadlineKey: string;
  dueAt: Date;
  status: DeadlineStatus;
  postponedToKey: string | null;
};

/** A deadline still marked upcoming whose instant has gone by is shown as passed (nothing recorded about it). */
export function statusAt(d: DeadlineLike, at: Date): DeadlineStatus {
  return d.status === "upcoming" && d.dueAt.getTime() <= at.getTime() ? "passed" : d.status;
}

export type DurationParts = { days: number; hours: number; minutes: number; seconds: number };

/** Whole days, hours, minutes and seconds in a duration (negative or non-finite counts as zero). */
export function durationParts(ms: number): DurationParts {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3_600),
    minutes: Math.floor((total % 3_600) / 60),
    seconds: total % 60,
  };
}

export type Countdown = DurationParts & { ms: number; past: boolean };

/** Time left from `at` to `due`; `days` counts whole days (23 d 13 h left → 23). */
export function countdown(due: Date, at: Date): Countdown {
  const ms = due.getTime() - at.getTime();
  return { ms, ...durationParts(Math.abs(ms)), past: ms <= 0 };
}

/** Deadlines still ahead at `at` (status upcoming, instant after `at`), soonest first. */
export function upcomingDeadlines<D extends DeadlineLike>(deadlines: D[], at: Date): D[] {
  return deadlines
    .filter((d) => statusAt(d, at) === "upcoming")
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * Postponement chains (Apr 9 → Jul 9 → Aug 1): each chain runs from a deadline nobody postponed into, along
 * `postponedToKey`, to the last deadline. Only chains of two or more are returned; cycles are cut.
 */
export function postponementChains<D extends DeadlineLike>(deadlines: D[]): D[][] {
  const byKey = new Map(deadlines.map((d) => [d.deadlineKey, d]));
  const targets = new Set(deadlines.map((d) => d.postponedToKey).filter((k): k is string => k !== null));
  const chains: D[][] = [];
  for (const root of deadlines) {
    if (targets.has(root.deadlineKey) || !root.postponedToKey) continue;
    const chain: D[] = [root];
    const seen = new Set([root.deadlineKey]);
    let next = root.postponedToKey ? byKey.get(root.postponedToKey) : undefined;
    while (next && !seen.has(next.deadlineKey)) {
      chain.push(next);
      seen.add(next.deadlineKey);
      next = next.postponedToKey ? byKey.get(next.postponedToKey) : undefined;
    }
    if (chain.length > 1) chains.push(chain);
  }
  return chains.sort((a, b) => a[0]!.dueAt.getTime() - b[0]!.dueAt.getTime());
}

/** The `n` chains that end latest (by their last deadline), still in their order (first deadline first). */
export function latestChains<D extends DeadlineLike>(chains: D[][], n: number): D[][] {
  const end = (c: D[]) => c.at(-1)!.dueAt.getTime();
  const kept = new Set([...chains].sort((a, b) => end(b) - end(a)).slice(0, Math.max(0, n)));
  return chains.filter((c) => kept.has(c));
}
