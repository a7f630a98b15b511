// The overview's deadlines: the timeline with its postponement chains, then the next and the most recent ones.
import { getTranslations } from "@/i18n/translations";
import { SourcesPopover } from "@/components/dashboard/sources-popover";
import { Badge, statusTone } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { formatDateIn, textIn, titleIn, type DisplayLocale } from "@/lib/format";
import type { DeadlineList } from "@/server/dashboard/deadlines";
import { DeadlineTimeline } from "./deadline-timeline";
import { sourcesOf } from "./bits";

const LISTED = 6;

export async function DeadlinesCard({ deadlines, asOf, locale }: { deadlines: DeadlineList; asOf: Date; locale: DisplayLocale }) {
  const t = await getTranslations();
  const all = [...deadlines.past, ...deadlines.upcoming, ...deadlines.chains.flat()];
  const unique = [...new Map(all.map((d) => [d.deadlineKey, d])).values()];
  return (
    <TitledCard title={t("charts.deadlineTimeline")}>
      <DeadlineTimeline
        locale={locale}
        asOf={asOf.toISOString()}
        chains={deadlines.chains.map((c) => c.map((d) => d.deadlineKey))}
        deadlines={unique.map((d) => ({
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
        {deadlines.upcoming.slice(0, LISTED).map((d) => (
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
        {deadlines.past.slice(0, LISTED).map((d) => (
          <li key={d.deadlineKey} className="flex flex-wrap items-center gap-2">
            <Badge tone={statusTone("deadline", d.status)}>{t(`deadlineStatus.${d.status}`)}</Badge>
            <span>{titleIn(d, locale)}</span>
            <span className="text-muted-foreground">{formatDateIn(d.dueAt, d.dueZone, locale)}</span>
            {d.outcome && <span className="text-muted-foreground">— {textIn(d.outcome, d.outcomeKo, locale)}</span>}
          </li>
        ))}
      </ul>
    </TitledCard>
  );
}
