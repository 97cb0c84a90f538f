import { createHash } from "node:crypto";
import type { Inngest } from "inngest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cancelRuns, claimRuns, insertRuns, loadSteps } from "@/db/queries/executor-runs";
import type { TExecutorRun } from "@/db/schema";
import { useTestDb } from "@/db/testing/test-db";
import { applyDiscoveredOps } from "./apply-discovered-ops";
import { callFunction, type TCallRequest } from "./call-function";
import { readFunctionConfig } from "./function-config";
import { handleCheckpointRequest, hashedSigningKey } from "./handle-checkpoint-request";
import { serveFunctions, TEST_SIGNING_KEY } from "./testing/serve-functions";

// Inngest 4.24.0's async checkpointing as the local executor serves it: with `ctx.fn_id` and
// `ctx.qi_id` the SDK runs several steps in one request, posts each result to
// /v1/checkpoint/{runId}/async (answered in process by the client's fetch), and ends with a 206
// RunComplete. Guards the shapes the executor relies on when the SDK is upgraded.

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
const OWNER = "worker-1";
let seq = 0;

function define(client: Inngest) {
  return [
    client.createFunction({ id: "straight", triggers: [{ event: "cp/go" }] }, async ({ step }) => {
      let acc = 0;
      for (let i = 0; i < 3; i++) acc = await step.run(`s${i}`, () => acc + 1);
      return { acc };
    }),
    client.createFunction(
      { id: "then-sleep", triggers: [{ event: "cp/nap" }] },
      async ({ step }) => {
        await step.run("a", () => "A");
        await step.sleep("nap", "1h");
        return "woke";
      },
    ),
  ];
}

let db: Awaited<ReturnType<typeof useTestDb>>;
let app: Awaited<ReturnType<typeof serveFunctions>>;
beforeAll(async () => {
  db = await useTestDb();
  app = await serveFunctions(define);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

let runId = "";
beforeEach(async () => {
  runId = `cp-run-${++seq}`;
  await insertRuns([
    {
      id: runId,
      functionId: "test-app-straight",
      event: { name: "cp/go", data: {} },
      readyAt: new Date(0),
      idempotencyKey: null,
      concurrencyKey: null,
      concurrencyLimit: null,
    },
  ]);
  // The lease the checkpoints are memoised under (qi_id names its owner).
  expect((await claimRuns(OWNER, new Date(), 60_000, 100)).map((r) => r.id)).toContain(runId);
});

const call = (fn: string, extra: Partial<TCallRequest> = {}) =>
  callFunction({
    url: `${app.serveUrl}?fnId=test-app-${fn}&stepId=step`,
    stepId: "step",
    runId,
    attempt: 0,
    maxAttempts: 3,
    event: { id: `e-${runId}`, name: "cp/go", data: {}, ts: 1 },
    steps: [],
    disableImmediateExecution: false,
    checkpoint: { fnId: `test-app-${fn}`, queueItemId: OWNER },
    signingKey: TEST_SIGNING_KEY,
    timeoutMs: 10_000,
    ...extra,
  });

const checkpointRequest = (body: unknown, auth = `Bearer ${hashedSigningKey(TEST_SIGNING_KEY)}`) =>
  new Request(`${app.origin}/v1/checkpoint/${runId}/async`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("async checkpointing (inngest 4.24.0)", () => {
  it("runs every step in one request, checkpoints each, and answers 206 RunComplete", async () => {
    const r = await call("straight");
    expect(r).toEqual({
      kind: "ops",
      ops: [expect.objectContaining({ op: "RunComplete", id: sha1("complete"), data: { acc: 3 } })],
    });
    expect(await loadSteps(runId)).toEqual([
      { stepId: sha1("s0"), result: { data: 1 } },
      { stepId: sha1("s1"), result: { data: 2 } },
      { stepId: sha1("s2"), result: { data: 3 } },
    ]);
  });

  it("checkpoints the steps before a sleep, then returns the Sleep alone", async () => {
    const r = await call("then-sleep", {
      event: { id: `e-${runId}`, name: "cp/nap", data: {}, ts: 1 },
    });
    expect(r).toMatchObject({ kind: "ops", ops: [{ op: "Sleep", id: sha1("nap"), name: "1h" }] });
    expect(await loadSteps(runId)).toEqual([{ stepId: sha1("a"), result: { data: "A" } }]);
  });

  it("stops the request (400, no retry) when the run's lease moved on: 409 stale dispatch", async () => {
    await cancelRuns([runId], "stopped");
    const r = await call("straight");
    expect(r).toMatchObject({ kind: "error", retriable: false });
    expect(await loadSteps(runId)).toEqual([]);
  });

  it("stores StepRun results for the lease holder, first write wins, empty 200", async () => {
    const step = (data: unknown) => ({ id: "h1", op: "StepRun", data, rawArgs: [], timing: {} });
    const res = await handleCheckpointRequest(
      checkpointRequest({ run_id: runId, fn_id: "f", qi_id: OWNER, steps: [step(1)] }),
      { signingKey: TEST_SIGNING_KEY },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    await handleCheckpointRequest(
      checkpointRequest({ run_id: runId, fn_id: "f", qi_id: OWNER, steps: [step(2)] }),
      { signingKey: TEST_SIGNING_KEY },
    );
    expect(await loadSteps(runId)).toEqual([{ stepId: "h1", result: { data: 1 } }]);
    const other = await handleCheckpointRequest(
      checkpointRequest({ run_id: runId, fn_id: "f", qi_id: "worker-2", steps: [step(3)] }),
      { signingKey: TEST_SIGNING_KEY },
    );
    expect(other.status).toBe(409);
  });

  it("refuses a wrong key (401), other opcodes and mismatched ids (400), sync checkpoints (404)", async () => {
    const body = { run_id: runId, fn_id: "f", qi_id: OWNER, steps: [] };
    const opts = { signingKey: TEST_SIGNING_KEY };
    expect(
      (await handleCheckpointRequest(checkpointRequest(body, "Bearer signkey-test-00"), opts))
        .status,
    ).toBe(401);
    const sleep = { ...body, steps: [{ id: "x", op: "Sleep", name: "1h" }] };
    const refused = await handleCheckpointRequest(checkpointRequest(sleep), opts);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Sleep");
    expect(
      (await handleCheckpointRequest(checkpointRequest({ ...body, run_id: "other" }), opts)).status,
    ).toBe(400);
    const sync = new Request(`${app.origin}/v1/checkpoint`, {
      method: "POST",
      headers: { authorization: `Bearer ${hashedSigningKey(TEST_SIGNING_KEY)}` },
      body: "{}",
    });
    expect((await handleCheckpointRequest(sync, opts)).status).toBe(404);
  });

  it("finishes a run from a 206 RunComplete, memoising the StepRun ops before it", async () => {
    const fn = readFunctionConfig({
      id: "test-app-straight",
      triggers: [{ event: "cp/go" }],
      steps: { step: { runtime: { type: "http", url: app.serveUrl } } },
    });
    const state = { pending: [], parallel: false };
    const applied = await applyDiscoveredOps(
      // Only sleeps and waits read the run (its id); none here.
      { id: runId } as TExecutorRun,
      fn,
      [
        { id: "a", op: "StepRun", data: 1 },
        { id: sha1("complete"), op: "RunComplete", data: { acc: 1 } },
      ],
      0,
      state,
    );
    expect(applied).toMatchObject({
      error: null,
      memos: [{ stepId: "a", result: { data: 1 } }],
      completed: { output: { acc: 1 } },
    });
    // A result and a completion side by side are not a parallel group.
    expect(state.parallel).toBe(false);
  });
});
