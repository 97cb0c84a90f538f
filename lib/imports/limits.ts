/** Sizes and timings of CSV imports, in one place so tests and docs can point at them. */

/** Largest accepted file. 500,000 typical contact rows are 40–80 MB. */
export const MAX_IMPORT_FILE_BYTES = 100 * 1024 * 1024;
/** The file is stored in pieces of about this size, each ending on a line break. */
export const CHUNK_BYTES = 1024 * 1024;
/** Rows shown in the mapping preview. */
export const PREVIEW_ROWS = 20;
/** Rows per ingest() transaction in the import phase; the cursor moves after each. */
export const IMPORT_BATCH_ROWS = 1000;
/** How long a worker owns a job without renewing; a crashed process's job is resumed after this. */
export const LEASE_MS = 30_000;
/**
 * One step of the contact-import job imports for about this long, then hands the import back with
 * its cursor, and the next step (or another process) carries on: a step stays well inside the
 * request time of a serverless host or Inngest Cloud, and other queued imports get their turn.
 */
export const IMPORT_STEP_BUDGET_MS = 20_000;
/** A job that keeps failing (a bug, not a crash) stops after this many attempts. */
export const MAX_ATTEMPTS = 5;
/** Longest row (characters); longer means a quote was never closed. */
export const MAX_RECORD_CHARS = 1_000_000;
