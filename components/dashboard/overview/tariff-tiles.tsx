// The overview's first tile group: the tariff in force in each sector, with what is announced next and its sources.
import Link from "next/link";
import { getTranslations } from "@/i18n/translations";
import { SourcesPopover } from "@/components/dashboard/sources-popover";
import { Badge, statusTone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { withAsOf } from "@/lib/as-of";
import { formatDateIn, formatNumber, type DisplayLocale } from "@/lib/format";
import type { TariffTile as Tile } from "@/server/dashboard/tariffs";
import { ConflictNote, sourcesOf } from "./bits";

export async function TariffTiles({ tiles, asOfParam, locale }: { tiles: Tile[]; asOfParam: string | null; locale: DisplayLocale }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="tariffs-heading" className="mb-8">
      <h2 id="tariffs-heading" className="mb-3 text-lg font-semibold">
        {t("tiles.tariffInForce")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="tariff-tiles">
        {tiles.map((tile) => (
          <TariffTile key={tile.sector} tile={tile} asOfParam={asOfParam} locale={locale} />
        ))}
      </div>
    </section>
  );
}

async function TariffTile({ tile, asOfParam, locale }: { tile: Tile; asOfParam: string | null; locale: DisplayLocale }) {
  const t = await getTranslations();
  const { inForce } = tile;
  return (
    <Card data-testid={`tariff-tile-${tile.sector}`}>
      <CardHeader>
        <CardTitle>
          <Link className="hover:underline" href={withAsOf(`/sectors/${tile.sector}`, "", asOfParam)}>
            {t(`sectors.${tile.sector}`)}
          </Link>
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-2">
        {inForce ? (
          <>
            <p className="flex flex-wrap items-baseline gap-2">
              <span className="text-3xl font-bold tabular-nums" data-testid="tariff-rate">
                {inForce.ratePct === null ? "—" : `${formatNumber(inForce.ratePct, locale)}%`}
              </span>
              <Badge tone={statusTone("measure", inForce.status)}>{t(`measureStatus.${inForce.status}`)}</Badge>
            </p>
            <p className="text-sm text-muted-foreground">
              {inForce.effectiveAt &&
                t("tiles.since", { date: formatDateIn(inForce.effectiveAt, inForce.effectiveZone ?? "UTC", locale) })}{" "}
              · {inForce.instrument}
            </p>
          </>
        ) : (
          <p className="text-sm text-muted-foreground">{t("overview.noneInForce")}</p>
        )}
        {tile.pending.map((p) => (
          <p key={p.measureKey} className="text-sm">
            <Badge tone={statusTone("measure", p.status)}>{t(`measureStatus.${p.status}`)}</Badge>{" "}
            {p.ratePct !== null && <strong>{formatNumber(p.ratePct, locale)}%</strong>}{" "}
            {p.effectiveAt
              ? t("overview.from", { date: formatDateIn(p.effectiveAt, p.effectiveZone ?? "UTC", locale) })
              : t("overview.noDate")}
          </p>
        ))}
        <SourcesPopover sources={sourcesOf(tile.sources)} conflict={ConflictNote(tile.conflicts, locale)} label={t(`sectors.${tile.sector}`)} />
      </CardContent>
    </Card>
  );
}
