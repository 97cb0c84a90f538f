CREATE TABLE "workspace_retention" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"message_body_days" integer,
	"import_days" integer,
	"contact_event_days" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspace_retention" ADD CONSTRAINT "workspace_retention_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "executor_events_received_idx" ON "executor_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "executor_runs_entry_idx" ON "executor_runs" USING btree (("event" -> 'data' ->> 'entryId'));--> statement-breakpoint
CREATE INDEX "executor_runs_finished_idx" ON "executor_runs" USING btree ("finished_at") WHERE "executor_runs"."finished_at" is not null;