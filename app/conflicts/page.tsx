// Conflicts: the same fact stated differently by sources, with every value and source until an editor resolves it;
// resolutions are kept and shown. Follows the as-of control like every reading page.
import { getTranslations } from "@/i18n/translations";
import { AsOfControl } from "@/components/layout/as-of-control";
import { ConflictCard } from "@/components/records/conflict-card";
import { AsOfNotice } from "@/components/dashboard/overview/bits";
import { PageHeader } from "@/components/layout/page-header";
import { hasRole } from "@/server/core/session-user";
import { pageContext, type SearchParams } from "@/app/_lib/page-context";
import { titleFrom } from "@/app/_lib/metadata";
import { offsetParam, pageHref } from "@/app/_lib/search-params";
import { Pager } from "@/components/ui/pager";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("conflicts.title");

/** Conflicts per list and page (DEFAULT_CONFLICTS). */
const PAGE = 100;

export default async function ConflictsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext(searchParams);
  const params = await searchParams;
  const asOf = ctx.asOf.at.toISOString();
  const offsets = { open: offsetParam(params.open), resolved: offsetParam(params.resolved) };
  const [t, counts, open, resolved] = await Promise.all([
    getTranslations("conflicts"),
    ctx.api.conflicts.counts({ asOf }),
    ctx.api.conflicts.list({ asOf, status: "open", offset: offsets.open, limit: PAGE }),
    ctx.api.conflicts.list({ asOf, status: "resolved", offset: offsets.resolved, limit: PAGE }),
  ]);
  // Resolving is for editors, and only in the live view (a resolution is made now, not in the past).
  const canResolve = !!ctx.user && hasRole(ctx.user, "editor") && ctx.live;
  // Each list pages on its own, keeping the other's place.
  const hrefFor = (list: "open" | "resolved") => (offset: number) =>
    pageHref("/conflicts", ctx.asOfParam, 0, {
      ...(offsets.open && list !== "open" ? { open: String(offsets.open) } : {}),
      ...(offsets.resolved && list !== "resolved" ? { resolved: String(offsets.resolved) } : {}),
      ...(offset ? { [list]: String(offset) } : {}),
    });
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { open: counts.open, resolved: counts.resolved })}
        actions={<AsOfControl value={ctx.asOfParam} today={ctx.today} />}
      />
      <AsOfNotice asOf={ctx.asOf.at} live={ctx.live} invalid={ctx.invalidAsOf} locale={ctx.locale} />
      <section aria-labelledby="open-heading" className="mb-8">
        <h2 id="open-heading" className="mb-3 text-lg font-semibold">
          {t("openHeading", { count: counts.open })}
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {open.map((c) => (
            <ConflictCard key={c.key} conflict={c} locale={ctx.locale} canResolve={canResolve} />
          ))}
          {open.length === 0 ? <p className="text-sm text-muted-foreground">{t("noneOpen")}</p> : null}
        </div>
        <Pager offset={offsets.open} limit={PAGE} shown={open.length} total={counts.open} hrefFor={hrefFor("open")} />
      </section>
      <section aria-labelledby="resolved-heading">
        <h2 id="resolved-heading" className="mb-3 text-lg font-semibold">
          {t("resolvedHeading", { count: counts.resolved })}
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {resolved.map((c) => (
            <ConflictCard key={c.key} conflict={c} locale={ctx.locale} canResolve={false} />
          ))}
        </div>
        <Pager offset={offsets.resolved} limit={PAGE} shown={resolved.length} total={counts.resolved} hrefFor={hrefFor("resolved")} />
      </section>
    </>
  );
}
