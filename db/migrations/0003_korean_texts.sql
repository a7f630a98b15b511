ALTER TABLE "conflicts" ADD COLUMN "title_ko" text;--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "outcome_ko" text;--> statement-breakpoint
ALTER TABLE "tariff_measures" ADD COLUMN "rate_note_ko" text;