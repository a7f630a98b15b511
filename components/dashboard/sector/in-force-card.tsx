// A sector's rate in force (when it took effect, in Washington and Seoul), what is pending, and its sources.
import { getTranslations } from "@/i18n/translations";
import { ConflictNote, sourcesOf, ZonedInstant } from "@/components/dashboard/overview/bits";
import { SourcesPopover } from "@/components/dashboard/sources-popover";
import { Badge, statusTone } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { formatNumber, textIn, titleIn, type DisplayLocale } from "@/lib/format";
import type { SectorDetail } from "@/server/dashboard/sector";

export async function InForceCard({ detail, name, locale }: { detail: SectorDetail; name: string; locale: DisplayLocale }) {
  const t = await getTranslations();
  const { inForce } = detail;
  return (
    <TitledCard title={t("tiles.tariffInForce")} contentClassName="space-y-2" data-testid="sector-in-force">
      {inForce ? (
        <>
          <p className="flex items-baseline gap-2">
            <span className="text-4xl font-bold tabular-nums">
              {inForce.ratePct === null ? "—" : `${formatNumber(inForce.ratePct, locale)}%`}
            </span>
            <Badge tone={statusTone("measure", inForce.status)}>{t(`measureStatus.${inForce.status}`)}</Badge>
          </p>
          <p className="text-sm">{titleIn(inForce, locale)}</p>
          {inForce.rateNote && <p className="text-sm text-muted-foreground">{textIn(inForce.rateNote, inForce.rateNoteKo, locale)}</p>}
          {inForce.effectiveAt && (
            <ZonedInstant instant={inForce.effectiveAt} legalZone={inForce.effectiveZone ?? "UTC"} locale={locale} />
          )}
        </>
      ) : (
        <p className="text-sm text-muted-foreground">{t("overview.noneInForce")}</p>
      )}
      {detail.pending.map((p) => (
        <p key={p.measureKey} className="text-sm">
          <Badge tone={statusTone("measure", p.status)}>{t(`measureStatus.${p.status}`)}</Badge>{" "}
          {p.ratePct !== null && <strong>{formatNumber(p.ratePct, locale)}%</strong>} {titleIn(p, locale)}
        </p>
      ))}
      <SourcesPopover
        sources={sourcesOf(detail.measures.flatMap((m) => m.sources))}
        conflict={ConflictNote(detail.conflicts, locale)}
        label={name}
      />
    </TitledCard>
  );
}
