import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAtColumn, workspaceIdColumn } from "./columns";
import { bytea } from "./imports";
import { users } from "./users";

/**
 * Imports of Pinpoint event-stream files (Kinesis/Firehose NDJSON, gzip or not; lib/pinpoint/
 * events). queued → validating (the whole file is read once: a truncated or corrupt gzip fails the
 * import here, before anything is written) → importing (from `cursor_line`, a batch per
 * transaction) → completed, or failed with the reason and the line it names.
 */
export const pinpointEventImports = pgTable(
  "pinpoint_event_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    fileName: text("file_name").notNull(),
    fileBytes: bigint("file_bytes", { mode: "number" }).notNull(),
    chunkCount: integer("chunk_count").notNull(),
    /** queued, validating, importing, completed or failed. */
    status: text("status").notNull().default("queued"),
    /** Lines of the file (known once validated). */
    totalLines: integer("total_lines").notNull().default(0),
    /** Lines whose fate is settled; also where a resumed import carries on. */
    cursorLine: integer("cursor_line").notNull().default(0),
    imported: integer("imported").notNull().default(0),
    /** Events already stored (an earlier import of the same file, or a repeat inside it). */
    duplicates: integer("duplicates").notNull().default(0),
    refused: integer("refused").notNull().default(0),
    /** The first refused lines: `{ line, message }`. */
    errors: jsonb("errors").$type<{ line: number; message: string }[]>().notNull().default([]),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    failureReason: text("failure_reason"),
    createdAt: createdAtColumn(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("pinpoint_event_imports_workspace_idx").on(t.workspaceId, t.createdAt.desc()),
    index("pinpoint_event_imports_active_idx").on(t.status, t.leaseExpiresAt),
  ],
);

/** The file as uploaded (still gzip when it was), in ~1 MB pieces read one at a time. */
export const pinpointEventImportChunks = pgTable(
  "pinpoint_event_import_chunks",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => pinpointEventImports.id, { onDelete: "cascade" }),
    workspaceId: workspaceIdColumn(),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

export type TPinpointEventImport = typeof pinpointEventImports.$inferSelect;
