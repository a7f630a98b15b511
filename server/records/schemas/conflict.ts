// Resolving a conflict: the value chosen (one of the claims', or a custom one said to be so) and why.
import { z } from "zod";
import { asOfInput, figureValue, limitUpTo, note, offset, recordKey } from "@/server/core/schemas";
import { MAX_CONFLICTS } from "@/server/records/constants";

export const resolveConflictInput = z.object({
  key: recordKey,
  value: figureValue,
  /** The value is none of the claims' values (e.g. a later official figure). */
  custom: z.boolean().optional(),
  note,
});
export type ResolveConflictInput = z.infer<typeof resolveConflictInput>;

/** A page of the conflicts shown as of `asOf`: open or resolved ones (or both), `limit` ≤ MAX_CONFLICTS from `offset`. */
export const listConflictsInput = asOfInput.extend({
  status: z.enum(["open", "resolved"]).optional(),
  offset: offset.optional(),
  limit: limitUpTo(MAX_CONFLICTS).optional(),
});
