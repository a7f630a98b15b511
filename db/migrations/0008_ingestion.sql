CREATE TYPE "public"."article_origin" AS ENUM('paste', 'upload', 'url', 'feed');--> statement-breakpoint
CREATE TYPE "public"."feed_state" AS ENUM('new', 'ok', 'error', 'paused');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('pending', 'accepted', 'rejected');--> statement-breakpoint
ALTER TYPE "public"."audit_record_type" ADD VALUE 'article';--> statement-breakpoint
ALTER TYPE "public"."audit_record_type" ADD VALUE 'proposal';--> statement-breakpoint
ALTER TYPE "public"."audit_record_type" ADD VALUE 'feed';--> statement-breakpoint
CREATE TABLE "articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"origin" "article_origin" NOT NULL,
	"url" text,
	"content_hash" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text,
	"published_on" date,
	"language" text DEFAULT 'en' NOT NULL,
	"file_name" text,
	"text" text NOT NULL,
	"feed_id" integer,
	"source_id" integer,
	"fact_count" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "articles_url_unique" UNIQUE("url"),
	CONSTRAINT "articles_content_hash_unique" UNIQUE("content_hash")
);
--> statement-breakpoint
CREATE TABLE "fact_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"kind" text NOT NULL,
	"extracted" jsonb NOT NULL,
	"fact" jsonb NOT NULL,
	"evidence_start" integer NOT NULL,
	"evidence_end" integer NOT NULL,
	"confidence" numeric(4, 3) NOT NULL,
	"status" "proposal_status" DEFAULT 'pending' NOT NULL,
	"conflict" jsonb,
	"record_type" "record_type",
	"record_key" text,
	"review_note" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"feed_id" integer NOT NULL,
	"guid" text NOT NULL,
	"link" text,
	"title" text NOT NULL,
	"published_at" timestamp with time zone,
	"matched" boolean NOT NULL,
	"article_id" integer,
	"outcome" text,
	"error" text,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feeds" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"keywords" jsonb NOT NULL,
	"interval_minutes" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"state" "feed_state" DEFAULT 'new' NOT NULL,
	"etag" text,
	"last_modified" text,
	"last_checked_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_http_status" integer,
	"last_error" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"next_check_at" timestamp with time zone NOT NULL,
	"items_seen" integer DEFAULT 0 NOT NULL,
	"items_ingested" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feeds_url_unique" UNIQUE("url")
);
--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_feed_id_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."feeds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_proposals" ADD CONSTRAINT "fact_proposals_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_proposals" ADD CONSTRAINT "fact_proposals_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_items" ADD CONSTRAINT "feed_items_feed_id_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."feeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_items" ADD CONSTRAINT "feed_items_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feeds" ADD CONSTRAINT "feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "articles_created_idx" ON "articles" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "articles_feed_idx" ON "articles" USING btree ("feed_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fact_proposals_article_ordinal" ON "fact_proposals" USING btree ("article_id","ordinal");--> statement-breakpoint
CREATE INDEX "fact_proposals_status_idx" ON "fact_proposals" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "feed_items_guid" ON "feed_items" USING btree ("feed_id","guid");--> statement-breakpoint
CREATE INDEX "feed_items_seen_idx" ON "feed_items" USING btree ("feed_id","seen_at");