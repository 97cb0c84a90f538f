CREATE TABLE "analytics_refresh_state" (
	"source" text PRIMARY KEY NOT NULL,
	"safe_id" bigint DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "journey_daily_rollup" (
	"workspace_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"day" date NOT NULL,
	"entered" integer DEFAULT 0 NOT NULL,
	"exited" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	"converted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "journey_daily_rollup_journey_id_day_pk" PRIMARY KEY("journey_id","day")
);
--> statement-breakpoint
CREATE TABLE "journey_node_daily_rollup" (
	"workspace_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"day" date NOT NULL,
	"node_id" text NOT NULL,
	"outcome" text NOT NULL,
	"passed" integer DEFAULT 0 NOT NULL,
	"converted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "journey_node_daily_rollup_journey_id_day_node_id_outcome_pk" PRIMARY KEY("journey_id","day","node_id","outcome")
);
--> statement-breakpoint
CREATE TABLE "message_daily_rollup" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" "message_channel" NOT NULL,
	"template_id" uuid,
	"template_version" integer,
	"journey_id" uuid,
	"node_id" text,
	"queued" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"bounced" integer DEFAULT 0 NOT NULL,
	"opened" integer DEFAULT 0 NOT NULL,
	"clicked" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"unsubscribed" integer DEFAULT 0 NOT NULL,
	"seen" integer DEFAULT 0 NOT NULL,
	"dismissed" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segment_size_snapshots" (
	"workspace_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	"day" date NOT NULL,
	"size" integer NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_size_snapshots_segment_id_day_pk" PRIMARY KEY("segment_id","day")
);
--> statement-breakpoint
ALTER TABLE "journey_daily_rollup" ADD CONSTRAINT "journey_daily_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_node_daily_rollup" ADD CONSTRAINT "journey_node_daily_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_daily_rollup" ADD CONSTRAINT "message_daily_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_size_snapshots" ADD CONSTRAINT "segment_size_snapshots_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_size_snapshots" ADD CONSTRAINT "segment_size_snapshots_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journey_daily_rollup_ws_day_idx" ON "journey_daily_rollup" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE INDEX "message_daily_rollup_ws_day_idx" ON "message_daily_rollup" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE INDEX "message_daily_rollup_journey_idx" ON "message_daily_rollup" USING btree ("journey_id","day");--> statement-breakpoint
CREATE INDEX "segment_size_snapshots_ws_day_idx" ON "segment_size_snapshots" USING btree ("workspace_id","day");