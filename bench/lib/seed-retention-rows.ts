import type { Client } from "pg";
import { EXECUTOR_RETENTION_DAYS, RETENTION_DEFAULTS } from "@/lib/retention/retention-settings";

// Rows per generating statement: big enough to be fast, small enough to report progress.
const CHUNK = 250_000;

/**
 * What retention prunes, `rows` rows in all (generate_series, in chunks): finished executor runs
 * (a tenth of the rows) with five memoised steps each (a half) and one executor event each (a
 * tenth), rendered message bodies (a fifth, ~1.2 KB each, inline), and import error rows (a
 * tenth) with one stored chunk per import. Nine in ten of each are past their retention period
 * (the defaults: executor history 7 days, bodies 30, imports 7); the rest are recent, and one run
 * in twenty is still waiting, which retention must leave alone.
 */
export async function seedRetentionRows(
  pg: Client,
  workspaceId: string,
  rows: number,
  say: (line: string) => void,
) {
  const unit = Math.max(10, Math.floor(rows / 10));
  const perImport = Math.min(10_000, Math.max(100, Math.floor(unit / 20)));
  const imports = Math.ceil(unit / perImport);
  const bodyDays = RETENTION_DEFAULTS.messageBodyDays!;
  const importDays = RETENTION_DEFAULTS.importDays!;
  const exDays = EXECUTOR_RETENTION_DAYS;
  // Nine in ten expired (between 1 and 50 days past the period), the tenth well inside it.
  const age = (days: number, g = "g") =>
    `case when ${g} % 10 = 0 then now() - interval '1 hour' - (${g} % ${days - 1}) * interval '1 day'
          else now() - interval '${days + 1} days' - (${g} % 50) * interval '1 day' end`;

  const chunked = async (
    label: string,
    total: number,
    statement: (a: number, b: number) => string,
  ) => {
    const t0 = performance.now();
    for (let from = 1; from <= total; from += CHUNK) {
      await pg.query(statement(from, Math.min(total, from + CHUNK - 1)));
    }
    say(
      `seeded ${label}: ${total.toLocaleString("en")} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  };

  await chunked(
    "executor runs",
    unit,
    (a, b) =>
      `insert into executor_runs (id, function_id, event, status, ready_at, finished_at, created_at)
     select 'run-' || g, 'waymark-run-journey',
            jsonb_build_object('name', 'journey/contact.entered', 'data',
              jsonb_build_object('entryId', 'e' || g, 'contactId', 'c' || (g % 5000), 'journeyId', 'j1', 'version', 3)),
            case when g % 20 = 0 then 'waiting' else 'completed' end,
            t, case when g % 20 = 0 then null else t end, t
     from (select g, ${age(exDays)} as t from generate_series(${a}, ${b}) g) s`,
  );
  // Five steps a run, generated run by run so a chunk stays CHUNK / 5 runs.
  await chunked(
    "executor steps",
    unit * 5,
    (a, b) =>
      `insert into executor_steps (run_id, step_id, result)
     select 'run-' || ((g - 1) / 5 + 1), 'node:n' || ((g - 1) % 5),
            jsonb_build_object('data', jsonb_build_object('sent', true, 'messageId', md5(g::text), 'channel', 'email'))
     from generate_series(${a}, ${b}) g`,
  );
  await chunked(
    "executor events",
    unit,
    (a, b) =>
      `insert into executor_events (id, name, data, ts, received_at)
     select 'ev-' || g, 'waymark/event.ingested',
            jsonb_build_object('workspaceId', '${workspaceId}', 'contactId', 'c' || (g % 5000),
              'name', 'Order Completed', 'properties', jsonb_build_object('sku', 'sku-' || (g % 500), 'price', g % 200)),
            (extract(epoch from t) * 1000)::bigint, t
     from (select g, ${age(exDays)} as t from generate_series(${a}, ${b}) g) s`,
  );
  await chunked(
    "messages with rendered bodies",
    unit * 2,
    (a, b) =>
      `insert into messages (workspace_id, idempotency_key, channel, provider, origin, status, recipient, content, created_at, sent_at)
     select '${workspaceId}', 'bench-' || g, 'email', 'outbox',
            jsonb_build_object('kind', 'journey', 'journeyId', 'j1', 'nodeId', 'n1', 'runId', 'run-' || g),
            'sent', 'user' || (g % 5000) || '@example.com',
            jsonb_build_object('subject', 'Your order ' || g,
              'html', '<html><body><h1>Thanks</h1><p>' || repeat(md5(g::text), 28) || '</p></body></html>',
              'text', repeat(md5((g + 1)::text), 6)),
            t, t
     from (select g, ${age(bodyDays)} as t from generate_series(${a}, ${b}) g) s`,
  );
  await pg.query(
    `insert into contact_imports (id, workspace_id, file_name, file_bytes, delimiter, header, chunk_count,
       status, total_rows, validated_rows, processed_rows, imported_rows, failed_rows, created_at, started_at, finished_at)
     select md5('imp' || i)::uuid, '${workspaceId}', 'contacts-' || i || '.csv', 1000000, ',', '["email","name"]', 1,
            'completed', ${perImport * 2}, ${perImport * 2}, ${perImport * 2}, ${perImport}, ${perImport}, t, t, t
     from (select i, ${age(importDays, "i")} as t from generate_series(1, ${imports}) i) s;
     insert into contact_import_chunks (import_id, workspace_id, seq, data)
     select md5('imp' || i)::uuid, '${workspaceId}', 0, convert_to(repeat('email,name' || chr(10), 100), 'UTF8')
     from generate_series(1, ${imports}) i`,
  );
  await chunked(
    "import error rows",
    imports * perImport,
    (a, b) =>
      `insert into contact_import_errors (import_id, workspace_id, row_number, columns, message, values)
     select md5('imp' || ((g - 1) / ${perImport} + 1))::uuid, '${workspaceId}', (g - 1) % ${perImport} + 2,
            '["email"]', 'email: not a valid address', jsonb_build_array('not-an-email-' || g, 'Name ' || g)
     from generate_series(${a}, ${b}) g`,
  );
  const t0 = performance.now();
  // Old data has been vacuumed and analysed long before retention reaches it.
  for (const table of [
    "executor_runs",
    "executor_steps",
    "executor_events",
    "messages",
    "contact_imports",
    "contact_import_chunks",
    "contact_import_errors",
  ])
    await pg.query(`vacuum analyze ${table}`);
  say(`vacuum analyze: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const counts = async () => {
    const {
      rows: [c],
    } = await pg.query<Record<string, string>>(
      `select
        (select count(*) from executor_runs) + (select count(*) from executor_steps)
          + (select count(*) from executor_events) as executor,
        (select count(*) from executor_runs where finished_at < now() - interval '${exDays} days')
          + (select count(*) from executor_steps s join executor_runs r on r.id = s.run_id
             where r.finished_at < now() - interval '${exDays} days')
          + (select count(*) from executor_events where received_at < now() - interval '${exDays} days') as executor_expired,
        (select count(*) from messages where content is not null) as bodies,
        (select count(*) from messages where content is not null
           and created_at < now() - interval '${bodyDays} days') as bodies_expired,
        (select count(*) from contact_import_errors) + (select count(*) from contact_import_chunks) as imports,
        (select count(*) from contact_import_errors e join contact_imports i on i.id = e.import_id
           where i.finished_at < now() - interval '${importDays} days')
          + (select count(*) from contact_import_chunks c join contact_imports i on i.id = c.import_id
           where i.finished_at < now() - interval '${importDays} days') as imports_expired`,
    );
    const v = (k: string) => Number(c![k]);
    return {
      executor: v("executor"),
      executorExpired: v("executor_expired"),
      bodies: v("bodies"),
      bodiesExpired: v("bodies_expired"),
      imports: v("imports"),
      importsExpired: v("imports_expired"),
    };
  };
  const seeded = await counts();
  return {
    total: seeded.executor + seeded.bodies + seeded.imports,
    expired: seeded.executorExpired + seeded.bodiesExpired + seeded.importsExpired,
    describe: `executor runs ${unit.toLocaleString("en")}, steps ${(unit * 5).toLocaleString("en")}, events ${unit.toLocaleString("en")}; messages ${(unit * 2).toLocaleString("en")}; import error rows ${(imports * perImport).toLocaleString("en")} in ${imports} imports`,
    counts,
    /** Throws unless every expired row is gone and every other one is still there. */
    verify: async () => {
      const now = await counts();
      const want = {
        executor: seeded.executor - seeded.executorExpired,
        bodies: seeded.bodies - seeded.bodiesExpired,
        imports: seeded.imports - seeded.importsExpired,
      };
      const got = { executor: now.executor, bodies: now.bodies, imports: now.imports };
      if (JSON.stringify(want) !== JSON.stringify(got))
        throw new Error(`pruning left ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    },
  };
}
