import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { claimRuns } from "@/db/queries/executor-runs";
import type { TExecutorRun } from "@/db/schema";
import { withLogContext } from "@/lib/log/log-context";
import { log as logger } from "@/lib/log/logger";
import { eventTraceCarrier, inSpanFrom } from "@/lib/tracing/trace-context";
import { systemClock, type TClock } from "./clock";
import { fireDueCrons, scheduleCrons } from "./fire-due-crons";
import type { TRegisteredFunction } from "./function-config";
import { ingestEvents, type TEventInput, type TIngestResult } from "./ingest-events";
import type { TServeHandler } from "./in-process-serve";
import { processRun } from "./process-run";
import { registeredFunctions, syncFunctions } from "./sync-functions";

export type TLocalExecutorOptions = {
  /** The app's serve endpoint, e.g. http://127.0.0.1:3000/api/inngest. */
  serveUrl: string;
  /** Signs every request; the serve endpoint's client must hold the same key. */
  signingKey: string;
  clock?: TClock;
  /** Runs advanced at once by this process. */
  slots?: number;
  leaseMs?: number;
  callTimeoutMs?: number;
  /**
   * Let the SDK run several steps per request and checkpoint them (default). The app's Inngest
   * client must then answer checkpoints (localCheckpointFetch). False: one step per request, the
   * flow before inngest 4.x checkpointing (kept for the benchmark's baseline).
   */
  checkpointing?: boolean;
  /**
   * The app's serve handler when it runs in this process (in-process-serve.ts): calls to
   * `serveUrl` then skip loopback HTTP. Asked on every call (the route registers it when it
   * first loads); null: HTTP.
   */
  serveHandler?: () => TServeHandler | null;
  /** Sleep between polls when nothing is due. */
  idleMs?: number;
  log?: (line: string) => void;
};

export type TLocalExecutor = {
  owner: string;
  clock: TClock;
  /** Fetches the app's function configs (in-band sync) and stores them as the registry. */
  sync: () => Promise<TRegisteredFunction[]>;
  /** Accepts events as the Inngest event API would, and wakes the loop. */
  send: (events: TEventInput | TEventInput[]) => Promise<TIngestResult>;
  /** Claims and advances the runs due now (after starting those of due crons); returns how many it took. */
  tick: () => Promise<number>;
  /** Ticks until nothing is due (tests). */
  drain: (maxTicks?: number) => Promise<void>;
  /** Starts the background loop (syncs first, retrying until the app answers). */
  start: () => void;
  poke: () => void;
  /**
   * Stops claiming, ends in-flight turns at their next step boundary and hands their runs back
   * (leases released, due now), then resolves.
   */
  stop: () => Promise<void>;
};

const CRON_CHECK_MS = 500;

/** A local executor: Inngest's server role for one app, with its state in the app's database. */
export function createLocalExecutor(opts: TLocalExecutorOptions): TLocalExecutor {
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const clock = opts.clock ?? systemClock;
  // Every line is about something going wrong, except the one saying the functions were synced.
  const log =
    opts.log ??
    ((line: string) =>
      (line.startsWith("synced ") ? logger.info : logger.warn)(`local executor: ${line}`));
  const slots = opts.slots ?? 4;
  // Short, renewed every quarter: after a crash another process (or the restarted one) resumes within a minute.
  const leaseMs = opts.leaseMs ?? 60_000;
  const callTimeoutMs = opts.callTimeoutMs ?? leaseMs - 30_000;
  let stopped = true;
  // Set by stop() (not merely "not started": tests tick without the loop): in-flight turns hand
  // their runs back at the next step boundary.
  let stopping = false;
  let cache: Promise<Map<string, TRegisteredFunction>> | null = null;
  let synced = false;
  const functions = () =>
    (cache ??= registeredFunctions().catch((err) => ((cache = null), Promise.reject(err))));
  const ctx = {
    owner,
    clock,
    leaseMs,
    callTimeoutMs,
    signingKey: opts.signingKey,
    checkpointing: opts.checkpointing ?? true,
    serveHandler: (url: string) => {
      if (!opts.serveHandler) return null;
      const u = new URL(url);
      return `${u.origin}${u.pathname}` === opts.serveUrl ? opts.serveHandler() : null;
    },
    functions,
    log,
    stopping: () => stopping,
  };

  const advance = (run: TExecutorRun) =>
    withLogContext({ runId: run.id, functionId: run.functionId }, () =>
      // A turn continues the trace its run's event carries (the ingestion that entered the
      // contact, the launch of a campaign); the call it makes carries it on in `traceparent`.
      inSpanFrom(
        eventTraceCarrier((run.event as { data?: unknown }).data),
        "waymark.executor.turn",
        { "waymark.run_id": run.id, "waymark.function": run.functionId },
        () => processRun(run, ctx),
      ),
    ).catch((err) =>
      log(
        `run ${run.id} turn failed (retried when its lease expires): ${err instanceof Error ? err.stack : String(err)}`,
      ),
    );
  const tick = async () => {
    await fireDueCrons(await functions(), await clock.now());
    const runs = await claimRuns(owner, new Date(await clock.now()), leaseMs, slots);
    await Promise.all(runs.map(advance));
    return runs.length;
  };

  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  // Set by a poke or a run ending while the loop was busy claiming: the next nap is skipped.
  let kicked = false;
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      if (kicked) return ((kicked = false), resolve());
      const t = setTimeout(resolve, ms);
      t.unref?.();
      wake = () => (clearTimeout(t), resolve());
    });
  const kick = () => {
    kicked = true;
    wake?.();
  };
  // The loop keeps `slots` runs in flight: it claims again as soon as a quarter of the slots are
  // free (claims are batched; waiting for a whole batch to end would idle the slots behind the
  // slowest run).
  const inflight = new Set<Promise<void>>();
  const refillAt = Math.max(1, Math.floor(slots / 4));

  const executor: TLocalExecutor = {
    owner,
    clock,
    sync: async () => {
      const fns = await syncFunctions(opts.serveUrl, opts.signingKey);
      await scheduleCrons(fns, await clock.now());
      cache = Promise.resolve(new Map(fns.map((f) => [f.id, f])));
      synced = true;
      return fns;
    },
    send: async (events) => {
      // An event that arrives before this process's first sync must still find today's functions.
      if (!synced)
        await executor
          .sync()
          .catch((err) =>
            log(`sync before ingest failed, using the stored registry: ${(err as Error).message}`),
          );
      const result = await ingestEvents(
        Array.isArray(events) ? events : [events],
        await functions(),
        await clock.now(),
      );
      executor.poke();
      return result;
    },
    tick,
    drain: async (maxTicks = 1000) => {
      for (let i = 0; i < maxTicks; i++) if ((await tick()) === 0) return;
      throw new Error(`Runs still due after ${maxTicks} ticks`);
    },
    start: () => {
      if (!stopped) return;
      stopped = false;
      stopping = false;
      loop = (async () => {
        let lastComplaint = 0;
        let cronsCheckedAt = 0;
        while (!stopped) {
          try {
            if (!synced) {
              const fns = await executor.sync();
              synced = true;
              log(`synced ${fns.length} function(s) from ${opts.serveUrl}`);
            }
            // Crons have a one-second grain; a busy loop need not look at them more often.
            if (Date.now() - cronsCheckedAt >= CRON_CHECK_MS) {
              cronsCheckedAt = Date.now();
              if (await fireDueCrons(await functions(), await clock.now())) kicked = true;
            }
            const free = slots - inflight.size;
            if (free >= refillAt || inflight.size === 0) {
              kicked = false;
              const runs = await claimRuns(owner, new Date(await clock.now()), leaseMs, free);
              for (const run of runs) {
                const p: Promise<void> = advance(run).finally(() => (inflight.delete(p), kick()));
                inflight.add(p);
              }
              // Every free slot filled: more may be due.
              if (runs.length && runs.length === free) continue;
            }
          } catch (err) {
            // The app is usually still starting when the first sync is tried; say so once a minute.
            if (Date.now() - lastComplaint > 60_000)
              log(err instanceof Error ? err.message : String(err));
            lastComplaint = Date.now();
          }
          await nap(opts.idleMs ?? 1000);
          wake = null;
        }
        await Promise.all(inflight);
      })();
    },
    poke: kick,
    stop: async () => {
      stopped = true;
      stopping = true;
      kick();
      await loop;
      loop = null;
    },
  };
  return executor;
}
