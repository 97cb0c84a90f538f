import {
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAtColumn, workspaceIdColumn } from "./columns";
import { contactIdColumn, subscriptionStatus } from "./contacts";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * What a workspace's marketing is about ("Product news", "Deals", "Account alerts"), so a contact
 * can leave one without leaving them all. `key` is what the API, segments and CSV columns name
 * (stable when the name changes). A topic covers the channels listed; sends on other channels
 * ignore it.
 */
export const topics = pgTable(
  "topics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** true: opt-out topic (everyone is in until they leave); false: opt-in (nobody until they join). */
    defaultSubscribed: boolean("default_subscribed").notNull().default(true),
    channels: jsonb("channels").$type<string[]>().notNull().default(["email"]),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("topics_workspace_key").on(t.workspaceId, t.key)],
);

/**
 * A contact's explicit choice about one topic. No row means the topic's default. Erasing the
 * contact (or deleting the topic) erases the row.
 */
export const topicSubscriptions = pgTable(
  "topic_subscriptions",
  {
    workspaceId: workspaceIdColumn(),
    contactId: contactIdColumn(),
    topicId: uuid("topic_id")
      .notNull()
      .references(() => topics.id, { onDelete: "cascade" }),
    status: subscriptionStatus("status").notNull(),
    /** `api`, `ui`, `import`, `preference_center`, `unsubscribe_link`. */
    source: text("source").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.contactId, t.topicId] }),
    index("topic_subscriptions_topic_idx").on(t.workspaceId, t.topicId, t.status),
  ],
);

/** The preference center's branding and the SMS HELP answer, per workspace. */
export const subscriptionSettings = pgTable("subscription_settings", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  brandColor: text("brand_color").notNull().default("#2563eb"),
  /** What a text of HELP gets back; null: the built-in answer naming the workspace. */
  smsHelpText: text("sms_help_text"),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type TTopic = typeof topics.$inferSelect;
export type TTopicSubscription = typeof topicSubscriptions.$inferSelect;
