// Resolving a conflict: the value chosen (one of the claims', or a custom one said to be so) and why.
import { z } from "zod";
import { figureValue, note, recordKey } from "@/server/core/schemas";

export const resolveConflictInput = z.object({
  key: recordKey,
  value: figureValue,
  /** The value is none of the claims' values (e.g. a later official figure). */
  custom: z.boolean().optional(),
  note,
});
export type ResolveConflictInput = z.infer<typeof resolveConflictInput>;
