// Support budgets: create and update (new version, or correction in place), audited.
import type { Db } from "@/db/client";
import { budgets } from "@/db/schema";
import type { CreateBudgetInput, UpdateBudgetInput } from "./schemas/budget";
import type { SignedInActor } from "@/server/core/actor";
import { createVersioned, defined, updateVersioned, type VersionedTable } from "./versioned";

const spec: VersionedTable = {
  table: budgets,
  id: budgets.id,
  key: budgets.budgetKey,
  keyField: "budgetKey",
  knownAt: budgets.knownAt,
  recordType: "budget",
  label: "Budget",
};

type Fields = Partial<Omit<CreateBudgetInput, "key" | "sources" | "note">>;

function columns({ budgetNote, ...f }: Fields) {
  return defined({ ...f, note: budgetNote });
}

export function createBudget(db: Db, ctx: SignedInActor, input: CreateBudgetInput) {
  const { key: _key, sources: _sources, note: _note, ...fields } = input;
  return createVersioned(db, ctx, spec, input, columns(fields));
}

export function updateBudget(db: Db, ctx: SignedInActor, input: UpdateBudgetInput) {
  const { key: _key, sources: _sources, note: _note, correction: _correction, ...fields } = input;
  return updateVersioned(db, ctx, spec, input, () => columns(fields));
}
