ALTER TYPE "public"."notification_kind" ADD VALUE 'product_change';--> statement-breakpoint
ALTER TYPE "public"."subscription_scope" ADD VALUE 'watchlist';--> statement-breakpoint
CREATE TABLE "watchlist_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"watchlist_id" integer NOT NULL,
	"hts10" text NOT NULL,
	"from_pct" numeric(7, 3),
	"to_pct" numeric(7, 3),
	"from_programmes" text,
	"to_programmes" text,
	"list_changes" text,
	"found_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "watchlist_items" (
	"watchlist_id" integer NOT NULL,
	"hts10" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"duty_pct" numeric(7, 3),
	"programmes" text,
	"lists" text,
	CONSTRAINT "watchlist_items_watchlist_id_hts10_pk" PRIMARY KEY("watchlist_id","hts10")
);
--> statement-breakpoint
CREATE TABLE "watchlist_sectors" (
	"watchlist_id" integer NOT NULL,
	"sector" text NOT NULL,
	CONSTRAINT "watchlist_sectors_watchlist_id_sector_pk" PRIMARY KEY("watchlist_id","sector")
);
--> statement-breakpoint
CREATE TABLE "watchlists" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"owner_id" text,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"checked_at" timestamp with time zone,
	CONSTRAINT "watchlists_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "watchlist_changes" ADD CONSTRAINT "watchlist_changes_watchlist_id_watchlists_id_fk" FOREIGN KEY ("watchlist_id") REFERENCES "public"."watchlists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlist_items" ADD CONSTRAINT "watchlist_items_watchlist_id_watchlists_id_fk" FOREIGN KEY ("watchlist_id") REFERENCES "public"."watchlists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlist_items" ADD CONSTRAINT "watchlist_items_hts10_products_hts10_fk" FOREIGN KEY ("hts10") REFERENCES "public"."products"("hts10") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlist_sectors" ADD CONSTRAINT "watchlist_sectors_watchlist_id_watchlists_id_fk" FOREIGN KEY ("watchlist_id") REFERENCES "public"."watchlists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlists" ADD CONSTRAINT "watchlists_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "watchlist_changes_list_idx" ON "watchlist_changes" USING btree ("watchlist_id","found_at");--> statement-breakpoint
CREATE INDEX "watchlist_sectors_sector_idx" ON "watchlist_sectors" USING btree ("sector");