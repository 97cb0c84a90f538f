import {
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAtColumn, workspaceIdColumn } from "./columns";
import type { TSegmentDefinition } from "@/lib/segments/definition";
import { contacts } from "./contacts";
import { users } from "./users";

export const segmentType = pgEnum("segment_type", ["dynamic", "static"]);

/**
 * A dynamic segment is its definition, evaluated on demand. A static one is a frozen list of
 * contacts in segment_members; its definition (if any) only records what it was frozen from.
 */
export const segments = pgTable(
  "segments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    type: segmentType("type").notNull(),
    definition: jsonb("definition").$type<TSegmentDefinition | null>(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("segments_workspace_name_key").on(t.workspaceId, t.name),
    index("segments_workspace_updated_idx").on(t.workspaceId, t.updatedAt),
  ],
);

export const segmentMembers = pgTable(
  "segment_members",
  {
    segmentId: uuid("segment_id")
      .notNull()
      .references(() => segments.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
  },
  // (segment, contact) answers "is c in s" for a static segment inside another segment's query.
  (t) => [
    primaryKey({ columns: [t.segmentId, t.contactId] }),
    index("segment_members_contact_idx").on(t.contactId),
  ],
);

export type TSegment = typeof segments.$inferSelect;
