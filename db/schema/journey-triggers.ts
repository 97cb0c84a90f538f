import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaceIdColumn } from "./columns";
import { contacts } from "./contacts";
import { journeys } from "./journeys";

/**
 * Triggers that fire on time or on a segment rather than on one event: when each journey was last
 * swept, and which segment its membership rows (below) were taken against. A new live version that
 * names another segment starts a fresh baseline.
 */
export const journeyTriggerState = pgTable("journey_trigger_state", {
  journeyId: uuid("journey_id")
    .primaryKey()
    .references(() => journeys.id, { onDelete: "cascade" }),
  workspaceId: workspaceIdColumn(),
  segmentId: uuid("segment_id"),
  baselinedAt: timestamp("baselined_at", { withTimezone: true }),
  sweptAt: timestamp("swept_at", { withTimezone: true }),
});

/**
 * Whether a contact was in a segment-triggered journey's segment when last checked. Entering is the
 * out → in transition: it bumps `transitions` (part of the entry's trigger key, so each transition
 * enters at most once) and sets `pending` until the entry router has applied the entry rules.
 * Recording the transition and creating the entry are separate steps, so a crash in between leaves
 * a pending row for the next sweep instead of a lost entry.
 */
export const journeySegmentMembers = pgTable(
  "journey_segment_members",
  {
    journeyId: uuid("journey_id")
      .notNull()
      .references(() => journeys.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    workspaceId: workspaceIdColumn(),
    inSegment: boolean("in_segment").notNull(),
    transitions: integer("transitions").notNull().default(0),
    pending: boolean("pending").notNull().default(false),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.journeyId, t.contactId] }),
    index("journey_segment_members_pending_idx")
      .on(t.journeyId)
      .where(sql`${t.pending}`),
    index("journey_segment_members_contact_idx").on(t.contactId),
  ],
);
