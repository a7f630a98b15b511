// What every change to a proposal starts with: the pending proposal locked, and facts and inputs checked against
// their schemas, a failure naming the field.
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { factProposals } from "@/db/schema";
import { BadInputError, NotFoundError, ServiceError } from "@/server/core/errors";
import type { Tx } from "@/server/core/transactions";
import type { Fact, FactKind } from "@/server/news/extract/types";
import { parseFactFields } from "./schemas";
import type { Proposal } from "./review";

/** Locks a pending proposal for a change; an accepted or rejected one is refused. */
export async function lockPending(tx: Tx, id: number): Promise<Proposal> {
  const [p] = await tx.select().from(factProposals).where(eq(factProposals.id, id)).for("update");
  if (!p) throw new NotFoundError(`Proposal ${id}`);
  if (p.status !== "pending") {
    throw new ServiceError(`Proposal ${id} was already ${p.status}; only a pending proposal can be changed`, "CONFLICT");
  }
  return p;
}

export function firstIssue(error: z.ZodError): BadInputError {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join(".") || "patch";
  return new BadInputError(field, `${field} ${issue.message}`);
}

/** The fact's editable fields checked against its kind (an edited or a stored one). */
export function checkedFact(kind: FactKind, fact: Record<string, unknown>): Fact {
  // (the rule and per-field basis stay as extracted: they say where the extractor read the fact, not what it is)
  const { kind: _k, evidence, confidence, cue, basis, ...fields } = fact;
  const parsed = parseFactFields(kind, fields);
  if (!parsed.success) throw firstIssue(parsed.error);
  return { ...parsed.data, kind, evidence, confidence, ...(cue === undefined ? {} : { cue }), ...(basis === undefined ? {} : { basis }) } as Fact;
}

/** `value` parsed by `schema`, or the first issue as a BadInputError. */
export function parsed<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw firstIssue(r.error);
  return r.data;
}
