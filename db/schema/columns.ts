import { timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

// Columns most tenant tables repeat. Functions, because a drizzle column builder belongs to one table.

/** The tenant: every row of a workspace goes when the workspace goes. */
export const workspaceIdColumn = () =>
  uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });

export const createdAtColumn = () =>
  timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
