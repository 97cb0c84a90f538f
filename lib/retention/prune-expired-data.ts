import {
  clearMessageBodies,
  listRetentionAnyWorkspace,
  pruneContactEvents,
  pruneExecutorEventsAnyWorkspace,
  pruneFinishedRunsAnyWorkspace,
  pruneIdleRateBucketsAnyWorkspace,
  pruneImportData,
  pruneOtpCodesAnyWorkspace,
} from "@/db/queries/retention";
import { EXECUTOR_RETENTION_DAYS, RETENTION_DEFAULTS } from "./retention-settings";

const DAY_MS = 24 * 3600_000;

export type TPruneReport = {
  executorRuns: number;
  executorEvents: number;
  messageBodies: number;
  importRows: number;
  contactEvents: number;
  /** One-time passcodes a day past their expiry: a code is worth nothing then, its destination still personal data. */
  otpCodes: number;
  /** Rate buckets idle for a day and full again: no different from none (created full on use). */
  rateBuckets: number;
  /** True when the time budget ran out with batches still full: call again. */
  more: boolean;
};

export type TPruneKind = Exclude<keyof TPruneReport, "more">;

/**
 * One pass of retention: deletes what is older than each period, in batches of `batchSize` rows
 * (each batch its own short statement, skipping locked rows, so ingestion never waits), until every
 * kind is done or `budgetMs` is spent. The retention job calls it again while `more` is set.
 */
export async function pruneExpiredData(
  opts: {
    now?: Date;
    batchSize?: number;
    budgetMs?: number;
    /** Told of every batch: what it pruned, how many rows, and how long its statement took. */
    onBatch?: (kind: TPruneKind, rows: number, ms: number) => void;
  } = {},
): Promise<TPruneReport> {
  const now = (opts.now ?? new Date()).getTime();
  const batch = opts.batchSize ?? 1000;
  const stopAt = Date.now() + (opts.budgetMs ?? 10_000);
  const report: TPruneReport = {
    executorRuns: 0,
    executorEvents: 0,
    messageBodies: 0,
    importRows: 0,
    contactEvents: 0,
    otpCodes: 0,
    rateBuckets: 0,
    more: false,
  };
  /** Runs `one` until a batch comes back short; false if the budget ran out first. */
  const drain = async (key: TPruneKind, one: () => Promise<number>) => {
    for (;;) {
      if (Date.now() > stopAt) return false;
      const t0 = performance.now();
      const n = await one();
      opts.onBatch?.(key, n, performance.now() - t0);
      report[key] += n;
      if (n < batch) return true;
    }
  };
  const ago = (days: number) => new Date(now - days * DAY_MS);

  const executorBefore = ago(EXECUTOR_RETENTION_DAYS);
  if (!(await drain("executorRuns", () => pruneFinishedRunsAnyWorkspace(executorBefore, batch))))
    return { ...report, more: true };
  if (
    !(await drain("executorEvents", () => pruneExecutorEventsAnyWorkspace(executorBefore, batch)))
  )
    return { ...report, more: true };
  if (!(await drain("otpCodes", () => pruneOtpCodesAnyWorkspace(ago(1), batch))))
    return { ...report, more: true };
  const nowDate = new Date(now);
  if (!(await drain("rateBuckets", () => pruneIdleRateBucketsAnyWorkspace(ago(1), nowDate, batch))))
    return { ...report, more: true };

  for (const ws of await listRetentionAnyWorkspace()) {
    const s = ws.customised
      ? {
          messageBodyDays: ws.message_body_days,
          importDays: ws.import_days,
          contactEventDays: ws.contact_event_days,
        }
      : RETENTION_DEFAULTS;
    const id = ws.workspace_id;
    const steps: [TPruneKind, number | null, typeof clearMessageBodies][] = [
      ["messageBodies", s.messageBodyDays, clearMessageBodies],
      ["importRows", s.importDays, pruneImportData],
      ["contactEvents", s.contactEventDays, pruneContactEvents],
    ];
    for (const [key, days, prune] of steps) {
      if (days === null) continue;
      const before = ago(days);
      if (!(await drain(key, () => prune(id, before, batch)))) return { ...report, more: true };
    }
  }
  return report;
}
