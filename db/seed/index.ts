// Loads the real seed data (db/seed/*) on first start. Idempotent: every row has a natural unique key and is
// inserted with ON CONFLICT DO NOTHING inside one transaction, and a checksum in seed_runs skips unchanged data.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import { AS_OF_ZONE, type RecordType } from "@/server/core/constants";
import { closeInstant } from "@/server/market/reaction-rules";
import { endOfDay, localToInstant, startOfDay } from "@/server/core/time";
import { DEADLINES } from "./deadlines";
import { EVENTS } from "./events";
import { MEASURES } from "./measures";
import { SOURCES } from "./sources";
import { BUDGETS, CONFLICTS, FIGURES } from "./support";
import * as ko from "./ko";
import type { Known, LocalInstant } from "./types";

export const SEED_NAME = "us-korea-2025-26";
export const KOSPI_CSV = path.join(process.cwd(), "db", "seed", "kospi-daily.csv");

export type OhlcvRow = { date: string; open: number; high: number; low: number; close: number; volume: number };

export function parseKospiCsv(text: string): OhlcvRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const [header, ...rows] = lines;
  if (header?.trim() !== "date,open,high,low,close,volume") throw new Error(`Unexpected KOSPI CSV header: ${header}`);
  return rows.map((line, i) => {
    const [date, open, high, low, close, volume] = line.split(",");
    const row = { date: date!, open: +open!, high: +high!, low: +low!, close: +close!, volume: Math.round(+volume!) };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(row.date) || [row.open, row.high, row.low, row.close].some(Number.isNaN)) {
      throw new Error(`Bad KOSPI CSV row ${i + 2}: ${line}`);
    }
    return row;
  });
}

const knownAt = (k: Known): Date => ("at" in k ? new Date(k.at) : endOfDay(k.on, k.zone));
const instant = (l: LocalInstant | null | undefined): Date | null => (l ? localToInstant(l.local, l.zone) : null);

function checksum(kospiCsv: string): string {
  const h = createHash("sha256");
  h.update(JSON.stringify({ SOURCES, MEASURES, DEADLINES, EVENTS, BUDGETS, FIGURES, CONFLICTS }));
  h.update(JSON.stringify(ko));
  h.update(kospiCsv);
  return h.digest("hex");
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Applies the seed if it is missing or changed. Returns true when it wrote anything. */
export async function seedDatabase(db: Db): Promise<boolean> {
  const kospiCsv = readFileSync(KOSPI_CSV, "utf8");
  const sum = checksum(kospiCsv);
  const [done] = await db.select().from(t.seedRuns).where(eq(t.seedRuns.name, SEED_NAME));
  if (done?.checksum === sum) return false;

  await db.transaction(async (tx) => {
    await insertSources(tx);
    const sourceIds = new Map(
      (await tx.select({ id: t.sources.id, key: t.sources.key }).from(t.sources)).map((s) => [s.key, s.id]),
    );
    const sourceId = (key: string) => {
      const id = sourceIds.get(key);
      if (id === undefined) throw new Error(`Seed cites unknown source "${key}"`);
      return id;
    };
    const citations: (typeof t.citations.$inferInsert)[] = [];
    const cite = (recordType: RecordType, recordKey: string, keys: string[]) => {
      for (const key of keys) citations.push({ recordType, recordKey, sourceId: sourceId(key) });
    };

    for (const m of MEASURES) {
      const rows = m.versions.map((v) => ({
        measureKey: m.key,
        title: m.title,
        titleKo: ko.MEASURE_TITLES_KO[m.key] ?? null,
        targetCountry: m.target,
        sector: m.sector,
        ratePct: v.ratePct !== undefined ? v.ratePct : m.ratePct,
        rateNote: v.rateNote !== undefined ? v.rateNote : (m.rateNote ?? null),
        rateNoteKo: v.rateNote === undefined && m.rateNote ? (ko.RATE_NOTES_KO[m.key] ?? null) : null,
        instrument: v.instrument ?? m.instrument,
        status: v.status,
        announcedOn: m.announcedOn,
        effectiveAt: instant(v.effective),
        effectiveZone: v.effective?.zone ?? null,
        endsAt: instant(v.ends),
        endsZone: v.ends?.zone ?? null,
        confidence: v.confidence ?? "high",
        knownAt: knownAt(v.known),
      }));
      await tx.insert(t.tariffMeasures).values(rows).onConflictDoNothing();
      cite("measure", m.key, m.sources);
    }

    for (const d of DEADLINES) {
      const rows = d.versions.map((v) => {
        const due = v.due ?? d.due;
        return {
          deadlineKey: d.key,
          title: d.title,
          titleKo: ko.DEADLINE_TITLES_KO[d.key] ?? null,
          description: d.description ?? null,
          kind: d.kind,
          dueAt: localToInstant(due.local, due.zone),
          dueZone: due.zone,
          precision: d.precision ?? "minute",
          status: v.status,
          postponedToKey: v.postponedTo ?? null,
          outcome: v.outcome ?? null,
          outcomeKo: v.outcome ? (ko.DEADLINE_OUTCOMES_KO[d.key] ?? null) : null,
          measureKey: d.measureKey ?? null,
          sector: d.sector ?? null,
          knownAt: knownAt(v.known),
        };
      });
      await tx.insert(t.deadlines).values(rows).onConflictDoNothing();
      cite("deadline", d.key, d.sources);
    }

    await tx
      .insert(t.events)
      .values(
        EVENTS.map((e) => ({
          eventKey: e.key,
          title: e.title,
          titleKo: ko.EVENT_TITLES_KO[e.key] ?? null,
          category: e.category,
          sector: e.sector ?? null,
          occurredAt: localToInstant(e.occurred.local, e.occurred.zone),
          occurredZone: e.occurred.zone,
          publicAt: instant(e.public),
          precision: e.precision ?? "day",
          confidence: e.confidence,
          knownAt: knownAt(e.known),
        })),
      )
      .onConflictDoNothing();
    for (const e of EVENTS) cite("event", e.key, e.sources);

    for (const b of BUDGETS) {
      const rows = b.versions.map((v) => ({
        budgetKey: b.key,
        title: v.title ?? b.title,
        titleKo: ko.BUDGET_TITLES_KO[b.key] ?? null,
        programme: b.programme,
        purpose: b.purpose,
        sector: b.sector ?? null,
        amount: v.amount,
        currency: b.currency,
        amountUsd: b.currency === "USD" ? v.amount : b.usdRate ? Math.round((v.amount / b.usdRate.krwPerUsd) * 100) / 100 : null,
        usdRate: b.usdRate?.krwPerUsd ?? null,
        usdRateDate: b.usdRate?.date ?? null,
        usdRateNote: b.usdRate?.note ?? null,
        status: v.status,
        proposedOn: v.proposedOn ?? null,
        passedOn: v.passedOn ?? null,
        executedOn: v.executedOn ?? null,
        note: v.note ?? null,
        knownAt: knownAt(v.known),
      }));
      await tx.insert(t.budgets).values(rows).onConflictDoNothing();
      cite("budget", b.key, b.sources);
    }

    for (const f of FIGURES) {
      const rows = f.versions.map((v) => ({
        figureKey: f.key,
        kind: f.kind,
        title: f.title,
        titleKo: ko.FIGURE_TITLES_KO[f.key] ?? null,
        period: f.period ?? null,
        value: v.value,
        fromValue: v.fromValue ?? null,
        unit: f.unit,
        validUntil: v.validUntil ?? null,
        note: v.note ?? null,
        knownAt: knownAt(v.known),
      }));
      await tx.insert(t.figures).values(rows).onConflictDoNothing();
      cite("figure", f.key, f.sources);
    }

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
      await tx
        .insert(t.conflictClaims)
        .values(c.claims.map((cl) => ({ conflictId: row!.id, value: cl.value, label: cl.label, sourceId: sourceId(cl.source) })))
        .onConflictDoNothing();
    }

    await seedKospi(tx, kospiCsv);
    cite("series", "kospi", ["kospi-daily-kis"]);
    await tx.insert(t.citations).values(citations).onConflictDoNothing();

    await tx
      .insert(t.seedRuns)
      .values({ name: SEED_NAME, checksum: sum, details: { sources: SOURCES.length, events: EVENTS.length } })
      .onConflictDoUpdate({ target: t.seedRuns.name, set: { checksum: sum, appliedAt: new Date() } });
  });
  return true;
}

async function insertSources(tx: Tx) {
  await tx
    .insert(t.sources)
    .values(
      SOURCES.map((s) => ({
        key: s.key,
        title: s.title,
        publisher: s.publisher,
        publishedOn: s.publishedOn,
        url: s.url,
        kind: s.kind,
        language: s.language ?? "en",
        note: s.note ?? null,
        knownAt: s.publishedOn ? endOfDay(s.publishedOn, AS_OF_ZONE) : startOfDay("2012-01-01", AS_OF_ZONE),
      })),
    )
    .onConflictDoNothing();
  const ids = new Map((await tx.select({ id: t.sources.id, key: t.sources.key }).from(t.sources)).map((s) => [s.key, s.id]));
  const statements = SOURCES.flatMap((s) =>
    (s.states ?? []).map((st) => ({
      sourceId: ids.get(s.key)!,
      kind: st.kind,
      summary: st.summary,
      value: st.value ?? null,
      unit: st.unit ?? null,
    })),
  );
  if (statements.length) await tx.insert(t.sourceStatements).values(statements).onConflictDoNothing();
}

async function seedKospi(tx: Tx, csv: string) {
  await tx
    .insert(t.series)
    .values({ key: "kospi", name: "KOSPI", unit: "index points", zone: "Asia/Seoul", knownAt: startOfDay("2024-08-05", AS_OF_ZONE) })
    .onConflictDoNothing();
  const [s] = await tx.select({ id: t.series.id }).from(t.series).where(eq(t.series.key, "kospi"));
  const rows = parseKospiCsv(csv).map((r) => ({ seriesId: s!.id, ...r, knownAt: closeInstant(r.date) }));
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.insert(t.observations).values(rows.slice(i, i + 1000)).onConflictDoNothing();
  }
}
