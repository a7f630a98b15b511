// What the edit pages read: every editable record's version in force now (a list per kind), and one record in the
// shape its edit form takes — the same field names as the zod input schemas in ./schemas. One entry per kind in
// RECORD_KINDS says how to list it, load it and turn a row into a list line and into form values.
import { and, asc, count, desc, eq, ilike, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { budgets, citations, deadlines, figures, series, sources, tariffMeasures } from "@/db/schema";
import type { EditableKind } from "@/server/core/constants";
import { zonedIso } from "@/server/core/time";
import { latestVersionAt } from "@/server/core/versions";
import { DEFAULT_RECORDS, MAX_RECORDS, MAX_SERIES_KEYS, MAX_SOURCE_CHOICES } from "./constants";

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

/** How the edit pages read one kind of record. */
type RecordKind<Row extends { knownAt: Date }> = {
  /** A page of the records, the version in force at `now`, in list order. */
  list: (db: Db, now: Date, page: Page) => Promise<Row[]>;
  /** How many records there are (the version in force at `now` of each). */
  count: (db: Db, now: Date) => Promise<number>;
  /** One record's version in force at `now`. */
  load: (db: Db, key: string, now: Date) => Promise<Row | undefined>;
  summary: (row: Row) => RecordSummary;
  /** The row as its edit form's values. */
  values: (row: Row) => Record<string, unknown>;
};

/** A kind's reads with its row type sealed in, so the table can hold every kind. */
type KindReader = {
  summaries: (db: Db, now: Date, page: Page) => Promise<RecordSummary[]>;
  count: (db: Db, now: Date) => Promise<number>;
  form: (db: Db, key: string, now: Date) => Promise<{ knownAt: Date; values: Record<string, unknown> } | null>;
};

function reader<Row extends { knownAt: Date }>(k: RecordKind<Row>): KindReader {
  return {
    summaries: async (db, now, page) => (await k.list(db, now, page)).map(k.summary),
    count: k.count,
    form: async (db, key, now) => {
      const row = await k.load(db, key, now);
      return row ? { knownAt: row.knownAt, values: k.values(row) } : null;
    },
  };
}

export type Page = { offset: number; limit: number };

/** How many rows of `table` match `where`. */
const countOf = async (db: Db, table: Versioned | typeof sources, where: SQL | undefined) =>
  Number((await db.select({ n: count() }).from(table).where(where))[0]?.n ?? 0);

type Versioned = typeof tariffMeasures | typeof deadlines | typeof budgets | typeof figures;
/** The version of each key in force at `now`. */
const inForce = (table: Versioned, keyColumn: PgColumn, now: Date) => latestVersionAt(table, keyColumn, table.knownAt, now);
/** The version of one key in force at `now`. */
const oneInForce = (table: Versioned, keyColumn: PgColumn, key: string, now: Date) =>
  and(eq(keyColumn, key), inForce(table, keyColumn, now));

type Measure = typeof tariffMeasures.$inferSelect;
type Deadline = typeof deadlines.$inferSelect;
type Budget = typeof budgets.$inferSelect;
type Figure = typeof figures.$inferSelect;
type Source = typeof sources.$inferSelect;

/** The table of editable kinds. */
const RECORD_KINDS: { [K in EditableKind]: KindReader } = {
  measure: reader<Measure>({
    list: (db, now, page) =>
      db
        .select()
        .from(tariffMeasures)
        .where(inForce(tariffMeasures, tariffMeasures.measureKey, now))
        .orderBy(asc(tariffMeasures.sector), asc(tariffMeasures.effectiveAt), asc(tariffMeasures.measureKey))
        .offset(page.offset)
        .limit(page.limit),
    count: (db, now) => countOf(db, tariffMeasures, inForce(tariffMeasures, tariffMeasures.measureKey, now)),
    load: async (db, key, now) =>
      (await db.select().from(tariffMeasures).where(oneInForce(tariffMeasures, tariffMeasures.measureKey, key, now)))[0],
    summary: (r) => ({
      key: r.measureKey,
      title: r.title,
      detail: `${r.sector} · ${r.ratePct === null ? (r.rateNote ?? "—") : `${r.ratePct}%`}`,
      status: r.status,
      knownAt: r.knownAt,
    }),
    values: (r) => ({
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
    }),
  }),

  deadline: reader<Deadline>({
    list: (db, now, page) =>
      db
        .select()
        .from(deadlines)
        .where(inForce(deadlines, deadlines.deadlineKey, now))
        .orderBy(asc(deadlines.dueAt), asc(deadlines.deadlineKey))
        .offset(page.offset)
        .limit(page.limit),
    count: (db, now) => countOf(db, deadlines, inForce(deadlines, deadlines.deadlineKey, now)),
    load: async (db, key, now) => (await db.select().from(deadlines).where(oneInForce(deadlines, deadlines.deadlineKey, key, now)))[0],
    summary: (r) => ({
      key: r.deadlineKey,
      title: r.title,
      detail: `${zonedIso(r.dueAt, r.dueZone).slice(0, 16).replace("T", " ")} ${r.dueZone}`,
      status: r.status,
      knownAt: r.knownAt,
    }),
    values: (r) => ({
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
    }),
  }),

  budget: reader<Budget>({
    list: (db, now, page) =>
      db.select().from(budgets).where(inForce(budgets, budgets.budgetKey, now)).orderBy(asc(budgets.budgetKey)).offset(page.offset).limit(page.limit),
    count: (db, now) => countOf(db, budgets, inForce(budgets, budgets.budgetKey, now)),
    load: async (db, key, now) => (await db.select().from(budgets).where(oneInForce(budgets, budgets.budgetKey, key, now)))[0],
    summary: (r) => ({ key: r.budgetKey, title: r.title, detail: `${r.amount} ${r.currency}`, status: r.status, knownAt: r.knownAt }),
    // Every column but the bookkeeping ones; `note` is the form's budgetNote (the edit's own note is another field).
    values: ({ id: _id, budgetKey: _key, knownAt: _knownAt, recordedAt: _recordedAt, note, ...values }) => ({ ...values, budgetNote: note }),
  }),

  figure: reader<Figure>({
    list: (db, now, page) =>
      db
        .select()
        .from(figures)
        .where(inForce(figures, figures.figureKey, now))
        .orderBy(asc(figures.kind), asc(figures.figureKey))
        .offset(page.offset)
        .limit(page.limit),
    count: (db, now) => countOf(db, figures, inForce(figures, figures.figureKey, now)),
    load: async (db, key, now) => (await db.select().from(figures).where(oneInForce(figures, figures.figureKey, key, now)))[0],
    summary: (r) => ({ key: r.figureKey, title: r.title, detail: `${r.kind} · ${r.value} ${r.unit}`, status: null, knownAt: r.knownAt }),
    values: ({ id: _id, figureKey: _key, knownAt: _knownAt, recordedAt: _recordedAt, note, ...values }) => ({ ...values, figureNote: note }),
  }),

  // Sources are not versioned: the list is every source known by now, a form the one row.
  source: reader<Source>({
    list: (db, now, page) =>
      db.select().from(sources).where(lte(sources.knownAt, now)).orderBy(asc(sources.publishedOn), asc(sources.key)).offset(page.offset).limit(page.limit),
    count: (db, now) => countOf(db, sources, lte(sources.knownAt, now)),
    load: async (db, key) => (await db.select().from(sources).where(eq(sources.key, key)))[0],
    summary: (r) => ({
      key: r.key,
      title: r.title,
      detail: [r.publisher, r.publishedOn].filter(Boolean).join(" · "),
      status: r.kind,
      knownAt: r.knownAt,
    }),
    values: (r) => ({
      title: r.title,
      publisher: r.publisher,
      publishedOn: r.publishedOn,
      url: r.url,
      kind: r.kind,
      language: r.language,
      sourceNote: r.note,
    }),
  }),
};

export type RecordPage = { records: RecordSummary[]; total: number; offset: number; limit: number };

/** A page of one kind's records as they stand at `now` (`limit` ≤ MAX_RECORDS), with how many there are. */
export async function listRecords(db: Db, kind: EditableKind, now: Date, page: Partial<Page> = {}): Promise<RecordPage> {
  const offset = page.offset ?? 0;
  const limit = Math.min(page.limit ?? DEFAULT_RECORDS, MAX_RECORDS);
  const [records, total] = await Promise.all([
    RECORD_KINDS[kind].summaries(db, now, { offset, limit }),
    RECORD_KINDS[kind].count(db, now),
  ]);
  return { records, total, offset, limit };
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
  const form = await RECORD_KINDS[kind].form(db, key, now);
  if (!form) return null;
  // A source cites none.
  const cited = kind === "source" ? [] : await citedSources(db, kind, key);
  return { kind, key, knownAt: form.knownAt, sources: cited, values: form.values };
}

const choiceColumns = { id: sources.id, key: sources.key, title: sources.title, publisher: sources.publisher, publishedOn: sources.publishedOn };

/**
 * Sources as choices for the "cites" picker, newest first: the MAX_SOURCE_CHOICES newest matching `search` (in the
 * title, publisher or key), and the ones in `ids` (those a record already cites) whatever their age.
 */
export async function sourceChoices(db: Db, opts: { search?: string; ids?: readonly number[] } = {}) {
  const q = opts.search?.trim();
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const newest = [desc(sources.publishedOn), desc(sources.key)];
  const [matching, cited] = await Promise.all([
    db
      .select(choiceColumns)
      .from(sources)
      .where(like ? or(ilike(sources.title, like), ilike(sources.publisher, like), ilike(sources.key, like)) : undefined)
      .orderBy(sql`${sources.publishedOn} desc nulls last`, desc(sources.key))
      .limit(MAX_SOURCE_CHOICES),
    opts.ids?.length ? db.select(choiceColumns).from(sources).where(inArray(sources.id, [...opts.ids])).orderBy(...newest) : [],
  ]);
  const seen = new Set(matching.map((c) => c.id));
  return [...cited.filter((c) => !seen.has(c.id)), ...matching];
}

/** Keys of the series observations can be entered for (at most MAX_SERIES_KEYS). */
export async function seriesKeys(db: Db): Promise<string[]> {
  const rows = await db.select({ key: series.key }).from(series).orderBy(asc(series.key)).limit(MAX_SERIES_KEYS);
  return rows.map((r) => r.key);
}
