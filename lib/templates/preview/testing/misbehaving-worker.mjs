// A worker for timed-worker-pool.test.ts, speaking serve-worker-jobs.ts's protocol. Plain
// JavaScript so Node runs it without a loader. Jobs: echo, spin forever, hog memory, exit.
import { parentPort } from "node:worker_threads";

parentPort.on("message", ({ id, input }) => {
  if (input.spin) for (;;);
  if (input.hog) {
    const keep = [];
    for (;;) keep.push("x".repeat(1024 * 1024) + keep.length);
  }
  if (input.exit) process.exit(input.exit);
  if (input.fail) {
    parentPort.postMessage({ id, ok: false, error: { message: input.fail, status: 400 } });
    return;
  }
  parentPort.postMessage({ id, ok: true, value: input.echo });
});
parentPort.postMessage({ ready: true });
