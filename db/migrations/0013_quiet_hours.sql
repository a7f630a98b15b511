CREATE TABLE "alert_mutes" (
	"id" serial PRIMARY KEY NOT NULL,
	"contact_point_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD COLUMN "held_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alert_subscribers" ADD COLUMN "quiet_start" text;--> statement-breakpoint
ALTER TABLE "alert_subscribers" ADD COLUMN "quiet_end" text;--> statement-breakpoint
ALTER TABLE "alert_subscribers" ADD COLUMN "quiet_urgent" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_mutes" ADD CONSTRAINT "alert_mutes_contact_point_id_alert_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."alert_contact_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_mutes" ADD CONSTRAINT "alert_mutes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_mutes_point_idx" ON "alert_mutes" USING btree ("contact_point_id","ends_at");