CREATE TYPE "public"."budget_status" AS ENUM('proposed', 'passed', 'executed');--> statement-breakpoint
CREATE TYPE "public"."confidence" AS ENUM('high', 'medium', 'low');--> statement-breakpoint
CREATE TYPE "public"."conflict_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."deadline_kind" AS ENUM('tariff_effective', 'pause_expiry', 'election', 'comment_period', 'hearing', 'measure_expiry', 'support_expiry', 'negotiation');--> statement-breakpoint
CREATE TYPE "public"."deadline_status" AS ENUM('upcoming', 'met', 'passed', 'postponed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."event_category" AS ENUM('tariff', 'market', 'support', 'politics', 'deal', 'legal');--> statement-breakpoint
CREATE TYPE "public"."figure_kind" AS ENUM('trade_balance', 'investment_pledge', 'tax_rate_change', 'export_value');--> statement-breakpoint
CREATE TYPE "public"."measure_status" AS ENUM('threatened', 'announced', 'in_effect', 'paused', 'superseded', 'rescinded');--> statement-breakpoint
CREATE TYPE "public"."record_type" AS ENUM('measure', 'deadline', 'budget', 'figure', 'event', 'series');--> statement-breakpoint
CREATE TYPE "public"."sector" AS ENUM('all_goods', 'autos', 'auto_parts', 'steel_aluminium', 'copper', 'semiconductors', 'pharmaceuticals', 'lumber');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('news', 'government', 'legal', 'data', 'research');--> statement-breakpoint
CREATE TYPE "public"."time_precision" AS ENUM('minute', 'day');--> statement-breakpoint
CREATE TABLE "budgets" (
	"id" serial PRIMARY KEY NOT NULL,
	"budget_key" text NOT NULL,
	"title" text NOT NULL,
	"title_ko" text,
	"programme" text NOT NULL,
	"purpose" text NOT NULL,
	"sector" "sector",
	"amount" numeric(24, 2) NOT NULL,
	"currency" text DEFAULT 'KRW' NOT NULL,
	"amount_usd" numeric(24, 2),
	"usd_rate" numeric(14, 4),
	"usd_rate_date" date,
	"usd_rate_note" text,
	"status" "budget_status" NOT NULL,
	"proposed_on" date,
	"passed_on" date,
	"executed_on" date,
	"note" text,
	"known_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citations" (
	"id" serial PRIMARY KEY NOT NULL,
	"record_type" "record_type" NOT NULL,
	"record_key" text NOT NULL,
	"source_id" integer NOT NULL,
	"locator" text
);
--> statement-breakpoint
CREATE TABLE "conflict_claims" (
	"id" serial PRIMARY KEY NOT NULL,
	"conflict_id" integer NOT NULL,
	"value" numeric(24, 4) NOT NULL,
	"label" text NOT NULL,
	"source_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conflicts" (
	"id" serial PRIMARY KEY NOT NULL,
	"conflict_key" text NOT NULL,
	"record_type" "record_type" NOT NULL,
	"record_key" text NOT NULL,
	"field" text NOT NULL,
	"title" text NOT NULL,
	"status" "conflict_status" DEFAULT 'open' NOT NULL,
	"resolved_value" numeric(24, 4),
	"resolution_note" text,
	"resolved_at" timestamp with time zone,
	"known_at" timestamp with time zone NOT NULL,
	CONSTRAINT "conflicts_conflict_key_unique" UNIQUE("conflict_key")
);
--> statement-breakpoint
CREATE TABLE "deadlines" (
	"id" serial PRIMARY KEY NOT NULL,
	"deadline_key" text NOT NULL,
	"title" text NOT NULL,
	"title_ko" text,
	"description" text,
	"kind" "deadline_kind" NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"due_zone" text NOT NULL,
	"precision" time_precision DEFAULT 'minute' NOT NULL,
	"status" "deadline_status" NOT NULL,
	"postponed_to_key" text,
	"outcome" text,
	"measure_key" text,
	"sector" "sector",
	"known_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_key" text NOT NULL,
	"title" text NOT NULL,
	"title_ko" text,
	"category" "event_category" NOT NULL,
	"sector" "sector",
	"occurred_at" timestamp with time zone NOT NULL,
	"occurred_zone" text NOT NULL,
	"precision" time_precision DEFAULT 'day' NOT NULL,
	"confidence" "confidence" DEFAULT 'high' NOT NULL,
	"known_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_event_key_unique" UNIQUE("event_key")
);
--> statement-breakpoint
CREATE TABLE "figures" (
	"id" serial PRIMARY KEY NOT NULL,
	"figure_key" text NOT NULL,
	"kind" "figure_kind" NOT NULL,
	"title" text NOT NULL,
	"title_ko" text,
	"period" text,
	"value" numeric(24, 4) NOT NULL,
	"from_value" numeric(24, 4),
	"unit" text NOT NULL,
	"valid_until" date,
	"note" text,
	"known_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"series_id" integer NOT NULL,
	"date" date NOT NULL,
	"open" numeric(14, 4),
	"high" numeric(14, 4),
	"low" numeric(14, 4),
	"close" numeric(14, 4) NOT NULL,
	"volume" bigint,
	"known_at" timestamp with time zone NOT NULL,
	CONSTRAINT "observations_series_id_date_pk" PRIMARY KEY("series_id","date")
);
--> statement-breakpoint
CREATE TABLE "seed_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"checksum" text NOT NULL,
	"details" jsonb,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "series" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"zone" text NOT NULL,
	"known_at" timestamp with time zone NOT NULL,
	CONSTRAINT "series_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "source_statements" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_id" integer NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"value" numeric(24, 4),
	"unit" text
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text NOT NULL,
	"published_on" date,
	"url" text,
	"kind" "source_kind" NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"note" text,
	"known_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "tariff_measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"measure_key" text NOT NULL,
	"title" text NOT NULL,
	"title_ko" text,
	"imposing_country" text DEFAULT 'US' NOT NULL,
	"target_country" text NOT NULL,
	"sector" "sector" NOT NULL,
	"rate_pct" numeric(7, 3),
	"rate_note" text,
	"instrument" text NOT NULL,
	"status" "measure_status" NOT NULL,
	"announced_on" date,
	"effective_at" timestamp with time zone,
	"effective_zone" text,
	"ends_at" timestamp with time zone,
	"ends_zone" text,
	"confidence" "confidence" DEFAULT 'high' NOT NULL,
	"known_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_claims" ADD CONSTRAINT "conflict_claims_conflict_id_conflicts_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."conflicts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_claims" ADD CONSTRAINT "conflict_claims_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_statements" ADD CONSTRAINT "source_statements_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_version" ON "budgets" USING btree ("budget_key","known_at");--> statement-breakpoint
CREATE UNIQUE INDEX "citations_unique" ON "citations" USING btree ("record_type","record_key","source_id");--> statement-breakpoint
CREATE INDEX "citations_source_idx" ON "citations" USING btree ("source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conflict_claims_unique" ON "conflict_claims" USING btree ("conflict_id","source_id","value");--> statement-breakpoint
CREATE UNIQUE INDEX "deadlines_version" ON "deadlines" USING btree ("deadline_key","known_at");--> statement-breakpoint
CREATE INDEX "deadlines_due_idx" ON "deadlines" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "events_occurred_idx" ON "events" USING btree ("occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "figures_version" ON "figures" USING btree ("figure_key","known_at");--> statement-breakpoint
CREATE INDEX "figures_kind_idx" ON "figures" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "source_statements_unique" ON "source_statements" USING btree ("source_id","summary");--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_measures_version" ON "tariff_measures" USING btree ("measure_key","known_at");--> statement-breakpoint
CREATE INDEX "tariff_measures_sector_idx" ON "tariff_measures" USING btree ("sector","known_at");