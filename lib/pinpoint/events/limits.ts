/** Sizes and timings of event-history imports, in one place so tests and docs can point at them. */

/** Largest accepted upload (a day of Firehose files for a busy app is a few hundred MB: split it). */
export const MAX_EVENT_FILE_BYTES = 200 * 1024 * 1024;
/** The file is stored in pieces of this size (gzip is not split on lines; pieces are re-joined as a stream). */
export const EVENT_CHUNK_BYTES = 1024 * 1024;
/** Lines per ingest() transaction; the cursor and the counts move in the same transaction. */
export const EVENT_BATCH_LINES = 500;
/** How long a worker owns a job without renewing it. */
export const EVENT_LEASE_MS = 30_000;
/** One step works this long, then hands the job back with its cursor (as the CSV import does). */
export const EVENT_STEP_BUDGET_MS = 20_000;
/** A job that keeps failing (a bug, not a crash) stops after this many attempts. */
export const EVENT_MAX_ATTEMPTS = 5;
/** Refused lines kept with their reason on the import (the counts go on past it). */
export const MAX_REPORTED_LINES = 50;
