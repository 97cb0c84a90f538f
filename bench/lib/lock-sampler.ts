import { Client } from "pg";

const EVERY_MS = 20;

/**
 * Samples pg_locks on the bench database every 20 ms from a connection of its own and keeps the
 * longest wait of a statement other than retention's (whose statements all start `with gone as`,
 * db/queries/retention.ts): `behindPrune` counts only waits with a pruning statement among the
 * blockers, `any` every wait (ingestion also waits on itself, two batches updating one contact).
 * A wait shorter than the sampling interval can be missed; ingestion's latency shows those.
 */
export async function startLockSampler(url: string) {
  const client = new Client({ connectionString: url, application_name: "bench-lock-sampler" });
  await client.connect();
  let stopped = false;
  const seen = { any: 0, behindPrune: 0, samples: 0, everyMs: EVERY_MS };
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await client.query<{ ms: number; behind_prune: boolean }>(
        `select extract(epoch from clock_timestamp() - l.waitstart) * 1000 as ms,
                exists (select 1 from pg_stat_activity b
                        where b.pid = any (pg_blocking_pids(a.pid)) and b.query like 'with gone as (%') as behind_prune
         from pg_locks l join pg_stat_activity a on a.pid = l.pid
         where not l.granted and l.waitstart is not null and a.datname = current_database()
           and a.pid <> pg_backend_pid() and a.query not like 'with gone as (%'`,
      );
      seen.samples++;
      for (const r of rows) {
        const waited = Number(r.ms);
        seen.any = Math.max(seen.any, waited);
        if (r.behind_prune) seen.behindPrune = Math.max(seen.behindPrune, waited);
      }
      await new Promise((r) => setTimeout(r, EVERY_MS));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      await client.end();
      return seen;
    },
  };
}
