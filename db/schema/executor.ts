import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// The local executor's state (lib/local-executor). Infrastructure, not tenant data: a run carries
// whatever its event carries, and the functions it calls scope their own work by workspace.

/** The app's functions as its serve endpoint reported them at the last sync. */
export const executorFunctions = pgTable("executor_functions", {
  /** Composite id, `<app id>-<function id>`, as the SDK expects it back in `fnId`. */
  id: text("id").primaryKey(),
  appId: text("app_id").notNull(),
  /** The step URL the SDK gave (`…?fnId=…&stepId=step`). */
  url: text("url").notNull(),
  config: jsonb("config").$type<unknown>().notNull(),
  syncedAt: timestamp("synced_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every accepted event; the primary key is the event id, so a resend with the same id is stored once. */
export const executorEvents = pgTable(
  "executor_events",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    ts: bigint("ts", { mode: "number" }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("executor_events_name_idx").on(t.name, t.ts),
    // Retention deletes the oldest first.
    index("executor_events_received_idx").on(t.receivedAt),
  ],
);

/**
 * One function run. `readyAt` is on the executor's clock (virtual in tests); the lease is on the
 * database's real clock, because it guards against real processes dying.
 */
export const executorRuns = pgTable(
  "executor_runs",
  {
    id: text("id").primaryKey(),
    functionId: text("function_id").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    /** queued | waiting (sleep / waitForEvent / retry backoff) | completed | failed | cancelled */
    status: text("status").notNull(),
    readyAt: timestamp("ready_at", { withTimezone: true }).notNull(),
    /** Attempt of the discovery call (function-level errors). */
    attempt: integer("attempt").notNull().default(0),
    /** Planned steps still to execute: `[{ id, attempt, retryAt? }]`. */
    pending: jsonb("pending").$type<TPendingStep[]>().notNull().default([]),
    /** Set once the run reported parallel steps; the SDK must then plan before running. */
    parallel: boolean("parallel").notNull().default(false),
    /** Bumped when an event resolves one of the run's waits, so a worker parking it meanwhile leaves it due. */
    wakes: integer("wakes").notNull().default(0),
    /** How many memoised steps the last discovery call saw; more means discover again. */
    seenSteps: integer("seen_steps").notNull().default(-1),
    idempotencyKey: text("idempotency_key"),
    /** The function's concurrency group of this run and its limit (runs of a group leased at once). */
    concurrencyKey: text("concurrency_key"),
    concurrencyLimit: integer("concurrency_limit"),
    /** The function's singleton group (`<fn>:<key>`): at most one active run per group, a new one is skipped. */
    singletonKey: text("singleton_key"),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    output: jsonb("output").$type<unknown>(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("executor_runs_claim_idx").on(t.status, t.readyAt),
    // The claim's "due" scan: the earliest active runs in ready order, stopping at the batch. With
    // (status, ready_at) PostgreSQL had to gather both statuses' due runs and sort them, every
    // claim, over the whole audience of a journey (50,000 due runs: ~100 ms a claim).
    index("executor_runs_due_idx")
      .on(t.readyAt)
      .where(sql`${t.status} in ('queued', 'waiting')`),
    // The claim counts leases per concurrency key for the keys of its candidates only; runs hold a
    // lease only while a worker has them, so this index stays the size of the work in flight.
    index("executor_runs_leased_key_idx")
      .on(t.concurrencyKey)
      .where(sql`${t.leaseUntil} is not null`),
    index("executor_runs_function_idx").on(t.functionId, t.status),
    uniqueIndex("executor_runs_idempotency_idx").on(t.functionId, t.idempotencyKey),
    // The journey run page finds a run by its entry (db/queries/journey-runs.ts).
    index("executor_runs_entry_idx").on(sql`(${t.event} -> 'data' ->> 'entryId')`),
    // Retention deletes finished runs, oldest first.
    index("executor_runs_finished_idx")
      .on(t.finishedAt)
      .where(sql`${t.finishedAt} is not null`),
    // Partial: a finished run leaves the index, so the next run of the group may start.
    uniqueIndex("executor_runs_singleton_idx")
      .on(t.singletonKey)
      .where(sql`${t.singletonKey} is not null and ${t.status} in ('queued', 'waiting')`),
  ],
);

/** Memoised step results, in the order they finished (`seq`), which is the SDK's `ctx.stack`. */
export const executorSteps = pgTable(
  "executor_steps",
  {
    runId: text("run_id")
      .notNull()
      .references(() => executorRuns.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    /** `{ data }` or `{ error: { name, message, stack? } }`, exactly as the SDK reads it back. */
    result: jsonb("result").$type<TStepResult>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepId] })],
);

/** Timers (`sleep`) and waits (`waitForEvent`, with its `if` and timeout) a run is parked on. */
export const executorWaits = pgTable(
  "executor_waits",
  {
    runId: text("run_id")
      .notNull()
      .references(() => executorRuns.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    kind: text("kind").$type<"sleep" | "event">().notNull(),
    eventName: text("event_name"),
    expression: text("expression"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.stepId] }),
    index("executor_waits_event_idx").on(t.eventName),
  ],
);

/**
 * One row per cron trigger of a synced function: when it fires next (on the executor's clock).
 * Firing moves `next_at` on with a compare-and-set in the same transaction that creates the run,
 * so with several processes on one database each tick starts exactly one run.
 */
export const executorCrons = pgTable(
  "executor_crons",
  {
    functionId: text("function_id").notNull(),
    cron: text("cron").notNull(),
    nextAt: timestamp("next_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.functionId, t.cron] }),
    index("executor_crons_due_idx").on(t.nextAt),
  ],
);

/** Test-only: how far the executor's clock is ahead of real time (advanced by e2e through a test hook). */
export const executorClock = pgTable("executor_clock", {
  id: integer("id").primaryKey(),
  offsetMs: bigint("offset_ms", { mode: "number" }).notNull().default(0),
});

export type TPendingStep = { id: string; attempt: number; retryAt?: number };
export type TStepResult =
  { data: unknown } | { error: { name: string; message: string; stack?: string } };
export type TExecutorRun = typeof executorRuns.$inferSelect;
