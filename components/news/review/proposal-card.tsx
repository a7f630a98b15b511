// One proposal: what the fact says in words, its confidence, the evidence with each field's words marked and each
// field's confidence (the uncertain ones flagged; ./field-basis.tsx), a conflict badge
// linking to the tracked record, and (for editors, while pending) the accept / edit / reject controls.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ProposalView } from "@/server/news/review/review";
import { EvidenceWithFields, FieldBasisList, fieldLabel } from "./field-basis";
import { editableFields, factWords } from "./fact-words";
import { ProposalActions } from "./proposal-actions";

const RECORD_PATHS: Record<string, string> = { measure: "measures", deadline: "deadlines", budget: "budgets", figure: "figures" };

export function recordHref(recordType: string, recordKey: string): string {
  const slug = RECORD_PATHS[recordType];
  return slug ? `/edit/${slug}/${encodeURIComponent(recordKey)}` : "/edit/observations";
}

const shown = (v: number | string, locale: string) =>
  typeof v === "number" ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v) : v;

export function ProposalCard({ proposal, canEdit, showArticle }: { proposal: ProposalView; canEdit: boolean; showArticle?: boolean }) {
  const t = useTranslations("review");
  const locale = useLocale();
  const p = proposal;
  const c = p.conflict;
  const tone = p.status === "accepted" ? "success" : p.status === "rejected" ? "neutral" : "info";
  return (
    <article id={`proposal-${p.id}`} aria-labelledby={`proposal-${p.id}-title`} className="grid gap-2 rounded-lg border border-border bg-card p-4" data-testid="proposal">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="neutral">{t(`kinds.${p.kind}`)}</Badge>
        <Badge tone={tone}>{t(`statusNames.${p.status}`)}</Badge>
        <span className="text-xs text-muted-foreground">{t("confidence", { value: Math.round(p.confidence * 100) })}</span>
        {c ? (
          <Link href={recordHref(c.recordType, c.recordKey)} title={t("recordLink", { title: c.title })} data-testid="conflict-badge">
            <Badge tone="warning">{t("conflictBadge", { tracked: shown(c.tracked, locale), proposed: shown(c.proposed, locale) })}</Badge>
          </Link>
        ) : null}
      </div>
      <h3 id={`proposal-${p.id}-title`} className="font-medium">
        {factWords(p.fact, t as never, locale)}
      </h3>
      <EvidenceWithFields fact={p.fact} label={fieldLabel(t)} />
      <FieldBasisList fact={p.fact} />
      {showArticle ? (
        <p className="text-xs text-muted-foreground">
          <Link className="text-accent underline underline-offset-4" href={`/news/${p.articleId}#evidence-${p.id}`}>
            {t("fromArticle", { title: p.article.title })}
          </Link>
        </p>
      ) : null}
      {p.status === "accepted" && p.recordType && p.recordKey ? (
        <p className="text-sm">
          <Link className="text-accent underline underline-offset-4" href={recordHref(p.recordType, p.recordKey)}>
            {t("accepted", { recordType: p.recordType, recordKey: p.recordKey })}
          </Link>
        </p>
      ) : null}
      {p.reviewNote ? <p className="text-sm text-muted-foreground">{t("note")}: {p.reviewNote}</p> : null}
      {canEdit && p.status === "pending" ? (
        <ProposalActions id={p.id} hasConflict={!!c} fields={editableFields(p.fact)} />
      ) : null}
    </article>
  );
}
