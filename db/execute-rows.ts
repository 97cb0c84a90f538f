import type { SQL } from "drizzle-orm";
import { db, type Executor } from "./index";

/**
 * The rows of a raw `execute` result. pg and PGlite wrap results differently; this is the one
 * place that knows.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Runs raw SQL and returns its rows. */
export async function executeRows<T = Record<string, unknown>>(
  query: SQL,
  ex: Executor = db(),
): Promise<T[]> {
  return rowsOf<T>(await ex.execute(query));
}
