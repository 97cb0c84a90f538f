// A Pinpoint export job's endpoint file imported into a fresh PostgreSQL database, at two sizes in
// one process: BENCH_SMALL_ENDPOINTS (default 100,000) first, the baseline, then BENCH_ENDPOINTS
// (default 1,000,000). Issue #19 asks that "a million-endpoint export imports with flat memory":
// the figure is the peak resident memory during each import, which must not grow with the file.
// Each user has two endpoints (an email and a phone; every tenth also an iPhone token).
// Run: npm run bench:pinpoint-endpoints
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { importEndpointFile } from "@/lib/pinpoint/import/import-endpoints";
import { readFolder } from "@/lib/pinpoint/import/read-export";
import { runOnBenchDb } from "./lib/run-on-bench-db";

const SMALL = Number(process.env.BENCH_SMALL_ENDPOINTS ?? 100_000);
const LARGE = Number(process.env.BENCH_ENDPOINTS ?? 1_000_000);
const ZONES = ["America/Los_Angeles", "Europe/Berlin", "Asia/Ho_Chi_Minh", "Asia/Shanghai"];
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

function endpointLine(n: number, prefix: string): string {
  const user = Math.floor(n / 2);
  const userId = `${prefix}-user-${user}`;
  const phone = n % 2 === 1;
  const ios = n % 20 === 19;
  return JSON.stringify({
    Id: `${prefix}-ep-${n}`,
    ChannelType: ios ? "APNS" : phone ? "SMS" : "EMAIL",
    Address: ios
      ? `apns-token-${prefix}-${n}-0123456789abcdef`
      : phone
        ? `+1415${String(5_000_000 + (n % 4_999_999)).padStart(7, "0")}`
        : `${prefix}.user${user}@example.com`,
    EndpointStatus: n % 97 === 0 ? "INACTIVE" : "ACTIVE",
    OptOut: n % 211 === 0 ? "ALL" : "NONE",
    CreationDate: "2025-01-01T00:00:00.000Z",
    EffectiveDate: "2025-06-01T00:00:00.000Z",
    Attributes: { Plan: [n % 3 === 0 ? "pro" : "free"], Interests: ["shoes", "hats"] },
    Metrics: { Visits: n % 17 },
    Demographic: { Timezone: ZONES[user % ZONES.length], Locale: "en_US", Platform: "iOS" },
    Location: { Country: "US", City: "Seattle" },
    User: { UserId: userId, UserAttributes: { FirstName: [`User${user}`] } },
  });
}

async function writeExport(dir: string, count: number, prefix: string) {
  const file = path.join(dir, "endpoints", "part-00000.ndjson");
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  for (let n = 0; n < count; n++)
    if (!out.write(`${endpointLine(n, prefix)}\n`)) await once(out, "drain");
  out.end();
  await once(out, "finish");
  return (await stat(file)).size;
}

async function importOnce(workspaceId: string, count: number, prefix: string) {
  const dir = await mkdtemp(path.join(tmpdir(), "waymark-endpoints-"));
  try {
    const bytes = await writeExport(dir, count, prefix);
    const source = await readFolder(dir);
    const file = source.files.find((f) => f.ndjson)!;
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    // Sampled, not measured per batch: the figure is what the process holds while it reads.
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const t0 = performance.now();
    const r = await importEndpointFile(workspaceId, file, { dryRun: false });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (r.refused || r.imported !== count)
      throw new Error(
        `imported ${r.imported} of ${count}: ${JSON.stringify(r.errors.slice(0, 3))}`,
      );
    console.info(
      `[bench] ${count.toLocaleString("en-US")} endpoints (${mb(bytes)} MB file): ${seconds.toFixed(0)} s, ${Math.round(count / seconds).toLocaleString("en-US")} endpoints/s; resident memory ${mb(base)} MB before, peak ${mb(peak)} MB (+${mb(peak - base)} MB)`,
    );
    return { seconds, peak, base };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

runOnBenchDb("waymark_bench_pinpoint_endpoints", async ({ pg }) => {
  const {
    rows: [ws],
  } = await pg.query<{ id: string }>(
    `insert into workspaces (name, slug, timezone) values ('Bench', 'bench', 'UTC') returning id`,
  );
  const small = await importOnce(ws!.id, SMALL, "s");
  const large = await importOnce(ws!.id, LARGE, "l");
  const {
    rows: [n],
  } = await pg.query<{ contacts: number }>(
    `select count(*)::int as contacts from contacts where workspace_id = $1`,
    [ws!.id],
  );
  console.info(
    `[bench] ${n!.contacts.toLocaleString("en-US")} contacts; peak growth ${mb(large.peak - large.base)} MB at ${LARGE.toLocaleString("en-US")} endpoints vs ${mb(small.peak - small.base)} MB at ${SMALL.toLocaleString("en-US")} (the baseline, same run)`,
  );
});
