import { sql } from "drizzle-orm";
import {
  bigint,
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

export type TAttributes = Record<string, unknown>;

export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    /** The customer's own user id (`userId`); null while only an anonymous id is known. */
    externalId: text("external_id"),
    /** Lower-cased. */
    email: text("email"),
    /** E.164. */
    phone: text("phone"),
    timezone: text("timezone"),
    locale: text("locale"),
    country: text("country"),
    city: text("city"),
    attributes: jsonb("attributes").$type<TAttributes>().notNull().default({}),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("contacts_external_id_key")
      .on(t.workspaceId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    // Keyset pagination of the list, newest first.
    index("contacts_list_idx").on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    // Prefix search (`LIKE 'abc%'`) on id, email and phone.
    index("contacts_external_id_prefix_idx").using(
      "btree",
      t.workspaceId,
      sql`${t.externalId} text_pattern_ops`,
    ),
    index("contacts_email_prefix_idx").using(
      "btree",
      t.workspaceId,
      sql`${t.email} text_pattern_ops`,
    ),
    index("contacts_phone_prefix_idx").using(
      "btree",
      t.workspaceId,
      sql`${t.phone} text_pattern_ops`,
    ),
    // `attributes @> '{"plan":"pro"}'` for attribute search and segments.
    index("contacts_attributes_idx").using("gin", sql`${t.attributes} jsonb_path_ops`),
  ],
);

/** The contact a row is about; erasing the contact erases the row. */
export const contactIdColumn = () =>
  uuid("contact_id")
    .notNull()
    .references(() => contacts.id, { onDelete: "cascade" });

/** Segment's `anonymousId`s, each pointing at the contact it belongs to (after `identify`/`alias`, the known one). */
export const contactAliases = pgTable(
  "contact_aliases",
  {
    workspaceId: workspaceIdColumn(),
    anonymousId: text("anonymous_id").notNull(),
    contactId: contactIdColumn(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.anonymousId] }),
    index("contact_aliases_contact_idx").on(t.contactId),
  ],
);

export const pushPlatform = pgEnum("push_platform", ["ios", "android", "web"]);

/** A device token belongs to one contact at a time: the last one identified with it. */
export const pushTokens = pgTable(
  "push_tokens",
  {
    workspaceId: workspaceIdColumn(),
    token: text("token").notNull(),
    platform: pushPlatform("platform").notNull(),
    contactId: contactIdColumn(),
    createdAt: createdAtColumn(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.token] }),
    index("push_tokens_contact_idx").on(t.contactId),
  ],
);

export const CHANNELS = ["email", "sms", "push", "voice", "in_app"] as const;
export const subscriptionChannel = pgEnum("subscription_channel", ["all", ...CHANNELS]);
export const subscriptionStatus = pgEnum("subscription_status", ["subscribed", "unsubscribed"]);
export const subscriptionSource = pgEnum("subscription_source", [
  "api",
  "ui",
  "import",
  "unsubscribe_link",
  "sms_keyword",
  "complaint",
]);

/**
 * Explicit opt-ins and opt-outs per channel (`all` is the global switch). No row means the
 * contact has not said either way, which counts as subscribed when an address exists.
 */
export const channelSubscriptions = pgTable(
  "channel_subscriptions",
  {
    workspaceId: workspaceIdColumn(),
    contactId: contactIdColumn(),
    channel: subscriptionChannel("channel").notNull(),
    status: subscriptionStatus("status").notNull(),
    source: subscriptionSource("source").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.contactId, t.channel] }),
    index("channel_subscriptions_ws_idx").on(t.workspaceId, t.channel, t.status),
  ],
);

export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: workspaceIdColumn(),
    contactId: contactIdColumn(),
    /** `track` events carry their own name; `identify`, `page`, `screen`, `alias` and channel changes use `$`-names. */
    name: text("name").notNull(),
    properties: jsonb("properties").$type<TAttributes>().notNull().default({}),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /** The sender's idempotency key: a repeat is accepted and stored once. */
    messageId: text("message_id").notNull(),
    /** Segment `context` as kept by lib/ingest/event-context (ip, userAgent, app, os, campaign…). */
    context: jsonb("context").$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex("events_message_id_key").on(t.workspaceId, t.messageId),
    index("events_contact_name_time_idx").on(t.workspaceId, t.contactId, t.name, t.occurredAt),
    // A name's events in a time range, with who they belong to: segment windows ("ordered in the
    // last 90 days", a sequence's carts and orders) read only this index, never the events' rows.
    index("events_name_time_idx").on(t.workspaceId, t.name, t.occurredAt, t.contactId),
  ],
);

export type TContact = typeof contacts.$inferSelect;
export type TEvent = typeof events.$inferSelect;
