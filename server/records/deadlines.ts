// Deadlines: create, update (new version, or correction in place) and postpone, audited.
import type { Db } from "@/db/client";
import { deadlines } from "@/db/schema";
import { localDate } from "@/server/core/time";
import { toInstant } from "@/server/core/schemas";
import type { CreateDeadlineInput, PostponeDeadlineInput, UpdateDeadlineInput } from "./schemas/deadline";
import { BadInputError, NotFoundError, ServiceError } from "@/server/core/errors";
import { citeSources } from "@/server/core/citations";
import { inTransaction, lockKey } from "@/server/core/transactions";
import { writeAudit } from "@/server/core/audit";
import { type SignedInActor } from "@/server/core/actor";
import { createVersioned, currentVersion, defined, insertVersion, keyExists, saveVersion, updateVersioned, type VersionedTable } from "./versioned";

const spec: VersionedTable = {
  table: deadlines,
  id: deadlines.id,
  key: deadlines.deadlineKey,
  keyField: "deadlineKey",
  knownAt: deadlines.knownAt,
  recordType: "deadline",
  label: "Deadline",
};

type Fields = Partial<Omit<CreateDeadlineInput, "key" | "sources" | "note">>;

function columns({ due, ...f }: Fields) {
  return defined({ ...f, ...(due && { dueAt: toInstant(due), dueZone: due.zone }) });
}

export function createDeadline(db: Db, ctx: SignedInActor, input: CreateDeadlineInput) {
  const { key: _key, sources: _sources, note: _note, ...fields } = input;
  return createVersioned(db, ctx, spec, input, columns(fields));
}

export function updateDeadline(db: Db, ctx: SignedInActor, input: UpdateDeadlineInput) {
  const { key: _key, sources: _sources, note: _note, correction: _correction, ...fields } = input;
  return updateVersioned(db, ctx, spec, input, () => columns(fields));
}

/**
 * Moves a deadline to a new instant: a new deadline (upcoming, known from now) and a new version of the old one,
 * postponed, pointing at it. Both cite the given sources; one audit entry.
 */
export function postponeDeadline(db: Db, ctx: SignedInActor, input: PostponeDeadlineInput) {
  return inTransaction(db, async (tx) => {
    const old = await currentVersion(tx, spec, input.key, ctx.now);
    if (!old) throw new NotFoundError(`Deadline "${input.key}"`);
    if (old.status !== "upcoming") {
      throw new BadInputError("key", `Only an upcoming deadline can be postponed; this one is ${String(old.status)}`);
    }
    const dueAt = toInstant(input.to);
    if (dueAt.getTime() <= (old.dueAt as Date).getTime()) {
      throw new BadInputError("to", "must be later than the current deadline");
    }
    const newKey = input.newKey ?? `${input.key.slice(0, 68)}-${localDate(dueAt, input.to.zone)}`;
    await lockKey(tx, "deadline", newKey);
    if (await keyExists(tx, spec, newKey)) {
      throw new ServiceError(`Deadline "${newKey}" already exists; give the new deadline another key`, "CONFLICT", "newKey");
    }
    const { id: _id, recordedAt: _recordedAt, ...copied } = old;
    const created = await insertVersion(tx, spec, {
      ...copied,
      deadlineKey: newKey,
      title: input.title ?? old.title,
      titleKo: input.title ? null : old.titleKo,
      dueAt,
      dueZone: input.to.zone,
      status: "upcoming",
      postponedToKey: null,
      outcome: null,
      outcomeKo: null,
      knownAt: ctx.now,
    });
    const postponed = await saveVersion(tx, spec, old, { status: "postponed", postponedToKey: newKey }, { correction: false, now: ctx.now });
    await citeSources(tx, "deadline", newKey, input.sources);
    await citeSources(tx, "deadline", input.key, input.sources);
    await writeAudit(tx, ctx, {
      action: "postpone",
      recordType: "deadline",
      recordKey: input.key,
      before: old,
      after: { postponed, created, sources: input.sources },
      note: input.note,
    });
    return { postponed, created };
  });
}
