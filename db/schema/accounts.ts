import {
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
import { contacts, type TAttributes } from "./contacts";

/**
 * Accounts (companies, teams) from Segment's `group` call: `groupId` is the customer's own id,
 * `traits` typed like contact attributes (`plan`, `seats`…). Segments and templates read them.
 */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    externalId: text("external_id").notNull(),
    traits: jsonb("traits").$type<TAttributes>().notNull().default({}),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("accounts_external_id_key").on(t.workspaceId, t.externalId)],
);

/** Which contacts belong to which accounts; a contact may belong to several. */
export const accountMembers = pgTable(
  "account_members",
  {
    workspaceId: workspaceIdColumn(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.contactId] }),
    index("account_members_contact_idx").on(t.contactId),
  ],
);

export type TAccount = typeof accounts.$inferSelect;
