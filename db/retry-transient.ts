/** SQLSTATEs a retry of the whole transaction can clear: deadlock detected, serialization failure. */
const TRANSIENT = new Set(["40P01", "40001"]);

/** The SQLSTATE of a driver error, looking through drizzle's wrapping `cause`s. */
export function pgErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** Runs a transaction-shaped `work`, again (up to `attempts` times) when PostgreSQL aborted it as a deadlock victim. */
export async function retryTransient<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= attempts || !TRANSIENT.has(pgErrorCode(err) ?? "")) throw err;
    }
  }
}
