// Which reminders a scan plans for one subscription and one deadline — pure, table-tested.
//
// - A reminder is armed only if its instant came while both the subscription and the deadline's current due time
//   were known (`armedSince`): a subscription made today does not get last week's 30-day reminder, and a deadline
//   postponed today to a date 20 days ahead does not fire a stale 30-day reminder for the new date.
// - Of the armed reminders whose instant has come (due or late), only the latest goes out; earlier ones are skipped
//   as superseded (after downtime, "1 day before" replaces "7 days before" — one email, not a burst).
// - A reminder whose deadline has passed is missed: a line in the next digest, never sent as if ahead — unless a
//   later reminder (the due-time one) goes out now, which supersedes it.
// - Reminders falling within `lookaheadMinutes` after now are planned now, so that reminders for one person a few
//   minutes apart can share one email.
import { REMINDER_GRACE_MINUTES } from "./constants";
import { classifyReminder, formatOffset, reminderAt, type Offset } from "./reminder-rules";

export type PlannedReminder = {
  offset: string;
  remindAt: Date;
  /** queued: to send (late when it fell due while nothing ran); skipped: superseded; missed: for the digest. */
  outcome: "queued" | "skipped" | "missed";
  late: boolean;
  reason: string | null;
};

export function planReminders({
  offsets,
  due,
  dueZone,
  armedSince,
  now,
  lookaheadMinutes = 0,
  graceMinutes = REMINDER_GRACE_MINUTES,
}: {
  offsets: readonly Offset[];
  due: Date;
  dueZone: string;
  armedSince: Date;
  now: Date;
  lookaheadMinutes?: number;
  graceMinutes?: number;
}): PlannedReminder[] {
  const horizon = now.getTime() + lookaheadMinutes * 60_000;
  const candidates = offsets
    .map((offset) => ({ offset: formatOffset(offset), remindAt: reminderAt(due, dueZone, offset) }))
    .filter((r) => r.remindAt.getTime() >= armedSince.getTime() && r.remindAt.getTime() <= horizon)
    .sort((a, b) => a.remindAt.getTime() - b.remindAt.getTime());
  const states = candidates.map((r) => {
    // A look-ahead reminder is classified at its own instant: on time by definition.
    const at = r.remindAt.getTime() > now.getTime() ? r.remindAt : now;
    return { ...r, state: classifyReminder({ due, remindAt: r.remindAt, now: at, graceMinutes }) };
  });
  const sendable = states.filter((r) => r.state === "due" || r.state === "late");
  const latest = sendable.at(-1);
  return states.map((r): PlannedReminder => {
    // A missed reminder earlier than one still being sent is superseded by it (the email says what is true now).
    if (r.state === "missed" && !(latest && r.remindAt.getTime() < latest.remindAt.getTime())) return { offset: r.offset, remindAt: r.remindAt, outcome: "missed", late: true, reason: "the deadline passed while nothing was running" };
    if (r === latest) return { offset: r.offset, remindAt: r.remindAt, outcome: "queued", late: r.state === "late", reason: null };
    return {
      offset: r.offset,
      remindAt: r.remindAt,
      outcome: "skipped",
      late: r.state !== "due",
      reason: `superseded by the ${latest!.offset === "0" ? "due-time" : `${latest!.offset}`} reminder`,
    };
  });
}
