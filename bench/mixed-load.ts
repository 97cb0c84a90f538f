// Mixed traffic against the standalone server (what the image runs) on real PostgreSQL, driven by
// autocannon: ingestion batches from many connections, page and API reads as a signed-in user,
// template and segment previews, and a campaign sending to 20,000 contacts, all at once. Printed
// beside a baseline measured in the same run: each read alone (no ingestion), and ingestion alone.
// Goal (issue 16): no 5xx; p99 of page reads < 500 ms while ingesting ≥ 10,000 events/s.
// Run: npm run bench:load (BENCH_SECONDS=120 the mixed phase, BENCH_PROFILE=1 a CPU profile).
import os from "node:os";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { openDb, setDbHandle } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { migrateDb } from "@/db/migrate";
import { insertUser } from "@/db/queries/users";
import { insertMembership } from "@/db/queries/workspaces";
import { makeTenant } from "@/db/testing/fixtures";
import { setEventSink } from "@/inngest/emit-events";
import { hashPassword } from "@/lib/auth/password";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { emailContent } from "@/lib/campaigns/testing/campaign-fixtures";
import {
  createTemplate,
  publishTemplate,
  saveTemplateDraft,
} from "@/lib/templates/manage-templates";
import { createBenchDatabase } from "./lib/bench-db";
import { newestMainThreadProfile, startStandalone } from "./lib/standalone-server";
import { summariseProfile } from "./lib/summarise-profile";

const PORT = Number(process.env.BENCH_PORT ?? 3291);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? 30);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const INGEST_CONNECTIONS = Number(process.env.BENCH_INGEST_CONNECTIONS ?? 8);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 20_000);
const PROFILE = process.env.BENCH_PROFILE === "1";
const PASSWORD = "bench load password 2026";
// Previews are limited to 120 a minute per person: the preview clients take turns among these.
const PREVIEW_USERS = 24;

type TTarget = {
  name: string;
  kind: "ingest" | "page" | "api" | "preview";
  method: "GET" | "POST";
  path: string;
  body?: () => string;
  /** Cookie (or key) per request; previews rotate through several people. */
  auth: () => Record<string, string>;
};
type TResult = {
  rps: number;
  p50: number;
  p99: number;
  codes: Record<string, number>;
  errors: number;
};

async function signIn(base: string, email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD }).toString(),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return session;
}

let ingested = 0;
function batchBody(): string {
  const now = new Date().toISOString();
  const parts: string[] = [];
  for (let i = 0; i < BATCH; i++) {
    const n = ingested++;
    parts.push(
      `{"type":"track","userId":"user-${n % CONTACTS}","event":"Product Viewed","messageId":"load-${n}","timestamp":"${now}","properties":{"sku":"sku-${n % 500}"}}`,
    );
  }
  return `{"batch":[${parts.join(",")}]}`;
}

function run(base: string, t: TTarget, seconds: number, connections: number): Promise<TResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: t.method,
            path: t.path,
            setupRequest: (req) => ({
              ...req,
              headers: {
                ...(t.body ? { "content-type": "application/json" } : {}),
                ...t.auth(),
              },
              ...(t.body ? { body: t.body() } : {}),
            }),
          },
        ],
      },
      (err, r) => {
        if (err) return reject(err);
        const codes: Record<string, number> = {};
        for (const [code, s] of Object.entries(r.statusCodeStats ?? {}))
          codes[code] = (s as { count: number }).count;
        resolve({
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          codes,
          errors: r.errors + r.timeouts,
        });
      },
    );
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString("en");
const codesOf = (r: TResult) =>
  Object.entries(r.codes)
    .map(([c, n]) => `${c}×${n}`)
    .join(" ") + (r.errors ? ` errors×${r.errors}` : "");

async function main() {
  setEventSink(null);
  const bench = await createBenchDatabase("waymark_bench_load");
  const handle = openDb({ databaseUrl: bench.url, pgliteDir: "memory://" });
  await migrateDb(handle);
  setDbHandle(handle);
  const tenant = await makeTenant("Load");
  const ws = tenant.workspace;
  const passwordHash = await hashPassword(PASSWORD);
  await executeRows(
    sql`update users set password_hash = ${passwordHash} where id = ${tenant.user.id}`,
  );
  const people = [tenant.user.email];
  for (let i = 0; i < PREVIEW_USERS; i++) {
    const u = await insertUser({ email: `load-${i}@example.com`, name: `Load ${i}`, passwordHash });
    await insertMembership({ workspaceId: ws.id, userId: u.id, role: "marketer" });
    people.push(u.email);
  }
  await executeRows(sql`insert into contacts (workspace_id, external_id, email, attributes)
    select ${ws.id}, 'user-' || g, 'user-' || g || '@example.com',
      jsonb_build_object('plan', case when g % 3 = 0 then 'pro' else 'free' end, 'firstName', 'C' || g)
    from generate_series(0, ${CONTACTS - 1}) g`);
  await executeRows(sql`analyze contacts`);
  const template = await createTemplate(ws.id, tenant.user.id, { name: "Load", channel: "email" });
  await saveTemplateDraft(ws.id, template.id, {
    content: emailContent("Hi {{ contact.firstName }}"),
  });
  await publishTemplate(ws.id, template.id, tenant.user.id);
  const campaign = await createCampaign(ws.id, tenant.user.id, {
    name: "Load campaign",
    audience: { kind: "everyone" },
    channel: "email",
    treatments: [{ label: "A", templateId: template.id, templateVersion: 1, percent: 100 }],
    holdoutPercent: 0,
    schedule: { kind: "now" },
    limits: { messagesPerSecond: 2_000, maxDurationMinutes: 60 },
  } as never);

  const profileDir = ".data/bench-load-profile";
  const server = await startStandalone(
    PORT,
    { DATABASE_URL: bench.url, AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0001" },
    PROFILE ? { cpuProfileDir: profileDir } : {},
  );
  try {
    const cookies: string[] = [];
    for (const email of people) cookies.push(await signIn(server.base, email));
    const admin = () => ({ cookie: cookies[0]! });
    let turn = 0;
    const rotating = () => ({ cookie: cookies[1 + (turn++ % PREVIEW_USERS)]! });
    const key = () => ({ authorization: `Bearer ${tenant.key}` });
    const w = `/w/${ws.slug}`;
    const api = `/api/w/${ws.slug}`;
    const ingest: TTarget = {
      name: `POST /api/v1/batch (${BATCH} events)`,
      kind: "ingest",
      method: "POST",
      path: "/api/v1/batch",
      body: batchBody,
      auth: key,
    };
    const reads: TTarget[] = [
      {
        name: `GET ${w}/contacts`,
        kind: "page",
        method: "GET",
        path: `${w}/contacts`,
        auth: admin,
      },
      {
        name: `GET ${w}/dashboards`,
        kind: "page",
        method: "GET",
        path: `${w}/dashboards`,
        auth: admin,
      },
      {
        name: `GET ${w}/journeys`,
        kind: "page",
        method: "GET",
        path: `${w}/journeys`,
        auth: admin,
      },
      {
        name: `GET ${w}/campaigns`,
        kind: "page",
        method: "GET",
        path: `${w}/campaigns`,
        auth: admin,
      },
      {
        name: `GET ${w}/messages`,
        kind: "page",
        method: "GET",
        path: `${w}/messages`,
        auth: admin,
      },
      {
        name: `GET ${api}/contacts/search`,
        kind: "api",
        method: "GET",
        path: `${api}/contacts/search?q=user-12`,
        auth: admin,
      },
      {
        name: `GET ${api}/segments`,
        kind: "api",
        method: "GET",
        path: `${api}/segments`,
        auth: admin,
      },
      { name: "GET /api/v1/me", kind: "api", method: "GET", path: "/api/v1/me", auth: key },
      {
        name: `POST ${api}/templates/preview`,
        kind: "preview",
        method: "POST",
        path: `${api}/templates/preview`,
        body: () =>
          JSON.stringify({
            content: emailContent("Hello {{ contact.firstName | default: 'there' }}"),
            context: { contact: { firstName: "Ada" } },
          }),
        auth: rotating,
      },
      {
        name: `POST ${api}/segments/preview`,
        kind: "preview",
        method: "POST",
        path: `${api}/segments/preview`,
        body: () =>
          JSON.stringify({
            definition: {
              kind: "group",
              match: "all",
              conditions: [
                { kind: "attribute", key: "plan", type: "string", op: "equals", value: "pro" },
              ],
            },
          }),
        auth: rotating,
      },
    ];
    // Warm-up: every route compiled and answering 200 before any clock starts.
    for (const t of [ingest, ...reads]) {
      const res = await fetch(server.base + t.path, {
        method: t.method,
        headers: { ...(t.body ? { "content-type": "application/json" } : {}), ...t.auth() },
        body: t.body?.(),
        redirect: "manual",
      });
      if (res.status !== 200)
        throw new Error(`warm-up ${t.name}: ${res.status} ${await res.text()}`);
    }
    console.info(
      `[bench] load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );

    console.info(`[bench] baseline: reads alone, ${BASELINE_SECONDS} s`);
    const base = await Promise.all(reads.map((t) => run(server.base, t, BASELINE_SECONDS, 1)));
    console.info(`[bench] baseline: ingestion alone, ${BASELINE_SECONDS} s`);
    const baseIngest = await run(server.base, ingest, BASELINE_SECONDS, INGEST_CONNECTIONS);

    console.info(`[bench] mixed: everything at once with a campaign sending, ${SECONDS} s`);
    const launch = await fetch(`${server.base}${api}/campaigns/${campaign.id}/launch`, {
      method: "POST",
      headers: { ...admin(), "content-type": "application/json" },
      body: "{}",
    });
    if (launch.status !== 201) throw new Error(`launch: ${launch.status} ${await launch.text()}`);
    const [mixIngest, ...mix] = await Promise.all([
      run(server.base, ingest, SECONDS, INGEST_CONNECTIONS),
      ...reads.map((t) => run(server.base, t, SECONDS, 1)),
    ]);
    const deliveries = await executeRows<{ status: string; n: number }>(
      sql`select d.status, count(*)::int as n from campaign_deliveries d
        join campaign_runs r on r.id = d.run_id where r.campaign_id = ${campaign.id} group by 1`,
    );
    const [stored] = await executeRows<{ n: number }>(
      sql`select count(*)::int as n from events where workspace_id = ${ws.id}`,
    );

    console.info(
      `\n[bench] load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    console.info(
      "| Route | Baseline req/s | p50 / p99 ms | Mixed req/s | p50 / p99 ms | Answers (mixed) |",
    );
    console.info("| --- | ---: | ---: | ---: | ---: | --- |");
    const row = (t: TTarget, b: TResult, m: TResult) =>
      console.info(
        `| ${t.name} | ${b.rps.toFixed(1)} | ${b.p50} / ${b.p99} | ${m.rps.toFixed(1)} | ${m.p50} / ${m.p99} | ${codesOf(m)} |`,
      );
    row(ingest, baseIngest, mixIngest);
    reads.forEach((t, i) => row(t, base[i]!, mix[i]!));
    const events = (r: TResult) => r.rps * BATCH;
    const pageP99 = Math.max(...reads.map((t, i) => (t.kind === "page" ? mix[i]!.p99 : 0)));
    const all = [mixIngest, ...mix, baseIngest, ...base];
    const fivexx = all.reduce(
      (s, r) => s + Object.entries(r.codes).reduce((a, [c, n]) => a + (c >= "500" ? n : 0), 0),
      0,
    );
    console.info(
      `\n[bench] ingestion: ${fmt(events(baseIngest))} events/s alone, ${fmt(events(mixIngest))} events/s mixed; ${fmt(stored!.n)} events stored in all`,
    );
    console.info(
      `[bench] campaign to ${fmt(CONTACTS)} contacts, deliveries by the end of the mixed phase: ${deliveries.map((d) => `${d.status} ${fmt(d.n)}`).join(", ") || "none yet"}`,
    );
    console.info(
      `[bench] 5xx: ${fivexx}; page p99 under load ${pageP99} ms (goal < 500); ingest under load ${fmt(events(mixIngest))} events/s (goal ≥ 10,000)`,
    );
  } finally {
    await server.stop();
    await handle.close?.();
    await bench.drop();
  }
  const profile = PROFILE ? newestMainThreadProfile(profileDir) : null;
  if (profile) {
    const s = summariseProfile(profile);
    console.info(
      `\n[bench] server CPU profile (${profile}): ${s.seconds.toFixed(0)} s, busy ${(s.busyShare * 100).toFixed(0)} %`,
    );
    for (const a of s.areas) console.info(`  ${(a.share * 100).toFixed(1)} %  ${a.what}`);
    console.info("  top functions (self time):");
    for (const f of s.functions.slice(0, 10))
      console.info(`  ${(f.share * 100).toFixed(1)} %  ${f.what}`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
