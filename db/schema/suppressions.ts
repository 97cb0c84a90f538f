import {
  bigserial,
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
import { messageChannel } from "./messaging";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const SUPPRESSION_REASONS = [
  "hard_bounce",
  "complaint",
  "soft_bounce",
  "rejected",
  "blocked",
  "manual",
] as const;
export type TSuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/**
 * Addresses no message may go to, per workspace and channel (email, or a phone number for SMS and
 * voice). The address is normalised (lib/deliverability/normalise-address.ts). Soft bounces expire;
 * everything else stays until an admin removes it.
 */
export const suppressions = pgTable(
  "suppressions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    channel: messageChannel("channel").notNull(),
    address: text("address").notNull(),
    /** One of SUPPRESSION_REASONS. */
    reason: text("reason").notNull(),
    /** Who said so: `ses`, `sendgrid`, `postmark`, `mailgun`, `resend`, `smtp_dsn`, `sms_events`, `import`, `manual`. */
    source: text("source").notNull(),
    /** The provider's words (diagnostic code, bounce type, complaint type) for people. */
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    /** The message the feedback named, when it named one. */
    messageId: uuid("message_id"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
    /** Soft bounces only: the suppression lifts by itself then. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("suppressions_address_key").on(t.workspaceId, t.channel, t.address),
    index("suppressions_workspace_created_idx").on(t.workspaceId, t.createdAt.desc(), t.id),
  ],
);

export const FEEDBACK_TYPES = [
  "delivered",
  "hard_bounce",
  "soft_bounce",
  "complaint",
  "rejected",
  "delayed",
  "blocked",
] as const;
export type TFeedbackType = (typeof FEEDBACK_TYPES)[number];

/**
 * Every piece of delivery feedback a workspace accepted, once: (workspace, source, event id) is
 * unique, so a replayed notification is recognised and never applied twice. Soft-bounce counts and
 * the bounce and complaint rates are read from here.
 */
export const deliveryFeedback = pgTable(
  "delivery_feedback",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: workspaceIdColumn(),
    source: text("source").notNull(),
    eventId: text("event_id").notNull(),
    /** One of FEEDBACK_TYPES. */
    type: text("type").notNull(),
    channel: messageChannel("channel").notNull(),
    address: text("address").notNull(),
    messageId: uuid("message_id"),
    /** The sending provider the rates are grouped by: the message's provider, else the source. */
    provider: text("provider").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    receivedAt: createdAtColumn(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex("delivery_feedback_event_key").on(t.workspaceId, t.source, t.eventId),
    index("delivery_feedback_address_idx").on(t.workspaceId, t.channel, t.address, t.occurredAt),
    index("delivery_feedback_time_idx").on(t.workspaceId, t.occurredAt),
  ],
);

/** Per-workspace deliverability settings: the soft-bounce rule and the ESPs' webhook keys. */
export const deliverabilitySettings = pgTable("deliverability_settings", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  softBounceLimit: integer("soft_bounce_limit").notNull().default(3),
  softBounceWindowDays: integer("soft_bounce_window_days").notNull().default(7),
  /** How long a soft-bounce suppression lasts. */
  softBounceSuppressDays: integer("soft_bounce_suppress_days").notNull().default(7),
  /** `{ sendgridPublicKey, mailgunSigningKey (sealed), resendSecret (sealed) }`. */
  keys: jsonb("keys").$type<Record<string, string>>().notNull().default({}),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type TSuppression = typeof suppressions.$inferSelect;
export type TDeliveryFeedback = typeof deliveryFeedback.$inferSelect;
