CREATE TYPE "public"."audit_action" AS ENUM('create', 'update', 'correct', 'postpone', 'resolve', 'delete', 'upsert');--> statement-breakpoint
CREATE TYPE "public"."audit_record_type" AS ENUM('measure', 'deadline', 'budget', 'figure', 'event', 'series', 'source', 'conflict', 'observation');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" text NOT NULL,
	"action" "audit_action" NOT NULL,
	"record_type" "audit_record_type" NOT NULL,
	"record_key" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_record_idx" ON "audit_log" USING btree ("record_type","record_key","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id","at");