import journal from "@/db/migrations/meta/_journal.json";
import { appliedMigrations, executorQueue, pingDatabase } from "@/db/queries/system-status";
import { env } from "@/lib/env";
import { isDraining } from "@/lib/lifecycle/shutdown";
import { failingProviders } from "./provider-health";

type TCheck = { ok: boolean; [detail: string]: unknown };
export type TReadiness = {
  ok: boolean;
  checks: {
    shutdown: TCheck;
    database: TCheck;
    migrations: TCheck;
    executor: TCheck;
    providers: TCheck;
  };
};

/** The migrations this build ships (db/migrations/meta/_journal.json): how many, and the newest stamp. */
const SHIPPED = {
  count: journal.entries.length,
  newest: Math.max(...journal.entries.map((e) => e.when)),
};

const DB_TIMEOUT_MS = 2_000;
const withTimeout = <T>(p: Promise<T>, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what} took over ${DB_TIMEOUT_MS} ms`)),
        DB_TIMEOUT_MS,
      ).unref(),
    ),
  ]);

/**
 * Can this process take traffic and keep up with its work? Counts and states only: no URLs,
 * hosts, workspace names or error details beyond a short reason.
 */
export async function checkReadiness(now = Date.now()): Promise<TReadiness> {
  const draining = isDraining();
  const database: TCheck = await withTimeout(pingDatabase(), "the database ping").then(
    () => ({ ok: true }),
    (err: Error) => ({
      ok: false,
      reason: err.message.includes("took over") ? err.message : "unreachable",
    }),
  );
  let migrations: TCheck = { ok: false, reason: "database unreachable" };
  let executor: TCheck = { ok: true, kind: env.executor };
  if (database.ok) {
    [migrations, executor] = await Promise.all([
      withTimeout(appliedMigrations(), "reading migrations").then(
        (m): TCheck => ({
          ok: m.count >= SHIPPED.count && (m.newest ?? 0) >= SHIPPED.newest,
          applied: m.count,
          expected: SHIPPED.count,
        }),
        (): TCheck => ({ ok: false, reason: "not migrated" }),
      ),
      // With Inngest the queue is Inngest's (its own dashboard and metrics); here only the local one.
      env.executor !== "local"
        ? Promise.resolve<TCheck>({ ok: true, kind: env.executor })
        : withTimeout(executorQueue(), "reading the executor queue").then(
            (q): TCheck => ({
              ok: q.lagSeconds <= env.WAYMARK_READY_MAX_LAG_SECONDS,
              kind: "local",
              due: q.due,
              lagSeconds: Math.round(q.lagSeconds),
              maxLagSeconds: env.WAYMARK_READY_MAX_LAG_SECONDS,
            }),
            (): TCheck => ({ ok: false, kind: "local", reason: "queue unreadable" }),
          ),
    ]);
  }
  const failing = failingProviders(now);
  const checks = {
    shutdown: { ok: !draining, draining },
    database,
    migrations,
    executor,
    providers: {
      ok: failing.length === 0,
      failing: failing.map((p) => `${p.channel}/${p.provider}`),
    },
  };
  return { ok: Object.values(checks).every((c) => c.ok), checks };
}

const TTL_MS = 1_500;
const KEY = Symbol.for("waymark.readiness");
type THolder = { [KEY]?: { at: number; value: Promise<TReadiness> } };

/**
 * checkReadiness, shared for a moment: load balancers, orchestrators and monitors may all poll
 * every second without adding database load. A drain shows at once (it skips the cache).
 */
export function cachedReadiness(now = Date.now()): Promise<TReadiness> {
  const holder = globalThis as THolder;
  const hit = holder[KEY];
  if (hit && now - hit.at < TTL_MS && !isDraining()) return hit.value;
  const value = checkReadiness(now);
  holder[KEY] = { at: now, value };
  return value;
}
