CREATE TYPE "public"."campaign_audience_kind" AS ENUM('segment', 'everyone');--> statement-breakpoint
CREATE TYPE "public"."campaign_delivery_status" AS ENUM('queued', 'sending', 'sent', 'failed', 'opted_out', 'no_address', 'suppressed', 'holdout', 'frequency_cap', 'quiet_hours', 'expired');--> statement-breakpoint
CREATE TYPE "public"."campaign_run_status" AS ENUM('snapshotting', 'sending', 'paused', 'completed', 'cancelled', 'failed');--> statement-breakpoint
CREATE TYPE "public"."campaign_schedule_kind" AS ENUM('now', 'at', 'local_time', 'recurring', 'event');--> statement-breakpoint
CREATE TYPE "public"."campaign_state" AS ENUM('draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled', 'failed');--> statement-breakpoint
CREATE TABLE "campaign_deliveries" (
	"run_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"treatment" smallint,
	"status" "campaign_delivery_status" NOT NULL,
	"claimed_at" timestamp with time zone,
	"message_id" uuid,
	"settled_at" timestamp with time zone,
	CONSTRAINT "campaign_deliveries_run_id_contact_id_pk" PRIMARY KEY("run_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"occurrence" integer NOT NULL,
	"status" "campaign_run_status" DEFAULT 'snapshotting' NOT NULL,
	"channel" "message_channel" NOT NULL,
	"audience_kind" "campaign_audience_kind" NOT NULL,
	"segment_id" uuid,
	"treatments" jsonb NOT NULL,
	"holdout_percent" smallint NOT NULL,
	"limits" jsonb NOT NULL,
	"audience_count" integer,
	"pending" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone,
	"scheduled_for" timestamp with time zone DEFAULT now() NOT NULL,
	"started_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"snapshot_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "campaign_treatments" (
	"campaign_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"workspace_id" uuid NOT NULL,
	"label" text NOT NULL,
	"template_id" uuid,
	"template_version" integer NOT NULL,
	"percent" smallint NOT NULL,
	CONSTRAINT "campaign_treatments_campaign_id_position_pk" PRIMARY KEY("campaign_id","position")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"audience_kind" "campaign_audience_kind" DEFAULT 'segment' NOT NULL,
	"segment_id" uuid,
	"channel" "message_channel" NOT NULL,
	"template_id" uuid,
	"template_version" integer,
	"holdout_percent" smallint DEFAULT 0 NOT NULL,
	"schedule_kind" "campaign_schedule_kind" DEFAULT 'now' NOT NULL,
	"schedule_settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"next_run_at" timestamp with time zone,
	"limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" "campaign_state" DEFAULT 'draft' NOT NULL,
	"state_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state_changed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"rate" double precision NOT NULL,
	"burst" double precision NOT NULL,
	"tokens" double precision NOT NULL,
	"refilled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_deliveries" ADD CONSTRAINT "campaign_deliveries_run_id_campaign_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."campaign_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_deliveries" ADD CONSTRAINT "campaign_deliveries_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_deliveries" ADD CONSTRAINT "campaign_deliveries_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_runs" ADD CONSTRAINT "campaign_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_runs" ADD CONSTRAINT "campaign_runs_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_runs" ADD CONSTRAINT "campaign_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_treatments" ADD CONSTRAINT "campaign_treatments_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_treatments" ADD CONSTRAINT "campaign_treatments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_treatments" ADD CONSTRAINT "campaign_treatments_template_id_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_template_id_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_state_changed_by_users_id_fk" FOREIGN KEY ("state_changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_runs_occurrence_key" ON "campaign_runs" USING btree ("campaign_id","occurrence");--> statement-breakpoint
CREATE INDEX "campaign_runs_workspace_created_idx" ON "campaign_runs" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_workspace_name_key" ON "campaigns" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "campaigns_workspace_state_idx" ON "campaigns" USING btree ("workspace_id","state");