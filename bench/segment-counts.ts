// Segment counts at 1M contacts / 10M events on real PostgreSQL: five realistic segments, each a
// real definition compiled by the app (compileSegmentCount + runSegmentCount, as the preview and
// the segments list count), beside the best hand-written SQL for the same segment in the same run.
// Both must agree on the count. BENCH_EXPLAIN=1 prints both plans, BENCH_ONLY=1,3 runs only those;
// BENCH_KEEP=1 keeps the seeded database (waymark_bench_segments) and reuses it on the next run.
import { loadavg } from "node:os";
import { Client } from "pg";
import { openDb, setDbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { SEGMENT_QUERY_SETTINGS, runSegmentCount } from "@/db/queries/segments";
import { compileSegmentCount } from "@/lib/segments/compile-segment";
import { ZSegmentDefinition } from "@/lib/segments/definition";
import { createSegment } from "@/lib/segments/save-segment";
import { interleavedMedians } from "./lib/median";
import { seedSegmentBench } from "./lib/seed-segment-bench";
import { SEGMENT_CASES } from "./lib/segment-cases";

const ANCHOR = new Date("2026-11-20T12:00:00Z");
const WS = "00000000-0000-0000-0000-00000000005a";
const OTHER = "00000000-0000-0000-0000-00000000005b";
const SEED_MARK = `waymark segment bench v3 at scale ${process.env.BENCH_SCALE ?? 1}`;
const RUNS = 7;
/** BENCH_SCALE=0.01 makes a quick 10,000-contact run to try the bench itself. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);

async function admin(serverUrl: string, f: (pg: Client) => Promise<unknown>) {
  const pg = new Client({ connectionString: serverUrl });
  await pg.connect();
  try {
    return await f(pg);
  } finally {
    await pg.end();
  }
}

/** `f` in a transaction under the settings the app's segment counts run with, as theirs do. */
async function underCountSettings<T>(pg: Client, f: () => Promise<T>): Promise<T> {
  await pg.query("begin");
  try {
    for (const s of SEGMENT_QUERY_SETTINGS) await pg.query(s);
    return await f();
  } finally {
    await pg.query("commit");
  }
}

async function main() {
  const server =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const keep = process.env.BENCH_KEEP === "1";
  const name = "waymark_bench_segments";
  const url = new URL(server);
  url.pathname = `/${name}`;
  const seeded =
    keep &&
    (await admin(
      server,
      async (pg) =>
        (
          await pg.query(
            `select shobj_description(oid, 'pg_database') as mark from pg_database where datname = $1`,
            [name],
          )
        ).rows[0]?.mark === SEED_MARK,
    ));
  if (!seeded) {
    await admin(server, async (pg) => {
      await pg.query(`drop database if exists ${name} with (force)`);
      await pg.query(`create database ${name}`);
    });
  }
  const handle = openDb({ databaseUrl: url.toString(), pgliteDir: "memory://" });
  const pg = new Client({ connectionString: url.toString() });
  pg.on("error", () => undefined); // dropping the database at the end ends this connection
  try {
    await migrateDb(handle);
    setDbHandle(handle);
    await pg.connect();
    if (seeded) console.info(`[bench] reusing the seeded ${name}`);
    else {
      const t0 = performance.now();
      await seedSegmentBench(pg, {
        anchor: ANCHOR,
        workspaces: [
          {
            id: WS,
            prefix: "a",
            contacts: Math.round(1_000_000 * SCALE),
            events: Math.round(10_000_000 * SCALE),
          },
          // A second tenant with the same shapes: nothing of it may count in the first.
          {
            id: OTHER,
            prefix: "b",
            contacts: Math.round(20_000 * SCALE),
            events: Math.round(200_000 * SCALE),
          },
        ],
      });
      await admin(server, (a) => a.query(`comment on database ${name} is '${SEED_MARK}'`));
      console.info(`[bench] seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    const sizes = (
      await pg.query<{ contacts: string; events: string }>(
        `select (select count(*) from contacts where workspace_id = $1) as contacts, (select count(*) from events where workspace_id = $1) as events`,
        [WS],
      )
    ).rows[0]!;
    console.info(
      `[bench] workspace: ${Number(sizes.contacts).toLocaleString("en")} contacts, ${Number(sizes.events).toLocaleString("en")} events`,
    );

    // Segment 5 refers to a saved segment, so the compiler resolves it as the app does.
    const saved = new Map<string, string>();
    const existing = (
      await pg.query<{ id: string; name: string }>(
        `select id, name from segments where workspace_id = $1`,
        [WS],
      )
    ).rows;
    for (const c of SEGMENT_CASES) {
      for (const [key, def] of Object.entries(c.saves ?? {})) {
        const found = existing.find((s) => s.name === key);
        saved.set(
          key,
          found?.id ??
            (
              await createSegment(
                WS,
                null,
                {
                  name: key,
                  description: "",
                  type: "dynamic",
                  definition: ZSegmentDefinition.parse(def),
                },
                ANCHOR,
              )
            ).id,
        );
      }
    }

    const results: { name: string; count: number; app: number; hand: number }[] = [];
    // BENCH_ONLY=2,4 runs only those segments (1-based), e.g. with BENCH_EXPLAIN.
    const only = process.env.BENCH_ONLY?.split(",").map(Number);
    for (const [i, c] of SEGMENT_CASES.entries()) {
      if (only && !only.includes(i + 1)) continue;
      const definition = ZSegmentDefinition.parse(c.definition(saved));
      const appCount = async () =>
        runSegmentCount(await compileSegmentCount(WS, definition, { now: ANCHOR }));
      const handParams = c.hand.includes("$2") ? [WS, ANCHOR.toISOString()] : [WS];
      const handCount = async () =>
        underCountSettings(pg, async () =>
          Number((await pg.query<{ n: string }>(c.hand, handParams)).rows[0]!.n),
        );
      const [a, h] = [await appCount(), await handCount()]; // also the warm-up
      if (a !== h)
        throw new Error(
          `segment "${c.name}": the compiled query counts ${a}, the hand-written one ${h}`,
        );
      if (process.env.BENCH_EXPLAIN) {
        const { dialect } = await import("drizzle-orm/pg-core").then((m) => ({
          dialect: new m.PgDialect(),
        }));
        const q = dialect.sqlToQuery(await compileSegmentCount(WS, definition, { now: ANCHOR }));
        const explain = async (text: string, values: unknown[]) =>
          underCountSettings(pg, async () =>
            (await pg.query({ text: `explain (analyze, costs off, buffers) ${text}`, values })).rows
              .map((r: Record<string, unknown>) => String(r["QUERY PLAN"]))
              .join("\n"),
          );
        console.info(`\n== ${c.name}: compiled\n${await explain(q.sql, q.params)}`);
        console.info(`== ${c.name}: hand-written\n${await explain(c.hand, handParams)}`);
      }
      const [app, hand] = await interleavedMedians(RUNS, [appCount, handCount]);
      results.push({ name: c.name, count: a, app: app!, hand: hand! });
    }

    console.info(
      `\nsegment counts: median of ${RUNS} runs after a warm-up, compiled and hand SQL in turn, ${Number(sizes.contacts).toLocaleString("en")} contacts / ${Number(sizes.events).toLocaleString("en")} events`,
    );
    console.info(
      `  ${"segment".padEnd(58)} ${"count".padStart(8)} ${"compiled".padStart(10)} ${"hand SQL".padStart(10)} ${"ratio".padStart(7)}`,
    );
    for (const r of results) {
      console.info(
        `  ${r.name.padEnd(58)} ${r.count.toLocaleString("en").padStart(8)} ${(r.app.toFixed(1) + "ms").padStart(10)} ${(r.hand.toFixed(1) + "ms").padStart(10)} ${((r.app / r.hand).toFixed(2) + "×").padStart(7)}`,
      );
    }
    // Other processes on the machine slow both sides; the load says how far to trust the times.
    console.info(`  load average (1 min) at the end: ${loadavg()[0]!.toFixed(1)}`);
    const missed = results.filter((r) => r.app >= 1000 || r.app > 1.5 * r.hand);
    console.info(
      missed.length
        ? `  goal (< 1 s and ≤ 1.5× hand SQL) missed by: ${missed.map((r) => r.name).join("; ")}`
        : "  every segment under 1 s and within 1.5× of the hand-written SQL",
    );
  } finally {
    await pg.end().catch(() => undefined);
    await handle.close();
    if (!keep) await admin(server, (a) => a.query(`drop database if exists ${name} with (force)`));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
