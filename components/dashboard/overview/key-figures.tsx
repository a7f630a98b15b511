// The overview's key figures: the next deadline with its countdown, the KOSPI's last close, the support committed
// and the trade balance.
import { MARKET_STALE_DAYS } from "@/server/market/constants";
import { getTranslations } from "@/i18n/translations";
import { Countdown } from "@/components/dashboard/countdown";
import { SourcesPopover } from "@/components/dashboard/sources-popover";
import { TitledCard } from "@/components/ui/card";
import { formatDate, formatMoney, formatNumber, formatPct, titleIn, type DisplayLocale } from "@/lib/format";
import type { AsOf } from "@/server/core/as-of";
import type { SourceRef } from "@/server/core/citations";
import type { Overview } from "@/server/dashboard/overview";
import { ConflictNote, sourcesOf, ZonedInstant } from "./bits";

/** Calendar days from the last close to the as-of day beyond which the feed is behind (a long weekend plus holidays). */

type Shown = { asOf: AsOf; live: boolean; locale: DisplayLocale };

export async function KeyFigures({ overview, marketSources, ...shown }: Shown & { overview: Overview; marketSources: SourceRef[] }) {
  const t = await getTranslations();
  return (
    <section className="mb-8 grid gap-4 md:grid-cols-2 xl:grid-cols-4" aria-label={t("overview.keyFigures")}>
      <NextDeadlineTile next={overview.nextDeadline} {...shown} />
      <KospiTile market={overview.market} sources={marketSources} {...shown} />
      <SupportTile support={overview.support} locale={shown.locale} />
      <TradeTile trade={overview.tradeBalance} locale={shown.locale} />
    </section>
  );
}

async function NextDeadlineTile({ next, asOf, live, locale }: Shown & { next: Overview["nextDeadline"] }) {
  const t = await getTranslations();
  return (
    <TitledCard title={t("tiles.nextDeadline")} contentClassName="space-y-2" data-testid="next-deadline">
      {next ? (
        <>
          <p className="font-semibold" data-testid="next-deadline-title">
            {titleIn(next, locale)}
          </p>
          <Countdown
            dueAt={next.dueAt.toISOString()}
            asOf={asOf.at.toISOString()}
            live={live}
            title={titleIn(next, locale)}
            className="text-2xl font-bold"
          />
          <ZonedInstant instant={next.dueAt} legalZone={next.dueZone} locale={locale} />
          <SourcesPopover sources={sourcesOf(next.sources)} label={titleIn(next, locale)} />
        </>
      ) : (
        <p className="text-sm text-muted-foreground">{t("tiles.noDeadline")}</p>
      )}
    </TitledCard>
  );
}

async function KospiTile({ market, sources, asOf, locale }: Shown & { market: Overview["market"]; sources: SourceRef[] }) {
  const t = await getTranslations();
  const lagDays = market ? Math.round((Date.parse(asOf.date) - Date.parse(market.date)) / 86_400_000) : 0;
  return (
    <TitledCard title={t("tiles.kospi")} contentClassName="space-y-1" data-testid="kospi-tile">
      {market ? (
        <>
          <p className="text-3xl font-bold tabular-nums">
            {formatNumber(market.close, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
          </p>
          {market.changePct !== null && (
            <p className={market.changePct >= 0 ? "font-semibold text-success-fg" : "font-semibold text-danger-fg"}>
              {formatPct(market.changePct, locale, { signed: true })}
            </p>
          )}
          <p className="text-sm text-muted-foreground">{t("overview.closeOn", { date: formatDate(market.date, locale) })}</p>
          {lagDays > MARKET_STALE_DAYS && (
            <p role="status" className="rounded-md bg-warning-bg px-2 py-1 text-xs text-warning-fg" data-testid="kospi-stale">
              {t("tiles.staleMarket", { days: lagDays })}
            </p>
          )}
          <SourcesPopover sources={sourcesOf(sources)} label={t("tiles.kospi")} />
        </>
      ) : (
        <p className="text-sm text-muted-foreground">{t("tiles.noData")}</p>
      )}
    </TitledCard>
  );
}

async function SupportTile({ support, locale }: { support: Overview["support"]; locale: DisplayLocale }) {
  const t = await getTranslations();
  const rateNoted = support.items[0]?.usdRateNote ? support.items[0] : null;
  return (
    <TitledCard title={t("tiles.supportCommitted")} contentClassName="space-y-1" data-testid="support-tile">
      <p className="text-3xl font-bold tabular-nums">{formatMoney(support.committedKrw, "KRW", locale)}</p>
      <p className="text-sm">≈ {formatMoney(support.committedUsd, "USD", locale)}</p>
      <p className="text-sm text-muted-foreground">
        {t("support.split", {
          passed: formatMoney(support.committedKrw, "KRW", locale),
          proposed: formatMoney(support.proposedKrw, "KRW", locale),
        })}
      </p>
      {rateNoted && (
        <p className="text-xs text-muted-foreground">{t("overview.usdRate", { rate: formatNumber(rateNoted.usdRate ?? 0, locale) })}</p>
      )}
      <SourcesPopover sources={sourcesOf(support.items.flatMap((b) => b.sources))} label={t("tiles.supportCommitted")} />
    </TitledCard>
  );
}

async function TradeTile({ trade, locale }: { trade: Overview["tradeBalance"]; locale: DisplayLocale }) {
  const t = await getTranslations();
  return (
    <TitledCard title={t("tiles.tradeBalance")} contentClassName="space-y-1" data-testid="trade-tile">
      {trade ? (
        <>
          <p className="text-3xl font-bold tabular-nums">{formatMoney(trade.value, "USD", locale)}</p>
          <p className="text-sm text-muted-foreground">
            {titleIn(trade, locale)}
            {trade.period ? ` · ${trade.period}` : ""}
          </p>
          <SourcesPopover sources={sourcesOf(trade.sources)} conflict={ConflictNote(trade.conflicts, locale)} label={titleIn(trade, locale)} />
        </>
      ) : (
        <p className="text-sm text-muted-foreground">{t("tiles.noData")}</p>
      )}
    </TitledCard>
  );
}
