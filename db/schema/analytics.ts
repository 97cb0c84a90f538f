import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaceIdColumn } from "./columns";
import { messageChannel } from "./messaging";
import { segments } from "./segments";

// Rollups behind the dashboards. They hold nothing that is not derivable from the raw rows:
// lib/analytics/refresh-rollups.ts deletes and recomputes whole days, so any row can be rebuilt.

const count = (name: string) => integer(name).notNull().default(0);

/**
 * Messages per day (in the workspace's zone) and dimension. A message counts once per event type,
 * on the day of its first event of that type (as messages.opened_at etc.), test sends excluded.
 * Dimensions may be null (no template, not from a journey), hence no primary key.
 */
export const messageDailyRollup = pgTable(
  "message_daily_rollup",
  {
    workspaceId: workspaceIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    channel: messageChannel("channel").notNull(),
    templateId: uuid("template_id"),
    templateVersion: integer("template_version"),
    journeyId: uuid("journey_id"),
    nodeId: text("node_id"),
    /** A campaign's message: its campaign, run and treatment (the across-runs results read these). */
    campaignId: uuid("campaign_id"),
    campaignRunId: uuid("campaign_run_id"),
    treatment: smallint("treatment"),
    queued: count("queued"),
    skipped: count("skipped"),
    sent: count("sent"),
    delivered: count("delivered"),
    failed: count("failed"),
    bounced: count("bounced"),
    opened: count("opened"),
    clicked: count("clicked"),
    replied: count("replied"),
    unsubscribed: count("unsubscribed"),
    seen: count("seen"),
    dismissed: count("dismissed"),
  },
  (t) => [
    index("message_daily_rollup_ws_day_idx").on(t.workspaceId, t.day),
    index("message_daily_rollup_journey_idx").on(t.journeyId, t.day),
    index("message_daily_rollup_campaign_idx").on(t.campaignId),
  ],
);

/** Per journey and day: entries, exits by kind, and goal conversions (counted on the exit day). */
export const journeyDailyRollup = pgTable(
  "journey_daily_rollup",
  {
    workspaceId: workspaceIdColumn(),
    journeyId: uuid("journey_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    entered: count("entered"),
    exited: count("exited"),
    completed: count("completed"),
    cancelled: count("cancelled"),
    converted: count("converted"),
  },
  (t) => [
    primaryKey({ columns: [t.journeyId, t.day] }),
    index("journey_daily_rollup_ws_day_idx").on(t.workspaceId, t.day),
  ],
);

/**
 * Per journey, node, outcome and day (of passing): how many entries passed, and how many of those
 * entries reached the goal. For an A/B node the outcome is the variant, for a holdout its branch.
 */
export const journeyNodeDailyRollup = pgTable(
  "journey_node_daily_rollup",
  {
    workspaceId: workspaceIdColumn(),
    journeyId: uuid("journey_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    nodeId: text("node_id").notNull(),
    outcome: text("outcome").notNull(),
    passed: count("passed"),
    converted: count("converted"),
  },
  (t) => [primaryKey({ columns: [t.journeyId, t.day, t.nodeId, t.outcome] })],
);

/** A segment's size once a day, so its trend can be drawn (sizes are otherwise only live). */
export const segmentSizeSnapshots = pgTable(
  "segment_size_snapshots",
  {
    workspaceId: workspaceIdColumn(),
    segmentId: uuid("segment_id")
      .notNull()
      .references(() => segments.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    size: integer("size").notNull(),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.segmentId, t.day] }),
    index("segment_size_snapshots_ws_day_idx").on(t.workspaceId, t.day),
  ],
);

/**
 * Pinpoint's engagement events imported from its event stream (lib/pinpoint/events), per day (in
 * the workspace's zone) and channel, so the overview can draw the months before the switch. Counted
 * per event, as Pinpoint reported them (an email opened twice is two opens), from the contact
 * events whose `pinpointEventType` property names an engagement type (Waymark's own messages' events
 * have none). Derived like the rollups above: an import batch recomputes the days it stored events
 * on, in its own transaction; the full refresh rebuilds every row.
 */
export const pinpointHistoryDaily = pgTable(
  "pinpoint_history_daily",
  {
    workspaceId: workspaceIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    channel: messageChannel("channel").notNull(),
    sent: count("sent"),
    delivered: count("delivered"),
    opened: count("opened"),
    clicked: count("clicked"),
    bounced: count("bounced"),
    failed: count("failed"),
    unsubscribed: count("unsubscribed"),
    replied: count("replied"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.channel] })],
);

/** Where the incremental refresh stands, per source (one row each). */
export const analyticsRefreshState = pgTable("analytics_refresh_state", {
  source: text("source").primaryKey(),
  /** Every message event with an id at or below this had committed when a finished refresh read it. */
  safeId: bigint("safe_id", { mode: "number" }).notNull().default(0),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }),
});
