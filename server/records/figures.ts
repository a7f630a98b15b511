// Tracked figures: create and update (new version, or correction in place), audited. Every figure cites a source.
import type { Db } from "@/db/client";
import { figures } from "@/db/schema";
import type { CreateFigureInput, UpdateFigureInput } from "./schemas/figure";
import type { SignedInActor } from "@/server/core/actor";
import { createVersioned, defined, updateVersioned, type VersionedTable } from "./versioned";

const spec: VersionedTable = {
  table: figures,
  id: figures.id,
  key: figures.figureKey,
  keyField: "figureKey",
  knownAt: figures.knownAt,
  recordType: "figure",
  label: "Figure",
};

type Fields = Partial<Omit<CreateFigureInput, "key" | "sources" | "note">>;

function columns({ figureNote, ...f }: Fields) {
  return defined({ ...f, note: figureNote });
}

export function createFigure(db: Db, ctx: SignedInActor, input: CreateFigureInput) {
  const { key: _key, sources: _sources, note: _note, ...fields } = input;
  return createVersioned(db, ctx, spec, input, columns(fields));
}

export function updateFigure(db: Db, ctx: SignedInActor, input: UpdateFigureInput) {
  const { key: _key, sources: _sources, note: _note, correction: _correction, ...fields } = input;
  return updateVersioned(db, ctx, spec, input, () => columns(fields));
}
