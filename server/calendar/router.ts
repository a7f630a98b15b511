// Feed tokens for the calendar feed (GET /api/v1/deadlines.ics?token=…): each signed-in person creates, lists and
// revokes their own. Thin: validate, call the service with the caller's id.
import { createFeedTokenInput, feedTokenIdInput } from "./schemas";
import { createFeedToken, listFeedTokens, revokeFeedToken } from "./tokens";
import { createTRPCRouter, protectedProcedure } from "@/server/core/trpc";

export const feedTokensRouter = createTRPCRouter({
  /** The caller's tokens (never the token itself), newest first. */
  list: protectedProcedure.query(({ ctx }) => listFeedTokens(ctx.db, ctx.user.id)),
  /** A new token, returned once in `token`: only its hash is kept. */
  create: protectedProcedure
    .input(createFeedTokenInput)
    .mutation(({ ctx, input }) => createFeedToken(ctx.db, ctx.user.id, input.label, ctx.now())),
  revoke: protectedProcedure
    .input(feedTokenIdInput)
    .mutation(({ ctx, input }) => revokeFeedToken(ctx.db, ctx.user.id, input.id, ctx.now())),
});
