// Conflicts: the same fact stated differently by sources, with every value and source until an editor resolves it;
// resolutions are kept and shown. Follows the as-of control like every reading page.
import { getTranslations } from "next-intl/server";
import { AsOfControl } from "@/components/layout/as-of-control";
import { ConflictCard } from "@/components/records/conflict-card";
import { AsOfNotice } from "@/components/dashboard/overview/bits";
import { PageHeader } from "@/components/layout/page-header";
import { hasRole } from "@/server/core/session-user";
import { pageContext, type SearchParams } from "@/app/_lib/page-context";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("conflicts.title");

export default async function ConflictsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext(searchParams);
  const [t, conflicts] = await Promise.all([getTranslations("conflicts"), ctx.api.conflicts.list({ asOf: ctx.asOf.at.toISOString() })]);
  // Resolving is for editors, and only in the live view (a resolution is made now, not in the past).
  const canResolve = !!ctx.user && hasRole(ctx.user, "editor") && ctx.live;
  const open = conflicts.filter((c) => c.status === "open");
  const resolved = conflicts.filter((c) => c.status === "resolved");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { open: open.length, resolved: resolved.length })}
        actions={<AsOfControl value={ctx.asOfParam} today={ctx.today} />}
      />
      <AsOfNotice asOf={ctx.asOf.at} live={ctx.live} invalid={ctx.invalidAsOf} locale={ctx.locale} />
      <section aria-labelledby="open-heading" className="mb-8">
        <h2 id="open-heading" className="mb-3 text-lg font-semibold">
          {t("openHeading", { count: open.length })}
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {open.map((c) => (
            <ConflictCard key={c.key} conflict={c} locale={ctx.locale} canResolve={canResolve} />
          ))}
          {open.length === 0 ? <p className="text-sm text-muted-foreground">{t("noneOpen")}</p> : null}
        </div>
      </section>
      <section aria-labelledby="resolved-heading">
        <h2 id="resolved-heading" className="mb-3 text-lg font-semibold">
          {t("resolvedHeading", { count: resolved.length })}
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {resolved.map((c) => (
            <ConflictCard key={c.key} conflict={c} locale={ctx.locale} canResolve={false} />
          ))}
        </div>
      </section>
    </>
  );
}
