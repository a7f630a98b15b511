DROP INDEX "tariff_measures_sector_idx";--> statement-breakpoint
CREATE INDEX "tariff_measures_sector_effective_idx" ON "tariff_measures" USING btree ("sector","effective_at");--> statement-breakpoint
CREATE INDEX "tariff_measures_pending_idx" ON "tariff_measures" USING btree ("sector","effective_at") WHERE "tariff_measures"."status" in ('announced', 'threatened');