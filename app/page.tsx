// Overview: the tariff story as of a date. Server-rendered with its data; charts hydrate as client islands.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AsOfControl } from "@/components/layout/as-of-control";
import { BudgetChart } from "@/components/dashboard/charts/budget-chart";
import { KospiChart } from "@/components/dashboard/charts/kospi-chart";
import { TariffStepChart } from "@/components/dashboard/charts/tariff-step-chart";
import { Countdown } from "@/components/dashboard/countdown";
import { DeadlineTimeline } from "@/components/dashboard/overview/deadline-timeline";
import { AsOfNotice, ConflictNote, sourcesOf, ZonedInstant } from "@/components/dashboard/overview/bits";
import { PageHeader } from "@/components/layout/page-header";
import { SourcesPopover } from "@/components/dashboard/sources-popover";
import { Badge, statusTone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate, formatDateIn, formatMoney, formatPct, formatNumber, textIn, titleIn } from "@/lib/format";
import { CHART_START } from "@/server/dashboard/constants";
import { withAsOf } from "@/lib/as-of";
import { pageContext, type SearchParams } from "./_lib/page-context";

export const dynamic = "force-dynamic";

const MARKET_STALE_DAYS = 5;

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext(searchParams);
  const { api, asOf, locale } = ctx;
  const input = { asOf: asOf.at.toISOString() };
  const [t, overview, steps, chart, reactions, deadlines] = await Promise.all([
    getTranslations(),
    api.overview.get(input),
    api.tariffs.steps(input),
    api.market.chart({ ...input, key: "kospi", from: "2024-08-01" }),
    api.market.reactions({ ...input, key: "kospi" }),
    api.deadlines.list({ ...input, limit: 12 }),
  ]);
  const next = overview.nextDeadline;
  const market = overview.market;
  const support = overview.support;
  const trade = overview.tradeBalance;
  // Calendar days from the last close to the as-of day: beyond a long weekend plus holidays, say the feed is behind.
  const marketLagDays = market ? Math.round((Date.parse(asOf.date) - Date.parse(market.date)) / 86_400_000) : 0;
  const timeline = [...deadlines.past, ...deadlines.upcoming, ...deadlines.chains.flat()];
  const uniqueTimeline = [...new Map(timeline.map((d) => [d.deadlineKey, d])).values()];

  return (
    <>
      <PageHeader
        title={t("overview.title")}
        description={t("overview.description")}
        actions={<AsOfControl value={ctx.asOfParam} today={ctx.today} />}
      />
      <AsOfNotice asOf={asOf.at} live={ctx.live} invalid={ctx.invalidAsOf} locale={locale} />

      <section aria-labelledby="tariffs-heading" className="mb-8">
        <h2 id="tariffs-heading" className="mb-3 text-lg font-semibold">
          {t("tiles.tariffInForce")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="tariff-tiles">
          {overview.tariffs.map((tile) => (
            <Card key={tile.sector} data-testid={`tariff-tile-${tile.sector}`}>
              <CardHeader>
                <CardTitle>
                  <Link className="hover:underline" href={withAsOf(`/sectors/${tile.sector}`, "", ctx.asOfParam)}>
                    {t(`sectors.${tile.sector}`)}
                  </Link>
                </CardTitle>
              </CardHeader>
              <CardContent className="space-y-2">
                {tile.inForce ? (
                  <>
                    <p className="flex flex-wrap items-baseline gap-2">
                      <span className="text-3xl font-bold tabular-nums" data-testid="tariff-rate">
                        {tile.inForce.ratePct === null ? "—" : `${formatNumber(tile.inForce.ratePct, locale)}%`}
                      </span>
                      <Badge tone={statusTone("measure", tile.inForce.status)}>
                        {t(`measureStatus.${tile.inForce.status}`)}
                      </Badge>
                    </p>
                    <p className="text-sm text-muted-foreground">
                      {tile.inForce.effectiveAt &&
                        t("tiles.since", {
                          date: formatDateIn(tile.inForce.effectiveAt, tile.inForce.effectiveZone ?? "UTC", locale),
                        })}{" "}
                      · {tile.inForce.instrument}
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
                <SourcesPopover
                  sources={sourcesOf(tile.sources)}
                  conflict={ConflictNote(tile.conflicts, locale)}
                  label={t(`sectors.${tile.sector}`)}
                />
              </CardContent>
            </Card>
          ))}
        </div>
      </section>

      <section className="mb-8 grid gap-4 md:grid-cols-2 xl:grid-cols-4" aria-label={t("overview.keyFigures")}>
        <Card data-testid="next-deadline">
          <CardHeader>
            <CardTitle>{t("tiles.nextDeadline")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2">
            {next ? (
              <>
                <p className="font-semibold" data-testid="next-deadline-title">
                  {titleIn(next, locale)}
                </p>
                <Countdown
                  dueAt={next.dueAt.toISOString()}
                  asOf={asOf.at.toISOString()}
                  live={ctx.live}
                  title={titleIn(next, locale)}
                  className="text-2xl font-bold"
                />
                <ZonedInstant instant={next.dueAt} legalZone={next.dueZone} locale={locale} />
                <SourcesPopover sources={sourcesOf(next.sources)} label={titleIn(next, locale)} />
              </>
            ) : (
              <p className="text-sm text-muted-foreground">{t("tiles.noDeadline")}</p>
            )}
          </CardContent>
        </Card>

        <Card data-testid="kospi-tile">
          <CardHeader>
            <CardTitle>{t("tiles.kospi")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-1">
            {market ? (
              <>
                <p className="text-3xl font-bold tabular-nums">
                  {formatNumber(market.close, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
                </p>
                {market.changePct !== null && (
                  <p
                    className={
                      market.changePct >= 0 ? "font-semibold text-success-fg" : "font-semibold text-danger-fg"
                    }
                  >
                    {formatPct(market.changePct, locale, { signed: true })}
                  </p>
                )}
                <p className="text-sm text-muted-foreground">{t("overview.closeOn", { date: formatDate(market.date, locale) })}</p>
                {marketLagDays > MARKET_STALE_DAYS && (
                  <p role="status" className="rounded-md bg-warning-bg px-2 py-1 text-xs text-warning-fg" data-testid="kospi-stale">
                    {t("tiles.staleMarket", { days: marketLagDays })}
                  </p>
                )}
                <SourcesPopover sources={sourcesOf(chart.sources)} label={t("tiles.kospi")} />
              </>
            ) : (
              <p className="text-sm text-muted-foreground">{t("tiles.noData")}</p>
            )}
          </CardContent>
        </Card>

        <Card data-testid="support-tile">
          <CardHeader>
            <CardTitle>{t("tiles.supportCommitted")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-1">
            <p className="text-3xl font-bold tabular-nums">{formatMoney(support.committedKrw, "KRW", locale)}</p>
            <p className="text-sm">≈ {formatMoney(support.committedUsd, "USD", locale)}</p>
            <p className="text-sm text-muted-foreground">
              {t("support.split", {
                passed: formatMoney(support.committedKrw, "KRW", locale),
                proposed: formatMoney(support.proposedKrw, "KRW", locale),
              })}
            </p>
            {support.items[0]?.usdRateNote && (
              <p className="text-xs text-muted-foreground">
                {t("overview.usdRate", { rate: formatNumber(support.items[0].usdRate ?? 0, locale) })}
              </p>
            )}
            <SourcesPopover
              sources={sourcesOf(support.items.flatMap((b) => b.sources))}
              label={t("tiles.supportCommitted")}
            />
          </CardContent>
        </Card>

        <Card data-testid="trade-tile">
          <CardHeader>
            <CardTitle>{t("tiles.tradeBalance")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-1">
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
          </CardContent>
        </Card>
      </section>

      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("charts.tariffRates")}</CardTitle>
          </CardHeader>
          <CardContent>
            <TariffStepChart
              locale={locale}
              end={asOf.at.getTime()}
              series={steps.map((s) => ({
                sector: s.sector,
                steps: s.steps.map((p) => ({ t: p.at.getTime(), ratePct: p.ratePct })),
              }))}
            />
            <p className="mt-2 text-xs text-muted-foreground">{t("overview.stepNote", { date: formatDate(CHART_START, locale) })}</p>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("charts.kospiEvents")}</CardTitle>
          </CardHeader>
          <CardContent>
            <KospiChart
              locale={locale}
              points={chart.points.map((p) => ({ date: p.date, dateTo: p.dateTo, close: p.close }))}
              events={reactions
                .filter((e) => e.reaction)
                .map((e) => ({
                  key: e.eventKey,
                  title: titleIn(e, locale),
                  reactionDate: e.reaction!.date,
                  dayPct: e.reaction!.dayPct,
                  window1Pct: e.reaction!.window1Pct,
                  window5Pct: e.reaction!.window5Pct,
                }))}
            />
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium">{t("overview.reactionTable", { count: reactions.length })}</summary>
              <div className="mt-2 overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <thead>
                    <tr className="border-b border-border">
                      <th className="py-1 pr-2">{t("overview.event")}</th>
                      <th className="py-1 pr-2">{t("overview.reactionDay")}</th>
                      <th className="py-1 pr-2 text-right">{t("reaction.day")}</th>
                      <th className="py-1 pr-2 text-right">{t("reaction.window1")}</th>
                      <th className="py-1 text-right">{t("reaction.window5")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reactions
                      .slice()
                      .reverse()
                      .map((e) => {
                        const pct = (v: number | null | undefined) =>
                          v === null || v === undefined ? "—" : formatPct(v, locale, { signed: true });
                        return (
                          <tr key={e.eventKey} className="border-b border-border/50 align-top">
                            <td className="py-1 pr-2">{titleIn(e, locale)}</td>
                            <td className="py-1 pr-2 whitespace-nowrap">{e.reaction ? formatDate(e.reaction.date, locale) : "—"}</td>
                            <td className="py-1 pr-2 text-right tabular-nums">{pct(e.reaction?.dayPct)}</td>
                            <td className="py-1 pr-2 text-right tabular-nums">{pct(e.reaction?.window1Pct)}</td>
                            <td className="py-1 text-right tabular-nums">{pct(e.reaction?.window5Pct)}</td>
                          </tr>
                        );
                      })}
                  </tbody>
                </table>
              </div>
            </details>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("charts.deadlineTimeline")}</CardTitle>
          </CardHeader>
          <CardContent>
            <DeadlineTimeline
              locale={locale}
              asOf={asOf.at.toISOString()}
              chains={deadlines.chains.map((c) => c.map((d) => d.deadlineKey))}
              deadlines={uniqueTimeline.map((d) => ({
                key: d.deadlineKey,
                title: titleIn(d, locale),
                dueAt: d.dueAt.toISOString(),
                dueZone: d.dueZone,
                status: d.status,
                postponedToKey: d.postponedToKey,
                outcome: textIn(d.outcome, d.outcomeKo, locale),
              }))}
            />
            <h3 className="mt-4 text-sm font-semibold">{t("overview.upcoming")}</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {deadlines.upcoming.slice(0, 6).map((d) => (
                <li key={d.deadlineKey} className="flex flex-wrap items-center gap-2">
                  <Badge tone={d.countdown.days < 1 ? "danger" : d.countdown.days < 7 ? "warning" : "info"}>
                    {t("overview.inDays", { days: d.countdown.days, hours: d.countdown.hours })}
                  </Badge>
                  <span>{titleIn(d, locale)}</span>
                  <SourcesPopover sources={sourcesOf(d.sources)} label={titleIn(d, locale)} />
                </li>
              ))}
              {deadlines.upcoming.length === 0 && <li className="text-muted-foreground">{t("tiles.noDeadline")}</li>}
            </ul>
            <h3 className="mt-4 text-sm font-semibold">{t("overview.recent")}</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {deadlines.past.slice(0, 6).map((d) => (
                <li key={d.deadlineKey} className="flex flex-wrap items-center gap-2">
                  <Badge tone={statusTone("deadline", d.status)}>{t(`deadlineStatus.${d.status}`)}</Badge>
                  <span>{titleIn(d, locale)}</span>
                  <span className="text-muted-foreground">{formatDateIn(d.dueAt, d.dueZone, locale)}</span>
                  {d.outcome && <span className="text-muted-foreground">— {textIn(d.outcome, d.outcomeKo, locale)}</span>}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("charts.supportBudgets")}</CardTitle>
          </CardHeader>
          <CardContent>
            <BudgetChart
              locale={locale}
              items={support.items
                .filter((b) => b.currency === "KRW")
                .map((b) => ({ key: b.budgetKey, title: titleIn(b, locale), amountKrw: b.amount, status: b.status }))}
            />
            <ul className="mt-3 space-y-2 text-sm">
              {support.items.map((b) => (
                <li key={b.budgetKey} className="flex flex-wrap items-center gap-2">
                  <Badge tone={statusTone("budget", b.status)}>{t(`budgetStatus.${b.status}`)}</Badge>
                  <span className="font-medium">{titleIn(b, locale)}</span>
                  <span className="tabular-nums">{formatMoney(b.amount, b.currency, locale)}</span>
                  {b.amountUsd !== null && (
                    <span className="text-muted-foreground">≈ {formatMoney(b.amountUsd, "USD", locale)}</span>
                  )}
                  <SourcesPopover sources={sourcesOf(b.sources)} label={titleIn(b, locale)} />
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
