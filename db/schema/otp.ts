import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, workspaceIdColumn } from "./columns";
import { messageChannel, messages } from "./messaging";

/**
 * One-time passcodes (`POST /api/v1/otp`). Only an HMAC of the code is kept; a code is good once,
 * until `expiresAt`, for `maxAttempts` guesses. A newer code for the same destination and
 * reference supersedes the older ones (`supersededAt`), so only the latest message's code works.
 */
export const otpCodes = pgTable(
  "otp_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    /** The caller's own label for what the code is for (`login`, `reset-password`…). */
    referenceId: text("reference_id").notNull(),
    channel: messageChannel("channel").notNull(),
    /** E.164 number or lower-cased email address. */
    destination: text("destination").notNull(),
    /** HMAC-SHA256 (hex) of the code under the workspace's OTP key and this row's id. */
    codeHash: text("code_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    maxAttempts: integer("max_attempts").notNull(),
    attempts: integer("attempts").notNull().default(0),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("otp_codes_lookup_idx").on(t.workspaceId, t.destination, t.referenceId, t.createdAt),
  ],
);

export type TOtpCode = typeof otpCodes.$inferSelect;
