import { pgErrorCode } from "./retry-transient";

// Network errors reaching the server, and PostgreSQL's "going away / cannot take you" SQLSTATEs:
// connection exceptions (08…), shutdowns (57P01–57P03), too many connections (53300), and a
// transaction ended for idling (25P03).
const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
const SERVER = /^(08|57P0[123]|53300|25P03)/;
// pg and pg-pool report timeouts and dropped connections by message only.
const MESSAGES = [
  "timeout exceeded when trying to connect",
  "Connection terminated due to connection timeout",
  "Connection terminated unexpectedly",
  "Connection terminated",
  "is not queryable",
];

function messages(err: unknown): string[] {
  const out: string[] = [];
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++)
    if (e instanceof Error) out.push(e.message);
  return out;
}

// Writes refused by the server's state: a read-only database (a standby after failover,
// default_transaction_read_only) or a full disk (53100).
const READ_ONLY = new Set(["25006", "53100"]);

/**
 * Why the database could not answer, when that is the database's state rather than the request's
 * fault: `unavailable` (cannot connect, no free connection in time, server going away),
 * `timeout` (a statement hit statement_timeout, 57014) or `read_only` (it takes no writes: read-only
 * or out of disk). Routes answer all three with 503, not 500.
 */
export function databaseFailure(err: unknown): "unavailable" | "timeout" | "read_only" | null {
  const code = pgErrorCode(err);
  if (code === "57014") return "timeout";
  if (code && READ_ONLY.has(code)) return "read_only";
  if (code && (NETWORK.has(code) || SERVER.test(code))) return "unavailable";
  const msgs = messages(err);
  if (msgs.some((m) => MESSAGES.some((known) => m.includes(known)))) return "unavailable";
  // AggregateError (a host with several addresses, all refused) carries the codes in `errors`.
  const errors = (err as { errors?: unknown[] })?.errors;
  if (Array.isArray(errors) && errors.some((e) => databaseFailure(e))) return "unavailable";
  return null;
}

/**
 * What to log about a database failure: the server's own words and SQLSTATE (e.g. "could not
 * extend file …: No space left on device", 53100), never drizzle's wrapper message, which carries
 * the statement's parameters: contacts' emails and event properties, megabytes for a batch.
 */
export function describeDatabaseError(err: unknown): string {
  const code = pgErrorCode(err);
  const all = messages(err);
  const own = all.find((m) => !m.startsWith("Failed query:")) ?? "";
  const statement = all
    .find((m) => m.startsWith("Failed query:"))
    ?.slice("Failed query:".length)
    .split("\nparams:")[0]!
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
  return [code ? `[${code}]` : null, own || null, statement ? `(in: ${statement}…)` : null]
    .filter(Boolean)
    .join(" ");
}
