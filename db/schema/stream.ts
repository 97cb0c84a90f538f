import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAtColumn, workspaceIdColumn } from "./columns";
import { bytea } from "./imports";
import { users } from "./users";

/**
 * A PostgreSQL `xid8` (64-bit transaction id), read as text: the stream's order. A row's
 * transaction id is set by its default (`pg_current_xact_id()`); readers take only rows of
 * transactions older than every transaction still running, so a reader never passes a row that
 * commits later (docs/event-stream.md#ordering).
 */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });
/** A `bigint` read as a decimal string (a transaction id may pass 2^53). */
const bigintText = customType<{ data: string; driverData: string | number }>({
  dataType: () => "bigint",
  fromDriver: (v) => String(v),
});

/**
 * The event stream's outbox: one row per lifecycle event of a workspace that has a destination,
 * written by triggers on the tables that record them (message_events, journey_entries,
 * journey_node_visits, campaign_runs, events, channel_subscriptions) and by the erasure of a
 * contact, in the same transaction as what it records. `(txid, id)` is the cursor; `id` is the
 * stable event id. No foreign key to the contact: an erasure's own event outlives the contact.
 */
export const streamEvents = pgTable(
  "stream_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    txid: xid8("txid")
      .notNull()
      .default(sql`pg_current_xact_id()`),
    workspaceId: workspaceIdColumn(),
    contactId: uuid("contact_id"),
    /** `message.delivered`, `journey.entered`, `contact.opted_out`… (lib/stream/event-types.ts). */
    type: text("type").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    createdAt: createdAtColumn(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("stream_events_cursor_idx").on(t.workspaceId, t.txid, t.id),
    index("stream_events_created_idx").on(t.createdAt),
  ],
);

/**
 * Where a workspace's events go. `kind` picks the destination (lib/stream/destinations); its
 * `config` holds the kind's settings with secrets sealed (lib/channels/secret-box.ts). The cursor
 * is the last event delivered; the retry fields describe the batch at the cursor that keeps failing.
 */
export const streamDestinations = pgTable(
  "stream_destinations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    name: text("name").notNull(),
    /** `webhook`, `ndjson`. */
    kind: text("kind").notNull(),
    /** `waymark` or `pinpoint` (lib/stream/envelopes). */
    format: text("format").notNull().default("waymark"),
    config: jsonb("config").$type<Record<string, unknown>>().notNull(),
    /** `active` or `paused`. */
    status: text("status").notNull().default("active"),
    cursorTxid: bigintText("cursor_txid").notNull().default("0"),
    cursorId: bigint("cursor_id", { mode: "number" }).notNull().default(0),
    /** Failed attempts of the batch at the cursor; 0 when the last one went through. */
    attempts: integer("attempts").notNull().default(0),
    failingSince: timestamp("failing_since", { withTimezone: true }),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastError: text("last_error"),
    lastDeliveredAt: timestamp("last_delivered_at", { withTimezone: true }),
    deliveredCount: bigint("delivered_count", { mode: "number" }).notNull().default(0),
    /** A worker holds the destination until then (one batch in flight per destination: order). */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    leaseToken: text("lease_token"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("stream_destinations_workspace_idx").on(t.workspaceId),
    uniqueIndex("stream_destinations_workspace_name_key").on(t.workspaceId, t.name),
  ],
);

/** A batch that failed for the whole retry window; kept with its events for replay from the UI. */
export const streamDeadLetters = pgTable(
  "stream_dead_letters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    destinationId: uuid("destination_id")
      .notNull()
      .references(() => streamDestinations.id, { onDelete: "cascade" }),
    /** The events in the workspace's canonical shape (lib/stream/stream-event.ts). */
    events: jsonb("events").$type<Record<string, unknown>[]>().notNull(),
    eventCount: integer("event_count").notNull(),
    attempts: integer("attempts").notNull(),
    error: text("error"),
    firstFailedAt: timestamp("first_failed_at", { withTimezone: true }).notNull(),
    createdAt: createdAtColumn(),
    replayedAt: timestamp("replayed_at", { withTimezone: true }),
  },
  (t) => [index("stream_dead_letters_destination_idx").on(t.destinationId, t.createdAt)],
);

/**
 * NDJSON export files, stored as gzip members: a file (one hour or one day of a destination) is
 * its chunks concatenated in id order, which is itself a valid gzip stream. A chunk is keyed by
 * the first event it holds, so a batch written again after a crash replaces its earlier copy.
 */
export const streamExportChunks = pgTable(
  "stream_export_chunks",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: workspaceIdColumn(),
    destinationId: uuid("destination_id")
      .notNull()
      .references(() => streamDestinations.id, { onDelete: "cascade" }),
    /** Start of the file's hour or day (UTC). */
    periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
    firstEventId: bigint("first_event_id", { mode: "number" }).notNull(),
    eventCount: integer("event_count").notNull(),
    gz: bytea("gz").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("stream_export_chunks_first_event_key").on(
      t.destinationId,
      t.periodStart,
      t.firstEventId,
    ),
  ],
);

export type TStreamDestinationRow = typeof streamDestinations.$inferSelect;
export type TStreamEventRow = typeof streamEvents.$inferSelect;
