// Status screen rules (pure): how a deadline looks at a glance, and the pairing-code shape.
import type { DeadlineGlanceState } from "./constants";
import type { DeadlineStatus } from "@/server/core/constants";
import { reminderAt } from "@/server/alerts/reminder-rules";

/** Amber from this many calendar days before the deadline, red from this many. */
export const GLANCE_AMBER_DAYS = 7;
export const GLANCE_RED_DAYS = 1;

export type DeadlineGlance = {
  state: DeadlineGlanceState;
  /** When it turns amber and red: a screen flips its colour itself between two snapshots. */
  amberAt: Date;
  redAt: Date;
};

/**
 * A deadline at a glance at `now`. "Within 7 days" and "within 1 day" are calendar days in the zone the deadline was
 * stated in (the same wall-clock time 7 days / 1 day earlier, like reminder offsets): across a DST change "1 day
 * before" is 23 or 25 hours. Once its instant has come, or it was settled (met, postponed, cancelled), it is
 * "passed": the screen shows what happened instead of a countdown.
 */
export function deadlineGlance(d: { dueAt: Date; dueZone: string; status: DeadlineStatus }, now: Date): DeadlineGlance {
  const amberAt = reminderAt(d.dueAt, d.dueZone, { amount: GLANCE_AMBER_DAYS, unit: "d" });
  const redAt = reminderAt(d.dueAt, d.dueZone, { amount: GLANCE_RED_DAYS, unit: "d" });
  const t = now.getTime();
  const state: DeadlineGlanceState =
    d.status !== "upcoming" || t >= d.dueAt.getTime() ? "passed" : t >= redAt.getTime() ? "red" : t >= amberAt.getTime() ? "amber" : "normal";
  return { state, amberAt, redAt };
}

/** Pairing-code letters: no 0/O, 1/I/L, nor U/V look-alikes — easy to read off a phone and type on a TV remote. */
export const PAIRING_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789";
export const PAIRING_CODE_LENGTH = 6;

/** "K7M42Q" → "K7M-42Q" (how it is shown). */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** What was typed ("k7m 42q", "K7M-42Q") → the stored form, or null when it cannot be a code. */
export function normalizePairingCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== PAIRING_CODE_LENGTH) return null;
  return [...code].every((c) => PAIRING_ALPHABET.includes(c)) ? code : null;
}
