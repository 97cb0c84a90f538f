DROP INDEX "events_name_time_idx";--> statement-breakpoint
CREATE INDEX "events_name_time_idx" ON "events" USING btree ("workspace_id","name","occurred_at","contact_id");--> statement-breakpoint
-- Segment windows read only events_name_time_idx where the visibility map marks the events' pages
-- all-visible. Events are only appended, and by default autovacuum marks them after a fifth of the
-- table is new (2 million rows at 10 million); vacuuming appended pages reads only those pages.
ALTER TABLE "events" SET (autovacuum_vacuum_insert_scale_factor = 0.02);
