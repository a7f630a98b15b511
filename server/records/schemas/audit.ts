// Reading the audit log: filters and bounded pages.
import { z } from "zod";
import { AUDIT_RECORD_TYPES } from "@/server/core/constants";
import { isoDate, rowId } from "@/server/core/schemas";

export const MAX_AUDIT_PAGE = 100;

export const auditListInput = z
  .object({
    recordType: z.enum(AUDIT_RECORD_TYPES).optional(),
    recordKey: z.string().min(1).max(80).optional(),
    userId: z.string().min(1).max(64).optional(),
    /** Calendar days in Asia/Seoul, inclusive. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Entries older than this id (the last id of the previous page). */
    before: rowId.optional(),
    limit: z.number().int().min(1).max(MAX_AUDIT_PAGE).default(50),
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "must not be after to", path: ["from"] });

export const auditForRecordInput = z.object({
  recordType: z.enum(AUDIT_RECORD_TYPES),
  recordKey: z.string().min(1).max(80),
  limit: z.number().int().min(1).max(MAX_AUDIT_PAGE).default(50),
});
export type AuditListInput = z.infer<typeof auditListInput>;
