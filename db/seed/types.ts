// Shapes of the seed files. Instants are written as local time + zone ("2025-04-09T00:01" in America/New_York)
// and converted by the seeder; `known` is the calendar day the record became known, in the zone named beside it
// (the record counts as known from the end of that day there), or an exact ISO instant.
import type { BudgetStatus, Confidence, DeadlineKind, DeadlineStatus, EventCategory, FigureKind, MeasureStatus, RecordType, Sector, SourceKind, TimePrecision } from "@/server/core/constants";

export type Known = { on: string; zone: "America/New_York" | "Asia/Seoul" } | { at: string };
export type LocalInstant = { local: string; zone: string };

export type SourceSeed = {
  key: string;
  title: string;
  publisher: string;
  publishedOn: string | null;
  url: string | null;
  kind: SourceKind;
  language?: "en" | "ko";
  note?: string;
  /** What the source states, in our own words (for the sources page and the article corpus). */
  states?: { kind: string; summary: string; value?: number; unit?: string }[];
};

type Cited = { sources: string[] };

export type MeasureVersionSeed = {
  known: Known;
  status: MeasureStatus;
  ratePct?: number | null;
  rateNote?: string | null;
  instrument?: string;
  effective?: LocalInstant | null;
  ends?: LocalInstant | null;
  confidence?: Confidence;
};
export type MeasureSeed = Cited & {
  key: string;
  title: string;
  target: "KR" | "ALL";
  sector: Sector;
  instrument: string;
  announcedOn: string | null;
  ratePct: number | null;
  rateNote?: string;
  versions: MeasureVersionSeed[];
};

export type DeadlineVersionSeed = {
  known: Known;
  status: DeadlineStatus;
  postponedTo?: string;
  outcome?: string;
  due?: LocalInstant;
};
export type DeadlineSeed = Cited & {
  key: string;
  title: string;
  description?: string;
  kind: DeadlineKind;
  due: LocalInstant;
  precision?: TimePrecision;
  measureKey?: string;
  sector?: Sector;
  versions: DeadlineVersionSeed[];
};

export type EventSeed = Cited & {
  key: string;
  title: string;
  category: EventCategory;
  sector?: Sector;
  occurred: LocalInstant;
  /** When it became public, for a change announced after it took effect. */
  public?: LocalInstant;
  precision?: TimePrecision;
  confidence: Confidence;
  known: Known;
};

export type BudgetVersionSeed = {
  known: Known;
  status: BudgetStatus;
  amount: number;
  title?: string;
  proposedOn?: string;
  passedOn?: string;
  executedOn?: string;
  note?: string;
};
export type BudgetSeed = Cited & {
  key: string;
  title: string;
  programme: string;
  purpose: string;
  sector?: Sector;
  currency: "KRW" | "USD";
  usdRate: { krwPerUsd: number; date: string; note: string } | null;
  versions: BudgetVersionSeed[];
};

export type FigureVersionSeed = { known: Known; value: number; fromValue?: number; note?: string; validUntil?: string };
export type FigureSeed = Cited & {
  key: string;
  kind: FigureKind;
  title: string;
  period?: string;
  unit: string;
  versions: FigureVersionSeed[];
};

export type ConflictSeed = {
  key: string;
  recordType: RecordType;
  recordKey: string;
  field: string;
  title: string;
  known: Known;
  claims: { value: number; label: string; source: string }[];
};
