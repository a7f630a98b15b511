-- Feed item outcomes become an enum (FEED_ITEM_OUTCOMES in server/news/constants.ts); items waiting to be fetched
-- were stored as NULL and are now 'pending'.
CREATE TYPE "public"."feed_item_outcome" AS ENUM('pending', 'ingested', 'duplicate', 'no-match', 'error');--> statement-breakpoint
UPDATE "feed_items" SET "outcome" = 'pending' WHERE "outcome" IS NULL;--> statement-breakpoint
ALTER TABLE "feed_items" ALTER COLUMN "outcome" SET DATA TYPE "public"."feed_item_outcome" USING "outcome"::"public"."feed_item_outcome";--> statement-breakpoint
ALTER TABLE "feed_items" ALTER COLUMN "outcome" SET DEFAULT 'pending'::"public"."feed_item_outcome";
