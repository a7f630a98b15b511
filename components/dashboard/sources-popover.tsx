// A figure's sources behind a native popover (HTML popover, no script): a server component, so a page with twenty
// figures ships none of their sources twice (markup and hydration props) and hydrates none of them.
import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/format";
import { safeHttpUrl } from "@/lib/url";
import { cn } from "@/lib/cn";
import { toneClassName } from "@/components/ui/badge";
import { InfoIcon, WarningIcon } from "@/components/layout/icons";

export interface SourceRef {
  title: string;
  publisher: string;
  /** "YYYY-MM-DD" (an ISO instant is shown by its date part). */
  publishedOn: string | null;
  url: string | null;
}

export interface SourceConflict {
  title: string;
  claims: { label: string; source: string }[];
}

function publishedText(value: string, locale: "en" | "ko"): string {
  const date = value.slice(0, 10);
  try {
    return formatDate(date, locale);
  } catch {
    return value;
  }
}

/**
 * "(i) N sources" button opening a native popover with the list of sources, plus a visible
 * "Sources disagree" line when `conflict` is given. `label` names the figure for screen readers
 * ("3 sources for KOSPI", as visually hidden text) when several buttons share a page.
 */
export function SourcesPopover({
  sources,
  conflict,
  label,
  className,
}: {
  sources: SourceRef[];
  conflict?: SourceConflict | null;
  label?: string;
  className?: string;
}) {
  const t = useTranslations("sources");
  const id = useId();
  const popoverId = `sources-${id}`;
  const headingId = `${popoverId}-title`;
  const shownConflict = conflict && conflict.claims.length > 0 ? conflict : null;

  return (
    <div className={cn("inline-flex max-w-full flex-col items-start gap-1", className)}>
      <button
        type="button"
        popoverTarget={popoverId}
        className={cn(
          "sources-button", // app/globals.css, like the panel's and the items' classes below
          shownConflict
            ? toneClassName("warning")
            : "border-border bg-transparent text-muted-foreground hover:bg-muted hover:text-foreground",
        )}
      >
        {shownConflict ? <WarningIcon /> : <InfoIcon />}
        {t("count", { count: sources.length })}
        {label ? <span className="sr-only"> {t("about", { label })}</span> : null}
      </button>

      {shownConflict && <ConflictLine conflict={shownConflict} />}

      <div
        id={popoverId}
        popover="auto"
        role="dialog"
        aria-labelledby={headingId}
        className="sources-panel"
      >
        <div className="mb-2 flex items-start justify-between gap-2">
          <h2 id={headingId} className="text-sm font-semibold">
            {t("title")}
            {label ? <span className="font-normal text-muted-foreground"> · {label}</span> : null}
          </h2>
          <button
            type="button"
            popoverTarget={popoverId}
            popoverTargetAction="hide"
            className="sources-close"
          >
            {t("close")}
          </button>
        </div>
        {shownConflict && <ConflictDetails conflict={shownConflict} />}
        <SourceItems sources={sources} />
      </div>
    </div>
  );
}

/** The visible "Sources disagree" line under the button: each stated value with who states it. */
function ConflictLine({ conflict }: { conflict: SourceConflict }) {
  const t = useTranslations("sources");
  return (
    <p className={cn("rounded-md border px-2 py-1 text-xs", toneClassName("warning"))}>
      <WarningIcon className="mr-1 inline h-3.5 w-3.5 align-[-2px]" />
      <strong className="font-semibold">{t("disagree")}</strong>
      {": "}
      {conflict.claims.map((claim, i) => (
        <span key={i}>
          {i > 0 && " · "}
          <span className="font-semibold">{claim.label}</span> ({claim.source})
        </span>
      ))}
    </p>
  );
}

/** The conflict at the top of the popover, one line per stated value. */
function ConflictDetails({ conflict }: { conflict: SourceConflict }) {
  const t = useTranslations("sources");
  return (
    <div className={cn("mb-3 rounded-md border p-2 text-xs", toneClassName("warning"))}>
      <p className="font-semibold">
        <WarningIcon className="mr-1 inline h-3.5 w-3.5 align-[-2px]" />
        {t("disagree")}: {conflict.title}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {conflict.claims.map((claim, i) => (
          <li key={i}>
            <span className="font-semibold">{claim.label}</span> — {claim.source}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The sources in the popover: each title (a link out when the address is safe), publisher and date. */
function SourceItems({ sources }: { sources: SourceRef[] }) {
  const t = useTranslations("sources");
  const locale = useLocale();
  if (sources.length === 0) return <p className="text-muted-foreground">{t("none")}</p>;
  return (
    <ol className="space-y-2">
      {sources.map((source, i) => {
        const href = safeHttpUrl(source.url);
        return (
          <li key={i} className="source-item">
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" className="source-link">
                {source.title}
                <span className="sr-only"> {t("opensInNewTab")}</span>
              </a>
            ) : (
              <span className="font-medium">{source.title}</span>
            )}
            <p className="text-xs text-muted-foreground">
              {source.publisher}
              {" · "}
              {source.publishedOn ? t("published", { date: publishedText(source.publishedOn, locale) }) : t("undated")}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
