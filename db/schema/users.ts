import { integer, pgTable, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Always stored lower-cased and trimmed, so the unique index is case-insensitive in effect. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /**
     * Written into each session at sign-in; a session whose number differs is signed out. Bumped by
     * "sign out everywhere", so every session issued before ends on its next request, not at expiry.
     */
    sessionVersion: integer("session_version").notNull().default(0),
    /** The UI language the user chose ("en", "vi", "zh-CN"); null follows the browser. */
    locale: text("locale"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export type TUser = typeof users.$inferSelect;
