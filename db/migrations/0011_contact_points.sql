CREATE TYPE "public"."alert_channel" AS ENUM('email', 'slack', 'teams', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."attempt_outcome" AS ENUM('sent', 'permanent', 'transient', 'held');--> statement-breakpoint
CREATE TYPE "public"."contact_point_type" AS ENUM('slack', 'teams', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "alert_contact_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" "contact_point_type" NOT NULL,
	"subscriber_id" integer NOT NULL,
	"url_cipher" text,
	"url_hint" text NOT NULL,
	"secret_cipher" text,
	"paused" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"owner_subscriber_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_contact_points_subscriber_id_unique" UNIQUE("subscriber_id")
);
--> statement-breakpoint
CREATE TABLE "alert_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"contact_point_id" integer NOT NULL,
	"kind" "email_kind" NOT NULL,
	"message_id" text NOT NULL,
	"content" jsonb NOT NULL,
	"status" "delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"leased_by" text,
	"last_error" text,
	"late" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "alert_deliveries_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "alert_delivery_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"delivery_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"outcome" "attempt_outcome" NOT NULL,
	"http_status" integer,
	"detail" text,
	"retry_after_seconds" integer,
	"duration_ms" integer
);
--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD COLUMN "delivery_id" integer;--> statement-breakpoint
ALTER TABLE "alert_subscribers" ADD COLUMN "channel" "alert_channel" DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_contact_points" ADD CONSTRAINT "alert_contact_points_subscriber_id_alert_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."alert_subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_contact_points" ADD CONSTRAINT "alert_contact_points_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_contact_points" ADD CONSTRAINT "alert_contact_points_owner_subscriber_id_alert_subscribers_id_fk" FOREIGN KEY ("owner_subscriber_id") REFERENCES "public"."alert_subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_contact_point_id_alert_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."alert_contact_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_delivery_attempts" ADD CONSTRAINT "alert_delivery_attempts_delivery_id_alert_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."alert_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_deliveries_due_idx" ON "alert_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "alert_deliveries_point_idx" ON "alert_deliveries" USING btree ("contact_point_id","created_at");--> statement-breakpoint
CREATE INDEX "alert_delivery_attempts_delivery_idx" ON "alert_delivery_attempts" USING btree ("delivery_id","at");--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_delivery_id_alert_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."alert_deliveries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_notifications_delivery_idx" ON "alert_notifications" USING btree ("delivery_id");