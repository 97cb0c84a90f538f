import { readFileSync } from "node:fs";
import type { Client } from "pg";

const TABLES = ["contacts", "events", "push_tokens", "channel_subscriptions"];

const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? `{{${k}}}`));
const statements = (text: string) =>
  text.split(/;\s*\n/).filter((s) => s.replace(/--.*$/gm, "").trim());

/**
 * Seeds the bench database (already migrated) through the app's own tables. The indexes the
 * migrations made are dropped first and rebuilt from their own definitions afterwards, which is
 * what bulk loading does anyway and takes minutes off the run; foreign keys are not checked
 * while loading (the generator only refers to rows it generated).
 */
export async function seedSegmentBench(
  pg: Client,
  opts: {
    anchor: Date;
    workspaces: { id: string; prefix: string; contacts: number; events: number }[];
  },
) {
  const anchor = `'${opts.anchor.toISOString()}'::timestamptz`;
  const step = async (label: string, f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    console.info(`[bench] ${label}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  };
  const indexes = (
    await pg.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = any($1) and indexname not in (select conname from pg_constraint)`,
      [TABLES],
    )
  ).rows;
  for (const i of indexes) await pg.query(`drop index "${i.indexname}"`);
  await pg.query(`set maintenance_work_mem = '1GB'`);
  await pg.query(`set work_mem = '512MB'`); // sorting the events by time
  await pg.query(`set session_replication_role = replica`);
  for (const s of statements(
    fill(readFileSync("bench/segment-counts-gen.sql", "utf8"), { ANCHOR: anchor }),
  ))
    await pg.query(s);
  for (const w of opts.workspaces) {
    await pg.query(`insert into workspaces (id, slug, name, timezone) values ($1, $2, $2, 'UTC')`, [
      w.id,
      `bench-${w.prefix}`,
    ]);
    const vars = { WS: w.id, P: w.prefix, CONTACTS: w.contacts, EVENTS: w.events, ANCHOR: anchor };
    await step(
      `${w.contacts.toLocaleString("en")} contacts / ~${w.events.toLocaleString("en")} events generated`,
      async () => {
        for (const s of statements(
          fill(readFileSync("bench/segment-counts-seed.sql", "utf8"), vars),
        ))
          await pg.query(s);
      },
    );
  }
  await pg.query(`set session_replication_role = origin`);
  await pg.query(`reset work_mem`);
  await step(
    `${indexes.length} indexes rebuilt (${indexes.map((i) => i.indexname).join(", ")})`,
    async () => {
      for (const i of indexes) await pg.query(i.indexdef);
    },
  );
  await pg.query(`drop schema bench_gen cascade`);
  await step("vacuum analyze", () => pg.query(`vacuum analyze`));
}
