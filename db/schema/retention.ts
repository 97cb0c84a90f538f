import { integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/**
 * How long a workspace keeps data that grows with traffic (lib/retention). No row: the defaults
 * (lib/retention/retention-settings.ts). Null days: kept forever.
 */
export const workspaceRetention = pgTable("workspace_retention", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  /** Rendered bodies of messages; the message row and its events stay for analytics. */
  messageBodyDays: integer("message_body_days"),
  /** Uploaded CSV files and error rows of finished imports. */
  importDays: integer("import_days"),
  /** Raw contact events (track, identify…); off by default, since segments may look back years. */
  contactEventDays: integer("contact_event_days"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type TWorkspaceRetention = typeof workspaceRetention.$inferSelect;
