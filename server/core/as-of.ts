import { AS_OF_ZONE } from "./constants";
import { endOfDay, isIsoDate, localDate } from "./time";

export type AsOf = {
  /** The instant every read is answered for. */
  at: Date;
  /** The calendar day of `at` in Asia/Seoul. */
  date: string;
  /** False when the caller gave no date and `at` is simply now. */
  explicit: boolean;
};

export class InvalidAsOfError extends Error {
  constructor(readonly value: string) {
    super(`asOf must be a calendar date YYYY-MM-DD or an ISO-8601 instant with a zone; got "${value}"`);
    this.name = "InvalidAsOfError";
  }
}

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date means the end of that day in Asia/Seoul (everything known by 23:59:59.999 KST counts); an instant means
 * itself; nothing means `now`. A day that has not ended yet is answered as of `now`, never from the future.
 */
export function resolveAsOf(input: string | undefined | null, now: Date): AsOf {
  if (input == null || input === "") return { at: now, date: localDate(now, AS_OF_ZONE), explicit: false };
  if (isIsoDate(input)) {
    // A day that has not ended yet (today, or later) is answered as of now.
    const today = localDate(now, AS_OF_ZONE);
    if (input >= today) return { at: now, date: today, explicit: true };
    return { at: endOfDay(input, AS_OF_ZONE), date: input, explicit: true };
  }
  if (INSTANT_RE.test(input) && isIsoDate(input.slice(0, 10))) {
    const at = new Date(input);
    if (!Number.isNaN(at.getTime())) {
      const clamped = at.getTime() > now.getTime() ? now : at;
      return { at: clamped, date: localDate(clamped, AS_OF_ZONE), explicit: true };
    }
  }
  throw new InvalidAsOfError(input);
}
