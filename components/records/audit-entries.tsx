// Audit entries: who changed what, when (Washington and Seoul time), and the fields before → after. Every value is
// rendered as text (React escapes it), whatever an editor typed.
import Link from "next/link";
import { getTranslations } from "@/i18n/translations";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { formatInstant, type DisplayLocale } from "@/lib/format";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { KIND_SLUGS } from "./fields";

export type AuditEntry = {
  id: number;
  at: Date;
  action: string;
  recordType: string;
  recordKey: string;
  before: unknown;
  after: unknown;
  note: string | null;
  user: { id: string; email: string; name: string };
};

const HIDDEN = new Set(["id", "recordedAt"]);
const MAX_SHOWN = 160;

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const s = typeof value === "string" ? value : JSON.stringify(value);
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s;
}

function flat(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The fields that differ between before and after (all of after for a creation). */
export function changedFields(before: unknown, after: unknown): { field: string; before: unknown; after: unknown }[] {
  const b = flat(before);
  const a = flat(after);
  // A postponement's after holds both versions; compare the old deadline with its postponed version.
  const target = "postponed" in a && "created" in a ? flat(a.postponed) : a;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(target)])].filter((k) => !HIDDEN.has(k));
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(target[k] ?? null))
    .map((k) => ({ field: k, before: b[k], after: target[k] }));
}

function recordHref(recordType: string, key: string): string | null {
  if (recordType in KIND_SLUGS) return `/edit/${KIND_SLUGS[recordType as keyof typeof KIND_SLUGS]}/${key}`;
  if (recordType === "conflict") return "/conflicts";
  if (recordType === "observation") return "/edit/observations";
  if (recordType === "article") return `/news/${key}`;
  if (recordType === "feed") return "/feeds";
  return null;
}

async function ChangesTable({ changes }: { changes: ReturnType<typeof changedFields> }) {
  const t = await getTranslations("audit");
  return (
    <DataTable
      size="xs"
      density="dense"
      className="mt-1 table-fixed"
      rows={changes}
      rowKey={(c) => c.field}
      columns={[
        { header: t("field"), rowHeader: true, cell: (c) => c.field, className: "font-mono font-normal!", headClassName: "w-1/5" },
        { header: t("before"), cell: (c) => show(c.before), className: "break-words text-muted-foreground" },
        { header: t("after"), cell: (c) => show(c.after), className: "break-words" },
      ]}
    />
  );
}

export async function AuditEntries({ entries, locale, showRecord = true }: { entries: AuditEntry[]; locale: DisplayLocale; showRecord?: boolean }) {
  const t = await getTranslations("audit");
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  return (
    <ol className="grid gap-3" data-testid="audit-entries">
      {entries.map((e) => {
        const changes = changedFields(e.before, e.after);
        const href = recordHref(e.recordType, e.recordKey);
        const created = flat(e.after).created as { deadlineKey?: string } | undefined;
        return (
          <li key={e.id} className="rounded-md border border-border p-3 text-sm">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <Badge tone={e.action === "correct" ? "warning" : "neutral"}>{t(`action.${e.action as "create"}`)}</Badge>
              {showRecord ? (
                <span>
                  {t(`type.${e.recordType as "measure"}`)}{" "}
                  {href ? (
                    <Link href={href} className="font-mono text-accent underline underline-offset-4">
                      {e.recordKey}
                    </Link>
                  ) : (
                    <span className="font-mono">{e.recordKey}</span>
                  )}
                </span>
              ) : null}
              <span>
                {t("by")} <strong>{e.user.name || e.user.email}</strong> <span className="text-muted-foreground">({e.user.email})</span>
              </span>
              <time dateTime={e.at.toISOString()} className="text-muted-foreground">
                {formatInstant(e.at, DISPLAY_ZONES.washington, locale)} · {formatInstant(e.at, DISPLAY_ZONES.seoul, locale)}
              </time>
            </div>
            {e.note ? <p className="mt-1">“{e.note}”</p> : null}
            {created?.deadlineKey ? <p className="mt-1">{t("postponedTo", { key: created.deadlineKey })}</p> : null}
            {changes.length ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-xs text-muted-foreground">{t("changes", { count: changes.length })}</summary>
                <ChangesTable changes={changes} />
              </details>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
