// Where a page of a bounded list is ("51–100 of 525") with links to the previous and next pages. Server component:
// plain links, so paging works without JavaScript; `hrefFor(offset)` keeps the page's other parameters.
import { getTranslations } from "@/i18n/translations";
import { TextLink } from "./text-link";

export async function Pager({
  offset,
  limit,
  shown,
  total,
  hrefFor,
}: {
  offset: number;
  limit: number;
  /** Rows on this page. */
  shown: number;
  /** How many there are; unknown when the list does not count (then a full page means there may be more). */
  total?: number;
  hrefFor: (offset: number) => string;
}) {
  const t = await getTranslations("pager");
  const more = total === undefined ? shown >= limit : offset + shown < total;
  if (offset === 0 && !more) return null;
  const previous = offset > 0 ? Math.max(0, offset - limit) : null;
  const next = more ? offset + shown : null;
  const from = shown ? offset + 1 : offset;
  return (
    <p className="mt-3 flex flex-wrap items-center gap-4 text-sm" data-testid="pager">
      <span className="text-muted-foreground">
        {total === undefined ? t("rangeOpen", { from, to: offset + shown }) : t("range", { from, to: offset + shown, total })}
      </span>
      {previous !== null && <TextLink href={hrefFor(previous)}>{t("previous")}</TextLink>}
      {next !== null && <TextLink href={hrefFor(next)}>{t("next")}</TextLink>}
    </p>
  );
}
