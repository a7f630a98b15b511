// What the edit pages read: every editable record's version in force now (a list per kind), and one record in the
// shape its edit form takes — the same field names as the zod input schemas in server/schemas.
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { budgets, citations, deadlines, figures, series, sources, tariffMeasures } from "@/db/schema";
import type { EditableKind } from "@/server/core/constants";
import { zonedIso } from "@/server/core/time";
import { latestVersionAt } from "@/server/core/versions";

export type RecordSummary = {
  key: string;
  title: string;
  /** A short second line: sector and rate, due time, amount… */
  detail: string;
  status: string | null;
  knownAt: Date;
};

export type RecordForm = {
  kind: EditableKind;
  key: string;
  /** Field values named as in the create/update input schemas. */
  values: Record<string, unknown>;
  /** Ids of the sources the record cites (none for a source). */
  sources: number[];
  knownAt: Date;
};

/** A stored instant as the form shows it: the wall-clock time in the zone it was stated in. */
export function toLocalInstant(at: Date | null, zone: string | null) {
  if (!at) return null;
  const z = zone ?? "UTC";
  return { local: zonedIso(at, z).slice(0, 16), zone: z };
}

export async function listRecords(db: Db, kind: EditableKind, now: Date): Promise<RecordSummary[]> {
  switch (kind) {
    case "measure": {
      const rows = await db
        .select()
        .from(tariffMeasures)
        .where(latestVersionAt(tariffMeasures, tariffMeasures.measureKey, tariffMeasures.knownAt, now))
        .orderBy(asc(tariffMeasures.sector), asc(tariffMeasures.effectiveAt), asc(tariffMeasures.measureKey));
      return rows.map((r) => ({
        key: r.measureKey,
        title: r.title,
        detail: `${r.sector} · ${r.ratePct === null ? (r.rateNote ?? "—") : `${r.ratePct}%`}`,
        status: r.status,
        knownAt: r.knownAt,
      }));
    }
    case "deadline": {
      const rows = await db
        .select()
        .from(deadlines)
        .where(latestVersionAt(deadlines, deadlines.deadlineKey, deadlines.knownAt, now))
        .orderBy(asc(deadlines.dueAt), asc(deadlines.deadlineKey));
      return rows.map((r) => ({
        key: r.deadlineKey,
        title: r.title,
        detail: `${zonedIso(r.dueAt, r.dueZone).slice(0, 16).replace("T", " ")} ${r.dueZone}`,
        status: r.status,
        knownAt: r.knownAt,
      }));
    }
    case "budget": {
      const rows = await db
        .select()
        .from(budgets)
        .where(latestVersionAt(budgets, budgets.budgetKey, budgets.knownAt, now))
        .orderBy(asc(budgets.budgetKey));
      return rows.map((r) => ({
        key: r.budgetKey,
        title: r.title,
        detail: `${r.amount} ${r.currency}`,
        status: r.status,
        knownAt: r.knownAt,
      }));
    }
    case "figure": {
      const rows = await db
        .select()
        .from(figures)
        .where(latestVersionAt(figures, figures.figureKey, figures.knownAt, now))
        .orderBy(asc(figures.kind), asc(figures.figureKey));
      return rows.map((r) => ({
        key: r.figureKey,
        title: r.title,
        detail: `${r.kind} · ${r.value} ${r.unit}`,
        status: null,
        knownAt: r.knownAt,
      }));
    }
    case "source": {
      const rows = await db.select().from(sources).where(lte(sources.knownAt, now)).orderBy(asc(sources.publishedOn), asc(sources.key));
      return rows.map((r) => ({
        key: r.key,
        title: r.title,
        detail: [r.publisher, r.publishedOn].filter(Boolean).join(" · "),
        status: r.kind,
        knownAt: r.knownAt,
      }));
    }
  }
}

async function citedSources(db: Db, recordType: Exclude<EditableKind, "source">, key: string): Promise<number[]> {
  const rows = await db
    .select({ id: citations.sourceId })
    .from(citations)
    .where(and(eq(citations.recordType, recordType), inArray(citations.recordKey, [key])))
    .orderBy(asc(citations.sourceId));
  return rows.map((r) => r.id);
}

export async function getRecordForm(db: Db, kind: EditableKind, key: string, now: Date): Promise<RecordForm | null> {
  switch (kind) {
    case "measure": {
      const [r] = await db
        .select()
        .from(tariffMeasures)
        .where(and(eq(tariffMeasures.measureKey, key), latestVersionAt(tariffMeasures, tariffMeasures.measureKey, tariffMeasures.knownAt, now)));
      if (!r) return null;
      return {
        kind,
        key,
        knownAt: r.knownAt,
        sources: await citedSources(db, kind, key),
        values: {
          title: r.title,
          titleKo: r.titleKo,
          imposingCountry: r.imposingCountry,
          targetCountry: r.targetCountry,
          sector: r.sector,
          ratePct: r.ratePct,
          rateNote: r.rateNote,
          instrument: r.instrument,
          status: r.status,
          announcedOn: r.announcedOn,
          effective: toLocalInstant(r.effectiveAt, r.effectiveZone),
          ends: toLocalInstant(r.endsAt, r.endsZone),
          confidence: r.confidence,
        },
      };
    }
    case "deadline": {
      const [r] = await db
        .select()
        .from(deadlines)
        .where(and(eq(deadlines.deadlineKey, key), latestVersionAt(deadlines, deadlines.deadlineKey, deadlines.knownAt, now)));
      if (!r) return null;
      return {
        kind,
        key,
        knownAt: r.knownAt,
        sources: await citedSources(db, kind, key),
        values: {
          title: r.title,
          titleKo: r.titleKo,
          description: r.description,
          kind: r.kind,
          due: toLocalInstant(r.dueAt, r.dueZone),
          precision: r.precision,
          status: r.status,
          postponedToKey: r.postponedToKey,
          outcome: r.outcome,
          measureKey: r.measureKey,
          sector: r.sector,
        },
      };
    }
    case "budget": {
      const [r] = await db
        .select()
        .from(budgets)
        .where(and(eq(budgets.budgetKey, key), latestVersionAt(budgets, budgets.budgetKey, budgets.knownAt, now)));
      if (!r) return null;
      const { id: _id, budgetKey: _key, knownAt, recordedAt: _recordedAt, note, ...values } = r;
      return { kind, key, knownAt, sources: await citedSources(db, kind, key), values: { ...values, budgetNote: note } };
    }
    case "figure": {
      const [r] = await db
        .select()
        .from(figures)
        .where(and(eq(figures.figureKey, key), latestVersionAt(figures, figures.figureKey, figures.knownAt, now)));
      if (!r) return null;
      const { id: _id, figureKey: _key, knownAt, recordedAt: _recordedAt, note, ...values } = r;
      return { kind, key, knownAt, sources: await citedSources(db, kind, key), values: { ...values, figureNote: note } };
    }
    case "source": {
      const [r] = await db.select().from(sources).where(eq(sources.key, key));
      if (!r) return null;
      return {
        kind,
        key,
        knownAt: r.knownAt,
        sources: [],
        values: {
          title: r.title,
          publisher: r.publisher,
          publishedOn: r.publishedOn,
          url: r.url,
          kind: r.kind,
          language: r.language,
          sourceNote: r.note,
        },
      };
    }
  }
}

/** Every source as a choice for the "cites" picker: newest first. */
export async function sourceChoices(db: Db) {
  return db
    .select({ id: sources.id, key: sources.key, title: sources.title, publisher: sources.publisher, publishedOn: sources.publishedOn })
    .from(sources)
    .orderBy(asc(sources.publishedOn), asc(sources.key))
    .then((rows) => rows.reverse());
}

/** Keys of the series observations can be entered for. */
export async function seriesKeys(db: Db): Promise<string[]> {
  const rows = await db.select({ key: series.key }).from(series).orderBy(asc(series.key));
  return rows.map((r) => r.key);
}
