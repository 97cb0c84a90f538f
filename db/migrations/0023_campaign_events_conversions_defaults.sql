CREATE TABLE "workspace_campaign_defaults" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_runs" ADD COLUMN "trigger" jsonb;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "conversion" jsonb;--> statement-breakpoint
ALTER TABLE "workspace_campaign_defaults" ADD CONSTRAINT "workspace_campaign_defaults_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
