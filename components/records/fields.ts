// The fields of each edit form, named as in the zod input schemas (server/schemas) that check them on both sides.
import { BUDGET_STATUSES, CONFIDENCE_LEVELS, DEADLINE_KINDS, DEADLINE_STATUSES, FIGURE_KINDS, MEASURE_STATUSES, SECTORS, SOURCE_KINDS, TIME_PRECISIONS, type EditableKind } from "@/server/core/constants";
import { createBudgetInput, updateBudgetInput } from "@/server/records/schemas/budget";
import { createDeadlineInput, updateDeadlineInput } from "@/server/records/schemas/deadline";
import { createFigureInput, updateFigureInput } from "@/server/records/schemas/figure";
import { createMeasureInput, updateMeasureInput } from "@/server/records/schemas/measure";
import { createSourceInput, updateSourceInput } from "@/server/records/schemas/source";

export type FieldType = "text" | "textarea" | "number" | "select" | "date" | "instant" | "url";

export type FieldSpec = {
  name: string;
  type: FieldType;
  /** Choices of a select; the label comes from the messages namespace `optionsNs`. */
  options?: readonly string[];
  optionsNs?: string;
  /** May be left empty (sent as null). */
  optional?: boolean;
  max?: number;
  /** Shown wide (a whole row). */
  wide?: boolean;
};

const t = (name: string, max = 300, optional = false): FieldSpec => ({ name, type: "text", max, optional });
const area = (name: string, optional = true): FieldSpec => ({ name, type: "textarea", max: 2000, optional, wide: true });
const num = (name: string, optional = false): FieldSpec => ({ name, type: "number", optional });
const date = (name: string, optional = true): FieldSpec => ({ name, type: "date", optional });
const select = (name: string, options: readonly string[], optionsNs: string, optional = false): FieldSpec => ({
  name,
  type: "select",
  options,
  optionsNs,
  optional,
});
const instant = (name: string, optional = false): FieldSpec => ({ name, type: "instant", optional });

export const FORM_FIELDS: Record<EditableKind, FieldSpec[]> = {
  measure: [
    { ...t("title"), wide: true },
    { ...t("titleKo", 300, true), wide: true },
    select("sector", SECTORS, "sectors"),
    select("status", MEASURE_STATUSES, "measureStatus"),
    num("ratePct", true),
    t("rateNote", 300, true),
    t("instrument"),
    select("confidence", CONFIDENCE_LEVELS, "confidence"),
    t("imposingCountry", 3),
    t("targetCountry", 3),
    date("announcedOn"),
    instant("effective", true),
    instant("ends", true),
  ],
  deadline: [
    { ...t("title"), wide: true },
    { ...t("titleKo", 300, true), wide: true },
    select("kind", DEADLINE_KINDS, "deadlineKind"),
    select("status", DEADLINE_STATUSES, "deadlineStatus"),
    instant("due"),
    select("precision", TIME_PRECISIONS, "precision"),
    select("sector", SECTORS, "sectors", true),
    t("measureKey", 80, true),
    t("postponedToKey", 80, true),
    area("description"),
    area("outcome"),
  ],
  budget: [
    { ...t("title"), wide: true },
    { ...t("titleKo", 300, true), wide: true },
    t("programme"),
    select("status", BUDGET_STATUSES, "budgetStatus"),
    num("amount"),
    t("currency", 3),
    num("amountUsd", true),
    num("usdRate", true),
    date("usdRateDate"),
    select("sector", SECTORS, "sectors", true),
    date("proposedOn"),
    date("passedOn"),
    date("executedOn"),
    area("purpose", false),
    area("usdRateNote"),
    area("budgetNote"),
  ],
  figure: [
    { ...t("title"), wide: true },
    { ...t("titleKo", 300, true), wide: true },
    select("kind", FIGURE_KINDS, "figureKind"),
    t("period", 40, true),
    num("value"),
    num("fromValue", true),
    t("unit", 40),
    date("validUntil"),
    area("figureNote"),
  ],
  source: [
    { ...t("title"), wide: true },
    t("publisher"),
    date("publishedOn"),
    { name: "url", type: "url", max: 2000, optional: true, wide: true },
    select("kind", SOURCE_KINDS, "sourcesPage.kind"),
    t("language", 2),
    area("sourceNote"),
  ],
};

/** The zod schemas each form checks before it sends — the same objects the server validates with. */
export const FORM_SCHEMAS = {
  measure: { create: createMeasureInput, update: updateMeasureInput },
  deadline: { create: createDeadlineInput, update: updateDeadlineInput },
  budget: { create: createBudgetInput, update: updateBudgetInput },
  figure: { create: createFigureInput, update: updateFigureInput },
  source: { create: createSourceInput, update: updateSourceInput },
} as const;

/** URL segment of each kind: /edit/measures, /edit/deadlines, … */
export const KIND_SLUGS = {
  measure: "measures",
  deadline: "deadlines",
  budget: "budgets",
  figure: "figures",
  source: "sources",
} as const satisfies Record<EditableKind, string>;

export function kindFromSlug(slug: string): EditableKind | null {
  const found = Object.entries(KIND_SLUGS).find(([, s]) => s === slug);
  return found ? (found[0] as EditableKind) : null;
}

/** Zones offered for local times (any IANA zone may be typed). */
export const COMMON_ZONES = ["America/New_York", "Asia/Seoul", "UTC", "Europe/Brussels", "Asia/Tokyo"] as const;

/** Defaults of a new record's form. */
export const NEW_DEFAULTS: Record<EditableKind, Record<string, unknown>> = {
  measure: { imposingCountry: "US", targetCountry: "KR", confidence: "high", status: "announced", sector: "all_goods" },
  deadline: { kind: "negotiation", status: "upcoming", precision: "minute", due: { local: "", zone: "America/New_York" } },
  budget: { currency: "KRW", status: "proposed" },
  figure: { kind: "trade_balance" },
  source: { kind: "news", language: "en" },
};
