// The arithmetic of the step chart (./step-chart.tsx), pure so it is tested on its own.

/** One line of the chart: a sector (named from the messages) or anything else given a `label`. */
export type StepSeries = { sector: string; label?: string; steps: { t: number; ratePct: number | null }[] };

export type StepSegment = { x1: number; x2: number; y: number; ratePct: number; from: number };

/** Horizontal segments (stepAfter) of one series in chart coordinates; a null rate is a gap. */
export function stepSegments(steps: StepSeries["steps"], scaleX: (t: number) => number, scaleY: (v: number) => number, end: number): StepSegment[] {
  const sorted = [...steps].filter((s) => s.t <= end).sort((a, b) => a.t - b.t);
  return sorted.flatMap((s, i) => {
    if (s.ratePct === null) return [];
    const until = sorted[i + 1]?.t ?? end;
    return [{ x1: scaleX(s.t), x2: scaleX(until), y: scaleY(s.ratePct), ratePct: s.ratePct, from: s.t }];
  });
}

/** Chart coordinates to a tenth of a unit: finer than a screen shows, and short in the HTML. */
export const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * One SVG path for a series' segments: each rate held as a horizontal run, joined by a vertical where the next
 * rate starts where the last ended, a new sub-path after a gap. One element per sector, not three per step.
 */
export function stepPath(segments: StepSegment[]): string {
  return segments
    .map((seg, i) => {
      const joined = i > 0 && segments[i - 1]!.x2 === seg.x1;
      return `${joined ? `V${round1(seg.y)}` : `M${round1(seg.x1)} ${round1(seg.y)}`}H${round1(seg.x2)}`;
    })
    .join("");
}

/** 0 to a round number at or above the highest rate, with its gridlines (every 5 up to 20 %, else every 10). */
export function rateTicks(max: number): number[] {
  const step = max <= 20 ? 5 : 10;
  const top = Math.max(step * 2, Math.ceil(max / step) * step);
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}
