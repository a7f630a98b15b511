"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { countdownParts } from "@/lib/format";
import { cn } from "@/lib/cn";

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Time left until `dueAt`, measured from the instant the page was rendered for (`asOf`).
 * The first render (server and client alike) uses `asOf` only, so hydration matches. With `live`, it then
 * ticks once a second: the clock starts at `asOf` and advances with the browser's elapsed time, so a wrong
 * client clock does not shift it. A historical (as-of) view passes `live={false}` and stays frozen.
 */
export function Countdown({
  dueAt,
  asOf,
  live,
  title,
  className,
}: {
  /** ISO instant (UTC) the deadline falls due. */
  dueAt: string;
  /** ISO instant the page was rendered for. */
  asOf: string;
  live: boolean;
  /** What is due, for the accessible label ("Time left until August 1 tariffs: …"). */
  title?: string;
  className?: string;
}) {
  const t = useTranslations("countdown");
  const due = Date.parse(dueAt);
  const start = Date.parse(asOf);
  const [now, setNow] = useState(start);

  useEffect(() => {
    setNow(start);
    if (!live || Number.isNaN(start)) return;
    const offset = Date.now() - start; // page's asOf vs the browser clock at mount
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const current = Date.now() - offset;
      setNow(current);
      if (current >= due) return; // passed: nothing left to count
      // Wake just after the next whole second of the remaining time, so the seconds never skip.
      const msToNextSecond = ((due - current) % 1000) + 5;
      timer = setTimeout(tick, msToNextSecond);
    };
    tick();
    return () => clearTimeout(timer);
  }, [due, start, live]);

  const remaining = due - now;
  const passed = Number.isNaN(remaining) || remaining <= 0;

  if (passed) {
    return (
      <span
        role="timer"
        aria-label={title ? t("passedFor", { title }) : t("passed")}
        className={cn("font-semibold tabular-nums", className)}
      >
        {t("passed")}
      </span>
    );
  }

  const { days, hours, minutes, seconds } = countdownParts(remaining);
  const text = [
    days > 0 ? `${days}${t("units.days")}` : null,
    `${days > 0 ? pad2(hours) : hours}${t("units.hours")}`,
    `${pad2(minutes)}${t("units.minutes")}`,
    `${pad2(seconds)}${t("units.seconds")}`,
  ]
    .filter(Boolean)
    .join(" ");
  const spoken = t("label", { days, hours, minutes, seconds });

  return (
    <span
      role="timer"
      aria-label={title ? t("labelFor", { title, remaining: spoken }) : spoken}
      className={cn("font-semibold tabular-nums", className)}
    >
      {text}
    </span>
  );
}
