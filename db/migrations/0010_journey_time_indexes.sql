CREATE INDEX "journey_entries_entered_idx" ON "journey_entries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "journey_entries_exited_idx" ON "journey_entries" USING btree ("exited_at") WHERE "journey_entries"."exited_at" is not null;--> statement-breakpoint
CREATE INDEX "journey_node_visits_passed_idx" ON "journey_node_visits" USING btree ("passed_at");