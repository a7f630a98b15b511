// Pure rules of the status screen page (components/screen/**): no I/O, the instant is always passed in (the
// server's clock as the screen estimates it, never the TV's own).
import type { DeadlineGlanceState } from "./constants";
import type { ScreenConfig } from "./schemas";

/** Silence (no event, no ping) longer than this marks the data stale; the server pings every 15 s. */
export const STALE_AFTER_MS = 60_000;

/** `?staleAfter=<seconds>` (tests) may only shorten the threshold, never lengthen it. */
export function staleAfterMs(param: string | null): number {
  const seconds = Number(param);
  return param && Number.isFinite(seconds) && seconds > 0 && seconds <= STALE_AFTER_MS / 1000 ? seconds * 1000 : STALE_AFTER_MS;
}

/**
 * How a deadline looks at `now`: the snapshot's state recomputed from its amberAt/redAt, so colours change
 * between two snapshots (server/screens/rules.ts `deadlineGlance` decides the same at snapshot time).
 */
export function glanceAt(d: { status: string; dueAt: string; amberAt: string; redAt: string }, now: number): DeadlineGlanceState {
  if (d.status !== "upcoming" || now >= Date.parse(d.dueAt)) return "passed";
  if (now >= Date.parse(d.redAt)) return "red";
  if (now >= Date.parse(d.amberAt)) return "amber";
  return "normal";
}

const wallClock = new Map<string, Intl.DateTimeFormat>();
/** Minutes since midnight of `now` on the wall clock of `zone`. */
export function minutesOfDay(now: number, zone: string): number {
  let f = wallClock.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", hour: "2-digit", minute: "2-digit" });
    wallClock.set(zone, f);
  }
  const parts = f.formatToParts(now);
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0) % 24;
  return hour * 60 + Number(parts.find((p) => p.type === "minute")?.value ?? 0);
}

const hhmm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** Opacity of the black night overlay: 1 − dimPercent/100 between `from` and `to` (may span midnight), else 0. */
export function nightOverlayOpacity(night: ScreenConfig["night"], now: number): number {
  if (!night) return 0;
  const m = minutesOfDay(now, night.zone);
  const from = hhmm(night.from);
  const to = hhmm(night.to);
  const inNight = from < to ? m >= from && m < to : m >= from || m < to;
  return inNight ? Math.round(100 - night.dimPercent) / 100 : 0;
}

/** Burn-in protection: the whole picture moves a few pixels every few minutes, around a small square. */
export const SHIFT_EVERY_MS = 3 * 60_000;
const SHIFTS = [
  [0, 0],
  [3, 0],
  [3, 3],
  [0, 3],
  [-3, 3],
  [-3, 0],
  [-3, -3],
  [0, -3],
  [3, -3],
] as const;
export function burnInShift(now: number): { x: number; y: number } {
  const [x, y] = SHIFTS[Math.floor(now / SHIFT_EVERY_MS) % SHIFTS.length]!;
  return { x, y };
}

/**
 * Which panel a rotation shows at `elapsedMs` since it started: each for its own duration, then round again.
 * Computed from the elapsed time, so no per-panel timer is needed.
 */
export function rotationIndex(durationsSeconds: readonly number[], elapsedMs: number): number {
  const total = durationsSeconds.reduce((a, b) => a + b, 0) * 1000;
  if (!total || durationsSeconds.length < 2) return 0;
  let t = ((elapsedMs % total) + total) % total;
  for (let i = 0; i < durationsSeconds.length; i++) {
    t -= durationsSeconds[i]! * 1000;
    if (t < 0) return i;
  }
  return 0;
}

/** "{name}" placeholders of the screen's messages. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
