// Tariff rates over time as steps, drawn on the server as plain SVG: a handful of rate changes per sector needs no
// charting library in the browser (Recharts was the largest script of the sector pages and the main thread's
// biggest task on a phone). Each step has a <title> (its rate and since when) for hover and assistive tools.
import { getTranslations } from "@/i18n/translations";
import { formatDateIn, formatNumber, type DisplayLocale } from "@/lib/format";
import { SECTOR_COLORS } from "./colors";
import { rateTicks, round1, stepPath, stepSegments, type StepSeries } from "./steps";

export type { StepSeries } from "./steps";

const W = 640;
const H = 288;
const M = { top: 10, right: 16, bottom: 28, left: 44 };
const X_TICKS = 5;

export async function StepChart({ series, end, locale }: { series: StepSeries[]; end: number; locale: DisplayLocale }) {
  const t = await getTranslations();
  const times = series.flatMap((s) => s.steps.map((p) => p.t)).filter((x) => x <= end);
  const start = Math.min(...times, end - 86_400_000);
  const ticksY = rateTicks(Math.max(0, ...series.flatMap((s) => s.steps.map((p) => p.ratePct ?? 0))));
  const top = ticksY.at(-1)!;
  const x = (v: number) => M.left + ((v - start) / Math.max(1, end - start)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / top) * (H - M.top - M.bottom);
  const ticksX = Array.from({ length: X_TICKS }, (_, i) => start + ((end - start) * i) / (X_TICKS - 1));
  const name = (s: StepSeries) => s.label ?? t(`sectors.${s.sector}` as never);
  return (
    <figure className="w-full">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={t("charts.tariffRates")}>
        {ticksY.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={round1(y(v))} y2={round1(y(v))} stroke="var(--color-border)" strokeDasharray="3 3" />
            <text x={M.left - 6} y={round1(y(v))} dy="0.32em" textAnchor="end" fontSize={12} fill="var(--color-muted-foreground)">
              {formatNumber(v, locale)}%
            </text>
          </g>
        ))}
        {ticksX.map((v, i) => (
          <text key={v} x={round1(x(v))} y={H - 8} fontSize={12} fill="var(--color-muted-foreground)" textAnchor={i === 0 ? "start" : i === X_TICKS - 1 ? "end" : "middle"}>
            {formatDateIn(new Date(v), "Asia/Seoul", locale)}
          </text>
        ))}
        {series.map((s) => {
          const segments = stepSegments(s.steps, x, y, end);
          return (
            <g key={s.sector} stroke={SECTOR_COLORS[s.sector] ?? "#64748b"} strokeWidth={2} fill="none">
              <path d={stepPath(segments)} pointerEvents="none" />
              {/* Wide invisible hover targets, one per step, with its rate and date (their stroke set once, here). */}
              <g strokeWidth={6} stroke="transparent">
                {segments.map((seg) => (
                  <line key={seg.from} x1={round1(seg.x1)} x2={round1(seg.x2)} y1={round1(seg.y)} y2={round1(seg.y)}>
                    <title>{`${name(s)}: ${formatNumber(seg.ratePct, locale)}% · ${formatDateIn(new Date(seg.from), "Asia/Seoul", locale)}`}</title>
                  </line>
                ))}
              </g>
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <figcaption className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs">
          {series.map((s) => (
            <span key={s.sector} className="inline-flex items-center gap-1.5">
              <span aria-hidden className="inline-block h-0.5 w-4" style={{ background: SECTOR_COLORS[s.sector] ?? "#64748b" }} />
              {name(s)}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
