ALTER TABLE "campaign_deliveries" DROP CONSTRAINT "campaign_deliveries_run_id_campaign_runs_id_fk";
--> statement-breakpoint
-- The foreign key's check ran once per row a snapshot inserts (a sixth of a million-contact
-- snapshot's time); deleting a run, or the campaign or workspace it belongs to, still deletes
-- its deliveries, now by this trigger, through the primary key's leading run_id.
CREATE FUNCTION "campaign_runs_delete_deliveries"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM campaign_deliveries d USING old_rows o WHERE d.run_id = o.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "campaign_runs_delete_deliveries" AFTER DELETE ON "campaign_runs"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_runs_delete_deliveries();
