CREATE TYPE "public"."journey_entry_status" AS ENUM('active', 'completed', 'exited', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."journey_status" AS ENUM('draft', 'live', 'paused', 'stopped');--> statement-breakpoint
CREATE TABLE "journey_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"contact_id" uuid NOT NULL,
	"trigger_key" text NOT NULL,
	"status" "journey_entry_status" DEFAULT 'active' NOT NULL,
	"current_node_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"exited_at" timestamp with time zone,
	"exit_reason" text,
	"converted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_node_visits" (
	"entry_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"outcome" text NOT NULL,
	"passed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_node_visits_entry_id_node_id_pk" PRIMARY KEY("entry_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "journey_versions" (
	"journey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"workspace_id" uuid NOT NULL,
	"graph" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_versions_journey_id_version_pk" PRIMARY KEY("journey_id","version")
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" "journey_status" DEFAULT 'draft' NOT NULL,
	"draft_graph" jsonb NOT NULL,
	"draft_settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"live_version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journey_entries" ADD CONSTRAINT "journey_entries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_entries" ADD CONSTRAINT "journey_entries_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_entries" ADD CONSTRAINT "journey_entries_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_node_visits" ADD CONSTRAINT "journey_node_visits_entry_id_journey_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journey_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "journey_entries_trigger_key" ON "journey_entries" USING btree ("journey_id","trigger_key");--> statement-breakpoint
CREATE INDEX "journey_entries_contact_idx" ON "journey_entries" USING btree ("journey_id","contact_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "journey_entries_active_node_idx" ON "journey_entries" USING btree ("journey_id","current_node_id") WHERE "journey_entries"."status" = 'active';--> statement-breakpoint
CREATE INDEX "journey_node_visits_journey_node_idx" ON "journey_node_visits" USING btree ("journey_id","node_id","outcome");--> statement-breakpoint
CREATE UNIQUE INDEX "journeys_workspace_name_key" ON "journeys" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "journeys_workspace_status_idx" ON "journeys" USING btree ("workspace_id","status");