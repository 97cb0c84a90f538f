import { readFileSync } from "node:fs";
import { Client } from "pg";
import { openDb } from "@/db";
import { migrateDb } from "@/db/migrate";
import { createBenchDatabase } from "../bench/lib/bench-db";
async function main() {
  const bench = await createBenchDatabase("waymark_explain");
  const handle = openDb({ databaseUrl: bench.url, pgliteDir: "memory://" });
  await migrateDb(handle);
  const pg = new Client({ connectionString: bench.url });
  await pg.connect();
  const text = readFileSync("bench/dashboard-queries-seed.sql", "utf8").replace("2640000", "26400").replace("500000", "5000");
  for (const st of text.split(/;\s*\n/).filter((x) => x.trim() && !/^\s*--[^\n]*$/.test(x.trim()))) await pg.query(st);
  await pg.query("begin");
  await pg.query(`create temp table _msg_days (workspace_id uuid, day date, primary key (workspace_id, day)) on commit drop`);
  await pg.query(`insert into _msg_days select distinct e.workspace_id, (e.occurred_at at time zone w.timezone)::date from message_events e join workspaces w on w.id = e.workspace_id`);
  await pg.query(`analyze _msg_days`);
  const q = `explain (analyze, costs off) with cand as (
      select distinct e.message_id
      from _msg_days d join workspaces w on w.id = d.workspace_id
      join message_events e on e.workspace_id = d.workspace_id
        and e.occurred_at >= (d.day::timestamp at time zone w.timezone) and e.occurred_at < ((d.day + 1)::timestamp at time zone w.timezone)
    ), firsts as (
      select e.workspace_id, e.message_id, e.type, min(e.occurred_at) as first_at
      from message_events e where e.message_id in (select message_id from cand)
      group by 1, 2, 3
    ), bucketed as (
      select f.message_id, f.type, f.workspace_id, (f.first_at at time zone w.timezone)::date as day
      from firsts f join workspaces w on w.id = f.workspace_id
    )
    select f.workspace_id, f.day, m.channel, count(*)
    from bucketed f
    join _msg_days d on d.workspace_id = f.workspace_id and d.day = f.day
    join messages m on m.id = f.message_id and m.workspace_id = f.workspace_id and not m.is_test
    group by 1, 2, 3`;
  console.log((await pg.query(q)).rows.map((r) => r["QUERY PLAN"]).join("\n"));
  await pg.query("rollback");
  await pg.end();
  await handle.close();
  await bench.drop();
}
main();
