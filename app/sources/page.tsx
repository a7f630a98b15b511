// Sources: each source, what it states, how many records cite it, and where sources disagree.
import { getTranslations } from "next-intl/server";
import { AsOfControl } from "@/components/layout/as-of-control";
import { AsOfNotice } from "@/components/dashboard/overview/bits";
import { PageHeader } from "@/components/layout/page-header";
import { safeHttpUrl } from "@/lib/url";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate, formatNumber, titleIn } from "@/lib/format";
import { pageContext, type SearchParams } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

export default async function SourcesPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext(searchParams);
  const { api, asOf, locale } = ctx;
  const [t, data] = await Promise.all([getTranslations(), api.sources.list({ asOf: asOf.at.toISOString() })]);

  return (
    <>
      <PageHeader
        title={t("sourcesPage.title")}
        description={t("sourcesPage.description", { count: data.sources.length })}
        actions={<AsOfControl value={ctx.asOfParam} today={ctx.today} />}
      />
      <AsOfNotice asOf={asOf.at} live={ctx.live} invalid={ctx.invalidAsOf} locale={locale} />

      <section aria-labelledby="conflicts-heading" className="mb-8">
        <h2 id="conflicts-heading" className="mb-3 text-lg font-semibold">
          {t("sourcesPage.conflicts", { count: data.conflicts.length })}
        </h2>
        <div className="grid gap-4 md:grid-cols-2" data-testid="conflicts">
          {data.conflicts.map((c) => (
            <Card key={c.key}>
              <CardHeader>
                <CardTitle className="flex flex-wrap items-center gap-2">
                  <Badge tone={c.status === "open" ? "warning" : "success"}>{t(`sourcesPage.${c.status}`)}</Badge>
                  {titleIn(c, locale)}
                </CardTitle>
              </CardHeader>
              <CardContent>
                <ul className="space-y-1 text-sm">
                  {c.claims.map((cl, i) => (
                    <li key={i}>
                      <strong>{cl.label}</strong> — {cl.source.title} ({cl.source.publisher}
                      {cl.source.publishedOn ? `, ${formatDate(cl.source.publishedOn, locale)}` : ""})
                    </li>
                  ))}
                </ul>
                {c.status === "resolved" && c.resolutionNote && (
                  <p className="mt-2 text-sm">
                    {t("sourcesPage.resolution")}: {c.resolvedValue !== null ? formatNumber(c.resolvedValue, locale) : ""} — {c.resolutionNote}
                  </p>
                )}
              </CardContent>
            </Card>
          ))}
          {data.conflicts.length === 0 && <p className="text-sm text-muted-foreground">{t("sourcesPage.noConflicts")}</p>}
        </div>
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading" className="mb-3 text-lg font-semibold">
          {t("sources.title")}
        </h2>
        <ul className="grid gap-3 md:grid-cols-2" data-testid="source-list">
          {data.sources.map((s) => {
            const href = safeHttpUrl(s.url);
            return (
              <li key={s.key} id={`source-${s.key}`} className="rounded-lg border border-border bg-card p-3 text-sm">
                <p className="font-semibold">
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer" className="text-accent underline hover:no-underline">
                      {s.title}
                    </a>
                  ) : (
                    s.title
                  )}
                </p>
                <p className="text-muted-foreground">
                  {s.publisher}
                  {s.publishedOn ? ` · ${formatDate(s.publishedOn, locale)}` : ""} · {t(`sourcesPage.kind.${s.kind}`)} ·{" "}
                  {t("sourcesPage.citedBy", { count: s.citedBy })}
                </p>
                {s.note && <p className="mt-1 text-xs text-muted-foreground">{s.note}</p>}
                {s.statements.length > 0 && (
                  <ul className="mt-2 list-disc space-y-0.5 pl-5">
                    {s.statements.map((st, i) => (
                      <li key={i}>{st.summary}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
