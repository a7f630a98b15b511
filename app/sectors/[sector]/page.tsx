// A sector: the rate in force and its history, legal instruments, related deadlines and budgets, sources.
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AsOfControl } from "@/components/layout/as-of-control";
import { TariffStepChart } from "@/components/dashboard/charts/tariff-step-chart";
import { AsOfNotice, ConflictNote, sourcesOf, ZonedInstant } from "@/components/dashboard/overview/bits";
import { PageHeader } from "@/components/layout/page-header";
import { SourcesPopover } from "@/components/dashboard/sources-popover";
import { Badge, statusTone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateIn, formatInstant, formatMoney, formatNumber, textIn, titleIn } from "@/lib/format";
import { SECTORS, type Sector } from "@/server/core/constants";
import { pageContext, type SearchParams } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

export default async function SectorPage({
  params,
  searchParams,
}: {
  params: Promise<{ sector: string }>;
  searchParams: SearchParams;
}) {
  const { sector: raw } = await params;
  if (!(SECTORS as readonly string[]).includes(raw)) notFound();
  const sector = raw as Sector;
  const ctx = await pageContext(searchParams);
  const { api, asOf, locale } = ctx;
  const input = { asOf: asOf.at.toISOString() };
  const [t, detail, deadlines, budgets] = await Promise.all([
    getTranslations(),
    api.tariffs.sector({ ...input, sector }),
    api.deadlines.list({ ...input, sector, limit: 20 }),
    api.support.budgets({ ...input, sector }),
  ]);
  const name = t(`sectors.${sector}`);
  const conflict = ConflictNote(detail.conflicts, locale);
  const instruments = [...new Set(detail.measures.map((m) => m.instrument))];

  return (
    <>
      <PageHeader
        title={name}
        description={t("sector.description")}
        actions={<AsOfControl value={ctx.asOfParam} today={ctx.today} />}
      />
      <AsOfNotice asOf={asOf.at} live={ctx.live} invalid={ctx.invalidAsOf} locale={locale} />

      <div className="grid gap-6 lg:grid-cols-3">
        <Card data-testid="sector-in-force">
          <CardHeader>
            <CardTitle>{t("tiles.tariffInForce")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2">
            {detail.inForce ? (
              <>
                <p className="flex items-baseline gap-2">
                  <span className="text-4xl font-bold tabular-nums">
                    {detail.inForce.ratePct === null ? "—" : `${formatNumber(detail.inForce.ratePct, locale)}%`}
                  </span>
                  <Badge tone={statusTone("measure", detail.inForce.status)}>{t(`measureStatus.${detail.inForce.status}`)}</Badge>
                </p>
                <p className="text-sm">{titleIn(detail.inForce, locale)}</p>
                {detail.inForce.rateNote && (
                  <p className="text-sm text-muted-foreground">{textIn(detail.inForce.rateNote, detail.inForce.rateNoteKo, locale)}</p>
                )}
                {detail.inForce.effectiveAt && (
                  <ZonedInstant instant={detail.inForce.effectiveAt} legalZone={detail.inForce.effectiveZone ?? "UTC"} locale={locale} />
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
              conflict={conflict}
              label={name}
            />
          </CardContent>
        </Card>

        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("sector.rateHistory")}</CardTitle>
          </CardHeader>
          <CardContent>
            <TariffStepChart
              locale={locale}
              end={asOf.at.getTime()}
              series={[{ sector, steps: detail.steps.map((s) => ({ t: s.at.getTime(), ratePct: s.ratePct })) }]}
            />
          </CardContent>
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader>
          <CardTitle>{t("sector.measures")}</CardTitle>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="sector-measures">
            <thead>
              <tr className="border-b border-border">
                <th className="py-1 pr-3">{t("sector.measure")}</th>
                <th className="py-1 pr-3 text-right">{t("sector.rate")}</th>
                <th className="py-1 pr-3">{t("sector.status")}</th>
                <th className="py-1 pr-3">{t("sector.instrument")}</th>
                <th className="py-1 pr-3">{t("sector.effective")}</th>
                <th className="py-1 pr-3">{t("sector.ends")}</th>
                <th className="py-1">{t("sources.title")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.measures.map((m) => (
                <tr key={m.measureKey} className="border-b border-border/50 align-top">
                  <td className="py-1 pr-3">{titleIn(m, locale)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{m.ratePct === null ? "—" : `${formatNumber(m.ratePct, locale)}%`}</td>
                  <td className="py-1 pr-3">
                    <Badge tone={statusTone("measure", m.status)}>{t(`measureStatus.${m.status}`)}</Badge>
                  </td>
                  <td className="py-1 pr-3">{m.instrument}</td>
                  <td className="py-1 pr-3 whitespace-nowrap">
                    {m.effectiveAt ? formatInstant(m.effectiveAt, m.effectiveZone ?? "UTC", locale) : "—"}
                  </td>
                  <td className="py-1 pr-3 whitespace-nowrap">{m.endsAt ? formatInstant(m.endsAt, m.endsZone ?? "UTC", locale) : "—"}</td>
                  <td className="py-1">
                    <SourcesPopover sources={sourcesOf(m.sources)} label={titleIn(m, locale)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-3 text-sm">
            <span className="font-semibold">{t("sector.instruments")}:</span> {instruments.join(" · ")}
          </p>
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium">{t("sector.versions", { count: detail.versions.length })}</summary>
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
        </CardContent>
      </Card>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("sector.deadlines")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="space-y-2 text-sm">
              {[...deadlines.upcoming, ...deadlines.past].map((d) => (
                <li key={d.deadlineKey} className="flex flex-wrap items-center gap-2">
                  <Badge tone={statusTone("deadline", d.status)}>{t(`deadlineStatus.${d.status}`)}</Badge>
                  <span>{titleIn(d, locale)}</span>
                  <span className="text-muted-foreground">{formatInstant(d.dueAt, d.dueZone, locale)}</span>
                  <SourcesPopover sources={sourcesOf(d.sources)} label={titleIn(d, locale)} />
                </li>
              ))}
              {deadlines.upcoming.length + deadlines.past.length === 0 && (
                <li className="text-muted-foreground">{t("sector.noDeadlines")}</li>
              )}
            </ul>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("sector.budgets")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="space-y-2 text-sm">
              {budgets.items.map((b) => (
                <li key={b.budgetKey} className="flex flex-wrap items-center gap-2">
                  <Badge tone={statusTone("budget", b.status)}>{t(`budgetStatus.${b.status}`)}</Badge>
                  <span>{titleIn(b, locale)}</span>
                  <span className="tabular-nums">{formatMoney(b.amount, b.currency, locale)}</span>
                  <SourcesPopover sources={sourcesOf(b.sources)} label={titleIn(b, locale)} />
                </li>
              ))}
              {budgets.items.length === 0 && <li className="text-muted-foreground">{t("sector.noBudgets")}</li>}
            </ul>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
