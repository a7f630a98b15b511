// The review queue: proposals newest first, grouped by article, or the least sure first (each card naming its
// article), with filters (kind, status, conflicts only).
// Editors only, like the editors' desk.
import Link from "next/link";
import { getTranslations } from "@/i18n/translations";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ProposalCard } from "@/components/news/review/proposal-card";
import { PROPOSAL_STATUSES, type ProposalStatus } from "@/server/news/constants";
import { FACT_KINDS, type FactKind } from "@/server/news/extract/types";
import type { ProposalView } from "@/server/news/review/review";
import { signedInContext, type SearchParams } from "@/app/_lib/page-context";
import { firstParam } from "@/app/_lib/search-params";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("review.title");

export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await signedInContext("/review");
  const t = await getTranslations("review");
  if (!ctx.canEdit) return <PageHeader title={t("title")} description={t("editorsOnly")} />;
  const params = await searchParams;
  const kindParam = firstParam(params.kind);
  const statusParam = firstParam(params.status);
  const kind = FACT_KINDS.includes(kindParam as FactKind) ? (kindParam as FactKind) : undefined;
  const status: ProposalStatus = PROPOSAL_STATUSES.includes(statusParam as ProposalStatus) ? (statusParam as ProposalStatus) : "pending";
  const conflictsOnly = firstParam(params.conflicts) === "1";
  const order = firstParam(params.order) === "confidence" ? "confidence" : "article";
  const proposals = await ctx.api.review.list({ kind, status, conflictsOnly, order, limit: 200 });
  const groups = new Map<number, ProposalView[]>();
  for (const p of proposals) groups.set(p.articleId, [...(groups.get(p.articleId) ?? []), p]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ReviewFilters status={status} kind={kind} order={order} conflictsOnly={conflictsOnly} />
      {groups.size === 0 ? <p className="text-sm text-muted-foreground">{t("none")}</p> : null}
      {order === "confidence" ? (
        <div className="grid gap-3 md:grid-cols-2" data-testid="by-confidence">
          {proposals.map((p) => (
            <ProposalCard key={p.id} proposal={p} canEdit={ctx.canEdit} showArticle />
          ))}
        </div>
      ) : null}
      {order === "confidence" ? null : [...groups.values()].map((items) => {
        const a = items[0]!.article;
        return (
          <section key={a.id} aria-labelledby={`article-${a.id}`} className="mb-8">
            <h2 id={`article-${a.id}`} className="mb-1 text-lg font-semibold">
              <Link href={`/news/${a.id}`} className="underline-offset-4 hover:underline">
                {a.title}
              </Link>
            </h2>
            <p className="mb-3 text-xs text-muted-foreground">{[a.publisher, a.publishedOn].filter(Boolean).join(" · ")}</p>
            <div className="grid gap-3 md:grid-cols-2">
              {items.map((p) => (
                <ProposalCard key={p.id} proposal={p} canEdit={ctx.canEdit} />
              ))}
            </div>
          </section>
        );
      })}
    </>
  );
}

/** The queue's filters and order, as a plain GET form (works without script). */
async function ReviewFilters(props: { status: ProposalStatus; kind: FactKind | undefined; order: "article" | "confidence"; conflictsOnly: boolean }) {
  const { status, kind, order, conflictsOnly } = props;
  const t = await getTranslations("review");
  return (
    <form method="get" aria-label={t("filters")} className="mb-6 flex flex-wrap items-end gap-3">
      <label className="grid gap-1 text-xs font-medium">
        {t("status")}
        <select name="status" defaultValue={status} className={inputClass}>
          {PROPOSAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statusNames.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1 text-xs font-medium">
        {t("kind")}
        <select name="kind" defaultValue={kind ?? ""} className={inputClass}>
          <option value="">{t("anyKind")}</option>
          {FACT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1 text-xs font-medium">
        {t("order")}
        <select name="order" defaultValue={order} className={inputClass}>
          <option value="article">{t("orderArticle")}</option>
          <option value="confidence">{t("orderConfidence")}</option>
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="conflicts" value="1" defaultChecked={conflictsOnly} />
        {t("conflictsOnly")}
      </label>
      <Button type="submit" size="sm" variant="outline">
        {t("apply")}
      </Button>
    </form>
  );
}
