import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";

/**
 * Test instrumentation for fuzz tests: a row trigger on every table but `skip` tallies the rows
 * each statement really changes (a rolled-back write rolls its tally back too), so "a refused
 * request wrote nothing" is one cheap read per call. A key's last-use time is not data, so an
 * update that changes only `last_used_at` is not counted.
 */
export async function installWriteTally(skip: readonly string[]): Promise<void> {
  await executeRows(sql.raw(`create table fuzz_writes (t text primary key, n bigint not null)`));
  await executeRows(
    sql.raw(`create function fuzz_tally() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and to_jsonb(new) - 'last_used_at' = to_jsonb(old) - 'last_used_at' then
        return null;
      end if;
      insert into fuzz_writes values (tg_table_name, 1)
        on conflict (t) do update set n = fuzz_writes.n + 1;
      return null;
    end $$`),
  );
  const tables = await executeRows<{ t: string }>(
    sql`select tablename as t from pg_tables where schemaname = 'public'`,
  );
  for (const { t } of tables.filter(({ t }) => t !== "fuzz_writes" && !skip.includes(t)))
    await executeRows(
      sql.raw(`create trigger fuzz_tally after insert or update or delete on "${t}"
        for each row execute function fuzz_tally()`),
    );
}

/** Rows changed so far, per table. */
export async function tallyWrites(): Promise<Map<string, number>> {
  const rows = await executeRows<{ t: string; n: number }>(
    sql`select t, n::int as n from fuzz_writes`,
  );
  return new Map(rows.map((x) => [x.t, x.n]));
}

/** The tables whose tally moved between two reads. */
export const changedTables = (a: Map<string, number>, b: Map<string, number>) =>
  [...b.keys()].filter((t) => a.get(t) !== b.get(t));
