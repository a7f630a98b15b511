CREATE TABLE "coverage_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"list_key" text NOT NULL,
	"prefix" text NOT NULL,
	"ch99" text,
	"attrs" jsonb,
	"effective_from" timestamp with time zone NOT NULL,
	"effective_zone" text NOT NULL,
	"effective_to" timestamp with time zone,
	"instrument" text
);
--> statement-breakpoint
CREATE TABLE "coverage_lists" (
	"list_key" text PRIMARY KEY NOT NULL,
	"programme" text NOT NULL,
	"effect" text NOT NULL,
	"title" text NOT NULL,
	"instrument" text NOT NULL,
	"ch99" text,
	"source_keys" jsonb NOT NULL,
	"file" text NOT NULL,
	"note" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"hts10" text PRIMARY KEY NOT NULL,
	"hs6" text NOT NULL,
	"description" text NOT NULL,
	"gtap" text,
	"words" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', description)) STORED
);
--> statement-breakpoint
ALTER TABLE "coverage_entries" ADD CONSTRAINT "coverage_entries_list_key_coverage_lists_list_key_fk" FOREIGN KEY ("list_key") REFERENCES "public"."coverage_lists"("list_key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coverage_entries_version" ON "coverage_entries" USING btree ("list_key","prefix","effective_from");--> statement-breakpoint
CREATE INDEX "coverage_entries_prefix_idx" ON "coverage_entries" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "products_hts10_prefix_idx" ON "products" USING btree ("hts10" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "products_words_idx" ON "products" USING gin ("words");