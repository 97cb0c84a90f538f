import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callFunction, type TCallRequest } from "./call-function";
import { canonicalJson } from "./canonical-json";
import { signRequest } from "./sign-request";
import { serveFunctions, TEST_SIGNING_KEY } from "./testing/serve-functions";

// Guards an SDK upgrade: the executor depends on these exact shapes of inngest 4.24.0. When this
// fails after an upgrade, re-read the SDK's comm handler and engine before changing the pin.

const PINNED = "4.24.0";
const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

function define(client: Inngest) {
  return [
    client.createFunction(
      {
        id: "shape",
        retries: 2,
        idempotency: "event.data.k",
        cancelOn: [{ event: "shape/stop", if: "async.data.k == event.data.k" }],
        triggers: [{ event: "shape/go" }],
      },
      async ({ step }) => {
        await step.run("one", () => 1);
        await Promise.all([step.run("p1", () => 2), step.run("p2", () => 3)]);
        await step.sleep("nap", "1h");
        await step.waitForEvent("w", {
          event: "shape/reply",
          timeout: "2d",
          if: "async.data.k == event.data.k",
        });
        await step.run("bad", () => {
          throw new Error("boom");
        });
      },
    ),
  ];
}

let app: Awaited<ReturnType<typeof serveFunctions>>;
beforeAll(async () => void (app = await serveFunctions(define)));
afterAll(() => app.close());

const event = { id: "e1", name: "shape/go", data: { k: 1 }, ts: 1 };
const call = (stepId: string, memo: Record<string, unknown>, extra: Partial<TCallRequest> = {}) =>
  callFunction({
    url: `${app.serveUrl}?fnId=test-app-shape&stepId=step`,
    stepId,
    runId: "run-1",
    attempt: 0,
    maxAttempts: 3,
    event,
    steps: Object.entries(memo).map(([id, data]) => ({ stepId: sha1(id), result: { data } })),
    disableImmediateExecution: false,
    checkpoint: null,
    signingKey: TEST_SIGNING_KEY,
    timeoutMs: 10_000,
    ...extra,
  });

describe(`inngest SDK protocol (pinned ${PINNED})`, () => {
  it("is the pinned SDK version", () => {
    const pkg = JSON.parse(
      readFileSync(path.join(process.cwd(), "node_modules/inngest/package.json"), "utf8"),
    ) as { version: string };
    const own = JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(
      pkg.version,
      "the local executor is verified against inngest 4.24.0 only; re-run and re-read the protocol before upgrading",
    ).toBe(PINNED);
    expect(own.dependencies.inngest).toBe(PINNED);
  });

  it("answers an in-band sync with the function configs", async () => {
    const body = canonicalJson({ url: app.serveUrl });
    const res = await fetch(app.serveUrl, {
      method: "PUT",
      body,
      headers: {
        "x-inngest-sync-kind": "in_band",
        "x-inngest-signature": signRequest(body, TEST_SIGNING_KEY),
        "content-type": "application/json",
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-inngest-sync-kind")).toBe("in_band");
    const sync = (await res.json()) as { app_id: string; functions: unknown[] };
    expect(sync.app_id).toBe("test-app");
    expect(sync.functions[0]).toMatchObject({
      id: "test-app-shape",
      triggers: [{ event: "shape/go" }],
      steps: {
        step: {
          runtime: { type: "http", url: `${app.serveUrl}?fnId=test-app-shape&stepId=step` },
          retries: { attempts: 2 },
        },
      },
      idempotency: "event.data.k",
      cancel: [{ event: "shape/stop", if: "async.data.k == event.data.k" }],
    });
  });

  it("refuses an unsigned or wrongly signed call", async () => {
    expect(await call("step", {}, { signingKey: `signkey-test-${"00".repeat(32)}` })).toMatchObject(
      { kind: "error", error: expect.stringContaining("HTTP 401") },
    );
  });

  it("runs a lone step at once (StepRun, hashed id, data)", async () => {
    const r = await call("step", {});
    expect(r).toMatchObject({
      kind: "ops",
      ops: [{ op: "StepRun", id: sha1("one"), data: 1, displayName: "one" }],
    });
  });

  it("plans parallel steps (StepPlanned), then runs one when asked by id", async () => {
    const planned = await call("step", { one: 1 });
    expect(planned).toMatchObject({
      kind: "ops",
      ops: [
        { op: "StepPlanned", id: sha1("p1") },
        { op: "StepPlanned", id: sha1("p2") },
      ],
    });
    const ran = await call(sha1("p2"), { one: 1 }, { disableImmediateExecution: true });
    expect(ran).toMatchObject({ kind: "ops", ops: [{ op: "StepRun", id: sha1("p2"), data: 3 }] });
  });

  it("reports a sleep with its duration in `name`", async () => {
    expect(
      await call("step", { one: 1, p1: 2, p2: 3 }, { disableImmediateExecution: true }),
    ).toMatchObject({ kind: "ops", ops: [{ op: "Sleep", id: sha1("nap"), name: "1h" }] });
  });

  it("reports a wait with the event in `name` and timeout and if in opts", async () => {
    expect(
      await call("step", { one: 1, p1: 2, p2: 3, nap: null }, { disableImmediateExecution: true }),
    ).toMatchObject({
      kind: "ops",
      ops: [
        {
          op: "WaitForEvent",
          id: sha1("w"),
          name: "shape/reply",
          opts: { timeout: "2d", if: "async.data.k == event.data.k" },
        },
      ],
    });
  });

  it("reports a thrown step as StepError with a serialised error", async () => {
    const r = await call(
      sha1("bad"),
      { one: 1, p1: 2, p2: 3, nap: null, w: null },
      { disableImmediateExecution: true },
    );
    expect(r).toMatchObject({
      kind: "ops",
      ops: [{ op: "StepError", id: sha1("bad"), error: { name: "Error", message: "boom" } }],
    });
  });

  it("fails without retry (400, X-Inngest-No-Retry) when a memoised step error is not caught", async () => {
    const steps = [
      ...["one", "p1", "p2", "nap", "w"].map((id) => ({
        stepId: sha1(id),
        result: { data: null },
      })),
      { stepId: sha1("bad"), result: { error: { name: "Error", message: "boom" } } },
    ];
    expect(await call("step", {}, { steps })).toEqual({
      kind: "error",
      retriable: false,
      retryAfter: null,
      error: "HTTP 400: Error: boom",
    });
  });

  it("signs exactly what the SDK verifies (canonical JSON, unix seconds)", () => {
    expect(canonicalJson({ b: [1, { d: undefined, c: "x" }], a: null })).toBe(
      '{"a":null,"b":[1,{"c":"x"}]}',
    );
    expect(signRequest("{}", "signkey-test-abc", 1_700_000_000_999)).toMatch(
      /^t=1700000000&s=[0-9a-f]{64}$/,
    );
  });
});
