// Small server-side pieces shared by the pages.
import { getTranslations } from "@/i18n/translations";
import type { SourceConflict, SourceRef } from "@/components/dashboard/sources-popover";
import { formatInstant, titleIn, type DisplayLocale } from "@/lib/format";
import { DISPLAY_ZONES } from "@/server/core/constants";
import type { ConflictRef, SourceRef as ServiceSourceRef } from "@/server/core/citations";

/** Sources for the popover: de-duplicated, plain props only. */
export function sourcesOf(sources: ServiceSourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources
    .filter((s) => !seen.has(s.key) && !!seen.add(s.key))
    .map(({ title, publisher, publishedOn, url }) => ({ title, publisher, publishedOn, url }));
}

/** The first open conflict, shaped for the popover (claims de-duplicated by value label). */
export function ConflictNote(conflicts: ConflictRef[], locale: DisplayLocale): SourceConflict | null {
  const c = conflicts.find((x) => x.status === "open") ?? null;
  if (!c) return null;
  // One line per stated value, naming every source that states it.
  const byLabel = new Map<string, string[]>();
  for (const cl of c.claims) byLabel.set(cl.label, [...(byLabel.get(cl.label) ?? []), cl.source.publisher]);
  return { title: titleIn(c, locale), claims: [...byLabel].map(([label, publishers]) => ({ label, source: publishers.join("; ") })) };
}

/** An instant in Washington and Seoul time, naming the zone it was legally stated in. */
export async function ZonedInstant({ instant, legalZone, locale }: { instant: Date; legalZone: string; locale: DisplayLocale }) {
  const t = await getTranslations("zones");
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-sm">
      <dt className="text-muted-foreground">{t("washington")}</dt>
      <dd data-testid="due-washington">{formatInstant(instant, DISPLAY_ZONES.washington, locale)}</dd>
      <dt className="text-muted-foreground">{t("seoul")}</dt>
      <dd data-testid="due-seoul">{formatInstant(instant, DISPLAY_ZONES.seoul, locale)}</dd>
      <dt className="sr-only">{t("legal")}</dt>
      <dd className="col-span-2 text-xs text-muted-foreground">{t("statedIn", { zone: legalZone })}</dd>
    </dl>
  );
}

/** Banner telling the reader they are looking at the past (or that the date they gave was not valid). */
export async function AsOfNotice({ asOf, live, invalid, locale }: { asOf: Date; live: boolean; invalid: boolean; locale: DisplayLocale }) {
  const t = await getTranslations();
  if (invalid) {
    return (
      <p role="status" className="mb-4 rounded-md border border-warning-fg/40 bg-warning-bg px-3 py-2 text-sm text-warning-fg">
        {t("errors.invalidAsOf")}
      </p>
    );
  }
  if (live) return null;
  return (
    <p role="status" className="mb-4 rounded-md border border-info-fg/40 bg-info-bg px-3 py-2 text-sm text-info-fg" data-testid="as-of-notice">
      {t("asOf.viewing", { date: formatInstant(asOf, "Asia/Seoul", locale) })}
    </p>
  );
}
