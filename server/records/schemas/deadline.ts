// Deadlines: one version as an editor enters it, and "postpone to …".
import { z } from "zod";
import { DEADLINE_KINDS, DEADLINE_STATUSES, SECTORS, TIME_PRECISIONS } from "@/server/core/constants";
import { editMeta, localInstant, MAX_NOTE, optionalText, recordKey, sourceIds, title } from "@/server/core/schemas";

export const deadlineFields = z.object({
  title,
  titleKo: optionalText(300),
  description: optionalText(MAX_NOTE),
  kind: z.enum(DEADLINE_KINDS),
  due: localInstant,
  precision: z.enum(TIME_PRECISIONS),
  status: z.enum(DEADLINE_STATUSES),
  postponedToKey: recordKey.nullish(),
  outcome: optionalText(MAX_NOTE),
  measureKey: recordKey.nullish(),
  sector: z.enum(SECTORS).nullish(),
});

// Defaults only on create: an update changes just the fields it names.
export const createDeadlineInput = deadlineFields.extend({
  precision: z.enum(TIME_PRECISIONS).default("minute"),
  status: z.enum(DEADLINE_STATUSES).default("upcoming"),
  key: recordKey, sources: sourceIds, note: editMeta.note });
export const updateDeadlineInput = deadlineFields
  .partial()
  .extend({ key: recordKey, sources: sourceIds.optional(), ...editMeta });

/** Moves a deadline: a new deadline at `to`, and the old one marked postponed with a link to it. */
export const postponeDeadlineInput = z.object({
  key: recordKey,
  to: localInstant,
  /** Key of the new deadline; `<key>-<date>` when not given. */
  newKey: recordKey.optional(),
  title: title.optional(),
  sources: sourceIds,
  note: editMeta.note,
});

export type CreateDeadlineInput = z.infer<typeof createDeadlineInput>;
export type UpdateDeadlineInput = z.infer<typeof updateDeadlineInput>;
export type PostponeDeadlineInput = z.infer<typeof postponeDeadlineInput>;
