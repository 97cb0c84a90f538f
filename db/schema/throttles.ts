import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed or counted attempts per key (`signin:ip:<ip>`, `signin:account:<email>`…) within a
 * window, and how long the key is blocked. In the database so every process enforces the same
 * limit; lib/rate-limit keeps an in-memory copy of active blocks as its fast path.
 */
export const throttles = pgTable("throttles", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});
