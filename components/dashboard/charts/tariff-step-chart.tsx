"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { chartMargin, timeAxisProps } from "./time-axis";
import { formatDateIn, formatNumber, type DisplayLocale } from "@/lib/format";

export type StepSeries = { sector: string; steps: { t: number; ratePct: number | null }[] };

export const SECTOR_COLORS: Record<string, string> = {
  all_goods: "#2563eb",
  autos: "#dc2626",
  auto_parts: "#ea580c",
  steel_aluminium: "#7c3aed",
  copper: "#b45309",
  semiconductors: "#059669",
  pharmaceuticals: "#db2777",
  lumber: "#4d7c0f",
};

/** Merges per-sector steps into rows keyed by time; each sector keeps its last rate until the next change. */
export function mergeSteps(series: StepSeries[], end: number) {
  const times = [...new Set(series.flatMap((s) => s.steps.map((p) => p.t)).concat(end))].sort((a, b) => a - b);
  return times.map((t) => {
    const row: Record<string, number | null> = { t };
    for (const s of series) {
      const last = s.steps.filter((p) => p.t <= t).at(-1);
      row[s.sector] = last ? last.ratePct : null;
    }
    return row;
  });
}


export function TariffStepChart({ series, end, locale }: { series: StepSeries[]; end: number; locale: DisplayLocale }) {
  const t = useTranslations();
  const rows = mergeSteps(series, end);
  return (
    <div className="h-72 w-full" role="img" aria-label={t("charts.tariffRates")}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 288 }}>
        <LineChart data={rows} margin={chartMargin}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" />
          <XAxis {...timeAxisProps(locale)} />
          <YAxis unit="%" stroke="var(--color-muted-foreground)" fontSize={12} width={44} />
          <Tooltip
            labelFormatter={(v) => formatDateIn(new Date(Number(v)), "Asia/Seoul", locale)}
            formatter={(value, name) => [value === null || value === undefined ? "—" : `${formatNumber(Number(value), locale)}%`, t(`sectors.${String(name)}` as never)]}
            contentStyle={{ background: "var(--color-popover)", color: "var(--color-popover-foreground)", borderColor: "var(--color-border)" }}
          />
          <Legend formatter={(name) => t(`sectors.${String(name)}` as never)} />
          {series.map((s) => (
            <Line
              key={s.sector}
              type="stepAfter"
              dataKey={s.sector}
              stroke={SECTOR_COLORS[s.sector] ?? "#64748b"}
              strokeWidth={2}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
