CREATE TABLE "pinpoint_history_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" "message_channel" NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	"opened" integer DEFAULT 0 NOT NULL,
	"clicked" integer DEFAULT 0 NOT NULL,
	"bounced" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"unsubscribed" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "pinpoint_history_daily_workspace_id_day_channel_pk" PRIMARY KEY("workspace_id","day","channel")
);
--> statement-breakpoint
ALTER TABLE "pinpoint_history_daily" ADD CONSTRAINT "pinpoint_history_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- History imported before this table existed is counted by the full rebuild the next refresh does.
UPDATE "analytics_refresh_state" SET "refreshed_at" = NULL WHERE "source" = 'message_events';
