CREATE TYPE "public"."email_kind" AS ENUM('alert', 'digest', 'confirm', 'test');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'held');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('en', 'ko');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('reminder', 'postponed', 'met', 'missed', 'measure_change', 'market_move');--> statement-breakpoint
CREATE TYPE "public"."notification_status" AS ENUM('queued', 'emailed', 'digest', 'digested', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."subscription_scope" AS ENUM('all', 'sector', 'kind', 'deadline');--> statement-breakpoint
CREATE TABLE "alert_emails" (
	"id" serial PRIMARY KEY NOT NULL,
	"subscriber_id" integer,
	"to_address" text NOT NULL,
	"kind" "email_kind" NOT NULL,
	"language" "locale" NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"ics" text,
	"headers" jsonb,
	"message_id" text NOT NULL,
	"status" "email_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"leased_by" text,
	"last_error" text,
	"late" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "alert_emails_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "alert_notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"subscriber_id" integer NOT NULL,
	"subscription_id" integer,
	"kind" "notification_kind" NOT NULL,
	"status" "notification_status" NOT NULL,
	"deadline_key" text,
	"offset" text,
	"due_at" timestamp with time zone,
	"remind_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"detail" jsonb,
	"reason" text,
	"email_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_notifications_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "alert_subscribers" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"time_zone" text NOT NULL,
	"language" "locale" DEFAULT 'en' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"link_version" integer DEFAULT 1 NOT NULL,
	"last_digest_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_subscribers_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "alert_subscriptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"subscriber_id" integer NOT NULL,
	"scope" "subscription_scope" NOT NULL,
	"scope_value" text DEFAULT '' NOT NULL,
	"offsets" text NOT NULL,
	"notify_measures" boolean DEFAULT false NOT NULL,
	"market_move_pct" numeric(6, 2),
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "feed_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_error" text,
	"last_result" jsonb,
	"runner" text
);
--> statement-breakpoint
ALTER TABLE "alert_emails" ADD CONSTRAINT "alert_emails_subscriber_id_alert_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."alert_subscribers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_subscriber_id_alert_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."alert_subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_subscription_id_alert_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."alert_subscriptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_email_id_alert_emails_id_fk" FOREIGN KEY ("email_id") REFERENCES "public"."alert_emails"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_subscriptions" ADD CONSTRAINT "alert_subscriptions_subscriber_id_alert_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."alert_subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD CONSTRAINT "feed_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_emails_due_idx" ON "alert_emails" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "alert_emails_subscriber_idx" ON "alert_emails" USING btree ("subscriber_id","created_at");--> statement-breakpoint
CREATE INDEX "alert_notifications_subscriber_idx" ON "alert_notifications" USING btree ("subscriber_id","status","remind_at");--> statement-breakpoint
CREATE INDEX "alert_notifications_email_idx" ON "alert_notifications" USING btree ("email_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_subscriptions_scope" ON "alert_subscriptions" USING btree ("subscriber_id","scope","scope_value");