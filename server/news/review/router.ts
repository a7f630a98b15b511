// Review queue: proposals from articles — read by signed-in users, accepted / edited / rejected by editors.
import { z } from "zod";
import { rowId } from "@/server/core/schemas";
import { acceptProposalInput, editProposalInput, listProposalsInput, rejectProposalInput } from "./schemas";
import type { SessionUser } from "@/server/core/session-user";
import type { SignedInActor } from "@/server/core/actor";
import { acceptProposal } from "./accept";
import { editProposal, rejectProposal } from "./edit";
import { getArticleWithProposals, listProposals, proposalCounts } from "./review";
import { createTRPCRouter, editorProcedure, protectedProcedure, type Context } from "@/server/core/trpc";

const edit = (ctx: Context & { user: SessionUser }): SignedInActor => ({ user: ctx.user, now: ctx.now() });

export const reviewRouter = createTRPCRouter({
  list: protectedProcedure.input(listProposalsInput).query(({ ctx, input }) => listProposals(ctx.db, input)),
  counts: protectedProcedure.query(({ ctx }) => proposalCounts(ctx.db)),
  article: protectedProcedure
    .input(z.object({ id: rowId }))
    .query(({ ctx, input }) => getArticleWithProposals(ctx.db, input.id)),
  accept: editorProcedure.input(acceptProposalInput).mutation(({ ctx, input }) => acceptProposal(ctx.db, input, edit(ctx))),
  edit: editorProcedure.input(editProposalInput).mutation(({ ctx, input }) => editProposal(ctx.db, input, edit(ctx))),
  reject: editorProcedure.input(rejectProposalInput).mutation(({ ctx, input }) => rejectProposal(ctx.db, input, edit(ctx))),
});
