CREATE TABLE "pinpoint_endpoints" (
	"workspace_id" uuid NOT NULL,
	"endpoint_id" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"user_id" text,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pinpoint_endpoints_workspace_id_endpoint_id_pk" PRIMARY KEY("workspace_id","endpoint_id")
);
--> statement-breakpoint
CREATE TABLE "sigv4_signatures" (
	"signature" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "pinpoint_application_id" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "access_key_id" text;--> statement-breakpoint
ALTER TABLE "pinpoint_endpoints" ADD CONSTRAINT "pinpoint_endpoints_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pinpoint_endpoints" ADD CONSTRAINT "pinpoint_endpoints_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pinpoint_endpoints_user_idx" ON "pinpoint_endpoints" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "pinpoint_endpoints_contact_idx" ON "pinpoint_endpoints" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "sigv4_signatures_expires_idx" ON "sigv4_signatures" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workspaces_pinpoint_application_id_key" ON "workspaces" USING btree ("pinpoint_application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_access_key_id_key" ON "api_keys" USING btree ("access_key_id");
