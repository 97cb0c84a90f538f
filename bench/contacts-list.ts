// The contacts list at a million contacts on real PostgreSQL: each search and filter through the
// app's own query module (findContactsPage, count included), beside the plainest hand-written SQL
// for the same first page in the same run. BENCH_EXPLAIN=1 also prints every plan.
import { readFileSync } from "node:fs";
import type { QueryConfig } from "pg";
import { Client } from "pg";
import { openDb, setDbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { findContactsPage } from "@/db/queries/contacts-list";
import { parseContactListParams } from "@/lib/contacts/contact-list-params";
import { createBenchDatabase } from "./lib/bench-db";

const WORKSPACE = "00000000-0000-0000-0000-00000000000a";
const PAGE = `order by created_at desc nulls last, id desc limit 50`;

const SCENARIOS: { name: string; params: Record<string, string | string[]>; baseline?: string }[] =
  [
    {
      name: "first page",
      params: {},
      baseline: `select id from contacts where workspace_id = $1 ${PAGE}`,
    },
    {
      name: "user id prefix",
      params: { q: "uabc" },
      baseline: `select id from contacts where workspace_id = $1 and external_id like 'uabc%' ${PAGE}`,
    },
    {
      name: "email prefix",
      params: { q: "p12345." },
      baseline: `select id from contacts where workspace_id = $1 and email like 'p12345.%' ${PAGE}`,
    },
    {
      name: "phone prefix",
      params: { q: "+1 200012" },
      baseline: `select id from contacts where workspace_id = $1 and phone like '+1200012%' ${PAGE}`,
    },
    { name: "broad prefix (1 character)", params: { q: "p" } },
    {
      name: "attribute text",
      params: { q: "plan:enterprise" },
      baseline: `select id from contacts where workspace_id = $1 and attributes @> '{"plan":"enterprise"}' ${PAGE}`,
    },
    {
      name: "attribute number",
      params: { q: "seats:7" },
      baseline: `select id from contacts where workspace_id = $1 and attributes @> '{"seats":7}' ${PAGE}`,
    },
    {
      name: "rare attribute",
      params: { q: "company:c42" },
      baseline: `select id from contacts where workspace_id = $1 and attributes @> '{"company":"c42"}' ${PAGE}`,
    },
    { name: "has email + has phone", params: { has: ["email", "phone"] } },
    { name: "has push token", params: { has: "push" } },
    { name: "opted out", params: { optout: "1" } },
    { name: "created last 30 days", params: { created: "30" } },
  ];

async function median(runs: number, f: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function main() {
  const bench = await createBenchDatabase("waymark_bench_contacts");
  const handle = openDb({ databaseUrl: bench.url, pgliteDir: "memory://" });
  try {
    await migrateDb(handle);
    setDbHandle(handle);
    const pg = new Client({ connectionString: bench.url });
    pg.on("error", () => undefined); // dropping the database at the end ends this connection
    await pg.connect();
    const t0 = performance.now();
    // One statement at a time: VACUUM cannot run inside the implicit transaction of a multi-statement query.
    for (const statement of readFileSync("bench/contacts-list-seed.sql", "utf8")
      .split(/;\s*\n/)
      .filter((x) => x.trim()))
      await pg.query(statement);
    console.info(
      `[bench] 1,000,000 contacts (+100,000 in another workspace) generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );

    if (process.env.BENCH_EXPLAIN && handle.kind === "postgres") {
      const pool = handle.pool as unknown as {
        query: (
          q: QueryConfig | string,
          v?: unknown[],
        ) => Promise<{ rows: Record<string, unknown>[] }>;
      };
      const query = pool.query.bind(pool);
      pool.query = async (q, v) => {
        const text = typeof q === "string" ? q : q.text;
        const explained = await query({
          text: `explain (analyze, costs off) ${text}`,
          values: v ?? (typeof q === "string" ? undefined : q.values),
        });
        console.info(explained.rows.map((r) => String(r["QUERY PLAN"])).join("\n"));
        return query(q, v);
      };
    }

    console.info(
      `\ncontacts-list: median of 5 runs, page of 50 with its capped count, 1M contacts in the workspace`,
    );
    console.info(
      `  ${"scenario".padEnd(28)} ${"app query".padStart(10)} ${"hand SQL".padStart(10)} ${"ratio".padStart(7)}`,
    );
    for (const s of SCENARIOS) {
      const p = parseContactListParams(s.params);
      const app = await median(5, () => findContactsPage(WORKSPACE, p));
      const base = s.baseline ? await median(5, () => pg.query(s.baseline!, [WORKSPACE])) : null;
      const cells = [
        app.toFixed(1).padStart(8) + "ms",
        base === null ? "—".padStart(10) : base.toFixed(1).padStart(8) + "ms",
        base === null ? "—".padStart(7) : (app / base).toFixed(2).padStart(6) + "×",
      ];
      console.info(`  ${s.name.padEnd(28)} ${cells.join(" ")}`);
    }
    console.info(
      "  (the app query also counts matches up to 10,001 for the total; the hand SQL only fetches the page)",
    );
    await pg.end();
  } finally {
    await handle.close();
    await bench.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
