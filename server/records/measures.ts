// Tariff measures: create and update (new version, or correction in place), audited.
import type { Db } from "@/db/client";
import { tariffMeasures } from "@/db/schema";
import { toInstant } from "@/server/core/schemas";
import type { CreateMeasureInput, UpdateMeasureInput } from "./schemas/measure";
import { BadInputError } from "@/server/core/errors";
import type { SignedInActor } from "@/server/core/actor";
import { createVersioned, defined, updateVersioned, type VersionedTable } from "./versioned";

const spec: VersionedTable = {
  table: tariffMeasures,
  id: tariffMeasures.id,
  key: tariffMeasures.measureKey,
  keyField: "measureKey",
  knownAt: tariffMeasures.knownAt,
  recordType: "measure",
  label: "Tariff measure",
};

type Fields = Partial<Omit<CreateMeasureInput, "key" | "sources" | "note">>;

function columns(f: Fields) {
  return defined({
    title: f.title,
    titleKo: f.titleKo,
    imposingCountry: f.imposingCountry,
    targetCountry: f.targetCountry,
    sector: f.sector,
    ratePct: f.ratePct,
    rateNote: f.rateNote,
    instrument: f.instrument,
    status: f.status,
    announcedOn: f.announcedOn,
    confidence: f.confidence,
    ...(f.effective !== undefined && {
      effectiveAt: f.effective ? toInstant(f.effective) : null,
      effectiveZone: f.effective?.zone ?? null,
    }),
    ...(f.ends !== undefined && { endsAt: f.ends ? toInstant(f.ends) : null, endsZone: f.ends?.zone ?? null }),
  });
}

/** A measure ends after it takes effect. */
function checkPeriod(row: Record<string, unknown>) {
  const { effectiveAt, endsAt } = row as { effectiveAt?: Date | null; endsAt?: Date | null };
  if (effectiveAt && endsAt && endsAt.getTime() <= effectiveAt.getTime()) {
    throw new BadInputError("ends", "must be after the measure takes effect");
  }
}

export function createMeasure(db: Db, ctx: SignedInActor, input: CreateMeasureInput) {
  const { key: _key, sources: _sources, note: _note, ...fields } = input;
  const values = columns({ effective: null, ends: null, ...fields });
  checkPeriod(values);
  return createVersioned(db, ctx, spec, input, values);
}

export function updateMeasure(db: Db, ctx: SignedInActor, input: UpdateMeasureInput) {
  const { key: _key, sources: _sources, note: _note, correction: _correction, ...fields } = input;
  return updateVersioned(db, ctx, spec, input, (current) => {
    const patch = columns(fields);
    checkPeriod({ ...current, ...patch });
    return patch;
  });
}
