ALTER TYPE "public"."campaign_delivery_status" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TABLE "campaign_deliveries" ADD COLUMN "not_before" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_runs" ADD COLUMN "send_local" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_runs_scheduled_for_key" ON "campaign_runs" USING btree ("campaign_id","scheduled_for");