import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAtColumn, workspaceIdColumn } from "./columns";
import { users } from "./users";

/** Raw bytes: the uploaded file is kept as it came (minus a BOM), so invalid UTF-8 is found and reported, not silently replaced. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * uploaded → (columns mapped, started) queued → validating → importing → completed. A broken file
 * ends in failed with nothing imported; a draft nobody starts is discarded after a day.
 */
export const contactImportStatus = pgEnum("contact_import_status", [
  "uploaded",
  "queued",
  "validating",
  "importing",
  "completed",
  "failed",
  "discarded",
]);

export const contactImports = pgTable(
  "contact_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    fileName: text("file_name").notNull(),
    fileBytes: bigint("file_bytes", { mode: "number" }).notNull(),
    /** `,` `;` or a tab, detected at upload. */
    delimiter: text("delimiter").notNull(),
    header: jsonb("header").$type<string[]>().notNull(),
    chunkCount: integer("chunk_count").notNull(),
    status: contactImportStatus("status").notNull().default("uploaded"),
    /** The column mapping (lib/imports/mapping.ts), set when the import is started. */
    mapping: jsonb("mapping").$type<unknown>(),
    /** Data rows: estimated at upload (line count), exact once the file has been checked. */
    totalRows: integer("total_rows").notNull().default(0),
    /** Rows checked in the validation phase. */
    validatedRows: integer("validated_rows").notNull().default(0),
    /** Rows whose fate is settled in the import phase; also the resume point (last row number done). */
    processedRows: integer("processed_rows").notNull().default(0),
    cursorRow: integer("cursor_row").notNull().default(0),
    importedRows: integer("imported_rows").notNull().default(0),
    failedRows: integer("failed_rows").notNull().default(0),
    /** Which worker process holds the job, and until when; an expired lease may be taken over. */
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    failureReason: text("failure_reason"),
    createdAt: createdAtColumn(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("contact_imports_workspace_idx").on(t.workspaceId, t.createdAt.desc()),
    // The worker's claim query scans only unfinished imports.
    index("contact_imports_active_idx").on(t.status, t.leaseExpiresAt),
  ],
);

/** The file in ~1 MB pieces, each ending on a line break, so no piece splits a UTF-8 character. */
export const contactImportChunks = pgTable(
  "contact_import_chunks",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => contactImports.id, { onDelete: "cascade" }),
    workspaceId: workspaceIdColumn(),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/** One line per rejected row: what was wrong, in which columns, and the row as it was in the file. */
export const contactImportErrors = pgTable(
  "contact_import_errors",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => contactImports.id, { onDelete: "cascade" }),
    workspaceId: workspaceIdColumn(),
    /** Spreadsheet numbering: the header is row 1. */
    rowNumber: integer("row_number").notNull(),
    /** Header names of the offending columns, in file order. */
    columns: jsonb("columns").$type<string[]>().notNull(),
    message: text("message").notNull(),
    values: jsonb("values").$type<string[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.rowNumber] }),
    index("contact_import_errors_ws_idx").on(t.workspaceId),
  ],
);

export type TContactImport = typeof contactImports.$inferSelect;
export type TContactImportStatus = (typeof contactImportStatus.enumValues)[number];
