CREATE TABLE "pinpoint_import_ids" (
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"pinpoint_id" text NOT NULL,
	"waymark_id" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pinpoint_import_ids_workspace_id_kind_pinpoint_id_pk" PRIMARY KEY("workspace_id","kind","pinpoint_id")
);
--> statement-breakpoint
ALTER TABLE "pinpoint_import_ids" ADD CONSTRAINT "pinpoint_import_ids_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
