// Resolving a conflict: an editor chooses the value (one of the claims', or an explicitly custom one) and says why.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conflictClaims, conflicts } from "@/db/schema";
import type { ResolveConflictInput } from "./schemas/conflict";
import { BadInputError, NotFoundError } from "@/server/core/errors";
import { inTransaction } from "@/server/core/transactions";
import { writeAudit } from "@/server/core/audit";
import { type SignedInActor } from "@/server/core/actor";

export function resolveConflict(db: Db, ctx: SignedInActor, input: ResolveConflictInput) {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(conflicts).where(eq(conflicts.conflictKey, input.key)).for("update");
    if (!before) throw new NotFoundError(`Conflict "${input.key}"`);
    const claims = await tx.select({ value: conflictClaims.value }).from(conflictClaims).where(eq(conflictClaims.conflictId, before.id));
    if (!input.custom && !claims.some((c) => c.value === input.value)) {
      const values = [...new Set(claims.map((c) => c.value))].join(", ");
      throw new BadInputError("value", `must be one of the claimed values (${values}), or mark it as a custom value`);
    }
    const [row] = await tx
      .update(conflicts)
      .set({ status: "resolved", resolvedValue: input.value, resolutionNote: input.note, resolvedAt: ctx.now })
      .where(eq(conflicts.id, before.id))
      .returning();
    await writeAudit(tx, ctx, { action: "resolve", recordType: "conflict", recordKey: input.key, before, after: row, note: input.note });
    return row!;
  });
}
