// The overview's market card: the KOSPI with events marked on it, and the same reactions as a table.
import { getTranslations } from "@/i18n/translations";
import { LazyKospiChart } from "@/components/dashboard/charts/lazy";
import { TitledCard } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { formatDate, formatPct, titleIn, type DisplayLocale } from "@/lib/format";
import type { SeriesChart } from "@/server/market/chart";
import type { EventWithReaction } from "@/server/market/series";

export async function KospiCard({ chart, reactions, locale }: { chart: SeriesChart; reactions: EventWithReaction[]; locale: DisplayLocale }) {
  const t = await getTranslations();
  return (
    <TitledCard title={t("charts.kospiEvents")}>
      <LazyKospiChart
        locale={locale}
        points={chart.points.map((p) => (p.dateTo === p.date ? { date: p.date, close: p.close } : { date: p.date, dateTo: p.dateTo, close: p.close }))}
        events={reactions.flatMap((e) =>
          e.reaction
            ? [
                {
                  key: e.eventKey,
                  title: titleIn(e, locale),
                  reactionDate: e.reaction.date,
                  dayPct: e.reaction.dayPct,
                  window1Pct: e.reaction.window1Pct,
                  window5Pct: e.reaction.window5Pct,
                },
              ]
            : [],
        )}
      />
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium">{t("overview.reactionTable", { count: reactions.length })}</summary>
        <div className="mt-2 overflow-x-auto">
          <ReactionTable reactions={reactions} locale={locale} />
        </div>
      </details>
    </TitledCard>
  );
}

async function ReactionTable({ reactions, locale }: { reactions: EventWithReaction[]; locale: DisplayLocale }) {
  const t = await getTranslations();
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : formatPct(v, locale, { signed: true }));
  const numeric = { align: "right", className: "tabular-nums" } as const;
  return (
    <DataTable
      variant="ledger"
      density="dense"
      rows={reactions.slice().reverse()}
      rowKey={(e) => e.eventKey}
      columns={[
        { header: t("overview.event"), cell: (e) => titleIn(e, locale) },
        {
          header: t("overview.reactionDay"),
          cell: (e) => (e.reaction ? formatDate(e.reaction.date, locale) : "—"),
          className: "whitespace-nowrap",
        },
        { header: t("reaction.day"), cell: (e) => pct(e.reaction?.dayPct), ...numeric },
        { header: t("reaction.window1"), cell: (e) => pct(e.reaction?.window1Pct), ...numeric },
        { header: t("reaction.window5"), cell: (e) => pct(e.reaction?.window5Pct), ...numeric },
      ]}
    />
  );
}
