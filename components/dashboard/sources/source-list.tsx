// Every source: its title (linking out when the address is safe), publisher, date, kind, how many records cite it,
// and what it states.
import { getTranslations } from "@/i18n/translations";
import { formatDate, type DisplayLocale } from "@/lib/format";
import { safeHttpUrl } from "@/lib/url";
import type { SourceView } from "@/server/dashboard/sources";

export async function SourceList({ sources, locale }: { sources: SourceView[]; locale: DisplayLocale }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading" className="mb-3 text-lg font-semibold">
        {t("sources.title")}
      </h2>
      <ul className="grid gap-3 md:grid-cols-2" data-testid="source-list">
        {sources.map((s) => {
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
  );
}
