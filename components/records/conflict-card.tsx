// A conflict: the fact, every claimed value with the source that states it (linked safely), and either the
// resolution (value, why, when) or — for editors — the form to resolve it.
import { getTranslations } from "@/i18n/translations";
import { Card, CardContent } from "@/components/ui/card";
import { formatDate, formatInstant, formatNumber, type DisplayLocale } from "@/lib/format";
import { safeHttpUrl } from "@/lib/url";
import { DISPLAY_ZONES } from "@/server/core/constants";
import type { ConflictRef } from "@/server/core/citations";
import { ConflictHeader } from "./conflict-header";
import { ResolveConflictForm } from "./resolve-form";

export async function ConflictCard({ conflict: c, locale, canResolve }: { conflict: ConflictRef; locale: DisplayLocale; canResolve: boolean }) {
  const t = await getTranslations("conflicts");
  const values = [...new Map(c.claims.map((cl) => [cl.value, { value: cl.value, label: cl.label }])).values()];
  return (
    <Card data-testid={`conflict-${c.key}`}>
      <ConflictHeader conflict={c} locale={locale} />
      <CardContent className="grid gap-3">
        <ul className="space-y-1 text-sm">
          {c.claims.map((cl, i) => {
            const href = safeHttpUrl(cl.source.url);
            return (
              <li key={i}>
                <strong>{cl.label}</strong> —{" "}
                {href ? (
                  <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="underline underline-offset-4">
                    {cl.source.title}
                  </a>
                ) : (
                  cl.source.title
                )}{" "}
                ({cl.source.publisher}
                {cl.source.publishedOn ? `, ${formatDate(cl.source.publishedOn, locale)}` : ""})
              </li>
            );
          })}
        </ul>
        {c.status === "resolved" ? (
          <p className="text-sm" data-testid="resolution">
            <strong>{t("resolution")}:</strong> {c.resolvedValue !== null ? formatNumber(c.resolvedValue, locale) : ""}
            {c.resolutionNote ? ` — ${c.resolutionNote}` : ""}
            {c.resolvedAt ? (
              <span className="block text-xs text-muted-foreground">
                {t("resolvedAt", {
                  washington: formatInstant(c.resolvedAt, DISPLAY_ZONES.washington, locale),
                  seoul: formatInstant(c.resolvedAt, DISPLAY_ZONES.seoul, locale),
                })}
              </span>
            ) : null}
          </p>
        ) : canResolve ? (
          <ResolveConflictForm conflictKey={c.key} values={values} />
        ) : null}
      </CardContent>
    </Card>
  );
}
