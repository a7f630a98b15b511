// One article: where it came from, its full text with every proposal's evidence marked (anchored), and the
// proposals beside it. The text is rendered as text; the original link is offered only for http(s) addresses.
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getTranslations } from "@/i18n/translations";
import { PageHeader } from "@/components/layout/page-header";
import { ProposalCard } from "@/components/news/review/proposal-card";
import type { ProposalView } from "@/server/news/review/review";
import { signedInContext } from "@/app/_lib/page-context";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("review.article.text");

function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
}

/** The text cut at the evidence spans (overlaps merged into the first), each span a <mark> with an anchor. */
function markedText(text: string, proposals: ProposalView[]): ReactNode[] {
  const spans = proposals
    .map((p) => ({ id: p.id, start: Math.max(0, p.evidenceStart), end: Math.min(text.length, p.evidenceEnd) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    if (s.start > at) out.push(text.slice(at, s.start));
    out.push(
      <mark key={s.id} id={`evidence-${s.id}`}>
        <Link href={`#proposal-${s.id}`} className="no-underline">
          {text.slice(s.start, s.end)}
        </Link>
      </mark>,
    );
    at = s.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await signedInContext(`/news/${encodeURIComponent(id)}`);
  const t = await getTranslations("review");
  if (!ctx.canEdit) return <PageHeader title={t("title")} description={t("editorsOnly")} />;
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0 || n > 2_147_483_647) notFound();
  const data = await ctx.api.review.article({ id: n }).catch((error: unknown) => {
    if ((error as { code?: string }).code === "NOT_FOUND") return null;
    throw error;
  });
  if (!data) notFound();
  const { article, proposals } = data;
  const href = safeHref(article.url);
  return (
    <>
      <PageHeader
        title={article.title}
        description={[
          article.publisher,
          article.publishedOn ? t("article.published", { date: article.publishedOn }) : null,
          t("article.added", { date: article.createdAt.toISOString().slice(0, 10) }),
        ]
          .filter(Boolean)
          .join(" · ")}
        actions={
          href ? (
            <a href={href} rel="noopener noreferrer" target="_blank" className="text-sm font-medium text-accent underline underline-offset-4">
              {t("article.original")}
            </a>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="article-text">
          <h2 id="article-text" className="mb-2 text-lg font-semibold">
            {t("article.text")}
          </h2>
          <div className="whitespace-pre-wrap rounded-lg border border-border bg-card p-4 text-sm leading-6" data-testid="article-text">
            {markedText(article.text, proposals)}
          </div>
        </section>
        <section aria-labelledby="article-proposals">
          <h2 id="article-proposals" className="mb-2 text-lg font-semibold">
            {t("article.proposals", { count: proposals.length })}
          </h2>
          {proposals.length === 0 ? <p className="text-sm text-muted-foreground">{t("article.noProposals")}</p> : null}
          <div className="grid gap-3">
            {proposals.map((p) => (
              <ProposalCard key={p.id} proposal={p} canEdit={ctx.canEdit} />
            ))}
          </div>
        </section>
      </div>
    </>
  );
}
