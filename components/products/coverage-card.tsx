// The programme lists that name a line: covers or exempts, since when and until when, by which instrument and
// heading, under which prefix; with the lists' provenance.
import { getTranslations } from "@/i18n/translations";
import { Badge } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { formatDateIn, type DisplayLocale } from "@/lib/format";
import type { CoverageView } from "@/server/products/catalog";
import { dottedHts } from "./format";

export async function CoverageCard({ coverage, locale }: { coverage: CoverageView[]; locale: DisplayLocale }) {
  const t = await getTranslations("products");
  const day = (d: Date) => formatDateIn(d, "America/New_York", locale);
  return (
    <TitledCard title={t("coverage")}>
      {coverage.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("coverageEmpty")}</p>
      ) : (
        <ul className="space-y-3 text-sm">
          {coverage.map((c) => (
            <li key={`${c.listKey}-${c.prefix}-${c.from.getTime()}`}>
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={c.effect === "covers" ? "info" : "success"}>{t(c.effect === "covers" ? "covers" : "exempts")}</Badge>
                <span className="font-medium">{c.title}</span>
              </p>
              <p className="text-xs text-muted-foreground">
                {t("since", { date: day(c.from) })}
                {c.to ? ` · ${t("until", { date: day(c.to) })}` : ""} · {c.instrument}
                {c.ch99 ? ` · ${c.ch99}` : ""} · {t("listed", { prefix: dottedHts(c.prefix) })}
                {c.attrs?.annex ? ` · Annex ${c.attrs.annex.toUpperCase()}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4 text-xs text-muted-foreground">{t("provenance")}</p>
    </TitledCard>
  );
}
