// Building blocks of the editing schemas, shared by the tRPC routers and the edit forms: every string bounded and
// free of control characters, keys in one shape, instants as a local time in a named zone, money finite.
import { z } from "zod";
import { isIsoDate, isValidTimeZone, localToInstant } from "./time";

export const MAX_TITLE = 300;
export const MAX_NOTE = 2000;

// NUL cannot be stored in PostgreSQL text; lone surrogates are not text at all; other control characters only hide.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /\p{Cs}/u;

/** A bounded single- or multi-line string without control characters; trimmed. */
export function text(max: number, { min = 1 }: { min?: number } = {}) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s) && !LONE_SURROGATE.test(s), "must not contain control characters")
    .transform((s) => s.trim())
    .refine((s) => s.length >= min, min === 1 ? "must not be empty" : `must be at least ${min} characters`);
}

export const title = text(MAX_TITLE);
export const note = text(MAX_NOTE);
/** An optional text: empty or missing means none. */
export const optionalText = (max: number) =>
  text(max, { min: 0 })
    .nullish()
    .transform((s) => (s ? s : null));

export const KEY_RE = /^[a-z0-9][a-z0-9-]{1,79}$/;
export const recordKey = z.string().regex(KEY_RE, "must be 2–80 lowercase letters, digits or '-', starting with a letter or digit");

/** A list's `limit`: at least 1, at most the feature's cap (a larger one is refused, naming the cap). */
export const limitUpTo = (max: number) => z.number().int().min(1).max(max, `must be at most ${max}`);

/** Where a page of a small list starts (limit + offset paging; large lists page by key instead). */
export const MAX_OFFSET = 1_000_000;
export const offset = z.number().int().min(0).max(MAX_OFFSET, `must be at most ${MAX_OFFSET}`);

export const isoDate = z.string().refine((v) => v.length === 10 && isIsoDate(v), "must be a calendar date YYYY-MM-DD");
export const optionalDate = isoDate.nullish().transform((d) => d ?? null);

export const zone = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, "must be an IANA time zone such as Asia/Seoul or America/New_York")
  // Stored as Intl spells it ("asia/seoul" → "Asia/Seoul").
  .transform((z) => new Intl.DateTimeFormat("en-US", { timeZone: z }).resolvedOptions().timeZone);

const LOCAL_RE = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** A wall-clock time in a named zone, e.g. 00:01 in America/New_York; years 1900–2200. */
export const localInstant = z
  .object({
    local: z.string().max(16).regex(LOCAL_RE, "must be a local date and time YYYY-MM-DDTHH:mm"),
    zone,
  })
  .superRefine((v, ctx) => {
    const match = LOCAL_RE.exec(v.local);
    // The shape is already reported; one message per mistake.
    if (!match) return;
    const year = Number(match[1]);
    if (year < 1900 || year > 2200) {
      ctx.addIssue({ code: "custom", path: ["local"], message: "must be a year between 1900 and 2200" });
      return;
    }
    try {
      localToInstant(v.local, v.zone);
    } catch {
      ctx.addIssue({ code: "custom", path: ["local"], message: "must be a real date and time" });
    }
  });
export type LocalInstant = z.infer<typeof localInstant>;

export function toInstant(v: LocalInstant): Date {
  return localToInstant(v.local, v.zone);
}

/** Largest amount a money column holds with room to spare (numeric(24, 2)). */
export const MAX_AMOUNT = 1e18;
export const amount = z.number().finite().min(0, "must not be negative").max(MAX_AMOUNT, "is too large");
/** A signed figure value (numeric(24, 4)). */
export const figureValue = z.number().finite().min(-1e18, "is too small").max(1e18, "is too large");
export const ratePct = z.number().finite().min(0, "must be between 0 and 1000").max(1000, "must be between 0 and 1000");

/** A row's serial id (int4): anything beyond is refused as input, never sent to the database to fail there. */
export const rowId = z.number().int("must be a whole number").positive("must be positive").max(2_147_483_647, "is not a known id");

/** Sources a record cites, by id: at least one, at most 20. */
export const sourceIds = z
  .array(rowId)
  .min(1, "cite at least one source")
  .max(20, "cite at most 20 sources");

/** Fields every edit of a versioned record takes besides the record's own. */
export const editMeta = {
  /** The earlier value was wrong: rewrite the version in force instead of adding a new one known from now. */
  correction: z.boolean().optional(),
  /** Why the change was made; kept in the audit log. */
  note: optionalText(MAX_NOTE),
};

/** Every read takes an optional `asOf` (YYYY-MM-DD, end of that day in Seoul; or an ISO instant). */
export const asOfInput = z.object({
  asOf: z.string().max(40).optional(),
});
