// Props shared by the time-based charts' X axis: numeric UTC milliseconds, labelled as Seoul calendar days.
import { formatDateIn, type DisplayLocale } from "@/lib/format";

export function timeAxisProps(locale: DisplayLocale) {
  return {
    dataKey: "t",
    type: "number" as const,
    scale: "time" as const,
    domain: ["dataMin", "dataMax"] as [string, string],
    tickFormatter: (v: number) => formatDateIn(new Date(v), "Asia/Seoul", locale),
    stroke: "var(--color-muted-foreground)",
    fontSize: 12,
  };
}

export const chartMargin = { top: 8, right: 16, bottom: 8, left: 0 };
