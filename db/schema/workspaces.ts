import {
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  uniqueIndex,
  index,
} from "drizzle-orm/pg-core";
import { ROLES } from "./member-roles";
import { users } from "./users";

export const workspaces = pgTable(
  "workspaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** IANA zone; dashboards bucket days in it. */
    timezone: text("timezone").notNull().default("UTC"),
    /**
     * The Pinpoint project id the workspace's apps already send (`/v1/apps/{id}/…`), so they keep
     * their configuration; the workspace id without dashes is accepted as well.
     */
    pinpointApplicationId: text("pinpoint_application_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("workspaces_slug_key").on(t.slug),
    uniqueIndex("workspaces_pinpoint_application_id_key").on(t.pinpointApplicationId),
  ],
);

export const memberRole = pgEnum("member_role", ROLES);

export const memberships = pgTable(
  "memberships",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index("memberships_user_idx").on(t.userId),
  ],
);

export type TWorkspace = typeof workspaces.$inferSelect;
export type TMembership = typeof memberships.$inferSelect;
