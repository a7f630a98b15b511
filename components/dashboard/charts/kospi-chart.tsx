"use client";

import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { chartMargin, timeAxisProps } from "./time-axis";
import { formatDate, formatNumber, formatPct, type DisplayLocale } from "@/lib/format";

/** A trading day, or a bucket of days (`dateTo` its last; left out when it is the same day, to keep the page small). */
export type ChartPoint = { date: string; dateTo?: string; close: number };
export type ChartEvent = {
  key: string;
  title: string;
  reactionDate: string;
  dayPct: number | null;
  window1Pct: number | null;
  window5Pct: number | null;
};
type Row = { t: number; date: string; close: number; eventClose: number | null; events: ChartEvent[] };

const ts = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Attaches each event to the point (bucket) whose date range holds the trading day it met. */
export function attachEvents(points: ChartPoint[], events: ChartEvent[]): Row[] {
  const rows: Row[] = points.map((p) => ({ t: ts(p.date), date: p.date, close: p.close, eventClose: null, events: [] }));
  for (const e of events) {
    const i = points.findIndex((p) => p.date <= e.reactionDate && e.reactionDate <= (p.dateTo ?? p.date));
    if (i < 0) continue;
    rows[i]!.events.push(e);
    rows[i]!.eventClose = rows[i]!.close;
  }
  return rows;
}

function ReactionTooltip({ active, payload, locale }: { active?: boolean; payload?: { payload: Row }[]; locale: DisplayLocale }) {
  const t = useTranslations("reaction");
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const pct = (v: number | null) => (v === null ? "—" : formatPct(v, locale, { signed: true }));
  return (
    <div className="max-w-xs rounded-md border border-border bg-popover p-2 text-xs text-popover-foreground shadow">
      <p className="font-semibold">
        {formatDate(row.date, locale)} · {formatNumber(row.close, locale, { maximumFractionDigits: 2 })}
      </p>
      {row.events.map((e) => (
        <div key={e.key} className="mt-1 border-t border-border pt-1">
          <p>{e.title}</p>
          <p className="text-muted-foreground">
            {t("day")} {pct(e.dayPct)} · {t("window1")} {pct(e.window1Pct)} · {t("window5")} {pct(e.window5Pct)}
          </p>
        </div>
      ))}
    </div>
  );
}

export function KospiChart({ points, events, locale }: { points: ChartPoint[]; events: ChartEvent[]; locale: DisplayLocale }) {
  const t = useTranslations("charts");
  const rows = attachEvents(points, events);
  return (
    <div className="h-80 w-full" role="img" aria-label={t("kospiEvents")} data-testid="kospi-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 320 }}>
        <ComposedChart data={rows} margin={chartMargin}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" />
          <XAxis {...timeAxisProps(locale)} />
          <YAxis domain={["auto", "auto"]} stroke="var(--color-muted-foreground)" fontSize={12} width={56} />
          <Tooltip content={<ReactionTooltip locale={locale} />} />
          <Line type="monotone" dataKey="close" stroke="var(--color-chart-1)" strokeWidth={1.5} dot={false} isAnimationActive={false} />
          <Scatter dataKey="eventClose" fill="var(--color-chart-2)" stroke="var(--color-background)" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
