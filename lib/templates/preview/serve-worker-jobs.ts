import { parentPort } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import type { TSerialisedError, TWorkerReply } from "./timed-worker-pool";

/** An error crosses the thread boundary as data; an AppError keeps its status and fields. */
function serialise(err: unknown): TSerialisedError {
  if (err instanceof AppError)
    return {
      message: err.message,
      status: err.status,
      code: err.code,
      fields: err.fields,
      details: err.details,
    };
  return { message: err instanceof Error ? err.message : String(err) };
}

/** The worker side of timed-worker-pool.ts: says it is ready, then answers one job at a time. */
export function serveWorkerJobs<I, O>(handle: (input: I) => O | Promise<O>) {
  const port = parentPort;
  if (!port) throw new Error("serveWorkerJobs runs inside a worker thread");
  port.on("message", async ({ id, input }: { id: number; input: I }) => {
    let reply: TWorkerReply;
    try {
      reply = { id, ok: true, value: await handle(input) };
    } catch (err) {
      reply = { id, ok: false, error: serialise(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies TWorkerReply);
}
