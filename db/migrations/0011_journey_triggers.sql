CREATE TABLE "journey_segment_members" (
	"journey_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"in_segment" boolean NOT NULL,
	"transitions" integer DEFAULT 0 NOT NULL,
	"pending" boolean DEFAULT false NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_segment_members_journey_id_contact_id_pk" PRIMARY KEY("journey_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "journey_trigger_state" (
	"journey_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"segment_id" uuid,
	"baselined_at" timestamp with time zone,
	"swept_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "journey_segment_members" ADD CONSTRAINT "journey_segment_members_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_segment_members" ADD CONSTRAINT "journey_segment_members_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_segment_members" ADD CONSTRAINT "journey_segment_members_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_trigger_state" ADD CONSTRAINT "journey_trigger_state_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_trigger_state" ADD CONSTRAINT "journey_trigger_state_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journey_segment_members_pending_idx" ON "journey_segment_members" USING btree ("journey_id") WHERE "journey_segment_members"."pending";--> statement-breakpoint
CREATE INDEX "journey_segment_members_contact_idx" ON "journey_segment_members" USING btree ("contact_id");