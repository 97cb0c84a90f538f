import { sql } from "drizzle-orm";
import {
  bigserial,
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
import { topics } from "./topics";
import { users } from "./users";

export const messageChannel = pgEnum("message_channel", [
  "email",
  "sms",
  "push",
  "voice",
  "in_app",
  "webhook",
]);

/** A template's editable draft; what is sent is always one of its immutable versions. */
export const templates = pgTable(
  "templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    name: text("name").notNull(),
    channel: messageChannel("channel").notNull(),
    /** The draft content (lib/templates/template-content.ts), validated leniently so half-written drafts save. */
    draft: jsonb("draft").$type<Record<string, unknown>>().notNull(),
    /** Highest published version; 0 while never published. */
    publishedVersion: integer("published_version").notNull().default(0),
    /** The subscription topic its marketing sends are about; null: none (only channel opt-outs apply). */
    topicId: uuid("topic_id").references(() => topics.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("templates_workspace_name_key").on(t.workspaceId, t.name),
    index("templates_workspace_updated_idx").on(t.workspaceId, t.updatedAt),
  ],
);

export const templateVersions = pgTable(
  "template_versions",
  {
    templateId: uuid("template_id")
      .notNull()
      .references(() => templates.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    workspaceId: workspaceIdColumn(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.version] })],
);

/** Provider settings per workspace and provider kind; secret fields are sealed (lib/channels/secret-box.ts). */
export const channelProviders = pgTable(
  "channel_providers",
  {
    workspaceId: workspaceIdColumn(),
    /** `smtp`, `twilio`, `fcm`, `apns`, `webhook`. A channel with no provider goes to the outbox. */
    kind: text("kind").notNull(),
    config: jsonb("config").$type<Record<string, unknown>>().notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind] })],
);

export const MESSAGE_STATUSES = [
  "queued",
  "sending",
  "skipped",
  "sent",
  "delivered",
  "failed",
  "bounced",
] as const;
export const messageStatus = pgEnum("message_status", MESSAGE_STATUSES);

/**
 * One row per message a contact was (or would have been) sent. The idempotency key makes a retried
 * send find its earlier row instead of sending again; the rendered content is kept, so the log,
 * the outbox and the in-app inbox show exactly what went out, whatever the template became later.
 */
export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    channel: messageChannel("channel").notNull(),
    /** The provider that took it (`smtp`, `twilio`, `outbox`…); null when skipped before choosing one. */
    provider: text("provider"),
    templateId: uuid("template_id").references(() => templates.id, { onDelete: "set null" }),
    templateVersion: integer("template_version"),
    /** The template's locale variant the contact's locale picked (`vi`, `zh-CN`); null for the default content. */
    templateLocale: text("template_locale"),
    /** What sent it: `{ kind: "journey", journeyId, version, nodeId, runId }`, `{ kind: "test", userId }`… */
    origin: jsonb("origin").$type<Record<string, unknown>>().notNull(),
    isTest: boolean("is_test").notNull().default(false),
    /** Sent by the transactional API (`POST /api/v1/messages`, one-time passcodes): its own lane, badge and filter. */
    transactional: boolean("transactional").notNull().default(false),
    status: messageStatus("status").notNull(),
    /** Why it was skipped or failed, for people. */
    reason: text("reason"),
    /** Address it went to (email, E.164, user id, push token count…). */
    recipient: text("recipient"),
    content: jsonb("content").$type<Record<string, unknown>>(),
    providerMessageId: text("provider_message_id"),
    /**
     * Email: the domain of the From address the provider sent it with (lower case), stored at send
     * time because sender settings change; bounce and complaint rates are kept per sending domain.
     */
    sendingDomain: text("sending_domain"),
    attempts: integer("attempts").notNull().default(0),
    /** When the current delivery attempt claimed it; a claim older than a minute was lost in a crash. */
    sendingSince: timestamp("sending_since", { withTimezone: true }),
    createdAt: createdAtColumn(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    clickedAt: timestamp("clicked_at", { withTimezone: true }),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
    /** In-app: the contact saw / dismissed it. */
    seenAt: timestamp("seen_at", { withTimezone: true }),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("messages_idempotency_key").on(t.workspaceId, t.idempotencyKey),
    index("messages_workspace_created_idx").on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    index("messages_contact_created_idx").on(t.contactId, t.createdAt.desc()),
    index("messages_transactional_idx")
      .on(t.workspaceId, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.transactional}`),
    index("messages_provider_message_idx")
      .on(t.workspaceId, t.providerMessageId)
      .where(sql`${t.providerMessageId} is not null`),
    // Retention clears bodies oldest first (db/queries/retention.ts). Without it each batch of
    // 1,000 read every message of the workspace (a sequential scan and sort; through the index
    // above, it would walk every body already cleared): 1.2 s a batch at 200,000 messages against
    // 0.13 s with it (npm run bench:prune), and a backlog's time grew with its square.
    index("messages_body_created_idx")
      .on(t.workspaceId, t.createdAt)
      .where(sql`${t.content} is not null`),
  ],
);

export const MESSAGE_EVENT_TYPES = [
  "queued",
  "skipped",
  "sent",
  "delivered",
  "failed",
  "bounced",
  "opened",
  "clicked",
  "replied",
  "unsubscribed",
  "seen",
  "dismissed",
] as const;
export const messageEventType = pgEnum("message_event_type", MESSAGE_EVENT_TYPES);
export type TMessageEventType = (typeof MESSAGE_EVENT_TYPES)[number];

/** A message's lifecycle, one row per thing that happened to it (every open, every click). */
export const messageEvents = pgTable(
  "message_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: workspaceIdColumn(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    type: messageEventType("type").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("message_events_message_idx").on(t.messageId, t.occurredAt),
    index("message_events_workspace_time_idx").on(t.workspaceId, t.occurredAt),
  ],
);

export type TMessage = typeof messages.$inferSelect;
export type TTemplate = typeof templates.$inferSelect;
