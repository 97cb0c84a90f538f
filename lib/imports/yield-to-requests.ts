const EVERY_ROWS = 250;

/**
 * The worker shares its process (and, with PGlite, its database) with the web server. Parsing and
 * checking rows is synchronous work that would starve requests for seconds; every few hundred
 * rows this lets pending requests run.
 */
export function yieldEvery(row: number): Promise<void> | undefined {
  return row % EVERY_ROWS === 0 ? new Promise((resolve) => setImmediate(resolve)) : undefined;
}
