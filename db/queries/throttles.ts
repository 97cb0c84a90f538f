import { eq, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { throttles } from "@/db/schema";

export type TThrottleRule = {
  /** Attempts in the window that block the key: the one reaching the limit starts the block. */
  limit: number;
  windowSeconds: number;
  /** The first block; each attempt after it (once it ends) doubles it, up to maxBlockSeconds. */
  blockSeconds: number;
  maxBlockSeconds: number;
};

/**
 * Counts one attempt against `key` and returns until when the key is blocked (null: not). A
 * window that has run out starts again at 1. One statement, so concurrent attempts in any
 * process count exactly.
 */
export async function hitThrottle(
  key: string,
  rule: TThrottleRule,
  ex: Executor = db(),
): Promise<Date | null> {
  const now = sql`clock_timestamp()`;
  const expired = sql`throttles.window_started_at < ${now} - make_interval(secs => ${rule.windowSeconds})`;
  const hits = sql`(case when ${expired} then 1 else throttles.hits + 1 end)`;
  const block = (n: SQL) =>
    sql`${now} + make_interval(secs => least(${rule.maxBlockSeconds}::float8, ${rule.blockSeconds}::float8 * power(2, greatest(0, ${n} - ${rule.limit}))))`;
  const [row] = await executeRows<{ blocked_until: Date | string | null }>(
    sql`insert into throttles (key, hits, window_started_at, blocked_until)
      values (${key}, 1, ${now}, case when 1 >= ${rule.limit} then ${block(sql`1`)} end)
      on conflict (key) do update set
        hits = ${hits},
        window_started_at = case when ${expired} then ${now} else throttles.window_started_at end,
        blocked_until = case when ${hits} >= ${rule.limit} then ${block(hits)} else throttles.blocked_until end
      returning blocked_until`,
    ex,
  );
  const until = row?.blocked_until ? new Date(row.blocked_until) : null;
  return until && until.getTime() > Date.now() ? until : null;
}

/** The latest block among `keys` still running, or null. */
export async function activeThrottleBlock(keys: string[], ex: Executor = db()) {
  if (!keys.length) return null;
  const [row] = await executeRows<{ until: Date | string | null }>(
    sql`select max(blocked_until) as until from throttles
      where key in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )}) and blocked_until > clock_timestamp()`,
    ex,
  );
  return row?.until ? new Date(row.until) : null;
}

/** Forgets a key's attempts (a successful sign-in clears its account's failures). */
export async function clearThrottle(key: string, ex: Executor = db()) {
  await ex.delete(throttles).where(eq(throttles.key, key));
}
