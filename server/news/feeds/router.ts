// RSS/Atom feeds: thin — validate with the shared schemas, call the feeds services. Any signed-in person reads the
// feeds and their items; editors subscribe, change, pause, delete and poll one now.
import { actorFrom as actor } from "@/server/core/actor";
import { createFeed, deleteFeed, listFeedItems, listFeeds, updateFeed } from "./feeds";
import { pollFeed } from "./poll";
import { createFeedInput, feedIdInput, feedItemsInput, updateFeedInput } from "./schemas";
import { createTRPCRouter, editorProcedure, protectedProcedure } from "@/server/core/trpc";

export const feedsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listFeeds(ctx.db)),
  items: protectedProcedure.input(feedItemsInput).query(({ ctx, input }) => listFeedItems(ctx.db, input)),
  create: editorProcedure.input(createFeedInput).mutation(({ ctx, input }) => createFeed(ctx.db, actor(ctx), input)),
  update: editorProcedure.input(updateFeedInput).mutation(({ ctx, input }) => updateFeed(ctx.db, actor(ctx), input)),
  delete: editorProcedure.input(feedIdInput).mutation(({ ctx, input }) => deleteFeed(ctx.db, actor(ctx), input.id)),
  /** Polls the feed immediately (whatever its next check) and returns what it found. */
  pollNow: editorProcedure.input(feedIdInput).mutation(({ ctx, input }) => pollFeed(ctx.db, input.id, ctx.config.ingest, ctx.now())),
});
