// Deadlines on a time axis with postponement chains drawn as linked arcs, plus the same content as a list for
// keyboard and screen-reader users. Server component: plain SVG, no client JS.
import { getTranslations } from "@/i18n/translations";
import { Badge, statusTone } from "@/components/ui/badge";
import { formatDateIn, formatInstant, type DisplayLocale } from "@/lib/format";
import type { DeadlineStatus } from "@/server/core/constants";

export type TimelineDeadline = {
  key: string;
  title: string;
  dueAt: string;
  dueZone: string;
  status: DeadlineStatus;
  postponedToKey: string | null;
  outcome: string | null;
};

const WINDOW_BEFORE_MS = 150 * 86_400_000;
const WINDOW_AFTER_MS = 200 * 86_400_000;
const W = 960;
const H = 140;
const PAD = 24;

const color = (s: DeadlineStatus) =>
  s === "upcoming" ? "var(--color-chart-1)" : s === "postponed" ? "var(--color-chart-3)" : s === "met" ? "var(--color-chart-2)" : "var(--color-muted-foreground)";

export async function DeadlineTimeline({
  deadlines,
  chains,
  asOf,
  locale,
}: {
  deadlines: TimelineDeadline[];
  chains: string[][];
  asOf: string;
  locale: DisplayLocale;
}) {
  const t = await getTranslations();
  if (deadlines.length === 0) return <p className="text-sm text-muted-foreground">{t("tiles.noDeadline")}</p>;
  // A window around the as-of instant keeps one far-off deadline from squeezing the rest; chain members always fit.
  const at = Date.parse(asOf);
  const chainKeys = new Set(chains.flat());
  const inWindow = deadlines.filter((d) => {
    const time = Date.parse(d.dueAt);
    return chainKeys.has(d.key) || (time >= at - WINDOW_BEFORE_MS && time <= at + WINDOW_AFTER_MS);
  });
  const times = inWindow.map((d) => Date.parse(d.dueAt)).concat(at);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const byKey = new Map(deadlines.map((d) => [d.key, d]));
  return (
    <div>
      <TimelineSvg shown={inWindow} chains={chains} byKey={byKey} asOf={asOf} min={min} max={max} />
      <div className="flex justify-between text-xs text-muted-foreground">
        <span>{formatDateIn(new Date(min), "Asia/Seoul", locale)}</span>
        <span>
          <span aria-hidden="true">┆ </span>
          {t("common.asOf")} {formatDateIn(asOf, "Asia/Seoul", locale)}
        </span>
        <span>{formatDateIn(new Date(max), "Asia/Seoul", locale)}</span>
      </div>
      {chains.length > 0 && <ChainList chains={chains} byKey={byKey} locale={locale} />}
    </div>
  );
}

/** The picture (hidden from screen readers: the chain list says the same): dots on an axis, arcs for postponements. */
function TimelineSvg({
  shown,
  chains,
  byKey,
  asOf,
  min,
  max,
}: {
  shown: TimelineDeadline[];
  chains: string[][];
  byKey: Map<string, TimelineDeadline>;
  asOf: string;
  min: number;
  max: number;
}) {
  const x = (iso: string) => PAD + ((Date.parse(iso) - min) / Math.max(1, max - min)) * (W - 2 * PAD);
  const arc = (from: TimelineDeadline, to: TimelineDeadline) => {
    const x1 = x(from.dueAt);
    const x2 = x(to.dueAt);
    const lift = Math.min(70, Math.max(24, (x2 - x1) / 3));
    return `M ${x1} ${H - 40} C ${x1} ${H - 40 - lift}, ${x2} ${H - 40 - lift}, ${x2} ${H - 46}`;
  };
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" aria-hidden="true" data-testid="deadline-timeline">
      <line x1={PAD} x2={W - PAD} y1={H - 40} y2={H - 40} stroke="var(--color-border)" strokeWidth={2} />
      <line x1={x(asOf)} x2={x(asOf)} y1={10} y2={H - 20} stroke="var(--color-foreground)" strokeDasharray="4 3" />
      {chains.map((chain) =>
        chain.slice(1).map((key, i) => {
          const from = byKey.get(chain[i]!);
          const to = byKey.get(key);
          if (!from || !to) return null;
          return (
            <path
              key={`${from.key}-${to.key}`}
              d={arc(from, to)}
              fill="none"
              stroke="var(--color-chart-3)"
              strokeWidth={2}
              markerEnd="url(#arrow)"
            />
          );
        }),
      )}
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--color-chart-3)" />
        </marker>
      </defs>
      {shown.map((d) => (
        <circle key={d.key} cx={x(d.dueAt)} cy={H - 40} r={6} fill={color(d.status)} stroke="var(--color-background)" strokeWidth={2} />
      ))}
    </svg>
  );
}

/** Each postponement chain as text: every date in turn, the postponed ones struck through. */
async function ChainList({ chains, byKey, locale }: { chains: string[][]; byKey: Map<string, TimelineDeadline>; locale: DisplayLocale }) {
  const t = await getTranslations();
  return (
    <ul className="mt-3 space-y-2" aria-label={t("overview.chains")}>
      {chains.map((chain) => (
        <li key={chain.join(">")} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm" data-testid="postponement-chain">
          {chain.map((key, i) => {
            const d = byKey.get(key);
            if (!d) return null;
            return (
              <span key={key} className="inline-flex items-center gap-2">
                {i > 0 && <span aria-label={t("overview.postponedToArrow")}>→</span>}
                <span className={d.status === "postponed" ? "line-through decoration-2" : "font-semibold"}>
                  {formatInstant(d.dueAt, d.dueZone, locale)}
                </span>
                <Badge tone={statusTone("deadline", d.status)}>{t(`deadlineStatus.${d.status}`)}</Badge>
              </span>
            );
          })}
        </li>
      ))}
    </ul>
  );
}
