// Extracted facts become proposals waiting for an editor. Called inside the transaction that stores the article.
import type { Db } from "@/db/client";
import { factProposals } from "@/db/schema";
import type { Fact } from "@/server/domain/extract/types";

/** Stores one proposal per fact (ordinal = position), flagging the ones that contradict a tracked figure. */
export async function storeProposals(tx: Db, articleId: number, facts: Fact[], now: Date): Promise<number> {
  if (facts.length === 0) return 0;
  const rows = facts.map((fact, ordinal) => ({
    articleId,
    ordinal,
    kind: fact.kind,
    extracted: fact as unknown as Record<string, unknown>,
    fact: fact as unknown as Record<string, unknown>,
    evidenceStart: fact.evidence.start,
    evidenceEnd: fact.evidence.end,
    confidence: Math.round(fact.confidence * 1000) / 1000,
    conflict: null, // conflict detection: see server/ingest/review.ts (in progress)
    createdAt: now,
  }));
  await tx.insert(factProposals).values(rows).onConflictDoNothing();
  return rows.length;
}
