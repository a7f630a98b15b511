// The seed as steps, run in order in one transaction (./index.ts). Every insert is ON CONFLICT DO NOTHING on the
// record's natural key, so a re-run writes nothing twice. Citations are collected along the way and written last.
import { eq } from "drizzle-orm";
import * as t from "@/db/schema";
import type { RecordType } from "@/server/core/constants";
import type { Tx } from "@/server/core/transactions";
import { DEADLINES } from "./deadlines";
import { EVENTS } from "./events";
import { seedKospi } from "./kospi";
import { MEASURES } from "./measures";
import { budgetRows, deadlineRows, eventRow, figureRows, knownAt, measureRows, sourceRow } from "./rows";
import { SOURCES } from "./sources";
import { BUDGETS, CONFLICTS, FIGURES } from "./support";
import * as ko from "./ko";

/** What the steps share while the seed runs. */
export type Seeding = {
  /** Source ids by key, filled by the sources step. */
  sourceIds: Map<string, number>;
  /** Citations of the records written so far. */
  citations: (typeof t.citations.$inferInsert)[];
  kospiCsv: string;
};

export type SeedStep = { name: string; run: (tx: Tx, seeding: Seeding) => Promise<void> };

function sourceId(seeding: Seeding, key: string): number {
  const id = seeding.sourceIds.get(key);
  if (id === undefined) throw new Error(`Seed cites unknown source "${key}"`);
  return id;
}

function cite(seeding: Seeding, recordType: RecordType, recordKey: string, keys: string[]) {
  for (const key of keys) seeding.citations.push({ recordType, recordKey, sourceId: sourceId(seeding, key) });
}

async function sources(tx: Tx, seeding: Seeding) {
  await tx.insert(t.sources).values(SOURCES.map(sourceRow)).onConflictDoNothing();
  for (const s of await tx.select({ id: t.sources.id, key: t.sources.key }).from(t.sources)) seeding.sourceIds.set(s.key, s.id);
  const statements = SOURCES.flatMap((s) =>
    (s.states ?? []).map((st) => ({
      sourceId: seeding.sourceIds.get(s.key)!,
      kind: st.kind,
      summary: st.summary,
      value: st.value ?? null,
      unit: st.unit ?? null,
    })),
  );
  if (statements.length) await tx.insert(t.sourceStatements).values(statements).onConflictDoNothing();
}

/** Versioned records: each record's rows inserted (one per version), its sources cited. */
function versioned<R extends { key: string; sources: string[] }>(recordType: RecordType, records: readonly R[], insert: (tx: Tx, record: R) => Promise<unknown>) {
  return async (tx: Tx, seeding: Seeding) => {
    for (const r of records) {
      await insert(tx, r);
      cite(seeding, recordType, r.key, r.sources);
    }
  };
}

async function events(tx: Tx, seeding: Seeding) {
  await tx.insert(t.events).values(EVENTS.map(eventRow)).onConflictDoNothing();
  for (const e of EVENTS) cite(seeding, "event", e.key, e.sources);
}

/** Each conflict with its claims, each claim citing the source that makes it. */
async function conflicts(tx: Tx, seeding: Seeding) {
  for (const c of CONFLICTS) {
    await tx
      .insert(t.conflicts)
      .values({
        conflictKey: c.key,
        recordType: c.recordType,
        recordKey: c.recordKey,
        field: c.field,
        title: c.title,
        titleKo: ko.CONFLICT_TITLES_KO[c.key] ?? null,
        knownAt: knownAt(c.known),
      })
      .onConflictDoNothing();
    const [row] = await tx.select({ id: t.conflicts.id }).from(t.conflicts).where(eq(t.conflicts.conflictKey, c.key));
    const claims = c.claims.map((cl) => ({ conflictId: row!.id, value: cl.value, label: cl.label, sourceId: sourceId(seeding, cl.source) }));
    await tx.insert(t.conflictClaims).values(claims).onConflictDoNothing();
  }
}

async function kospi(tx: Tx, seeding: Seeding) {
  await seedKospi(tx, seeding.kospiCsv);
  cite(seeding, "series", "kospi", ["kospi-daily-kis"]);
}

async function citations(tx: Tx, seeding: Seeding) {
  await tx.insert(t.citations).values(seeding.citations).onConflictDoNothing();
}

/** In this order: sources first (the others cite them), citations last (they collect along the way). */
export const SEED_STEPS: SeedStep[] = [
  { name: "sources", run: sources },
  { name: "measures", run: versioned("measure", MEASURES, (tx, m) => tx.insert(t.tariffMeasures).values(measureRows(m)).onConflictDoNothing()) },
  { name: "deadlines", run: versioned("deadline", DEADLINES, (tx, d) => tx.insert(t.deadlines).values(deadlineRows(d)).onConflictDoNothing()) },
  { name: "events", run: events },
  { name: "budgets", run: versioned("budget", BUDGETS, (tx, b) => tx.insert(t.budgets).values(budgetRows(b)).onConflictDoNothing()) },
  { name: "figures", run: versioned("figure", FIGURES, (tx, f) => tx.insert(t.figures).values(figureRows(f)).onConflictDoNothing()) },
  { name: "conflicts", run: conflicts },
  { name: "kospi", run: kospi },
  { name: "citations", run: citations },
];
