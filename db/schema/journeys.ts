import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
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
import { contacts } from "./contacts";
import { users } from "./users";

export const journeyStatus = pgEnum("journey_status", ["draft", "live", "paused", "stopped"]);

/** A journey's editable draft and where it stands; what runs is always one of its versions. */
export const journeys = pgTable(
  "journeys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    name: text("name").notNull(),
    status: journeyStatus("status").notNull().default("draft"),
    /** React Flow's `{ nodes, edges }`, saved leniently as the marketer draws. */
    draftGraph: jsonb("draft_graph").$type<Record<string, unknown>>().notNull(),
    draftSettings: jsonb("draft_settings").$type<Record<string, unknown>>().notNull().default({}),
    /** The version new entries run; 0 while never published. */
    liveVersion: integer("live_version").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("journeys_workspace_name_key").on(t.workspaceId, t.name),
    index("journeys_workspace_status_idx").on(t.workspaceId, t.status),
  ],
);

/** Immutable once published: the graph as drawn, its settings and the compiled plan. */
export const journeyVersions = pgTable(
  "journey_versions",
  {
    journeyId: uuid("journey_id")
      .notNull()
      .references(() => journeys.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    workspaceId: workspaceIdColumn(),
    graph: jsonb("graph").$type<Record<string, unknown>>().notNull(),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull(),
    plan: jsonb("plan").$type<Record<string, unknown>>().notNull(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.journeyId, t.version] })],
);

export const journeyEntryStatus = pgEnum("journey_entry_status", [
  "active",
  "completed",
  "exited",
  "cancelled",
]);

/**
 * One contact's walk through one journey version. `trigger_key` (the triggering event's id, or the
 * API call's key) is unique per journey, so an event delivered twice enters the contact once.
 */
export const journeyEntries = pgTable(
  "journey_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    journeyId: uuid("journey_id")
      .notNull()
      .references(() => journeys.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    triggerKey: text("trigger_key").notNull(),
    status: journeyEntryStatus("status").notNull().default("active"),
    /** The node the contact is at (waiting there or about to run it); null once out. */
    currentNodeId: text("current_node_id"),
    enteredAt: createdAtColumn(),
    exitedAt: timestamp("exited_at", { withTimezone: true }),
    exitReason: text("exit_reason"),
    converted: boolean("converted").notNull().default(false),
  },
  (t) => [
    uniqueIndex("journey_entries_trigger_key").on(t.journeyId, t.triggerKey),
    index("journey_entries_contact_idx").on(t.journeyId, t.contactId, t.enteredAt.desc()),
    index("journey_entries_active_node_idx")
      .on(t.journeyId, t.currentNodeId)
      .where(sql`${t.status} = 'active'`),
    // The dashboards' rollup refresh recomputes recent days: entries and exits by time.
    index("journey_entries_entered_idx").on(t.enteredAt),
    index("journey_entries_exited_idx")
      .on(t.exitedAt)
      .where(sql`${t.exitedAt} is not null`),
  ],
);

/** Each node an entry has passed, with the outcome it took: per-node counts and funnels. */
export const journeyNodeVisits = pgTable(
  "journey_node_visits",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => journeyEntries.id, { onDelete: "cascade" }),
    journeyId: uuid("journey_id").notNull(),
    nodeId: text("node_id").notNull(),
    outcome: text("outcome").notNull(),
    passedAt: timestamp("passed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.nodeId] }),
    index("journey_node_visits_journey_node_idx").on(t.journeyId, t.nodeId, t.outcome),
    index("journey_node_visits_passed_idx").on(t.passedAt),
  ],
);

export type TJourney = typeof journeys.$inferSelect;
export type TJourneyEntry = typeof journeyEntries.$inferSelect;
