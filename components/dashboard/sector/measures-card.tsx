// A sector's measures: a page of them in a table with its sources, the legal instruments, and the latest versions known.
import { getTranslations } from "@/i18n/translations";
import { sourcesOf } from "@/components/dashboard/overview/bits";
import { SourcesPopover } from "@/components/dashboard/sources-popover";
import { Badge, statusTone } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { DataTable } from "@/components/ui/table";
import { formatDateIn, formatInstant, formatNumber, titleIn, type DisplayLocale } from "@/lib/format";
import type { SectorDetail } from "@/server/dashboard/sector";

type Measure = SectorDetail["measures"][number];

export async function MeasuresCard({
  detail,
  locale,
  pageHref,
}: {
  detail: SectorDetail;
  locale: DisplayLocale;
  /** The page of measures starting at `offset`. */
  pageHref: (offset: number) => string;
}) {
  const t = await getTranslations();
  const instruments = [...new Set(detail.measures.map((m) => m.instrument))];
  return (
    <TitledCard title={t("sector.measures")} className="mt-6" contentClassName="overflow-x-auto">
      <MeasuresTable measures={detail.measures} locale={locale} />
      <Pager offset={detail.offset} limit={detail.limit} shown={detail.measures.length} total={detail.measuresTotal} hrefFor={pageHref} />
      <p className="mt-3 text-sm">
        <span className="font-semibold">{t("sector.instruments")}:</span> {instruments.join(" · ")}
      </p>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium">{t("sector.versions", { count: detail.versionsTotal })}</summary>
        {detail.versions.length < detail.versionsTotal && (
          <p className="mt-2 text-sm text-muted-foreground">{t("sector.latestVersions", { shown: detail.versions.length })}</p>
        )}
        <ol className="mt-2 space-y-1 text-sm">
          {detail.versions.map((v) => (
            <li key={`${v.measureKey}-${v.knownAt.toISOString()}`}>
              <span className="text-muted-foreground">{formatDateIn(v.knownAt, "Asia/Seoul", locale)}</span> —{" "}
              {titleIn(v, locale)}: <Badge tone={statusTone("measure", v.status)}>{t(`measureStatus.${v.status}`)}</Badge>{" "}
              {v.ratePct !== null && `${formatNumber(v.ratePct, locale)}%`}
            </li>
          ))}
        </ol>
      </details>
    </TitledCard>
  );
}

async function MeasuresTable({ measures, locale }: { measures: Measure[]; locale: DisplayLocale }) {
  const t = await getTranslations();
  const instant = (at: Date | null, zone: string | null) => (at ? formatInstant(at, zone ?? "UTC", locale) : "—");
  return (
    <DataTable
      variant="ledger"
      density="dense"
      data-testid="sector-measures"
      rows={measures}
      rowKey={(m) => m.measureKey}
      columns={[
        { header: t("sector.measure"), cell: (m) => titleIn(m, locale) },
        {
          header: t("sector.rate"),
          cell: (m) => (m.ratePct === null ? "—" : `${formatNumber(m.ratePct, locale)}%`),
          align: "right",
          className: "tabular-nums",
        },
        {
          header: t("sector.status"),
          cell: (m) => <Badge tone={statusTone("measure", m.status)}>{t(`measureStatus.${m.status}`)}</Badge>,
        },
        { header: t("sector.instrument"), cell: (m) => m.instrument },
        { header: t("sector.effective"), cell: (m) => instant(m.effectiveAt, m.effectiveZone), className: "whitespace-nowrap" },
        { header: t("sector.ends"), cell: (m) => instant(m.endsAt, m.endsZone), className: "whitespace-nowrap" },
        { header: t("sources.title"), cell: (m) => <SourcesPopover sources={sourcesOf(m.sources)} label={titleIn(m, locale)} /> },
      ]}
    />
  );
}
