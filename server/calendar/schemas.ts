// Inputs of the feed-token procedures.
import { z } from "zod";
import { rowId, text } from "@/server/core/schemas";

export const createFeedTokenInput = z.object({ label: text(100) });
/** A serial (int4) id: larger numbers would be a database error, not "not found". */
export const feedTokenIdInput = z.object({ id: rowId });
