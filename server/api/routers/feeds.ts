// RSS/Atom feeds: thin — validate with the shared schemas, call the feeds services. Any signed-in person reads the
// feeds and their items; editors subscribe, change, pause, delete and poll one now.
import { ingestConfigFromEnv } from "@/server/ingest/config";
import { createFeed, deleteFeed, listFeedItems, listFeeds, updateFeed, type FeedActor } from "@/server/feeds/feeds";
import { pollFeed } from "@/server/feeds/poll";
import { createFeedInput, feedIdInput, feedItemsInput, updateFeedInput } from "@/server/schemas/feeds";
import { createTRPCRouter, editorProcedure, protectedProcedure, type Context } from "../trpc";

const actor = (ctx: Context & { user: { id: string } }): FeedActor => ({ user: ctx.user, now: ctx.now() });

export const feedsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listFeeds(ctx.db)),
  items: protectedProcedure.input(feedItemsInput).query(({ ctx, input }) => listFeedItems(ctx.db, input)),
  create: editorProcedure.input(createFeedInput).mutation(({ ctx, input }) => createFeed(ctx.db, actor(ctx), input)),
  update: editorProcedure.input(updateFeedInput).mutation(({ ctx, input }) => updateFeed(ctx.db, actor(ctx), input)),
  delete: editorProcedure.input(feedIdInput).mutation(({ ctx, input }) => deleteFeed(ctx.db, actor(ctx), input.id)),
  /** Polls the feed immediately (whatever its next check) and returns what it found. */
  pollNow: editorProcedure.input(feedIdInput).mutation(({ ctx, input }) => pollFeed(ctx.db, input.id, ingestConfigFromEnv(), ctx.now())),
});
