CREATE TABLE "stream_dead_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"destination_id" uuid NOT NULL,
	"events" jsonb NOT NULL,
	"event_count" integer NOT NULL,
	"attempts" integer NOT NULL,
	"error" text,
	"first_failed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replayed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stream_destinations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"format" text DEFAULT 'waymark' NOT NULL,
	"config" jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"cursor_txid" bigint DEFAULT '0' NOT NULL,
	"cursor_id" bigint DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"failing_since" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"last_delivered_at" timestamp with time zone,
	"delivered_count" bigint DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"lease_token" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stream_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stream_export_chunks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"destination_id" uuid NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"first_event_id" bigint NOT NULL,
	"event_count" integer NOT NULL,
	"gz" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stream_dead_letters" ADD CONSTRAINT "stream_dead_letters_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_dead_letters" ADD CONSTRAINT "stream_dead_letters_destination_id_stream_destinations_id_fk" FOREIGN KEY ("destination_id") REFERENCES "public"."stream_destinations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_destinations" ADD CONSTRAINT "stream_destinations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_destinations" ADD CONSTRAINT "stream_destinations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_events" ADD CONSTRAINT "stream_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_export_chunks" ADD CONSTRAINT "stream_export_chunks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_export_chunks" ADD CONSTRAINT "stream_export_chunks_destination_id_stream_destinations_id_fk" FOREIGN KEY ("destination_id") REFERENCES "public"."stream_destinations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stream_dead_letters_destination_idx" ON "stream_dead_letters" USING btree ("destination_id","created_at");--> statement-breakpoint
CREATE INDEX "stream_destinations_workspace_idx" ON "stream_destinations" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stream_destinations_workspace_name_key" ON "stream_destinations" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "stream_events_cursor_idx" ON "stream_events" USING btree ("workspace_id","txid","id");--> statement-breakpoint
CREATE INDEX "stream_events_created_idx" ON "stream_events" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stream_export_chunks_first_event_key" ON "stream_export_chunks" USING btree ("destination_id","period_start","first_event_id");--> statement-breakpoint
-- The stream's outbox is filled by statement-level triggers (one INSERT … SELECT per statement, so
-- a campaign's bulk inserts stay bulk) and only for workspaces that have a destination.
CREATE FUNCTION "stream_has_destination"(ws uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM stream_destinations d WHERE d.workspace_id = ws)
$$;--> statement-breakpoint
CREATE FUNCTION "stream_message_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stream_events (workspace_id, contact_id, type, occurred_at, data)
  SELECT n.workspace_id, m.contact_id, 'message.' || n.type::text, n.occurred_at,
    jsonb_build_object('messageId', m.id, 'messageEventId', n.id, 'channel', m.channel,
      'status', m.status, 'reason', m.reason, 'provider', m.provider, 'recipient', m.recipient,
      'providerMessageId', m.provider_message_id, 'templateId', m.template_id,
      'templateVersion', m.template_version, 'origin', m.origin, 'detail', n.detail)
  FROM new_rows n JOIN messages m ON m.id = n.message_id
  WHERE NOT m.is_test AND stream_has_destination(n.workspace_id)
  ORDER BY n.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "stream_message_events" AFTER INSERT ON "message_events"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stream_message_events();--> statement-breakpoint
CREATE FUNCTION "stream_journey_entered"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stream_events (workspace_id, contact_id, type, occurred_at, data)
  SELECT n.workspace_id, n.contact_id, 'journey.entered', n.created_at,
    jsonb_build_object('entryId', n.id, 'journeyId', n.journey_id, 'version', n.version,
      'triggerKey', n.trigger_key)
  FROM new_rows n WHERE stream_has_destination(n.workspace_id) ORDER BY n.created_at, n.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "stream_journey_entered" AFTER INSERT ON "journey_entries"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stream_journey_entered();--> statement-breakpoint
CREATE FUNCTION "stream_journey_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stream_events (workspace_id, contact_id, type, occurred_at, data)
  SELECT workspace_id, contact_id, type, occurred_at, data FROM (
    SELECT n.workspace_id, n.contact_id, 'journey.converted' AS type, now() AS occurred_at,
      jsonb_build_object('entryId', n.id, 'journeyId', n.journey_id, 'version', n.version,
        'nodeId', n.current_node_id) AS data, 0 AS k, n.id
    FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.converted AND NOT o.converted
    UNION ALL
    SELECT n.workspace_id, n.contact_id, 'journey.exited', coalesce(n.exited_at, now()),
      jsonb_build_object('entryId', n.id, 'journeyId', n.journey_id, 'version', n.version,
        'status', n.status, 'reason', n.exit_reason, 'converted', n.converted), 1, n.id
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.exited_at IS NOT NULL AND o.exited_at IS NULL
  ) x WHERE stream_has_destination(x.workspace_id) ORDER BY x.id, x.k;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "stream_journey_changed" AFTER UPDATE ON "journey_entries"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stream_journey_changed();--> statement-breakpoint
CREATE FUNCTION "stream_journey_node_passed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stream_events (workspace_id, contact_id, type, occurred_at, data)
  SELECT e.workspace_id, e.contact_id, 'journey.node_passed', n.passed_at,
    jsonb_build_object('entryId', n.entry_id, 'journeyId', n.journey_id, 'version', e.version,
      'nodeId', n.node_id, 'outcome', n.outcome)
  FROM new_rows n JOIN journey_entries e ON e.id = n.entry_id
  WHERE stream_has_destination(e.workspace_id) ORDER BY n.passed_at;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "stream_journey_node_passed" AFTER INSERT ON "journey_node_visits"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stream_journey_node_passed();--> statement-breakpoint
CREATE FUNCTION "stream_campaign_runs_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stream_events (workspace_id, contact_id, type, occurred_at, data)
  SELECT n.workspace_id, NULL, 'campaign.run_' || n.status::text, now(),
    jsonb_build_object('runId', n.id, 'campaignId', n.campaign_id, 'occurrence', n.occurrence,
      'status', n.status, 'channel', n.channel, 'audienceCount', n.audience_count,
      'scheduledFor', n.scheduled_for, 'error', n.error)
  FROM new_rows n
  WHERE stream_has_destination(n.workspace_id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "stream_campaign_runs_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stream_events (workspace_id, contact_id, type, occurred_at, data)
  SELECT n.workspace_id, NULL, 'campaign.run_' || n.status::text, now(),
    jsonb_build_object('runId', n.id, 'campaignId', n.campaign_id, 'occurrence', n.occurrence,
      'status', n.status, 'channel', n.channel, 'audienceCount', n.audience_count,
      'scheduledFor', n.scheduled_for, 'error', n.error)
  FROM new_rows n
  WHERE stream_has_destination(n.workspace_id)
    AND EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND o.status <> n.status);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "stream_campaign_runs_insert" AFTER INSERT ON "campaign_runs"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stream_campaign_runs_insert();--> statement-breakpoint
CREATE TRIGGER "stream_campaign_runs_update" AFTER UPDATE ON "campaign_runs"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stream_campaign_runs_update();--> statement-breakpoint
CREATE FUNCTION "stream_contact_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stream_events (workspace_id, contact_id, type, occurred_at, data)
  SELECT n.workspace_id, n.contact_id,
    CASE n.name WHEN '$identify' THEN 'contact.identified' WHEN '$alias' THEN 'contact.aliased'
      ELSE 'contact.attributes_changed' END,
    n.occurred_at, jsonb_build_object('eventId', n.id, 'properties', n.properties)
  FROM new_rows n
  WHERE n.name IN ('$identify', '$alias', '$attributes_changed') AND stream_has_destination(n.workspace_id)
  ORDER BY n.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "stream_contact_events" AFTER INSERT ON "events"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stream_contact_events();--> statement-breakpoint
CREATE FUNCTION "stream_subscriptions_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stream_events (workspace_id, contact_id, type, occurred_at, data)
  SELECT n.workspace_id, n.contact_id,
    CASE n.status WHEN 'unsubscribed' THEN 'contact.opted_out' ELSE 'contact.opted_in' END,
    n.changed_at, jsonb_build_object('channel', n.channel, 'source', n.source)
  FROM new_rows n
  WHERE stream_has_destination(n.workspace_id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "stream_subscriptions_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stream_events (workspace_id, contact_id, type, occurred_at, data)
  SELECT n.workspace_id, n.contact_id,
    CASE n.status WHEN 'unsubscribed' THEN 'contact.opted_out' ELSE 'contact.opted_in' END,
    n.changed_at, jsonb_build_object('channel', n.channel, 'source', n.source)
  FROM new_rows n
  WHERE stream_has_destination(n.workspace_id)
    AND EXISTS (SELECT 1 FROM old_rows o
      WHERE o.contact_id = n.contact_id AND o.channel = n.channel AND o.status <> n.status);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "stream_subscriptions_insert" AFTER INSERT ON "channel_subscriptions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stream_subscriptions_insert();--> statement-breakpoint
CREATE TRIGGER "stream_subscriptions_update" AFTER UPDATE ON "channel_subscriptions"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stream_subscriptions_update();
