/**
 * Prints the plans and timings of the contacts list's queries on a big workspace, to check that
 * searches and filters use the indexes. Against a scratch database (never production):
 *
 *   createdb waymark_bench && (apply db/migrations/*.sql) && psql -d waymark_bench -f bench/contacts-list-seed.sql
 *   DATABASE_URL=postgres://…/waymark_bench npx tsx bench/contacts-list-explain.ts
 */
import type { QueryConfig } from "pg";
import { openDb, setDbHandle } from "@/db";
import { findContactsPage } from "@/db/queries/contacts-list";
import { parseContactListParams } from "@/lib/contacts/contact-list-params";

const WORKSPACE = process.env.BENCH_WORKSPACE_ID ?? "00000000-0000-0000-0000-00000000000a";

const SCENARIOS: Record<string, Record<string, string | string[]>> = {
  "first page": {},
  "user id prefix": { q: "uabc" },
  "email prefix": { q: "p12345." },
  "phone prefix": { q: "+1 200012" },
  "broad prefix (1 character)": { q: "p" },
  "attribute text": { q: "plan:enterprise" },
  "attribute number": { q: "seats:7" },
  "attribute list member": { q: "tags:vip" },
  "rare attribute": { q: "company:c42" },
  "has email + has phone": { has: ["email", "phone"] },
  "has push token": { has: "push" },
  "opted out": { optout: "1" },
  "created last 30 days": { created: "30" },
};

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a scratch database seeded with bench/contacts-list-seed.sql");
  const handle = openDb({ databaseUrl: url, pgliteDir: "memory://" });
  if (handle.kind !== "postgres") throw new Error("unreachable");
  setDbHandle(handle);
  // Every query runs twice: as EXPLAIN ANALYZE, whose plan is printed, then for real (the count's
  // result decides the list's plan).
  const pool = handle.pool as unknown as { query: (q: QueryConfig | string, v?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };
  const query = pool.query.bind(pool);
  let plans: string[] = [];
  pool.query = async (q, v) => {
    const text = typeof q === "string" ? q : q.text;
    const values = v ?? (typeof q === "string" ? undefined : q.values);
    const explained = await query({ text: `explain (analyze, buffers, costs off) ${text}`, values });
    plans.push(explained.rows.map((r) => String(r["QUERY PLAN"])).join("\n"));
    return query(q, v);
  };
  for (const [name, raw] of Object.entries(SCENARIOS)) {
    const p = parseContactListParams(raw);
    plans = [];
    const started = performance.now();
    await findContactsPage(WORKSPACE, p);
    // Timed with EXPLAIN's own runs included: an upper bound, about twice the real cost.
    console.info(`\n=== ${name} ${JSON.stringify(raw)}: ${Math.round(performance.now() - started)} ms in all\n${plans.join("\n---\n")}`);
  }
  await handle.close();
}

void main();
