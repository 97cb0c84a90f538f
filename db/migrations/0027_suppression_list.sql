ALTER TYPE "public"."subscription_source" ADD VALUE 'complaint';--> statement-breakpoint
CREATE TABLE "deliverability_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"soft_bounce_limit" integer DEFAULT 3 NOT NULL,
	"soft_bounce_window_days" integer DEFAULT 7 NOT NULL,
	"soft_bounce_suppress_days" integer DEFAULT 7 NOT NULL,
	"keys" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"source" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"channel" "message_channel" NOT NULL,
	"address" text NOT NULL,
	"message_id" uuid,
	"provider" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suppressions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel" "message_channel" NOT NULL,
	"address" text NOT NULL,
	"reason" text NOT NULL,
	"source" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"message_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "deliverability_settings" ADD CONSTRAINT "deliverability_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverability_settings" ADD CONSTRAINT "deliverability_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_feedback" ADD CONSTRAINT "delivery_feedback_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppressions" ADD CONSTRAINT "suppressions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppressions" ADD CONSTRAINT "suppressions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_feedback_event_key" ON "delivery_feedback" USING btree ("workspace_id","source","event_id");--> statement-breakpoint
CREATE INDEX "delivery_feedback_address_idx" ON "delivery_feedback" USING btree ("workspace_id","channel","address","occurred_at");--> statement-breakpoint
CREATE INDEX "delivery_feedback_time_idx" ON "delivery_feedback" USING btree ("workspace_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "suppressions_address_key" ON "suppressions" USING btree ("workspace_id","channel","address");--> statement-breakpoint
CREATE INDEX "suppressions_workspace_created_idx" ON "suppressions" USING btree ("workspace_id","created_at" DESC NULLS LAST,"id");
