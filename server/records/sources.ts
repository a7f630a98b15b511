// Sources: create and update in place (a source is not versioned: it is what it is), audited.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sources } from "@/db/schema";
import type { CreateSourceInput, UpdateSourceInput } from "./schemas/source";
import { BadInputError, NotFoundError, ServiceError } from "@/server/core/errors";
import { inTransaction } from "@/server/core/transactions";
import { writeAudit } from "@/server/core/audit";
import { type SignedInActor } from "@/server/core/actor";
import { defined } from "./versioned";

type Fields = Partial<Omit<CreateSourceInput, "key" | "note">>;

function columns({ sourceNote, ...f }: Fields) {
  return defined({ ...f, note: sourceNote });
}

export function createSource(db: Db, ctx: SignedInActor, input: CreateSourceInput) {
  const { key, note, ...fields } = input;
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(sources)
      .values({ ...(columns(fields) as Required<Pick<typeof sources.$inferInsert, "title" | "publisher" | "kind">>), key, knownAt: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ServiceError(`Source "${key}" already exists; choose another key or edit it`, "CONFLICT", "key");
    await writeAudit(tx, ctx, { action: "create", recordType: "source", recordKey: key, after: row, note });
    return row;
  });
}

export function updateSource(db: Db, ctx: SignedInActor, input: UpdateSourceInput) {
  const { key, note, ...fields } = input;
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(sources).where(eq(sources.key, key)).for("update");
    if (!before) throw new NotFoundError(`Source "${key}"`);
    const patch = columns(fields);
    if (Object.keys(patch).length === 0) throw new BadInputError("key", "Nothing to change: give at least one field");
    const [row] = await tx.update(sources).set(patch).where(eq(sources.id, before.id)).returning();
    await writeAudit(tx, ctx, { action: "update", recordType: "source", recordKey: key, before, after: row, note });
    return row!;
  });
}
