import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";

/**
 * Takes up to `want` tokens from the bucket `key` (created full on first use), refilled at `rate`
 * per second up to `burst`. One row lock per take, so every process sharing the database shares
 * the limit. Returns what it granted, and when nothing was granted how long until a token is due.
 */
export async function takeTokens(
  key: string,
  want: number,
  rate: number,
  burst: number,
  ex: Executor = db(),
): Promise<{ granted: number; waitMs: number }> {
  await ex.execute(sql`insert into rate_buckets (key, rate, burst, tokens, refilled_at)
    values (${key}, ${rate}, ${burst}, ${burst}, clock_timestamp()) on conflict (key) do nothing`);
  const [row] = await executeRows<{ granted: number; avail: number }>(
    sql`with b as (
        select key, least(${burst}::float8, tokens + extract(epoch from clock_timestamp() - refilled_at) * ${rate}::float8) as avail
        from rate_buckets where key = ${key} for update
      ), g as (select key, avail, least(floor(avail), ${want}::float8) as granted from b)
      update rate_buckets r set tokens = g.avail - g.granted, refilled_at = clock_timestamp(),
        rate = ${rate}::float8, burst = ${burst}::float8
      from g where r.key = g.key
      returning g.granted::int as granted, g.avail::float8 as avail`,
    ex,
  );
  const granted = Math.max(0, row?.granted ?? 0);
  const avail = Number(row?.avail ?? 0);
  return {
    granted,
    waitMs: granted > 0 ? 0 : Math.max(1, Math.ceil(((1 - avail) / rate) * 1000)),
  };
}

/** Gives back tokens taken but not used (the slice had fewer deliveries left than granted). */
export async function returnTokens(key: string, n: number, ex: Executor = db()) {
  if (n <= 0) return;
  await ex.execute(
    sql`update rate_buckets set tokens = least(burst, tokens + ${n}::float8) where key = ${key}`,
  );
}
