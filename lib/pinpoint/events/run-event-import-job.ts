import {
  advanceEventImport,
  finishEventImport,
  pauseEventImport,
  readEventImportChunk,
  updateOwnedEventImport,
  type TEventJobRef,
} from "@/db/queries/pinpoint-event-imports";
import { db } from "@/db";
import type { TPinpointEventImport } from "@/db/schema";
import { LeaseLostError } from "@/lib/imports/lease-lost";
import { ingest } from "@/lib/ingest/ingest";
import type { TOperation } from "@/lib/ingest/normalize";
import {
  EVENT_BATCH_LINES,
  EVENT_LEASE_MS,
  EVENT_STEP_BUDGET_MS,
  MAX_REPORTED_LINES,
} from "./limits";
import { EventFileError, readEventLines } from "./read-event-lines";
import { recountHistoryDays } from "./recount-history-days";
import { parseStreamRecord } from "./stream-record";

export type TEventImportProgress = { line: number; totalLines: number; phase: string };

async function* storedPieces(imp: TPinpointEventImport) {
  for (let seq = 0; seq < imp.chunkCount; seq++) {
    const piece = await readEventImportChunk(imp.workspaceId, imp.id, seq);
    if (!piece) throw new Error(`Event import ${imp.id} lost piece ${seq} of its file`);
    yield piece;
  }
}

const RENEW_EVERY_LINES = 20_000;

/** Reads the whole file once: it must gunzip to its end before anything is written. */
async function validate(job: TEventJobRef, imp: TPinpointEventImport) {
  let lines = 0;
  try {
    for await (const { line } of readEventLines(storedPieces(imp))) {
      lines = line;
      if (line % RENEW_EVERY_LINES === 0 && !(await updateOwnedEventImport(job, {})))
        throw new LeaseLostError(job.id);
    }
  } catch (err) {
    if (err instanceof EventFileError) return { ok: false as const, reason: err.message };
    throw err;
  }
  return { ok: true as const, lines };
}

/**
 * Runs a claimed event-history import for about `budgetMs`: the validation pass (unless it
 * already passed), then the import from the cursor, EVENT_BATCH_LINES lines per transaction, the
 * cursor and counts moving in the batch's transaction. Returns "paused" when the budget is spent
 * (the next claim carries on from the cursor, reading the file again from the top and skipping
 * what is done). Stored events are not offered to journeys or campaigns (ingest `notify: false`).
 */
export async function runEventImportJob(
  imp: TPinpointEventImport,
  owner: string,
  opts: {
    leaseMs?: number;
    budgetMs?: number;
    now?: Date;
    onProgress?: (p: TEventImportProgress) => void;
  } = {},
): Promise<"completed" | "paused" | "failed"> {
  const deadline = Date.now() + (opts.budgetMs ?? EVENT_STEP_BUDGET_MS);
  const job: TEventJobRef = {
    id: imp.id,
    workspaceId: imp.workspaceId,
    owner,
    leaseMs: opts.leaseMs ?? EVENT_LEASE_MS,
  };
  let current = imp;
  if (imp.status === "queued" || imp.status === "validating") {
    if (!(await updateOwnedEventImport(job, { status: "validating" })))
      throw new LeaseLostError(job.id);
    opts.onProgress?.({ line: 0, totalLines: 0, phase: "validating" });
    const checked = await validate(job, imp);
    if (!checked.ok) {
      if (!(await finishEventImport(job, { status: "failed", failureReason: checked.reason })))
        throw new LeaseLostError(job.id);
      return "failed";
    }
    const progress = { status: "importing", totalLines: checked.lines, cursorLine: 0 };
    if (!(await updateOwnedEventImport(job, progress))) throw new LeaseLostError(job.id);
    current = { ...imp, ...progress };
  }

  let reported = current.errors.length;
  let batch: { line: number; op: TOperation }[] = [];
  let refused: { line: number; message: string }[] = [];
  let refusedCount = 0;
  let lastLine = current.cursorLine;
  let flushedAt = current.cursorLine;
  const flush = async () => {
    const ops = batch.map((b) => b.op);
    const counts = (statuses: string[]) => ({
      cursorLine: lastLine,
      imported: statuses.filter((s) => s === "accepted").length,
      duplicates: statuses.filter((s) => s === "duplicate").length,
      refused: refusedCount,
      errors: refused,
    });
    if (!ops.length) {
      if (!(await advanceEventImport(job, counts([]), db()))) throw new LeaseLostError(job.id);
    } else
      await ingest(current.workspaceId, ops, {
        source: "import",
        notify: false,
        withContacts: async (_ids, tx, statuses) => {
          if (!(await advanceEventImport(job, counts(statuses), tx)))
            throw new LeaseLostError(job.id);
          // The overview's "Imported from Pinpoint" counts, for the days these events fall on.
          await recountHistoryDays(current.workspaceId, ops, statuses, tx);
        },
      });
    batch = [];
    flushedAt = lastLine;
    refused = [];
    refusedCount = 0;
    opts.onProgress?.({ line: lastLine, totalLines: current.totalLines, phase: "importing" });
  };

  const now = opts.now ?? new Date();
  for await (const { line, text } of readEventLines(storedPieces(current))) {
    if (line <= current.cursorLine) continue;
    lastLine = line;
    if (text.trim()) {
      const r = parseStreamRecord(text, now);
      if (r.ok) batch.push({ line, op: r.op });
      else {
        refusedCount++;
        if (reported++ < MAX_REPORTED_LINES) refused.push({ line, message: r.message });
      }
    }
    if (lastLine - flushedAt >= EVENT_BATCH_LINES) {
      await flush();
      if (Date.now() > deadline) {
        if (!(await pauseEventImport(job))) throw new LeaseLostError(job.id);
        return "paused";
      }
    }
  }
  if (lastLine > flushedAt) await flush();
  if (!(await finishEventImport(job, { status: "completed" }))) throw new LeaseLostError(job.id);
  return "completed";
}
