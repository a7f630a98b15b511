// How the extractor read a proposal: each field with its value, its calibrated confidence (a field below
// UNCERTAIN_BELOW is flagged for checking, in words and not by colour alone) and the article's words it came from; and
// the evidence sentence with those words marked per field.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Fact, FieldBasis } from "@/server/news/extract/types";
import { highlightNumbers } from "./evidence";

/** Below this a field is shown as one to check. */
export const UNCERTAIN_BELOW = 0.7;

type Span = { field: string; start: number; end: number; uncertain: boolean };

/** The fields' words inside the evidence sentence, relative to it, first come first (overlaps dropped). */
export function fieldSpans(fact: Fact): Span[] {
  const ev = fact.evidence;
  const spans: Span[] = [];
  for (const [field, b] of Object.entries(fact.basis ?? {})) {
    if (!b.at || b.at[0] < ev.start || b.at[1] > ev.end) continue;
    const s = { field, start: b.at[0] - ev.start, end: b.at[1] - ev.start, uncertain: b.confidence < UNCERTAIN_BELOW };
    if (!spans.some((o) => s.start < o.end && o.start < s.end)) spans.push(s);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The evidence sentence with each field's words marked (numbers marked when the fact carries no basis). */
export function EvidenceWithFields({ fact, label }: { fact: Fact; label: (field: string) => string }) {
  const text = fact.evidence.text;
  const spans = fieldSpans(fact);
  if (spans.length === 0) return <blockquote className="border-l-2 border-border pl-3 text-sm italic text-muted-foreground">{highlightNumbers(text)}</blockquote>;
  const out: ReactNode[] = [];
  let last = 0;
  for (const s of spans) {
    if (s.start > last) out.push(text.slice(last, s.start));
    out.push(
      <mark key={s.start} title={label(s.field)} data-field={s.field} className={s.uncertain ? "rounded-sm bg-amber-200 px-0.5 text-foreground underline decoration-dotted" : "rounded-sm px-0.5"}>
        {text.slice(s.start, s.end)}
        <span className="sr-only"> ({label(s.field)})</span>
      </mark>,
    );
    last = s.end;
  }
  if (last < text.length) out.push(text.slice(last));
  return <blockquote className="border-l-2 border-border pl-3 text-sm italic text-muted-foreground">{out}</blockquote>;
}

type ReviewT = ReturnType<typeof useTranslations<"review">>;

/** A field's name in the reader's language (its key when the messages have none). */
export function fieldLabel(t: ReviewT): (field: string) => string {
  return (field) => {
    const key = `fields.${field}` as Parameters<ReviewT>[0];
    return t.has(key) ? t(key) : field;
  };
}

const valueOf = (fact: Fact, field: string) => {
  const v = (fact as unknown as Record<string, unknown>)[field];
  return v === null || v === undefined ? "—" : String(v).replace(/_/g, " ");
};

/** Each field's value, confidence and source words; the uncertain ones first. */
export function FieldBasisList({ fact, text }: { fact: Fact; text?: string }) {
  const t = useTranslations("review");
  const label = fieldLabel(t);
  const entries = Object.entries(fact.basis ?? {}) as [string, FieldBasis][];
  if (entries.length === 0) return null;
  entries.sort(([, a], [, b]) => a.confidence - b.confidence);
  const source = text ?? fact.evidence.text;
  const offset = text ? 0 : fact.evidence.start;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs" aria-label={t("basis.title")} data-testid="field-basis">
      {entries.map(([field, b]) => {
        const uncertain = b.confidence < UNCERTAIN_BELOW;
        const words = b.at ? source.slice(b.at[0] - offset, b.at[1] - offset) : null;
        return (
          <div key={field} className="contents" data-field={field} data-uncertain={uncertain ? "true" : "false"}>
            <dt className="font-medium">{label(field)}</dt>
            <dd className="flex flex-wrap items-center gap-1">
              <span>{valueOf(fact, field)}</span>
              <span className="text-muted-foreground">· {Math.round(b.confidence * 100)}%</span>
              {uncertain ? <Badge tone="warning">{t("basis.check")}</Badge> : null}
              <span className="text-muted-foreground">{words ? t("basis.from", { words }) : b.cue.startsWith("measure:") ? t("basis.measure", { key: b.cue.slice(8) }) : /^(?:close|change):/.test(b.cue) ? t("basis.closes") : t("basis.outside")}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
