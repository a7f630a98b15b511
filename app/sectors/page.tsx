// Sectors: every tracked sector with the rate in force, linking to its page.
import Link from "next/link";
import { getTranslations } from "@/i18n/translations";
import { AsOfControl } from "@/components/layout/as-of-control";
import { AsOfNotice } from "@/components/dashboard/overview/bits";
import { PageHeader } from "@/components/layout/page-header";
import { Badge, statusTone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatNumber } from "@/lib/format";
import { SECTORS } from "@/server/core/constants";
import { withAsOf } from "@/lib/as-of";
import { pageContext, type SearchParams } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

export default async function SectorsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext(searchParams);
  const [t, board] = await Promise.all([getTranslations(), ctx.api.tariffs.board({ asOf: ctx.asOf.at.toISOString() })]);
  const bySector = new Map(board.map((tile) => [tile.sector, tile]));
  return (
    <>
      <PageHeader title={t("nav.sectors")} actions={<AsOfControl value={ctx.asOfParam} today={ctx.today} />} />
      <AsOfNotice asOf={ctx.asOf.at} live={ctx.live} invalid={ctx.invalidAsOf} locale={ctx.locale} />
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {SECTORS.map((sector) => {
          const tile = bySector.get(sector);
          return (
            <li key={sector}>
              <Card>
                <CardHeader>
                  <CardTitle>
                    <Link className="hover:underline" href={withAsOf(`/sectors/${sector}`, "", ctx.asOfParam)}>
                      {t(`sectors.${sector}`)}
                    </Link>
                  </CardTitle>
                </CardHeader>
                <CardContent className="flex items-baseline gap-2">
                  {tile?.inForce ? (
                    <>
                      <span className="text-2xl font-bold tabular-nums">
                        {tile.inForce.ratePct === null ? "—" : `${formatNumber(tile.inForce.ratePct, ctx.locale)}%`}
                      </span>
                      <Badge tone={statusTone("measure", tile.inForce.status)}>{t(`measureStatus.${tile.inForce.status}`)}</Badge>
                    </>
                  ) : (
                    <span className="text-sm text-muted-foreground">{t("overview.noneInForce")}</span>
                  )}
                </CardContent>
              </Card>
            </li>
          );
        })}
      </ul>
    </>
  );
}
