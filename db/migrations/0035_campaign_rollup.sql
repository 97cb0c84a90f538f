ALTER TABLE "message_daily_rollup" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "message_daily_rollup" ADD COLUMN "campaign_run_id" uuid;--> statement-breakpoint
ALTER TABLE "message_daily_rollup" ADD COLUMN "treatment" smallint;--> statement-breakpoint
CREATE INDEX "message_daily_rollup_campaign_idx" ON "message_daily_rollup" USING btree ("campaign_id");--> statement-breakpoint
-- Rows built before these columns existed have no campaign: the next refresh rebuilds them all.
UPDATE "analytics_refresh_state" SET "refreshed_at" = NULL WHERE "source" = 'message_events';
