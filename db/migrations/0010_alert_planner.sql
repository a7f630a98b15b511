CREATE TYPE "public"."alert_change_kind" AS ENUM('deadline', 'subscription', 'measure', 'observation');--> statement-breakpoint
CREATE TYPE "public"."alert_trigger_kind" AS ENUM('reminder', 'notice', 'measure', 'market');--> statement-breakpoint
CREATE TABLE "alert_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "alert_change_kind" NOT NULL,
	"ref_id" integer,
	"ref_date" date
);
--> statement-breakpoint
CREATE TABLE "alert_offsets" (
	"offset" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_triggers" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"kind" "alert_trigger_kind" NOT NULL,
	"deadline_key" text,
	"due_at" timestamp with time zone,
	"offset" text,
	"ref_id" integer,
	"ref_date" date,
	"at" timestamp with time zone NOT NULL,
	"cursor" integer DEFAULT 0 NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "alert_triggers_ref_unique" UNIQUE("ref")
);
--> statement-breakpoint
CREATE INDEX "alert_triggers_due_idx" ON "alert_triggers" USING btree ("at") WHERE "alert_triggers"."done_at" is null;--> statement-breakpoint
CREATE INDEX "alert_notifications_queued_idx" ON "alert_notifications" USING btree ("remind_at","subscriber_id") WHERE "alert_notifications"."status" = 'queued' and "alert_notifications"."email_id" is null;--> statement-breakpoint
CREATE INDEX "alert_subscriptions_fanout_idx" ON "alert_subscriptions" USING btree ("scope","scope_value","id") WHERE "alert_subscriptions"."active";--> statement-breakpoint
-- The change queue is written by triggers in the writer's own transaction, so no path that writes is missed.
CREATE FUNCTION "alert_note_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'deadlines' THEN
    INSERT INTO "alert_changes" ("kind", "ref_id") VALUES ('deadline', NEW."id");
  ELSIF TG_TABLE_NAME = 'alert_subscriptions' THEN
    INSERT INTO "alert_changes" ("kind", "ref_id") VALUES ('subscription', NEW."id");
  ELSIF TG_TABLE_NAME = 'alert_subscribers' THEN
    INSERT INTO "alert_changes" ("kind", "ref_id") SELECT 'subscription', "id" FROM "alert_subscriptions" WHERE "subscriber_id" = NEW."id";
  ELSIF TG_TABLE_NAME = 'tariff_measures' THEN
    INSERT INTO "alert_changes" ("kind", "ref_id") VALUES ('measure', NEW."id");
  ELSIF TG_TABLE_NAME = 'observations' THEN
    IF EXISTS (SELECT 1 FROM "series" WHERE "id" = NEW."series_id" AND "key" = 'kospi') THEN
      INSERT INTO "alert_changes" ("kind", "ref_date") VALUES ('observation', NEW."date");
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "deadlines_alert_change" AFTER INSERT OR UPDATE ON "deadlines" FOR EACH ROW EXECUTE FUNCTION "alert_note_change"();
--> statement-breakpoint
CREATE TRIGGER "alert_subscriptions_alert_change" AFTER INSERT OR UPDATE OF "scope", "scope_value", "offsets", "notify_measures", "market_move_pct", "active" ON "alert_subscriptions" FOR EACH ROW EXECUTE FUNCTION "alert_note_change"();
--> statement-breakpoint
CREATE TRIGGER "alert_subscribers_alert_change" AFTER UPDATE OF "confirmed_at", "unsubscribed_at" ON "alert_subscribers" FOR EACH ROW
  WHEN (OLD."confirmed_at" IS DISTINCT FROM NEW."confirmed_at" OR OLD."unsubscribed_at" IS DISTINCT FROM NEW."unsubscribed_at")
  EXECUTE FUNCTION "alert_note_change"();
--> statement-breakpoint
CREATE TRIGGER "tariff_measures_alert_change" AFTER INSERT OR UPDATE ON "tariff_measures" FOR EACH ROW EXECUTE FUNCTION "alert_note_change"();
--> statement-breakpoint
CREATE TRIGGER "observations_alert_change" AFTER INSERT OR UPDATE ON "observations" FOR EACH ROW EXECUTE FUNCTION "alert_note_change"();
--> statement-breakpoint
-- An existing installation: everything the planner has not indexed yet (recent measures and closes only; older ones
-- are history, not news).
INSERT INTO "alert_changes" ("kind", "ref_id") SELECT 'deadline', "id" FROM "deadlines";
--> statement-breakpoint
INSERT INTO "alert_changes" ("kind", "ref_id") SELECT 'subscription', "id" FROM "alert_subscriptions";
--> statement-breakpoint
INSERT INTO "alert_changes" ("kind", "ref_id") SELECT 'measure', "id" FROM "tariff_measures" WHERE "known_at" > now() - interval '7 days';
--> statement-breakpoint
INSERT INTO "alert_changes" ("kind", "ref_date") SELECT 'observation', o."date" FROM "observations" o JOIN "series" s ON s."id" = o."series_id" WHERE s."key" = 'kospi' AND o."known_at" > now() - interval '7 days';
