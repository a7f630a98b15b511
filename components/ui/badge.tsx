import type { ComponentProps } from "react";
import type { BudgetStatus, DeadlineStatus, MeasureStatus } from "@/server/core/constants";
import { cn } from "@/lib/cn";

export const BADGE_TONES = ["neutral", "info", "warning", "danger", "success"] as const;
export type BadgeTone = (typeof BADGE_TONES)[number];

const toneClasses: Record<BadgeTone, string> = {
  neutral: "bg-neutral-bg text-neutral-fg border-neutral-fg/25",
  info: "bg-info-bg text-info-fg border-info-fg/25",
  warning: "bg-warning-bg text-warning-fg border-warning-fg/25",
  danger: "bg-danger-bg text-danger-fg border-danger-fg/25",
  success: "bg-success-bg text-success-fg border-success-fg/25",
};

/** Tone classes without the badge shape, for warning lines and callouts. */
export function toneClassName(tone: BadgeTone): string {
  return toneClasses[tone];
}

export function Badge({ tone = "neutral", className, ...props }: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn(
        "badge", // app/globals.css
        toneClasses[tone],
        className,
      )}
      {...props}
    />
  );
}

const measureTones: Record<MeasureStatus, BadgeTone> = {
  threatened: "warning",
  announced: "warning",
  in_effect: "danger",
  paused: "info",
  superseded: "neutral",
  rescinded: "success",
};

const deadlineTones: Record<DeadlineStatus, BadgeTone> = {
  upcoming: "info",
  met: "success",
  passed: "neutral",
  postponed: "warning",
  cancelled: "neutral",
};

const budgetTones: Record<BudgetStatus, BadgeTone> = {
  proposed: "warning",
  passed: "info",
  executed: "success",
};

/** Suggested badge tone for a status value of the given record type. */
export function statusTone(
  kind: "measure" | "deadline" | "budget",
  status: MeasureStatus | DeadlineStatus | BudgetStatus,
): BadgeTone {
  const table: Record<string, BadgeTone> =
    kind === "measure" ? measureTones : kind === "deadline" ? deadlineTones : budgetTones;
  return table[status] ?? "neutral";
}
