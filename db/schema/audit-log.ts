import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, workspaceIdColumn } from "./columns";
import { users } from "./users";

/**
 * Security-relevant changes to a workspace's settings (where messages go, which secrets are
 * stored), for admins to review in Settings. Rows are written in the same transaction as the
 * change and never updated. `detail` holds field names and destinations, never secret values.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** e.g. `channel_provider.saved`, `channel_provider.removed`. */
    action: text("action").notNull(),
    /** What was acted on, e.g. the provider kind `smtp`. */
    target: text("target").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (t) => [index("audit_log_workspace_time_idx").on(t.workspaceId, t.createdAt)],
);
