// A line's additional duty at an instant: the total, each step with its programme, measure, instrument, heading and
// sources, what does not apply and why, and the notes (uncertain ones marked).
import { getTranslations } from "@/i18n/translations";
import { sourcesOf } from "@/components/dashboard/overview/bits";
import { SourcesPopover } from "@/components/dashboard/sources-popover";
import { Badge, toneClassName } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateIn, formatNumber, type DisplayLocale } from "@/lib/format";
import { cn } from "@/lib/cn";
import type { SourcedAnswer } from "@/server/products/duty";

const pct = (v: number, locale: DisplayLocale) => `${formatNumber(v, locale, { maximumFractionDigits: 2 })}%`;

export async function DutyCard({ duty, knownToday, locale }: { duty: SourcedAnswer; knownToday: SourcedAnswer | null; locale: DisplayLocale }) {
  const t = await getTranslations("products");
  const date = formatDateIn(duty.at, "America/New_York", locale);
  return (
    <TitledCard title={t("dutyTitle")} description={t("dutyAsOf", { date })}>
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-4xl font-semibold tabular-nums" data-testid="additional-duty">{pct(duty.additionalDutyPct, locale)}</span>
        <span className="text-sm text-muted-foreground">{t("dutyBeyond")}</span>
        {duty.uncertain && <Badge tone="warning">{t("uncertain")}</Badge>}
      </p>
      {knownToday && (
        <p className={cn("mt-2 rounded-md border px-3 py-2 text-sm", toneClassName("info"))}>{t("knownToday", { pct: pct(knownToday.additionalDutyPct, locale) })}</p>
      )}
      {duty.components.length === 0 ? (
        <p className="mt-3 text-sm text-muted-foreground">{t("dutyNone")}</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <Table size="sm" density="compact">
            <caption className="sr-only">{t("steps")}</caption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("programme")}</TableHead>
                <TableHead>{t("measure")}</TableHead>
                <TableHead className="whitespace-nowrap text-right">{t("rate")}</TableHead>
                <TableHead className="whitespace-nowrap text-right">{t("adds")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {duty.components.map((c) => (
                <TableRow key={c.programme}>
                  <TableCell className="font-medium">{t(`programmes.${c.programme}` as never)}</TableCell>
                  <TableCell>
                    <span className="block">{c.title}</span>
                    <span className="block text-xs text-muted-foreground">
                      {c.instrument}
                      {c.ch99 ? ` · ${c.ch99}` : ""}
                    </span>
                    <SourcesPopover sources={sourcesOf(c.sources)} label={c.title} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">
                    {c.allIn ? t("allIn", { rate: pct(c.ratePct, locale) }) : pct(c.ratePct, locale)}
                    {c.sharePct < 100 && <span className="block text-xs text-muted-foreground">{t("onShare", { share: pct(c.sharePct, locale) })}</span>}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-right font-medium tabular-nums">{pct(c.contributionPct, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {duty.excluded.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold">{t("excluded")}</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {duty.excluded.map((e) => (
              <li key={`${e.programme}-${e.reason}`}>
                <span className="font-medium">{t(`programmes.${e.programme}` as never)}</span>: {t(`notes.${e.reason}` as never)}
              </li>
            ))}
          </ul>
        </>
      )}
      {duty.notes.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold">{t("notesTitle")}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {duty.notes.map((n) => (
              <li key={n.code} className={cn("rounded-md px-2 py-1", n.uncertain ? cn("border", toneClassName("warning")) : "text-muted-foreground")}>
                {t(`notes.${n.code}` as never)}
              </li>
            ))}
          </ul>
        </>
      )}
    </TitledCard>
  );
}
