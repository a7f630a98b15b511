// Editing a pending proposal's fact (checked again for a contradiction with what is tracked) or rejecting it, each
// audited in the same transaction.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, factProposals } from "@/db/schema";
import { type SignedInActor } from "@/server/core/actor";
import { writeAudit } from "@/server/core/audit";
import { BadInputError } from "@/server/core/errors";
import { inTransaction } from "@/server/core/transactions";
import type { FactKind } from "@/server/news/extract/types";
import { detectConflict } from "./conflict-rules";
import { checkedFact, lockPending } from "./pending";
import { loadTracked } from "./propose";
import { articleColumns, asView, type Proposal, type ProposalView } from "./review";
import type { EditProposalInput, RejectProposalInput } from "./schemas";

export async function editProposal(db: Db, input: EditProposalInput, ctx: SignedInActor): Promise<ProposalView> {
  return inTransaction(db, async (tx) => {
    const before = await lockPending(tx, input.id);
    const kind = before.kind as FactKind;
    const unknown = Object.keys(input.patch).filter((k) => ["kind", "evidence", "confidence", "cue", "basis"].includes(k) || !(k in before.fact));
    if (unknown.length > 0) throw new BadInputError(unknown[0]!, `${unknown[0]} is not a field of a ${kind} fact that can be edited`);
    const fact = checkedFact(kind, { ...before.fact, ...input.patch });
    const conflict = detectConflict(fact, await loadTracked(tx as unknown as Db, [fact], ctx.now), ctx.now);
    const [after] = await tx
      .update(factProposals)
      .set({ fact: fact as unknown as Record<string, unknown>, conflict: conflict as Record<string, unknown> | null })
      .where(eq(factProposals.id, before.id))
      .returning();
    await writeAudit(tx, ctx, { action: "update", recordType: "proposal", recordKey: String(before.id), before, after, note: input.note });
    const [article] = await tx.select(articleColumns).from(articles).where(eq(articles.id, before.articleId));
    return asView(after!, article!);
  });
}

export async function rejectProposal(db: Db, input: RejectProposalInput, ctx: SignedInActor): Promise<Proposal> {
  return inTransaction(db, async (tx) => {
    const before = await lockPending(tx, input.id);
    const [after] = await tx
      .update(factProposals)
      .set({ status: "rejected", reviewNote: input.note, reviewedBy: ctx.user.id, reviewedAt: ctx.now })
      .where(eq(factProposals.id, before.id))
      .returning();
    await writeAudit(tx, ctx, { action: "update", recordType: "proposal", recordKey: String(before.id), before, after, note: input.note });
    return after!;
  });
}
