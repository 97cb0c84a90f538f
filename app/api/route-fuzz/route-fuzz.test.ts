import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { insertUser } from "@/db/queries/users";
import { insertMembership } from "@/db/queries/workspaces";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { changedTables, installWriteTally, tallyWrites } from "@/db/testing/write-tally";
import { WORKSPACE_MUTATIONS } from "@/e2e/mutation-routes";
import { seededRandom } from "@/lib/random/seeded-random";
import { BAD_SEGMENTS, fuzzBody, fuzzQuery, pick, type TRandom } from "./fuzz-bodies";

/**
 * Every route under app/api, app/t and app/u, called in-process with thousands of seeded hostile
 * bodies, query strings and path segments, as a signed-in admin or with a secret key. Holds:
 * never a 5xx; a 400 names the field (`error.fields`); a refused request writes nothing (every
 * table but the rate-limit counters is compared before and after). FUZZ_BODIES raises the total
 * (default 10,000; `npm run bench:fuzz` runs 100,000); FUZZ_SEED picks another sequence;
 * FUZZ_ROUTES narrows it to the routes a regular expression matches.
 */
const TOTAL = Number(process.env.FUZZ_BODIES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
/** A regular expression over "METHOD /pattern": fuzz only the routes it matches (while fixing one). */
const ONLY = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : null;

// The session is the one thing not exercised: the real withWorkspace/withUser checks run with
// the user set here (an admin, replaced every few calls so per-user rate limits never answer).
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string },
}));
vi.mock("@/app/_server/auth", () => ({ currentUser: async () => session.user }));

const appDir = path.join(import.meta.dirname, "..", "..");
type TMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type TTarget = { method: TMethod; pattern: string; file: string };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? routeFiles(path.join(dir, e.name))
      : e.name === "route.ts"
        ? [path.join(dir, e.name)]
        : [],
  );
}

/** Every method of every route file, read the way app/api/route-inventory.test.ts reads them. */
const targets: TTarget[] = ["api", "t", "u"]
  .flatMap((d) => routeFiles(path.join(appDir, d)))
  .flatMap((file) => {
    const src = readFileSync(file, "utf8");
    const methods = [
      ...src.matchAll(
        /export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b|export const \{ ([A-Z, ]+) \}/g,
      ),
    ].flatMap((m) => (m[1] ? [m[1]] : m[2]!.split(",").map((s) => s.trim())));
    const pattern = "/" + path.relative(appDir, path.dirname(file)).split(path.sep).join("/");
    return methods.map((method) => ({ method: method as TMethod, pattern, file }));
  });

/** The only routes left out, and why. */
const NOT_FUZZED: Record<string, string> = {
  "PUT /api/inngest":
    "Inngest's sync: the SDK registers the app with the executor (an outbound call; no executor runs here) and owns its answer",
  "GET /api/auth/[...nextauth]": "Auth.js's own handler (sign-in is covered by e2e/auth.spec.ts)",
  "POST /api/auth/[...nextauth]": "Auth.js's own handler (sign-in is covered by e2e/auth.spec.ts)",
};

/** A body that passes validation, per route; mutations of it reach the deeper checks. */
const VALID_BODIES: Record<string, unknown> = {
  ...Object.fromEntries(WORKSPACE_MUTATIONS.map((m) => [`${m.method} ${m.path}`, m.body])),
  "POST /api/w/[workspace]/segments/preview": {
    definition: { kind: "group", match: "all", conditions: [{ kind: "device", platform: "ios" }] },
  },
  "POST /api/w/[workspace]/templates/preview": {
    content: { channel: "sms", body: "Hi {{ contact.firstName | default: 'there' }}" },
    context: { contact: { firstName: "Ada" } },
  },
  "POST /api/w/[workspace]/journeys/[journeyId]/simulate": { attributes: { plan: "pro" } },
  "POST /api/signup": {
    name: "Fuzz Person",
    email: "fuzz-signup@example.com",
    password: "a long enough passphrase 42",
    workspaceName: "Fuzz",
  },
  "POST /api/workspaces": { name: "Fuzzed workspace", timezone: "UTC" },
  "PUT /api/account/locale": { locale: "vi" },
  "POST /api/invites/accept": { token: "0123456789abcdef0123456789abcdef" },
  "POST /api/v1/journeys/[journeyId]/entries": { userId: "u-1", key: "k" },
  "POST /api/v1/inapp/token": { userId: "u-1", ttlSeconds: 3600 },
  "POST /api/v1/messages": {
    channel: "sms",
    content: { body: "Order {{ context.order }} shipped" },
    context: { order: "A-1" },
    recipients: [
      { userId: "u-1", context: { order: "B-2" }, overrides: { body: "Hi {{ context.order }}" } },
      { phone: "+14155550100" },
    ],
    idempotencyKey: "fuzz-1",
  },
  "POST /api/v1/otp": {
    channel: "sms",
    destination: "+14155550101",
    brandName: "Fuzz",
    codeLength: 6,
    validityMinutes: 5,
    allowedAttempts: 3,
    referenceId: "login",
  },
  "POST /api/v1/otp/verify": { destination: "+14155550101", referenceId: "login", otp: "123456" },
  "POST /api/local-inngest/e/[key]": [{ name: "app/fuzz", data: {} }],
  "POST /api/test/sql": { sql: "select 1" },
  "POST /api/test/clock": { advanceMs: 1000 },
};
const INGEST_BODIES: Record<string, unknown> = {
  identify: { userId: "u-1", traits: { plan: "pro" } },
  track: { userId: "u-1", event: "Fuzzed", properties: { a: 1 } },
  page: { userId: "u-1", name: "Home" },
  screen: { anonymousId: "a-1", name: "Home" },
  alias: { previousId: "anon-1", userId: "u-1" },
  batch: { batch: [{ type: "track", userId: "u-1", event: "Fuzzed" }] },
};
/** Sign-up hashes a password (~0.3 s) for every body that passes: it gets a small share. */
const SHARE: Record<string, number> = { "POST /api/signup": 0.1 };

let close: () => Promise<void>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  ({ close } = await useTestDb());
  tenant = await makeTenant("Fuzz");
  // Test instrumentation: a row trigger on every table but the rate-limit counters tallies the
  // rows each statement really changes (a rolled-back write rolls its tally back too), so "a
  // refused request wrote nothing" is one cheap read per call. A key's last-use time is not data.
  await installWriteTally(["throttles"]);
}, 300_000);
afterAll(() => close());

let usersMade = 0;
async function freshAdmin() {
  const user = await insertUser({
    email: `fuzz-admin-${usersMade++}@example.com`,
    name: "Fuzz Admin",
    passwordHash: "x",
  });
  await insertMembership({ workspaceId: tenant.workspace.id, userId: user.id, role: "admin" });
  session.user = { id: user.id, email: user.email, name: user.name };
}

const one = async (query: ReturnType<typeof sql>) =>
  ((await executeRows<{ id: string }>(query))[0]?.id ?? "missing") as string;

/** A real value for each bracket, made fresh (DELETE routes use theirs up). */
async function paramValue(name: string, pattern: string, r: TRandom): Promise<string> {
  const ws = tenant.workspace.id;
  switch (name) {
    case "workspace":
      return tenant.workspace.slug;
    case "workspaceId":
      return ws;
    case "userId":
      if (pattern.startsWith("/api/v1/")) return "u-1";
      return one(sql`select user_id as id from memberships where workspace_id = ${ws}
        and role <> 'admin' order by user_id limit 1`);
    case "contactId":
      return one(sql`insert into contacts (workspace_id, external_id, attributes)
        values (${ws}, 'fuzz-contact', '{"plan":"free"}')
        on conflict (workspace_id, external_id) where external_id is not null
        do update set external_id = excluded.external_id returning id`);
    case "segmentId":
      return one(sql`insert into segments (workspace_id, name, type, definition)
        values (${ws}, 'Fuzz ' || md5(random()::text), 'dynamic',
        '{"kind":"group","match":"all","conditions":[{"kind":"device","platform":"ios"}]}') returning id`);
    case "templateId":
      return one(sql`insert into templates (workspace_id, name, channel, draft)
        values (${ws}, 'Fuzz ' || md5(random()::text), 'sms', '{"channel":"sms","body":"Hi"}') returning id`);
    case "journeyId":
      return one(sql`insert into journeys (workspace_id, name, draft_graph)
        values (${ws}, 'Fuzz ' || md5(random()::text), '{"nodes":[],"edges":[]}') returning id`);
    case "campaignId":
      return one(sql`insert into campaigns (workspace_id, name, channel)
        values (${ws}, 'Fuzz ' || md5(random()::text), 'sms') returning id`);
    case "inviteId":
      return one(sql`insert into invites (workspace_id, email, role, token_hash, expires_at)
        values (${ws}, 'fuzz-invitee@example.com', 'analyst', md5(random()::text), now() + interval '1 day') returning id`);
    case "keyId":
      return one(sql`select id from api_keys where workspace_id = ${ws} and id <> ${tenant.apiKeyId}
        and revoked_at is null limit 1`);
    case "suppressionId":
      return one(sql`insert into suppressions (workspace_id, channel, address, reason, source)
        values (${ws}, 'email', 'fuzz-' || md5(random()::text) || '@example.com', 'manual', 'manual') returning id`);
    case "endpoint":
      return pick(r, ["sns", "sendgrid", "postmark", "mailgun", "resend", "dsn", "nope"]);
    case "importId":
      return one(sql`insert into contact_imports (workspace_id, file_name, file_bytes, delimiter, header, chunk_count)
        values (${ws}, 'fuzz.csv', 0, ',', '["user_id"]'::jsonb, 0) returning id`);
    case "entryId":
      return one(sql`with j as (insert into journeys (workspace_id, name, draft_graph)
          values (${ws}, 'Fuzz runs ' || md5(random()::text), '{"nodes":[],"edges":[]}') returning id),
        c as (select id from contacts where workspace_id = ${ws} limit 1)
        insert into journey_entries (workspace_id, journey_id, version, contact_id, trigger_key, status, current_node_id)
        select ${ws}, j.id, 1, c.id, 'fuzz-' || md5(random()::text), 'active', 'n1' from j, c returning id`);
    case "action":
      return pattern.includes("/inapp/")
        ? pick(r, ["seen", "dismissed"])
        : pattern.includes("/campaigns/")
          ? pick(r, ["launch", "pause", "resume", "cancel"])
          : pick(r, ["pause", "resume", "stop"]);
    case "kind":
      return pick(r, ["webhook", "smtp", "twilio", "fcm", "apns", "sms", "email"]);
    case "dataset":
      return pick(r, ["overview-totals.csv", "journey-funnel.csv", "segment-sizes.csv"]);
    case "version":
      return "1";
    case "call":
      return pick(r, Object.keys(INGEST_BODIES));
    case "...nextauth":
      return "session";
    default:
      // runId, messageId, token, key: ids of nothing, or tokens nobody signed.
      return pick(r, [crypto.randomUUID(), "wm_fuzz_token", "eyJhbGciOi.fake.token"]);
  }
}

/**
 * A 400 names what is wrong: `error.fields` with a path per field, or, for a journey graph that
 * cannot run, `error.errors` with the defect and the nodes that have it (the canvas marks them).
 */
function namesWhatIsWrong(text: string): boolean {
  let error: { code?: string; fields?: unknown; errors?: unknown } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error;
  } catch {
    return false;
  }
  if (error?.code === "invalid_graph")
    return (
      Array.isArray(error.errors) &&
      error.errors.length > 0 &&
      error.errors.every(
        (e: { code?: string; nodeIds?: unknown }) => e.code && Array.isArray(e.nodeIds),
      )
    );
  const fields = error?.fields;
  return (
    !!fields &&
    typeof fields === "object" &&
    Object.keys(fields).length > 0 &&
    Object.keys(fields).every((f) => f.length > 0)
  );
}

type TFailure = { call: string; body: string; status: number; problem: string };

describe("every route under hostile input", () => {
  it(`answers ${TOTAL} seeded bodies without a 5xx, names the field of every 400 and writes nothing it refused`, async () => {
    const fuzzed = targets.filter(
      (t) =>
        !(`${t.method} ${t.pattern}` in NOT_FUZZED) &&
        (!ONLY || ONLY.test(`${t.method} ${t.pattern}`)),
    );
    expect(fuzzed.length).toBeGreaterThan(ONLY ? 0 : 60);
    for (const key of Object.keys(NOT_FUZZED))
      expect(
        targets.some((t) => `${t.method} ${t.pattern}` === key),
        `${key} is no longer a route`,
      ).toBe(true);
    const weights = fuzzed.map((t) => SHARE[`${t.method} ${t.pattern}`] ?? 1);
    const unit = TOTAL / weights.reduce((a, b) => a + b, 0);

    const r = seededRandom(SEED);
    const failures: TFailure[] = [];
    const statuses = new Map<number, number>();
    let calls = 0;
    let before = new Map<string, number>();
    const spent = new Map<string, number>();
    await freshAdmin();

    for (const [i, target] of fuzzed.entries()) {
      const { GET, POST, PUT, PATCH, DELETE } = (await import(target.file)) as Record<
        TMethod,
        (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>
      >;
      const handler = { GET, POST, PUT, PATCH, DELETE }[target.method];
      const n = Math.max(1, Math.ceil(unit * weights[i]!));
      const names = [...target.pattern.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
      const routeKey = `${target.method} ${target.pattern}`;
      let params: Record<string, string> = {};
      for (let k = 0; k < n; k++) {
        if (k % 25 === 0) {
          params = {};
          for (const name of names) params[name] = await paramValue(name, target.pattern, r);
        }
        // Per-user limits (previews, invites) never answer: a new admin every few calls.
        if (calls % 40 === 0) await freshAdmin();
        // The tally after the last call serves as this one's "before", unless setup wrote since.
        if (k % 25 === 0 || calls % 40 === 0) before = await tallyWrites();
        calls++;
        const callParams = { ...params };
        if (names.length && r() < 0.1) callParams[pick(r, names)] = pick(r, BAD_SEGMENTS);
        if (names.includes("call")) callParams.call = pick(r, Object.keys(INGEST_BODIES));
        const valid = names.includes("call")
          ? INGEST_BODIES[callParams.call!]
          : VALID_BODIES[routeKey];
        const body = target.method === "GET" ? undefined : fuzzBody(r, valid);
        const concrete = target.pattern.replace(/\[([^\]]+)\]/g, (_, p: string) =>
          encodeURIComponent(callParams[p]!),
        );
        let query = fuzzQuery(r);
        if (target.pattern.startsWith("/api/v1/inapp/messages"))
          query = `?userId=u-1${query ? `&${query.slice(1)}` : ""}`;
        const headers: Record<string, string> = {
          "content-type": r() < 0.95 ? "application/json" : pick(r, ["text/plain", "", "x/y"]),
          // A new client address each call, so per-IP limits never answer either.
          "x-forwarded-for": `10.${calls >> 16}.${(calls >> 8) & 255}.${calls & 255}`,
        };
        if (target.pattern.startsWith("/api/v1/")) headers.authorization = `Bearer ${tenant.key}`;
        const req = new NextRequest(`http://127.0.0.1${concrete}${query}`, {
          method: target.method,
          headers,
          body,
        });
        const call = `${target.method} ${concrete}${query}`;
        const callStarted = performance.now();
        let status: number;
        let text: string;
        let html = false;
        try {
          const res = await handler(req, { params: Promise.resolve(callParams) });
          status = res.status;
          text = await res.text();
          html = (res.headers.get("content-type") ?? "").startsWith("text/html");
        } catch (err) {
          status = 599;
          text = `threw: ${err instanceof Error ? err.stack : String(err)}`;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const fail = (problem: string) =>
          failures.push({ call, body: (body ?? "").slice(0, 300), status, problem });
        if (status >= 500) fail(`answered ${status}: ${text.slice(0, 300)}`);
        // Pages behind message links (/t, /u) answer people, in HTML: "Link not valid".
        if (status === 400 && !(html ? /not valid/i.test(text) : namesWhatIsWrong(text)))
          fail(`a 400 without the field named: ${text.slice(0, 300)}`);
        const after = await tallyWrites();
        if (status >= 400) {
          const changed = changedTables(before, after);
          if (changed.length) fail(`refused (${status}) but wrote to ${changed.join(", ")}`);
        }
        before = after;
        spent.set(routeKey, (spent.get(routeKey) ?? 0) + performance.now() - callStarted);
        if (failures.length >= 25) break;
      }
      if (failures.length >= 25) break;
    }
    console.info(
      `route fuzz: ${calls} calls over ${fuzzed.length} route methods (seed ${SEED}); statuses`,
      Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
    );
    const slowest = [...spent].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.info(
      "route fuzz: most time in",
      slowest.map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join("; "),
    );
    expect(failures, JSON.stringify(failures, null, 2)).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(TOTAL);
    // Most bodies reach validation and are refused there (a narrowed run may hit auth first).
    if (!ONLY) expect(statuses.get(400)).toBeGreaterThan(calls / 5);
  }, 1_800_000);
});
