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

/**
 * Why the database could not answer, when that is the database's state rather than the request's
 * fault: `unavailable` (cannot connect, no free connection in time, server going away) or
 * `timeout` (a statement hit statement_timeout, 57014). Routes answer both with 503, not 500.
 */
export function databaseFailure(err: unknown): "unavailable" | "timeout" | null {
  const code = pgErrorCode(err);
  if (code === "57014") return "timeout";
  if (code && (NETWORK.has(code) || SERVER.test(code))) return "unavailable";
  const msgs = messages(err);
  if (msgs.some((m) => MESSAGES.some((known) => m.includes(known)))) return "unavailable";
  // AggregateError (a host with several addresses, all refused) carries the codes in `errors`.
  const errors = (err as { errors?: unknown[] })?.errors;
  if (Array.isArray(errors) && errors.some((e) => databaseFailure(e))) return "unavailable";
  return null;
}
