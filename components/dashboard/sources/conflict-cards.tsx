// Where sources disagree: each conflict with what every source states, and how it was resolved.
import { getTranslations } from "@/i18n/translations";
import { ConflictHeader } from "@/components/records/conflict-header";
import { Card, CardContent } from "@/components/ui/card";
import { formatDate, formatNumber, type DisplayLocale } from "@/lib/format";
import type { ConflictRef } from "@/server/core/citations";

/** `conflicts` may be the first of `total` (the rest are on /conflicts). */
export async function ConflictCards({ conflicts, total, locale }: { conflicts: ConflictRef[]; total: number; locale: DisplayLocale }) {
  const t = await getTranslations("sourcesPage");
  return (
    <section aria-labelledby="conflicts-heading" className="mb-8">
      <h2 id="conflicts-heading" className="mb-3 text-lg font-semibold">
        {t("conflicts", { count: total })}
      </h2>
      <div className="grid gap-4 md:grid-cols-2" data-testid="conflicts">
        {conflicts.map((c) => (
          <Card key={c.key}>
            <ConflictHeader conflict={c} locale={locale} />
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
                  {t("resolution")}: {c.resolvedValue !== null ? formatNumber(c.resolvedValue, locale) : ""} — {c.resolutionNote}
                </p>
              )}
            </CardContent>
          </Card>
        ))}
        {conflicts.length === 0 && <p className="text-sm text-muted-foreground">{t("noConflicts")}</p>}
      </div>
    </section>
  );
}
