// What the edit pages list: a page of one kind's records, and the sources a "cites" picker offers.
import { z } from "zod";
import { EDITABLE_KINDS } from "@/server/core/constants";
import { limitUpTo, offset, rowId } from "@/server/core/schemas";
import { MAX_RECORDS } from "@/server/records/constants";

/** One kind's records: `limit` (≤ MAX_RECORDS) from `offset`. */
export const listRecordsInput = z.object({
  kind: z.enum(EDITABLE_KINDS),
  offset: offset.optional(),
  limit: limitUpTo(MAX_RECORDS).optional(),
});

/** Sources whose title, publisher or key contain `search`, and the ones in `ids` (those a record already cites). */
export const sourceChoicesInput = z
  .object({
    search: z.string().max(100, "must be at most 100 characters").optional(),
    ids: z.array(rowId).max(50, "must be at most 50 ids").optional(),
  })
  .optional();
